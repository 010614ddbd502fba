package qtm.report;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import qtm.verify.HomodyneVerdict;

/**
 * The diffusive engine's homodyne records against exact (issue 29), in two charts of panels per bath because their
 * axes differ: {@code homodyne-current}, the mean current per bin ± SE over t with the exact bin average, and
 * {@code homodyne}, the noise spectrum S_b(ω′) ± SE with the exact expectation for the estimator's windows, the
 * stationary spectrum of an infinitely long record as a thin line, and the shot-noise floor 1. A spectrum left out of
 * the verdict says so in its legend. Each has its interactive twins, one per bath. It only picks the numbers of the
 * verdict's shown points ({@link HomodyneVerdict#shown}).
 */
final class HomodyneFigure {
    /** The base name of the spectrum's files. */
    static final String FILE = "homodyne";
    /** The base name of the current's files. */
    static final String CURRENT_FILE = "homodyne-current";
    private static final String OMEGA = "ω′ (units of E)";
    private static final Color STATIONARY = new Color(0x7f7f7f);

    private HomodyneFigure() {
    }

    /**
     * Writes both charts and returns them as the page's figures.
     *
     * @param v the diffusive engine's homodyne verdict
     * @param dir the output directory
     * @return the current's figure, then the spectrum's
     * @throws IOException on write failure
     */
    static List<HtmlReport.Figure> write(HomodyneVerdict v, Path dir) throws IOException {
        return List.of(new HtmlReport.Figure("Mean homodyne current", currentCaption(),
                ChartFiles.write(currentChart(v), dir, CURRENT_FILE), currentPlots(v)),
                new HtmlReport.Figure("Homodyne noise spectrum", spectrumCaption(v),
                        ChartFiles.write(spectrumChart(v), dir, FILE), spectrumPlots(v)));
    }

    static String currentCaption() {
        return "Per bath, the diffusive engine's mean homodyne current per output bin, (1/Δ) Σ dY over the bin, with "
                + "its ±SE band, and in black the exact bin average of Σ_j √η ⟨c_j + c_j†⟩ from the master equation's "
                + "ρ(t). It is 0 from a state without coherence between excitation sectors.";
    }

    static String spectrumCaption(HomodyneVerdict v) {
        String judged = v.unjudged().isEmpty() ? "Every bath's spectrum is judged by the verdict."
                : "A spectrum marked unjudged is drawn but left out of the verdict, because the transient at the first "
                + "window may move it by more than a quarter of its SE: " + String.join("; ", v.unjudged()) + ".";
        return "Per bath, the noise spectrum of its homodyne current: the trajectories' mean periodogram of windows in "
                + "the second half of the run, S_b(ω′) ± SE, against the exact expectation for those windows (black), "
                + "with the stationary spectrum of an infinitely long record (thin grey) and the shot-noise floor 1 "
                + "(dashed). " + judged;
    }

    /** The shown points of each bath, current or spectrum, in the verdict's order. */
    static Map<String, List<HomodyneVerdict.Point>> byBath(HomodyneVerdict v, boolean current) {
        Map<String, List<HomodyneVerdict.Point>> out = new LinkedHashMap<>();
        for (HomodyneVerdict.Point p : v.shown()) {
            if (p.current() == current) {
                out.computeIfAbsent(p.bath(), b -> new ArrayList<>()).add(p);
            }
        }
        return out;
    }

    static JFreeChart currentChart(HomodyneVerdict v) {
        List<ChartBuilder> panels = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, List<HomodyneVerdict.Point>> e : byBath(v, true).entrySet()) {
            Picked p = Picked.of(e.getValue());
            panels.add(new ChartBuilder("", RunFigure.TIME, "current of " + e.getKey())
                    .add(new Series("diffusive ± SE", p.x, p.mean, p.se), ChartBuilder.color(i++), false)
                    .addReference(Series.line("exact (" + RunFigure.ME + ")", p.x, p.exact), false, true));
        }
        return ChartBuilder.stacked("Mean homodyne current per bin", panels.toArray(ChartBuilder[]::new));
    }

    static JFreeChart spectrumChart(HomodyneVerdict v) {
        List<ChartBuilder> panels = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, List<HomodyneVerdict.Point>> e : byBath(v, false).entrySet()) {
            Picked p = Picked.of(e.getValue());
            ChartBuilder b = new ChartBuilder("", OMEGA, "S of " + e.getKey());
            b.add(new Series(label(v, e.getKey()), p.x, p.mean, p.se), ChartBuilder.color(i++), false);
            b.addLight(Series.line("stationary S(ω′), infinite record", p.x, p.stationary), STATIONARY);
            b.addReference(Series.line("shot-noise floor 1", p.x, ones(p.x.length)), true, true);
            b.addReference(Series.line("exact, the estimator's windows", p.x, p.exact), false, true);
            panels.add(b);
        }
        return ChartBuilder.stacked("Homodyne noise spectrum", panels.toArray(ChartBuilder[]::new));
    }

    static List<InteractivePlot> currentPlots(HomodyneVerdict v) {
        List<InteractivePlot> out = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, List<HomodyneVerdict.Point>> e : byBath(v, true).entrySet()) {
            Picked p = Picked.of(e.getValue());
            out.add(new InteractivePlot(RunFigure.TIME, "current of " + e.getKey(), false, p.x, List.of(
                    new InteractivePlot.Line("diffusive", p.mean, p.se, ChartBuilder.color(i++), false),
                    RunFigure.exact("exact (" + RunFigure.ME + ")", p.exact, RunFigure.EXACT, false))));
        }
        return out;
    }

    static List<InteractivePlot> spectrumPlots(HomodyneVerdict v) {
        List<InteractivePlot> out = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, List<HomodyneVerdict.Point>> e : byBath(v, false).entrySet()) {
            Picked p = Picked.of(e.getValue());
            out.add(new InteractivePlot(OMEGA, "S of " + e.getKey(), false, p.x, List.of(
                    new InteractivePlot.Line(label(v, e.getKey()), p.mean, p.se, ChartBuilder.color(i++), false),
                    RunFigure.exact("exact, the estimator's windows", p.exact, RunFigure.EXACT, false),
                    RunFigure.exact("stationary, infinite record", p.stationary, STATIONARY, false),
                    RunFigure.exact("shot-noise floor 1", ones(p.x.length), RunFigure.EXACT, true))));
        }
        return out;
    }

    /** The estimate's legend label, which says when the verdict left the bath's spectrum out. */
    private static String label(HomodyneVerdict v, String bath) {
        return "diffusive ± SE" + (v.unjudged(bath) ? " (unjudged: transient)" : "");
    }

    private static double[] ones(int n) {
        double[] y = new double[n];
        Arrays.fill(y, 1);
        return y;
    }

    /** The columns of one bath's points. */
    private record Picked(double[] x, double[] mean, double[] se, double[] exact, double[] stationary) {
        static Picked of(List<HomodyneVerdict.Point> points) {
            int n = points.size();
            Picked p = new Picked(new double[n], new double[n], new double[n], new double[n], new double[n]);
            for (int k = 0; k < n; k++) {
                HomodyneVerdict.Point q = points.get(k);
                p.x[k] = q.t();
                p.mean[k] = q.mean();
                p.se[k] = q.se();
                p.exact[k] = q.exact();
                p.stationary[k] = q.stationary();
            }
            return p;
        }
    }
}
