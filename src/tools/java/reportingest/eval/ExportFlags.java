package reportingest.eval;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads review marks from an export leniently: flags may be codes or objects with a code. */
final class ExportFlags {
    private ExportFlags() {}

    static final String NEEDS_REVIEW = "NEEDS_REVIEW";

    /** A cell is flagged by its own flags or by its row's NEEDS_REVIEW status (DESIGN, bin/eval). */
    static boolean cellFlagged(JsonNode row, String column) {
        if (row == null) return false;
        if (NEEDS_REVIEW.equalsIgnoreCase(row.path("status").asText(""))) return true;
        JsonNode cell = row.path("cells").path(column);
        return hasFlag(cell.path("flags"));
    }

    /** A row is flagged by its NEEDS_REVIEW status or a flag of its own (for its label). */
    static boolean rowFlagged(JsonNode row) {
        return NEEDS_REVIEW.equalsIgnoreCase(row.path("status").asText("")) || hasFlag(row.path("flags"));
    }

    /** True when the node holds at least one flag: a non-blank code or an object. */
    static boolean hasFlag(JsonNode flags) {
        if (flags == null || flags.isMissingNode() || flags.isNull()) return false;
        if (flags.isTextual()) return !flags.asText().isBlank();
        if (flags.isObject()) return true;
        if (flags.isArray()) {
            for (JsonNode f : flags) {
                if (f.isObject() || (f.isTextual() && !f.asText().isBlank())) return true;
            }
        }
        return false;
    }
}
