package qtm.report;

import java.awt.Color;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.ejml.data.ZMatrixRMaj;
import org.jfree.chart.JFreeChart;
import qtm.ensemble.EnsembleResult;
import qtm.model.Model;
import qtm.model.Side;
import qtm.model.TimeGrid;
import qtm.observe.Observables;
import qtm.observe.Heat;
import qtm.stats.Estimate;

/**
 * The charts of one {@code qtm run}: each engine's ensemble estimate as mean ± SE bands with the exact solution of
 * the master equation drawn on top.
 */
public final class RunFigures {
    private static final String TIME = "t (units of 1/E)";
    private static final Color EXACT = Color.BLACK;

    /**
     * One engine's result.
     *
     * @param name engine name
     * @param result its ensemble
     */
    public record EngineRun(String name, EnsembleResult result) {
    }

    /**
     * Everything the charts draw.
     *
     * @param model the machine
     * @param grid the output grid
     * @param exact exact ρ(t) of the master equation on the grid
     * @param steady ρ∞, or null when not unique
     * @param gap the Liouvillian's spectral gap (NaN when there is no unique steady state)
     * @param engines the engines' results
     */
    public record Input(Model model, TimeGrid grid, List<ZMatrixRMaj> exact, ZMatrixRMaj steady, double gap,
            List<EngineRun> engines) {
    }

    private RunFigures() {
    }

    private static double[] times(TimeGrid grid) {
        double[] t = new double[grid.points()];
        for (int k = 0; k < t.length; k++) {
            t[k] = grid.time(k);
        }
        return t;
    }

    private static Series band(String label, TimeGrid grid, java.util.function.IntFunction<Estimate> f) {
        double[] y = new double[grid.points()];
        double[] se = new double[grid.points()];
        for (int k = 0; k < y.length; k++) {
            Estimate e = f.apply(k);
            y[k] = e.mean();
            se[k] = Double.isFinite(e.se()) ? e.se() : 0;
        }
        return new Series(label, times(grid), y, se);
    }

    private static Series exactLine(String label, Input in, ToDoubleFunction<ZMatrixRMaj> f) {
        double[] y = new double[in.grid().points()];
        for (int k = 0; k < y.length; k++) {
            y[k] = f.applyAsDouble(in.exact().get(k));
        }
        return Series.line(label, times(in.grid()), y);
    }

    private static Series constant(String label, TimeGrid grid, double value) {
        double[] y = new double[grid.points()];
        java.util.Arrays.fill(y, value);
        return Series.line(label, times(grid), y);
    }

    /**
     * C(ρ̄(t)) per engine with its jackknife band, the mean concurrence of the trajectories' pure states (lighter),
     * the exact C(t) and the steady-state value (dashed).
     *
     * @param in the run
     * @return the chart
     */
    public static JFreeChart concurrence(Input in) {
        ChartBuilder b = new ChartBuilder("Concurrence of the mean state", TIME, "concurrence C (dimensionless)");
        int i = 0;
        for (EngineRun e : in.engines()) {
            b.add(band("C(ρ̄) " + e.name() + " ± SE", in.grid(), e.result()::concurrence),
                    ChartBuilder.color(i++), false);
        }
        for (EngineRun e : in.engines()) {
            b.addLight(band("mean trajectory C " + e.name(), in.grid(), e.result()::pureConcurrence),
                    ChartBuilder.color(i++));
        }
        b.add(exactLine("exact C(ρ(t))", in, Observables::concurrence), EXACT, false);
        if (in.steady() != null) {
            b.add(constant("steady state C = " + fmt(Observables.concurrence(in.steady())), in.grid(),
                    Observables.concurrence(in.steady())), Color.GRAY, true);
        }
        return b.build();
    }

    /**
     * Q_c(t) and Q_h(t): per engine the formula on ρ̄ and jump counting (per output bin), both with bands, and the
     * exact currents.
     *
     * @param in the run
     * @return the chart
     */
    public static JFreeChart heat(Input in) {
        ChartBuilder b = new ChartBuilder("Heat currents into the baths", TIME, "heat current Q (units of E²)");
        int i = 0;
        for (EngineRun e : in.engines()) {
            for (Side side : Side.values()) {
                String q = "Q_" + side.key().charAt(0) + " ";
                b.add(band(q + e.name() + " formula on ρ̄", in.grid(), k -> e.result().heatFormula(k, side)),
                        ChartBuilder.color(i++), false);
                b.add(band(q + e.name() + " jump counting", in.grid(), k -> e.result().heatCount(k, side)),
                        ChartBuilder.color(i++), false);
            }
        }
        Model m = in.model();
        b.add(exactLine("exact Q_c", in, rho -> Heat.of(m, rho).cold()), EXACT, false);
        b.add(exactLine("exact Q_h", in, rho -> Heat.of(m, rho).hot()), EXACT, true);
        return b.build();
    }

    /**
     * The populations and |ρ_01,10| of the first engine's ρ̄ with bands, and the exact lines.
     *
     * @param in the run
     * @return the chart
     */
    public static JFreeChart populations(Input in) {
        EngineRun e = in.engines().get(0);
        ChartBuilder b = new ChartBuilder("Populations and coherence (" + e.name() + ")", TIME,
                "probability (dimensionless)");
        String[] names = {"p00", "p01", "p10", "p11"};
        for (int j = 0; j < 4; j++) {
            int idx = j;
            b.add(band(names[j] + " " + e.name(), in.grid(), k -> new Estimate(e.result().rho(k).getReal(idx, idx),
                    e.result().rhoStandardErrors(k)[idx])), ChartBuilder.color(j), false);
        }
        b.add(band("|ρ01,10| " + e.name(), in.grid(), k -> coherence(e.result(), k)), ChartBuilder.color(4), false);
        for (int j = 0; j < 4; j++) {
            int idx = j;
            b.add(exactLine("exact " + names[j], in, rho -> rho.getReal(idx, idx)), ChartBuilder.color(j).darker(),
                    true);
        }
        b.add(exactLine("exact |ρ01,10|", in, rho -> Observables.coherence(rho).getMagnitude()),
                ChartBuilder.color(4).darker(), true);
        return b.build();
    }

    /** |ρ̄_01,10| with the delta-method SE from the SEs of its real and imaginary parts. */
    private static Estimate coherence(EnsembleResult r, int k) {
        ZMatrixRMaj rho = r.rho(k);
        double re = rho.getReal(1, 2);
        double im = rho.getImag(1, 2);
        double[] se = r.rhoStandardErrors(k);
        double abs = Math.hypot(re, im);
        double s = abs > 0 ? Math.hypot(re * se[10], im * se[11]) / abs : Math.hypot(se[10], se[11]);
        return new Estimate(abs, s);
    }

    /**
     * D(ρ̄(t), ρ∞) per engine (jackknife band) and exact, on a log axis, with the reference slope e^{−gap·t}.
     * An engine's curve levels off where D reaches its own statistical noise.
     *
     * @param in the run (with a unique steady state)
     * @return the chart
     */
    public static JFreeChart relaxation(Input in) {
        ChartBuilder b = new ChartBuilder("Relaxation toward the steady state", TIME,
                "trace distance D(ρ(t), ρ∞) (dimensionless)").logY();
        int i = 0;
        for (EngineRun e : in.engines()) {
            b.add(band("D(ρ̄, ρ∞) " + e.name() + " ± SE", in.grid(),
                    k -> e.result().jackknife(k, rho -> Observables.traceDistance(rho, in.steady()))),
                    ChartBuilder.color(i++), false);
        }
        Series exact = exactLine("exact D(ρ(t), ρ∞)", in, rho -> Observables.traceDistance(rho, in.steady()));
        b.add(exact, EXACT, false);
        // Anchor the asymptote at the end of the grid, where the exact curve is furthest past its transient.
        int mid = in.grid().points() - 1;
        double anchor = exact.y()[mid];
        double[] t = times(in.grid());
        double[] ref = new double[t.length];
        for (int k = 0; k < t.length; k++) {
            ref[k] = anchor * Math.exp(-in.gap() * (t[k] - t[mid]));
        }
        b.add(Series.line("spectral gap: e^(-" + fmt(in.gap()) + " t)", t, ref), Color.GRAY, true);
        return b.build();
    }

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
                .add(Series.line("exact collision map, max over t (fitted slope " + fmt(slope) + ")", dts, mapBias),
                        EXACT, false)
                .add(new Series("collision engine, final time, ± SE", dts, y, se), ChartBuilder.color(1), false)
                .build();
    }

    private static String fmt(double x) {
        return String.format(java.util.Locale.ROOT, "%.4g", x);
    }
}
