package qtm.report;

import java.awt.Color;
import org.jfree.chart.JFreeChart;
import qtm.model.Side;
import qtm.observe.Estimates;
import qtm.run.RunCurves;
import qtm.stats.Estimate;

/**
 * The charts of one {@code qtm run}: each engine's ensemble estimate as mean ± SE bands with the exact solution of
 * the master equation drawn on top. Every curve comes computed in {@link RunCurves}; this class only draws.
 */
public final class RunFigures {
    private static final String TIME = "t (units of 1/E)";
    private static final Color EXACT = Color.BLACK;

    private RunFigures() {
    }

    private static Series series(String label, double[] t, RunCurves.Curve c) {
        return new Series(label, t, c.y(), c.se());
    }

    /**
     * C(ρ̄(t)) per engine with its jackknife band, the mean concurrence of the trajectories' pure states (lighter),
     * the exact C(t) and the steady-state value (dashed).
     *
     * @param in the run's curves
     * @return the chart
     */
    public static JFreeChart concurrence(RunCurves in) {
        ChartBuilder b = new ChartBuilder("Concurrence of the mean state", TIME, "concurrence C (dimensionless)");
        int i = 0;
        for (RunCurves.EngineCurves e : in.engines()) {
            b.add(series("C(ρ̄) " + e.name() + " ± SE", in.t(), e.curves().concurrence()), ChartBuilder.color(i++),
                    false);
        }
        for (RunCurves.EngineCurves e : in.engines()) {
            b.addLight(series("mean trajectory C " + e.name(), in.t(), e.curves().pureConcurrence()),
                    ChartBuilder.color(i++));
        }
        b.addReference(series("exact C(ρ(t))", in.t(), in.exact().concurrence()), false, true);
        if (!Double.isNaN(in.steadyConcurrence())) {
            double[] y = new double[in.t().length];
            java.util.Arrays.fill(y, in.steadyConcurrence());
            b.add(Series.line("steady state C = " + fmt(in.steadyConcurrence()), in.t(), y), Color.GRAY, true);
        }
        return b.build();
    }

    /**
     * Q_c(t) above and Q_h(t) below on a shared time axis: per engine the formula on ρ̄ and jump counting (per
     * output bin, the noisier, drawn thin and translucent), both with bands, and the exact current in solid black
     * on top. The panels keep the two currents, of opposite sign, from sharing one crowded scale.
     *
     * @param in the run's curves
     * @return the chart
     */
    public static JFreeChart heat(RunCurves in) {
        ChartBuilder[] panels = new ChartBuilder[2];
        for (Side side : Side.values()) {
            String k = String.valueOf(side.key().charAt(0));
            ChartBuilder b = new ChartBuilder("", TIME, "Q_" + k + " into the " + side.key() + " bath (units of E²)");
            int i = 0;
            for (RunCurves.EngineCurves e : in.engines()) {
                b.add(series(e.name() + ", formula on ρ̄ ± SE", in.t(), e.curves().heatFormula()[side.ordinal()]),
                        ChartBuilder.color(i++), false);
                b.addLight(series(e.name() + ", jump counting ± SE", in.t(),
                        e.curves().heatCount()[side.ordinal()]), ChartBuilder.color(i++));
            }
            b.addReference(series("exact (master equation)", in.t(), in.exact().heatFormula()[side.ordinal()]),
                    false, true);
            panels[side.ordinal()] = b;
        }
        return ChartBuilder.stacked("Heat currents into the baths", panels);
    }

    /**
     * The populations and |ρ_01,10| of the first engine's ρ̄ with bands and the exact lines (black, dashed, on
     * top), twice: on a linear axis, and on a log axis below, where the small populations are read.
     *
     * @param in the run's curves
     * @return the chart
     */
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

    public static JFreeChart populations(RunCurves in) {
        RunCurves.EngineCurves e = in.engines().get(0);
        ChartBuilder linear = new ChartBuilder("", TIME, "probability");
        ChartBuilder log = new ChartBuilder("", TIME, "probability (log)").logY(logFloor(in));
        for (ChartBuilder b : new ChartBuilder[] {linear, log}) {
            for (int j = 0; j < 4; j++) {
                b.add(series(Estimates.population(j) + " " + e.name() + " ± SE", in.t(), e.curves().populations()[j]),
                        ChartBuilder.color(j), false);
            }
            b.add(series("|ρ01,10| " + e.name() + " ± SE", in.t(), e.curves().coherence()), ChartBuilder.color(4),
                    false);
            for (int j = 0; j < 4; j++) {
                b.addReference(series(j == 0 ? "exact (master equation)" : "exact " + Estimates.population(j), in.t(),
                        in.exact().populations()[j]), true, j == 0);
            }
            b.addReference(series("exact |ρ01,10|", in.t(), in.exact().coherence()), true, false);
        }
        return ChartBuilder.stacked("Populations and coherence (" + e.name() + ")", linear, log);
    }

    /**
     * D(ρ̄(t), ρ∞) per engine (jackknife band) and exact, on a log axis, with the reference slope e^{−gap·t}.
     * An engine's curve levels off where D reaches its own statistical noise.
     *
     * @param in the run's curves (with a unique steady state)
     * @return the chart
     */
    public static JFreeChart relaxation(RunCurves in) {
        ChartBuilder b = new ChartBuilder("Relaxation toward the steady state", TIME,
                "trace distance D(ρ(t), ρ∞) (dimensionless)").logY();
        int i = 0;
        for (RunCurves.EngineCurves e : in.engines()) {
            b.add(series("D(ρ̄, ρ∞) " + e.name() + " ± SE", in.t(), e.curves().relaxation()),
                    ChartBuilder.color(i++), false);
        }
        b.addReference(series("exact D(ρ(t), ρ∞)", in.t(), in.exact().relaxation()), false, true);
        b.add(series("spectral gap: e^(-" + fmt(in.gap()) + " t)", in.t(), in.gapSlope()), Color.GRAY, true);
        return b.build();
    }

    /**
     * Var N_c(t) and Var N_h(t) per engine with jackknife bands, and the exact variances (N_h dashed).
     *
     * @param in the run's curves (with counts recorded)
     * @return the chart
     */
    public static JFreeChart countVariance(RunCurves in) {
        ChartBuilder b = new ChartBuilder("Fluctuations of the net quanta into each bath", TIME,
                "Var N_k(t) (quanta²)");
        int i = 0;
        for (RunCurves.EngineCurves e : in.engines()) {
            for (Side side : Side.values()) {
                b.add(series("Var N_" + side.key().charAt(0) + " " + e.name() + " ± SE", in.t(),
                        e.curves().countVariance()[side.ordinal()]), ChartBuilder.color(i++), false);
            }
        }
        b.add(series("exact Var N_c", in.t(), in.exact().countVariance()[0]), EXACT, false);
        b.add(series("exact Var N_h", in.t(), in.exact().countVariance()[1]), EXACT, true);
        return b.build();
    }

    /**
     * The running Fano factors Var N_k(t)/|⟨N_k(t)⟩| per engine with jackknife bands, and exact.
     *
     * @param in the run's curves (with counts recorded)
     * @return the chart
     */
    public static JFreeChart fano(RunCurves in) {
        ChartBuilder b = new ChartBuilder("Running Fano factor", TIME, "Var N_k(t) / |⟨N_k(t)⟩| (dimensionless)");
        int i = 0;
        for (RunCurves.EngineCurves e : in.engines()) {
            for (Side side : Side.values()) {
                b.add(series("F_" + side.key().charAt(0) + " " + e.name() + " ± SE", in.t(),
                        e.curves().fano()[side.ordinal()]), ChartBuilder.color(i++), false);
            }
        }
        b.add(series("exact F_c", in.t(), in.exact().fano()[0]), EXACT, false);
        b.add(series("exact F_h", in.t(), in.exact().fano()[1]), EXACT, true);
        return b.build();
    }

    /**
     * P(N_c = n) at the final time: each engine's histogram as points (probability per integer) with the binomial ±SE
     * of each bin as error bars, against the exact distribution from the tilted Liouvillian as black steps. The
     * engines' points are set a little apart around each n, so that neither hides the other's error bar.
     *
     * @param in the run's curves (with counts recorded)
     * @param t the final time
     * @return the chart
     */
    public static JFreeChart finalCounts(RunCurves in, double t) {
        ChartBuilder b = new ChartBuilder("Net quanta into the cold bath at t = " + fmt(t), "N_c (quanta)",
                "P(N_c = n) (dimensionless)");
        int engines = in.engines().size();
        for (int i = 0; i < engines; i++) {
            RunCurves.EngineCurves e = in.engines().get(i);
            RunCurves.Counts c = e.curves().finalCold();
            double shift = DODGE * (i - (engines - 1) / 2.0);
            double[] n = c.n().clone();
            for (int k = 0; k < n.length; k++) {
                n[k] += shift;
            }
            b.addPoints(new Series(e.name() + " histogram ± SE", n, c.p().y(), c.p().se()), ChartBuilder.color(i));
        }
        RunCurves.Counts x = in.exact().finalCold();
        b.addReferenceSteps(Series.line("exact P(N_c = n)", x.n(), x.p().y()), true);
        return b.build();
    }

    /** How far apart, in quanta, the engines' points of one count are drawn. */
    private static final double DODGE = 0.15;

    /**
     * The collision model's Δt bias against the master equation on log–log axes with its fitted slope.
     *
     * @param dts the steps
     * @param mapBias exact discrete map: max over t and elements of |ρ_map − ρ_ME|
     * @param engineBias the engine's estimate of the final-time quantity, with SE
     * @param slope fitted slope of log(mapBias) against log(Δt)
     * @return the chart
     */
    public static JFreeChart collisionDt(double[] dts, double[] mapBias, Estimate[] engineBias, double slope) {
        double[] y = new double[engineBias.length];
        double[] se = new double[engineBias.length];
        for (int k = 0; k < y.length; k++) {
            y[k] = engineBias[k].mean();
            se[k] = engineBias[k].se();
        }
        return new ChartBuilder("Collision model: error against the master equation vs Δt", "Δt (units of 1/E)",
                "max |ρ − ρ_ME| (dimensionless)").logX(2).logY()
                .markers()
                .addReference(Series.line("exact collision map, max over t (fitted slope " + fmt(slope) + ")", dts,
                        mapBias), false, true)
                .add(new Series("collision engine, final time, ± SE", dts, y, se), ChartBuilder.color(1), false)
                .build();
    }

    private static String fmt(double x) {
        return String.format(java.util.Locale.ROOT, "%.4g", x);
    }
}
