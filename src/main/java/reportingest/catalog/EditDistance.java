package reportingest.catalog;

/** Levenshtein distance, for matching OCR-read labels and titles to the catalog's known ones. */
public final class EditDistance {
    private EditDistance() {}

    /** The distance, or {@code limit + 1} as soon as it is known to exceed {@code limit}. */
    public static int within(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) > limit) return limit + 1;
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j], cur[j - 1]) + 1);
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (rowMin > limit) return limit + 1;
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return Math.min(prev[b.length()], limit + 1);
    }

    /**
     * Edits tolerated between an OCR reading and a known label of this length: none for short labels,
     * where one slip can make another label, then one per eight characters.
     */
    public static int ocrBudget(int length) {
        return length < 6 ? 0 : Math.max(1, length / 8);
    }
}
