package reportingest.eval;

import com.fasterxml.jackson.databind.JsonNode;
import java.text.Normalizer;

/** Text normalisation shared by row keys and values. */
final class Labels {
    private Labels() {}

    /**
     * A label as a key: NFKC (full-width letters and digits, U+3000) then every whitespace
     * removed, because OCR and layout scatter spaces through Chinese labels ("合 计").
     * Absent and blank both give null: truth writes a blank label as null, exports may write "".
     */
    static String key(JsonNode node) {
        String s = text(node);
        if (s == null) return null;
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC);
        StringBuilder b = new StringBuilder(n.length());
        n.codePoints().filter(cp -> !Character.isWhitespace(cp) && !Character.isSpaceChar(cp))
                .forEach(b::appendCodePoint);
        return b.isEmpty() ? null : b.toString();
    }

    /** A value as compared: trimmed text, blank and JSON null both meaning "no value". */
    static String value(JsonNode node) {
        String s = text(node);
        if (s == null) return null;
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    /** Text of a scalar node (numbers keep their JSON spelling); null for absent, null or containers. */
    static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode() || node.isContainerNode()) return null;
        return node.asText();
    }
}
