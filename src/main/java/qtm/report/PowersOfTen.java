package qtm.report;

import java.math.BigDecimal;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;

/**
 * The tick labels of every decade axis, the run charts' and the sweep charts' alike: 10⁻⁷, not 0.0000001 or 1E-7.
 * A label is plain text with superscript digits, so it reads the same in the PNG, the SVG and the PDF.
 */
final class PowersOfTen extends NumberFormat {
    private static final long serialVersionUID = 1L;
    private static final String SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    /** Whether the numbers formatted are exponents k (an axis in log10 units) rather than values 10^k. */
    private final boolean exponents;

    private PowersOfTen(boolean exponents) {
        this.exponents = exponents;
    }

    /** @return the labels of a log axis: its tick at value 10^k reads 10ᵏ */
    static NumberFormat ofValues() {
        return new PowersOfTen(false);
    }

    /** @return the labels of an axis in log10 units: its tick at k reads 10ᵏ */
    static NumberFormat ofExponents() {
        return new PowersOfTen(true);
    }

    /**
     * Makes a log axis an axis of decades: base 10, a tick at each power of ten labelled 10ᵏ, and unlabelled minor
     * ticks at 2…9 × 10ᵏ.
     *
     * @param axis the axis
     * @return the axis
     */
    static LogAxis decades(LogAxis axis) {
        axis.setBase(10);
        axis.setTickUnit(new NumberTickUnit(1.0));
        axis.setNumberFormatOverride(ofValues());
        axis.setMinorTickCount(9);
        axis.setMinorTickMarksVisible(true);
        return axis;
    }

    @Override
    public StringBuffer format(double number, StringBuffer to, FieldPosition pos) {
        if (exponents) {
            return power(Math.round(number), to);
        }
        if (number > 0 && Double.isFinite(number)) {
            long k = Math.round(Math.log10(number));
            if (Math.abs(number / Math.pow(10, k) - 1) < 1e-9) {
                return power(k, to);
            }
        }
        // Not a decade (a tick the axis chose between them): three significant digits in plain notation.
        return to.append(Double.isFinite(number)
                ? new BigDecimal(String.format(java.util.Locale.ROOT, "%.3g", number)).stripTrailingZeros()
                        .toPlainString()
                : Double.toString(number));
    }

    private static StringBuffer power(long k, StringBuffer to) {
        to.append("10");
        for (char ch : Long.toString(k).toCharArray()) {
            to.append(ch == '-' ? '⁻' : SUPERSCRIPT.charAt(ch - '0'));
        }
        return to;
    }

    @Override
    public StringBuffer format(long number, StringBuffer to, FieldPosition pos) {
        return format((double) number, to, pos);
    }

    @Override
    public Number parse(String source, ParsePosition pos) {
        throw new UnsupportedOperationException("labels only");
    }
}
