package qtm.report;

import java.util.Locale;

/**
 * How the report writes text and numbers into HTML: escaped, numbers to six significant digits, non-finite values as
 * summary.json writes them. Shared by the page ({@link HtmlReport}) and its tables ({@link ReportTables}) so that a
 * number reads the same everywhere on it.
 */
final class HtmlText {
    private HtmlText() {
    }

    /** @return x to the significant digits given, without trailing zeros ("2050", "-5.42", "inf") */
    static String compact(double x, int digits) {
        if (!Double.isFinite(x)) {
            return num(x);
        }
        return new java.math.BigDecimal(String.format(Locale.ROOT, "%." + digits + "g", x)).stripTrailingZeros()
                .toPlainString();
    }

    /** A table cell: empty for NaN (nothing of that kind was judged). */
    static String cell(double x) {
        return Double.isNaN(x) ? "" : num(x);
    }

    /** A number to six significant digits; "–" for NaN, "inf" and "-inf" for the infinities. */
    static String num(double x) {
        if (Double.isNaN(x)) {
            return "–";
        }
        if (Double.isInfinite(x)) {
            // As summary.json and every --json output write it.
            return x > 0 ? "inf" : "-inf";
        }
        return String.format(Locale.ROOT, "%.6g", x);
    }

    /**
     * @param s text
     * @return s with HTML's special characters escaped
     */
    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
