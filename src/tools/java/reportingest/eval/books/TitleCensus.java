package reportingest.eval.books;

import reportingest.reconcile.ExtractedTable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Exported titles against the titles printed (read by eye), character for character as {@link FormCensus#title}
 * compares them: as printed (and of those, flagged TITLE_UNCERTAIN all the same), wrong but flagged, wrong unflagged.
 * A title is "short" when it lacks {@link #LINE} characters or more (a line lost), else "misread".
 */
public record TitleCensus(int compared, int asPrinted, int asPrintedFlagged, int wrongFlagged, int wrongUnflagged,
                          List<String> wrong, List<String> rightButFlagged) {
    /** A title this many characters shorter than printed or more has lost a line (c01's shortest second line: 情况表). */
    public static final int LINE = 3;
    public static final String FLAG = "TITLE_UNCERTAIN";

    public static TitleCensus of(Map<String, String> printed, List<ExtractedTable> tables) {
        int compared = 0, right = 0, rightFlagged = 0, wrongFlagged = 0, wrongUnflagged = 0;
        List<String> wrong = new ArrayList<>(), flaggedRight = new ArrayList<>();
        for (ExtractedTable t : tables) {
            String form = t.formNo() == null ? null : PrintedForms.normal(t.formNo());
            if (form == null || !printed.containsKey(form)) continue;
            compared++;
            String want = FormCensus.title(printed.get(form)), got = t.title() == null ? "" : FormCensus.title(t.title());
            boolean flagged = t.flags().stream().anyMatch(f -> f.code().equals(FLAG));
            if (want.equals(got)) {
                right++;
                if (flagged) {
                    rightFlagged++;
                    flaggedRight.add(form + " " + message(t));
                }
                continue;
            }
            if (flagged) wrongFlagged++;
            else wrongUnflagged++;
            wrong.add((flagged ? "flagged " : "UNFLAGGED ") + (got.length() + LINE <= want.length() ? "short " : "misread ")
                    + form + " [" + t.title() + "] printed [" + printed.get(form) + "]");
        }
        return new TitleCensus(compared, right, rightFlagged, wrongFlagged, wrongUnflagged, wrong, flaggedRight);
    }

    private static String message(ExtractedTable t) {
        return t.flags().stream().filter(f -> f.code().equals(FLAG)).findFirst().map(f -> f.message()).orElse("");
    }
}
