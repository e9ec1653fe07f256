/**
 * Scoring of document exports against ground truth, behind {@code bin/eval}.
 *
 * <p>{@link reportingest.eval.TruthFiles} finds the truth for an input,
 * {@link reportingest.eval.ExportComparator} scores one export into a
 * {@link reportingest.eval.DocumentScore}, and {@link reportingest.eval.EvalReport} prints the
 * people's table with the contract JSON summary as its last line. Rows pair by key (see
 * {@code RowMatcher}): coded tables by code + name (+ group), summary tables by side + line_no
 * then side + item, 三公 by position, performance tables by label (+ section/parent) then order.
 */
package reportingest.eval;
