package reportingest.reconcile.fin;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ordinals a form numbers its lines with (一、 二、 … 十一、, （一） （二）, 1. 2.), read as numbers,
 * and the one a line must print where its neighbours of the same kind say so. OCR misreads 十 as 二
 * or 七 and drops a stroke, so an ordinal read is checked against the line before and after it:
 * {@code 十、 二一、 十二、} is 十一、 whatever was read.
 */
public final class Ordinals {
    private Ordinals() {}

    /** How a line is numbered: the kinds restart independently (（一） under each 一、). */
    public enum Kind { HAN, PAREN_HAN, ARABIC }

    /** An ordinal as printed: its kind, its number (-1 when the numeral is malformed) and its text. */
    public record Ordinal(Kind kind, int value, String printed) {
        public boolean readable() { return value > 0; }
    }

    private static final Pattern HAN = Pattern.compile("^\\s*([一二三四五六七八九十]+)([、.．])");
    private static final Pattern PAREN_HAN = Pattern.compile("^\\s*([(（])([一二三四五六七八九十]+)([)）]、?)");
    private static final Pattern ARABIC = Pattern.compile("^\\s*(\\d{1,2})([、.．])(?!\\d)");
    private static final String DIGITS = "一二三四五六七八九";

    /** The ordinal the label starts with, or null. */
    public static Ordinal of(String label) {
        if (label == null) return null;
        Matcher m = PAREN_HAN.matcher(label);
        if (m.find()) return new Ordinal(Kind.PAREN_HAN, value(m.group(2)), m.group());
        m = HAN.matcher(label);
        if (m.find()) return new Ordinal(Kind.HAN, value(m.group(1)), m.group());
        m = ARABIC.matcher(label);
        if (m.find()) return new Ordinal(Kind.ARABIC, Integer.parseInt(m.group(1)), m.group());
        return null;
    }

    /** 1–99 for a well-formed Chinese numeral (三, 十, 十一, 二十, 二十一), -1 for any other (二一, 十十, 一十). */
    static int value(String numeral) {
        int ten = numeral.indexOf('十');
        if (ten < 0) return numeral.length() == 1 ? digit(numeral.charAt(0)) : -1;
        if (numeral.indexOf('十', ten + 1) >= 0) return -1;
        String head = numeral.substring(0, ten), tail = numeral.substring(ten + 1);
        int tens = head.isEmpty() ? 1 : head.length() == 1 && digit(head.charAt(0)) > 1 ? digit(head.charAt(0)) : -1;
        int units = tail.isEmpty() ? 0 : tail.length() == 1 ? digit(tail.charAt(0)) : -1;
        return tens < 0 || units < 0 ? -1 : tens * 10 + units;
    }

    private static int digit(char c) {
        int i = DIGITS.indexOf(c);
        return i < 0 ? -1 : i + 1;
    }

    /** The Chinese numeral of 1–99. */
    static String numeral(int n) {
        if (n < 1 || n > 99) throw new IllegalArgumentException("no ordinal numeral for " + n);
        int tens = n / 10, units = n % 10;
        String u = units == 0 ? "" : String.valueOf(DIGITS.charAt(units - 1));
        if (tens == 0) return u;
        return (tens == 1 ? "" : String.valueOf(DIGITS.charAt(tens - 1))) + "十" + u;
    }

    /** The label with its ordinal printed as number n, in the way it was printed (its brackets and stop). */
    public static String renumbered(String label, Ordinal o, int n) {
        String rest = label.substring(label.indexOf(o.printed()) + o.printed().length());
        String lead = label.substring(0, label.indexOf(o.printed()));
        String printed = switch (o.kind()) {
            case HAN -> o.printed().replaceFirst("[一二三四五六七八九十]+", numeral(n));
            case PAREN_HAN -> o.printed().replaceFirst("[一二三四五六七八九十]+", numeral(n));
            case ARABIC -> o.printed().replaceFirst("\\d{1,2}", Integer.toString(n));
        };
        return lead + printed + rest;
    }

    /** The number a line's neighbours require of it; {@code decided} when the lines on both sides (or the first two) fix it. */
    public record Required(int value, boolean decided) {}

    /**
     * For each label in printed order, the number its neighbours of the same kind require where that
     * differs from what was read; null where the reading stands or nothing suggests another. Decided:
     * the line before of its kind reads p and the one after p + 2, or it is first and the next reads 2.
     * Suggested only: its own numeral is malformed, nothing of its kind follows and the line before
     * reads p. A line of an outer kind ends a run of an inner one (（一） restarts under each 一、).
     */
    public static Required[] required(List<String> labels) {
        List<Ordinal> os = new ArrayList<>(labels.size());
        for (String l : labels) os.add(of(l));
        Required[] out = new Required[labels.size()];
        for (int i = 0; i < os.size(); i++) {
            Ordinal o = os.get(i);
            if (o == null) continue;
            Ordinal before = neighbour(os, i, -1), after = neighbour(os, i, +1);
            Required want = null;
            if (before != null && after != null && before.readable() && after.readable() && after.value() == before.value() + 2) {
                want = new Required(before.value() + 1, true);
            } else if (before == null && after != null && after.readable() && after.value() == 2) {
                want = new Required(1, true);
            } else if (!o.readable() && after == null && before != null && before.readable()) {
                want = new Required(before.value() + 1, false);
            }
            if (want != null && want.value() <= 99 && want.value() != o.value()) out[i] = want;
        }
        return out;
    }

    /** The nearest line of the same kind in that direction, before a line of an outer kind ends the run. */
    private static Ordinal neighbour(List<Ordinal> os, int i, int step) {
        Kind kind = os.get(i).kind();
        for (int j = i + step; j >= 0 && j < os.size(); j += step) {
            Ordinal o = os.get(j);
            if (o == null) continue;
            if (o.kind() == kind) return o;
            if (o.kind().ordinal() < kind.ordinal()) return null;
        }
        return null;
    }
}
