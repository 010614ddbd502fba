package qtm.report;

/**
 * One curve of a chart: y(x), with an optional standard error drawn as a ±SE band.
 *
 * @param label legend text
 * @param x abscissae
 * @param y values
 * @param se standard errors, or null for a plain line
 */
public record Series(String label, double[] x, double[] y, double[] se) {
    /** @throws IllegalArgumentException if the arrays differ in length */
    public Series {
        if (x.length != y.length || (se != null && se.length != y.length)) {
            throw new IllegalArgumentException("series " + label + ": x, y and se must have the same length");
        }
    }

    /**
     * A plain line.
     *
     * @param label legend text
     * @param x abscissae
     * @param y values
     * @return the series
     */
    public static Series line(String label, double[] x, double[] y) {
        return new Series(label, x, y, null);
    }
}
