package qtm.report;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.JFreeChart;
import qtm.observe.Estimates;
import qtm.observe.Snapshot;
import qtm.run.RunCurves;

/**
 * The populations and |ρ_01,10| with bands and the exact lines (black, dashed, on top), on a linear axis and on a
 * log axis below, where the small populations are read. The static chart has room for the first engine only; the
 * interactive twins show every engine.
 */
final class PopulationsFigure implements RunFigure {
    private static final String[] NAMES = {Estimates.population(0), Estimates.population(1),
        Estimates.population(2), Estimates.population(3), "|ρ01,10|"};
    /** How the engines are told apart where a quantity has one colour: the first solid, then dashed, dotted. */
    private static final float[][] ENGINE_DASH = {null, {12, 4}, {2, 3}, {12, 4, 2, 4}};
    /** The dash of an engine's own exact reference, apart from the master equation's {@link InteractivePlot#DASHED}. */
    private static final float[] REFERENCE_DASH = {2, 4};

    @Override
    public String file() {
        return "populations";
    }

    @Override
    public String title() {
        return "Populations";
    }

    @Override
    public String caption() {
        return "Populations of |00⟩, |01⟩, |10⟩, |11⟩ (|n_c n_h⟩) and |ρ_01,10| of the first engine's ρ̄ with ±SE "
                + "bands; the master equation's values black dashed. Below, the same on a log axis, where the small "
                + "populations can be read. The interactive charts show every engine: one colour and one legend entry "
                + "per quantity, listing each engine's value, the first engine solid and the second dashed; an "
                + "engine's own exact reference grey dotted.";
    }

    /**
     * The bottom of the populations' log axis: a decade below the smallest final exact value, since the exact curves
     * start from zero at t = 0 (0 where no final value is positive: the axis then chooses).
     *
     * @param in the run's curves
     * @return the floor
     */
    static double logFloor(RunCurves in) {
        double smallest = Double.POSITIVE_INFINITY;
        int last = in.t().length - 1;
        for (int j = 0; j < 4; j++) {
            double p = in.exact().populations()[j].y()[last];
            smallest = p > 0 ? Math.min(smallest, p) : smallest;
        }
        double c = in.exact().coherence().y()[last];
        smallest = c > 0 ? Math.min(smallest, c) : smallest;
        return Double.isFinite(smallest) ? smallest / 10 : 0;
    }

    @Override
    public JFreeChart chart(RunCurves in) {
        RunCurves.EngineCurves e = in.engines().get(0);
        ChartBuilder linear = new ChartBuilder("", TIME, "probability");
        ChartBuilder log = new ChartBuilder("", TIME, "probability (log)").logY(logFloor(in));
        for (ChartBuilder b : new ChartBuilder[] {linear, log}) {
            for (int j = 0; j < 4; j++) {
                b.add(RunFigure.series(NAMES[j] + " " + e.name() + " ± SE", in.t(), e.curves().populations()[j]),
                        ChartBuilder.color(j), false);
            }
            b.add(RunFigure.series("|ρ01,10| " + e.name() + " ± SE", in.t(), e.curves().coherence()),
                    ChartBuilder.color(4), false);
            for (int j = 0; j < 4; j++) {
                b.addReference(RunFigure.series(j == 0 ? "exact (master equation)" : "exact " + NAMES[j], in.t(),
                        in.exact().populations()[j]), true, j == 0);
            }
            b.addReference(RunFigure.series("exact |ρ01,10|", in.t(), in.exact().coherence()), true, false);
        }
        return ChartBuilder.stacked("Populations and coherence (" + e.name() + ")", linear, log);
    }

    @Override
    public List<InteractivePlot> plots(RunCurves in, List<ExactReference> references) {
        return List.of(plot(in, references, false), plot(in, references, true));
    }

    /**
     * Every engine's populations and |ρ_01,10|, the master equation's values black dashed on top. Each quantity has
     * one colour and one legend entry that lists every engine's value, the engines told apart by their dash; the
     * master equation's lines share one entry, as do each reference's: seven entries for two engines and the
     * collision map, none of them in the colour of another.
     */
    static InteractivePlot plot(RunCurves in, List<ExactReference> references, boolean log) {
        List<InteractivePlot.Line> lines = new ArrayList<>();
        for (int j = 0; j < NAMES.length; j++) {
            for (int k = 0; k < in.engines().size(); k++) {
                RunCurves.EngineCurves e = in.engines().get(k);
                RunCurves.Curve c = j < 4 ? e.curves().populations()[j] : e.curves().coherence();
                lines.add(new InteractivePlot.Line(NAMES[j] + " " + e.name(), c.y(), c.se(), ChartBuilder.color(j),
                        ENGINE_DASH[k % ENGINE_DASH.length], NAMES[j]));
            }
        }
        List<ToDoubleFunction<Snapshot>> pops = List.of(Snapshot::p00, Snapshot::p01, Snapshot::p10, Snapshot::p11);
        for (ExactReference r : references) {
            for (int j = 0; j < 4; j++) {
                lines.add(new InteractivePlot.Line(NAMES[j] + " " + r.label(), r.drawn(pops.get(j)), null,
                        Color.DARK_GRAY, REFERENCE_DASH, r.label()));
            }
        }
        for (int j = 0; j < NAMES.length; j++) {
            double[] y = j < 4 ? in.exact().populations()[j].y() : in.exact().coherence().y();
            lines.add(new InteractivePlot.Line(NAMES[j] + " " + ME, y, null, EXACT, InteractivePlot.DASHED, ME));
        }
        return new InteractivePlot(TIME, log ? "probability (log)" : "probability", log, in.t(), lines,
                log && logFloor(in) > 0 ? logFloor(in) : Double.NaN);
    }
}
