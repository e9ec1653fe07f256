/**
 * Running the real service on a throw-away home for tools that measure it from the outside:
 * {@code bin/eval} (quality) and {@code bin/bench} (speed and memory).
 */
package reportingest.harness;
