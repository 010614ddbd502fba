package qtm.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.Color;
import java.util.List;

/**
 * The numbers of one interactive chart of report.html, as the page's uPlot glue reads them: an x axis and lines, each
 * with its standard errors where it has them. Values are taken as given; nothing is computed here.
 *
 * @param xLabel x-axis label
 * @param yLabel y-axis label
 * @param logY whether the y axis is logarithmic
 * @param x the x values, shared by every line
 * @param lines the lines
 * @param yMin the bottom of a log y axis (NaN: the axis chooses)
 */
public record InteractivePlot(String xLabel, String yLabel, boolean logY, double[] x, List<Line> lines, double yMin) {
    /**
     * A chart whose y axis chooses its own range.
     *
     * @param xLabel x axis label
     * @param yLabel y axis label
     * @param logY whether the y axis is logarithmic
     * @param x abscissae
     * @param lines the curves
     */
    public InteractivePlot(String xLabel, String yLabel, boolean logY, double[] x, List<Line> lines) {
        this(xLabel, yLabel, logY, x, lines, Double.NaN);
    }

    /** The dash of an exact line: 6 px on, 4 off. */
    static final float[] DASHED = {6, 4};

    /**
     * One line.
     *
     * @param label legend label
     * @param y values, one per x
     * @param se their standard errors (drawn as a ±SE band and shown on hover), or null for an exact line
     * @param color colour
     * @param dash its dash pattern in px (on, off, …), or null for a solid line
     * @param group the legend entry it shares with the other lines of this name (named by it, listing each line's
     *     value by what its label adds to the name), or null for an entry of its own
     */
    public record Line(String label, double[] y, double[] se, Color color, float[] dash, String group) {
        /**
         * A line with a legend entry of its own.
         *
         * @param label legend label
         * @param y values, one per x
         * @param se their standard errors, or null for an exact line
         * @param color colour
         * @param dashed dashed ({@link #DASHED}) rather than solid
         */
        public Line(String label, double[] y, double[] se, Color color, boolean dashed) {
            this(label, y, se, color, dashed ? DASHED : null, null);
        }
    }

    /** @return the chart as JSON: numbers as JSON numbers, a NaN or infinite value as null */
    ObjectNode json() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode o = f.objectNode();
        o.put("xLabel", xLabel).put("yLabel", yLabel).put("logY", logY);
        if (Double.isFinite(yMin)) {
            o.put("yMin", yMin);
        }
        o.set("x", numbers(x));
        ArrayNode a = o.putArray("lines");
        for (Line l : lines) {
            ObjectNode j = a.addObject();
            j.put("label", l.label());
            j.set("y", numbers(l.y()));
            if (l.se() != null) {
                j.set("se", numbers(l.se()));
            }
            j.put("color", String.format("#%06x", l.color().getRGB() & 0xffffff));
            if (l.dash() != null) {
                ArrayNode d = j.putArray("dash");
                for (float v : l.dash()) {
                    d.add(v);
                }
            }
            if (l.group() != null) {
                j.put("group", l.group());
            }
        }
        return o;
    }

    private static ArrayNode numbers(double[] v) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode(v.length);
        for (double d : v) {
            if (Double.isFinite(d)) {
                a.add(d);
            } else {
                a.addNull();
            }
        }
        return a;
    }
}
