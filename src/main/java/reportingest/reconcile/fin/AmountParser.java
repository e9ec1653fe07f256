package reportingest.reconcile.fin;

import java.text.Normalizer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a printed amount into the export's decimal string: thousands separators removed,
 * printed precision kept (trailing zeros stay), full-width digits and punctuation folded, blank and
 * full-width-space cells as null. Letters OCR confuses with digits (O→0, l/I/|→1, 。→.) are
 * repaired only when the rest of the cell is numeric, and such a repair is reported as a guess.
 */
public final class AmountParser {
    /** The outcome: {@code value} null for blank; {@code guessed} when OCR confusions were repaired or the text was not a number. */
    public record Amount(String value, boolean guessed, boolean numeric, String reason) {
        static final Amount BLANK = new Amount(null, false, true, null);
    }

    private static final Pattern PLAIN = Pattern.compile("-?\\d+(\\.\\d+)?%?");
    private static final Pattern GROUPED = Pattern.compile("-?\\d{1,3}(,\\d{3})+(\\.\\d+)?%?");
    private static final Pattern DASH = Pattern.compile("[-—–‐－]+");
    /**
     * Digits, a gap, one or two digits and no point (OCR's "72 29" for 72.29): joined they would read ten or a hundred
     * times the printed amount, so the point is put back, as a guess for the identities and the reviewer to confirm.
     */
    /** A point OCR read as a colon (10:75): two decimals after it, as amounts print; a time of day has no place here. */
    private static final Pattern COLON_POINT = Pattern.compile("(-?\\d+)[:：;](\\d{2})");
    private static final Pattern POINT_UNREAD = Pattern.compile("(-?\\d+)[\\s\\u3000]+(\\d{1,2})");

    private AmountParser() {}

    public static Amount parse(String raw) {
        if (raw == null) return Amount.BLANK;
        Amount gap = pointPutBack(POINT_UNREAD, Normalizer.normalize(raw, Normalizer.Form.NFKC).strip(), raw,
                "digits set apart where the point belongs, the point unread");
        if (gap != null) return gap;
        String s = Normalizer.normalize(raw, Normalizer.Form.NFKC).replaceAll("[\\s\\u3000]", "");
        if (s.isEmpty()) return Amount.BLANK;
        s = s.replace('。', '.').replace('，', ',');
        Amount direct = exact(s);
        if (direct != null) return direct;
        if (DASH.matcher(s).matches()) {
            return new Amount(null, true, false, "dash printed instead of an amount: '" + raw.strip() + "'");
        }
        Amount colon = pointPutBack(COLON_POINT, s, raw, "OCR confusion repaired");
        if (colon != null) return colon;
        String repaired = repairConfusions(s);
        if (!repaired.equals(s)) {
            Amount r = exact(repaired);
            if (r != null) {
                return new Amount(r.value(), true, true, "OCR confusion repaired: '" + raw.strip() + "' read as " + r.value());
            }
        }
        Amount marked = besideMarks(raw);
        if (marked != null) return marked;
        return new Amount(null, true, false, "not an amount: '" + raw.strip() + "'");
    }

    /** The whole text as digits, a mark OCR put where the point is, and the decimals: the point put back, as a guess. */
    private static Amount pointPutBack(Pattern pattern, String text, String raw, String why) {
        Matcher m = pattern.matcher(text);
        if (!m.matches()) return null;
        String v = m.group(1) + "." + m.group(2);
        return new Amount(v, true, true, why + ": '" + raw.strip() + "' read as " + v);
    }

    private static final Pattern MARKS = Pattern.compile("[\\p{IsLatin}\\p{Punct}&&[^\\-.,]]+");

    /**
     * An amount printed clean beside a separate run of Latin letters or punctuation (a stamp or
     * speckle read as "AP"): the amount, reported as a guess.
     */
    private static Amount besideMarks(String raw) {
        String[] tokens = Normalizer.normalize(raw, Normalizer.Form.NFKC).strip().split("[\\s\\u3000]+");
        if (tokens.length < 2) return null;
        Amount found = null;
        for (String tok : tokens) {
            Amount a = exact(tok);
            if (a != null) {
                if (found != null) return null;
                found = a;
            } else if (!MARKS.matcher(tok).matches()) {
                return null;
            }
        }
        return found == null ? null : new Amount(found.value(), true, true,
                "marks beside the amount: '" + raw.strip() + "' read as " + found.value());
    }

    /** True when the cell reads as an amount (possibly after repairs) or is blank. */
    public static boolean amountOrBlank(String raw) {
        return parse(raw).numeric();
    }

    private static Amount exact(String s) {
        if (PLAIN.matcher(s).matches()) return new Amount(s, false, true, null);
        if (GROUPED.matcher(s).matches()) return new Amount(s.replace(",", ""), false, true, null);
        return null;
    }

    private static String repairConfusions(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        int digits = 0;
        for (char c : s.toCharArray()) {
            switch (c) {
                case 'O', 'o', 'D', 'Q' -> sb.append('0');
                case 'l', 'I', '|', 'i' -> sb.append('1');
                case 'S' -> sb.append('5');
                case 'B' -> sb.append('8');
                default -> {
                    if (Character.isDigit(c)) digits++;
                    sb.append(c);
                }
            }
        }
        // Only a cell that is mostly digits is repaired; a word is left as text.
        return digits * 2 >= s.length() ? sb.toString() : s;
    }
}
