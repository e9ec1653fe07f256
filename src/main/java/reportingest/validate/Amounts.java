package reportingest.validate;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/** Printed amounts as BigDecimal: blank and non-numeric text read as null; '%' and ',' are dropped. */
final class Amounts {
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?%?");

    private Amounts() {}

    static BigDecimal parse(String printed) {
        if (printed == null) return null;
        String s = printed.strip().replace(",", "");
        if (!NUMBER.matcher(s).matches()) return null;
        return new BigDecimal(s.endsWith("%") ? s.substring(0, s.length() - 1) : s);
    }

    static boolean blankOrZero(String printed) {
        BigDecimal d = parse(printed);
        return d == null || d.signum() == 0;
    }

    /** Half a unit of the printed precision: 0.005 for "12.34", 0.05 for "56.2", 0.5 for "77". */
    static BigDecimal halfUnit(String printed) {
        String s = printed.strip().replace(",", "").replace("%", "");
        int dot = s.indexOf('.');
        int decimals = dot < 0 ? 0 : s.length() - dot - 1;
        return new BigDecimal(5).movePointLeft(decimals + 1);
    }

    static String show(BigDecimal d) {
        return d == null ? "blank" : d.stripTrailingZeros().scale() < 0 ? d.setScale(0).toPlainString()
                : d.scale() < 2 ? d.setScale(2).toPlainString() : d.toPlainString();
    }
}
