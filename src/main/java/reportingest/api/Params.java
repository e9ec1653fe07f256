package reportingest.api;

import java.util.Set;

/** Query and path parameters: parsed, or the request ends with a 400 that names the parameter. */
final class Params {
    private Params() {}

    static Long optionalLong(String name, String value) {
        if (value == null || value.isBlank()) return null;
        try {
            long v = Long.parseLong(value.strip());
            if (v < 0) throw bad(name + " must not be negative");
            return v;
        } catch (NumberFormatException e) {
            throw bad(name + " must be a whole number, not '" + value + "'");
        }
    }

    static long requiredId(String name, String value) {
        Long v = optionalLong(name, value);
        if (v == null) throw bad(name + " is required");
        return v;
    }

    static int limit(String value, int defaultLimit, int max) {
        Long v = optionalLong("limit", value);
        if (v == null) return defaultLimit;
        if (v < 1 || v > max) throw bad("limit must be between 1 and " + max);
        return v.intValue();
    }

    static String oneOf(String name, String value, Set<String> allowed) {
        if (value == null || value.isBlank()) return null;
        String v = value.strip().toUpperCase(java.util.Locale.ROOT);
        if (!allowed.contains(v)) throw bad(name + " must be one of " + String.join(", ", new java.util.TreeSet<>(allowed)));
        return v;
    }

    static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A path segment with a fixed suffix: "3.png" -> "3" (the router may already have taken the suffix off). */
    static String withoutSuffix(String name, String value, String suffix) {
        if (value == null || value.isBlank() || value.equals(suffix)) throw bad(name + " is required");
        return value.endsWith(suffix) ? value.substring(0, value.length() - suffix.length()) : value;
    }

    static ApiProblem bad(String message) {
        return new ApiProblem(ApiResponse.error(400, message));
    }

    static ApiProblem notFound(String message) {
        return new ApiProblem(ApiResponse.error(404, message));
    }
}
