package qtm.report;

import java.awt.Color;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.jfree.chart.JFreeChart;
import qtm.run.RunCurves;

/**
 * One figure of a run's page: its static chart (written as PNG, SVG and PDF), its interactive twins, its title,
 * caption and file name, all in one class, so that a new time-series figure is one implementation and its line in
 * {@link #ALL}. Figures only pick and label numbers that {@link RunCurves} computed.
 */
interface RunFigure {
    /** The time axis every time-series chart shares. */
    String TIME = "t (units of 1/E)";
    /** The exact solution's colour: black, drawn on top. */
    Color EXACT = Color.BLACK;
    /** What the exact lines are, in the interactive charts' legends. */
    String ME = "master equation";

    /** Every time-series figure of a run, in the page's order. */
    List<RunFigure> ALL = List.of(new ConcurrenceFigure(), new EntanglementFigure(), new HeatFigure(),
            new PopulationsFigure(), new SitePopulationsFigure(), new RelaxationFigure(), new CountVarianceFigure(),
            new FanoFigure(), new CountDistributionFigure(), new UnravellingFigure());

    /** @return the base name of its PNG, SVG and PDF files */
    String file();

    /** @return its heading on the page */
    String title();

    /** @return how to read it */
    String caption();

    /**
     * @param in the run's curves
     * @return whether the run has what it draws (true by default)
     */
    default boolean applies(RunCurves in) {
        return true;
    }

    /**
     * @param in the run's curves
     * @return the static chart
     */
    JFreeChart chart(RunCurves in);

    /**
     * @param in the run's curves
     * @param references engines' own exact references where they are not the master equation
     * @return its interactive charts (none by default)
     */
    default List<InteractivePlot> plots(RunCurves in, List<ExactReference> references) {
        return List.of();
    }

    /** A curve with its ±SE band under a legend label. */
    static Series series(String label, double[] t, RunCurves.Curve c) {
        return new Series(label, t, c.y(), c.se());
    }

    /** An estimate with its ±SE, for an interactive chart. */
    static InteractivePlot.Line band(String label, RunCurves.Curve c, Color color) {
        return new InteractivePlot.Line(label, c.y(), c.se(), color, false);
    }

    /**
     * Each engine's curve of one quantity with its ±SE, for an interactive chart, in the chart colours from
     * {@code colour} on.
     *
     * @return the next colour
     */
    static int bands(List<InteractivePlot.Line> lines, RunCurves in, String prefix,
            Function<RunCurves.Curves, RunCurves.Curve> curve, int colour) {
        int i = colour;
        for (RunCurves.EngineCurves e : in.engines()) {
            lines.add(band(prefix + e.name(), curve.apply(e.curves()), ChartBuilder.color(i++)));
        }
        return i;
    }

    /** An exact line, for an interactive chart. */
    static InteractivePlot.Line exact(String label, double[] y, Color color, boolean dashed) {
        return new InteractivePlot.Line(label, y, null, color, dashed);
    }

    /** A number in a legend label: four significant digits. */
    static String fmt(double x) {
        return String.format(Locale.ROOT, "%.4g", x);
    }
}
