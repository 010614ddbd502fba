package qtm.report;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import qtm.model.Side;
import qtm.observe.Estimates;
import qtm.observe.Snapshot;
import qtm.run.RunCurves;

/**
 * The interactive twins of the time-series charts of {@link RunFigures}: the same curves from {@link RunCurves},
 * with every engine's ±SE and the exact lines, labelled by what the exact line is (the master equation, or an engine's
 * own exact collision map). Only picks and labels numbers.
 */
final class RunPlots {
    private static final String TIME = "t (units of 1/E)";
    private static final String ME = "master equation";
    private static final Color EXACT = Color.BLACK;

    /**
     * An engine's own exact reference where it is not the master equation (the collision model's discrete map).
     *
     * @param engine the engine
     * @param label what it is, e.g. "exact collision map (Δt = 2)"
     * @param rows its observables at every grid point
     */
    record Reference(String engine, String label, List<Snapshot> rows) {
        /** @return the rows at the drawn points of the run's curves */
        double[] drawn(ToDoubleFunction<Snapshot> f) {
            int[] ks = RunCurves.drawn(rows.size());
            double[] y = new double[ks.length];
            for (int i = 0; i < ks.length; i++) {
                y[i] = f.applyAsDouble(rows.get(ks[i]));
            }
            return y;
        }
    }

    private final RunCurves in;
    private final List<Reference> references;

    RunPlots(RunCurves in, List<Reference> references) {
        this.in = in;
        this.references = references;
    }

    private static InteractivePlot.Line band(String label, RunCurves.Curve c, Color color) {
        return new InteractivePlot.Line(label, c.y(), c.se(), color, false);
    }

    private static InteractivePlot.Line exact(String label, double[] y, Color color, boolean dashed) {
        return new InteractivePlot.Line(label, y, null, color, dashed);
    }

    private void references(List<InteractivePlot.Line> lines, String what, ToDoubleFunction<Snapshot> f, int colour) {
        for (Reference r : references) {
            lines.add(exact(what + " " + r.label(), r.drawn(f), ChartBuilder.color(colour++).darker(), true));
        }
    }

    InteractivePlot concurrence() {
        List<InteractivePlot.Line> lines = new ArrayList<>();
        int i = 0;
        for (RunCurves.EngineCurves e : in.engines()) {
            lines.add(band("C(ρ̄) " + e.name(), e.curves().concurrence(), ChartBuilder.color(i++)));
        }
        for (RunCurves.EngineCurves e : in.engines()) {
            lines.add(band("mean trajectory C " + e.name(), e.curves().pureConcurrence(), ChartBuilder.color(i++)));
        }
        lines.add(exact("C " + ME, in.exact().concurrence().y(), EXACT, false));
        references(lines, "C", Snapshot::concurrence, i);
        if (!Double.isNaN(in.steadyConcurrence())) {
            double[] y = new double[in.t().length];
            java.util.Arrays.fill(y, in.steadyConcurrence());
            lines.add(exact("C steady state (" + ME + ")", y, Color.GRAY, true));
        }
        return new InteractivePlot(TIME, "concurrence C", false, in.t(), lines);
    }

    /**
     * One bath's heat current, as the static chart's panel of that bath: each engine's formula and counting
     * estimates, the master equation's current in black on top, an engine's own exact map dashed grey.
     *
     * @param side the bath
     * @return the chart
     */
    InteractivePlot heat(Side side) {
        List<InteractivePlot.Line> lines = new ArrayList<>();
        int i = 0;
        String q = "Q_" + side.key().charAt(0);
        for (RunCurves.EngineCurves e : in.engines()) {
            lines.add(band(q + " " + e.name() + " formula on ρ̄", e.curves().heatFormula()[side.ordinal()],
                    ChartBuilder.color(i++)));
            lines.add(band(q + " " + e.name() + " jump counting", e.curves().heatCount()[side.ordinal()],
                    ChartBuilder.color(i++)));
        }
        for (Reference r : references) {
            lines.add(exact(q + " " + r.label(), r.drawn(side == Side.COLD ? Snapshot::heatCold : Snapshot::heatHot),
                    Color.DARK_GRAY, true));
        }
        // Last, so that uPlot draws it over the noisy estimates, as the static chart does.
        lines.add(exact(q + " " + ME, in.exact().heatFormula()[side.ordinal()].y(), EXACT, false));
        return new InteractivePlot(TIME, q + " into the " + side.key() + " bath (units of E²)", false, in.t(), lines);
    }

    /** How the engines are told apart where a quantity has one colour: the first solid, then dashed, dotted. */
    private static final float[][] ENGINE_DASH = {null, {12, 4}, {2, 3}, {12, 4, 2, 4}};
    /** The dash of an engine's own exact reference, apart from the master equation's {@link InteractivePlot#DASHED}. */
    private static final float[] REFERENCE_DASH = {2, 4};

    /**
     * Every engine's populations and |ρ_01,10| (the static chart has room for the first engine's only), the master
     * equation's values black dashed on top; on a log axis, where the small populations can be read, or linear.
     * Each quantity has one colour and one legend entry that lists every engine's value, the engines told apart by
     * their dash; the master equation's lines share one entry, as do each reference's: seven entries for two engines
     * and the collision map, none of them in the colour of another.
     *
     * @param log whether the y axis is logarithmic
     * @return the chart
     */
    InteractivePlot populations(boolean log) {
        String[] names = {Estimates.population(0), Estimates.population(1), Estimates.population(2),
            Estimates.population(3), "|ρ01,10|"};
        List<InteractivePlot.Line> lines = new ArrayList<>();
        for (int j = 0; j < names.length; j++) {
            for (int k = 0; k < in.engines().size(); k++) {
                RunCurves.EngineCurves e = in.engines().get(k);
                RunCurves.Curve c = j < 4 ? e.curves().populations()[j] : e.curves().coherence();
                lines.add(new InteractivePlot.Line(names[j] + " " + e.name(), c.y(), c.se(), ChartBuilder.color(j),
                        ENGINE_DASH[k % ENGINE_DASH.length], names[j]));
            }
        }
        List<ToDoubleFunction<Snapshot>> pops = List.of(Snapshot::p00, Snapshot::p01, Snapshot::p10, Snapshot::p11);
        for (Reference r : references) {
            for (int j = 0; j < 4; j++) {
                lines.add(new InteractivePlot.Line(names[j] + " " + r.label(), r.drawn(pops.get(j)), null,
                        Color.DARK_GRAY, REFERENCE_DASH, r.label()));
            }
        }
        for (int j = 0; j < names.length; j++) {
            double[] y = j < 4 ? in.exact().populations()[j].y() : in.exact().coherence().y();
            lines.add(new InteractivePlot.Line(names[j] + " " + ME, y, null, EXACT, InteractivePlot.DASHED, ME));
        }
        return new InteractivePlot(TIME, log ? "probability (log)" : "probability", log, in.t(), lines,
                log && RunFigures.logFloor(in) > 0 ? RunFigures.logFloor(in) : Double.NaN);
    }

    /** @return the trace distance to ρ∞ on a log axis, or null without a unique steady state */
    InteractivePlot relaxation() {
        if (in.gapSlope() == null) {
            return null;
        }
        List<InteractivePlot.Line> lines = new ArrayList<>();
        int i = 0;
        for (RunCurves.EngineCurves e : in.engines()) {
            lines.add(band("D(ρ̄, ρ∞) " + e.name(), e.curves().relaxation(), ChartBuilder.color(i++)));
        }
        lines.add(exact("D(ρ(t), ρ∞) " + ME, in.exact().relaxation().y(), EXACT, false));
        lines.add(exact("e^(−gap·t)", in.gapSlope().y(), Color.GRAY, true));
        return new InteractivePlot(TIME, "trace distance to ρ∞", true, in.t(), lines);
    }
}
