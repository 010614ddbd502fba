package qtm.run;
import qtm.ensemble.EnsembleResult;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.ToDoubleFunction;
import org.ejml.data.ZMatrixRMaj;
import qtm.model.Model;
import qtm.model.Side;
import qtm.observe.Heat;
import qtm.observe.CountHistogram;
import qtm.observe.NetCounts;
import qtm.observe.Observables;
import qtm.stats.Estimate;
import qtm.verify.CountingReference;

/**
 * Every curve the charts of a run draw, computed here so that the report only plots. Charts need no more points than
 * they have pixels, so the curves are taken on at most {@link #MAX_POINTS} grid points, evenly spaced and always
 * including both ends: the estimates are evaluated only there.
 *
 * @param t the times drawn
 * @param engines per engine, its estimates
 * @param exact the exact solution's curves
 * @param steadyConcurrence C(ρ∞), or NaN without a unique steady state
 * @param gap the Liouvillian's spectral gap (NaN without a unique steady state)
 * @param gapSlope the reference e^(−gap·t) anchored on the exact trace distance at the last time (null without a
 *     unique steady state)
 */
public record RunCurves(double[] t, List<EngineCurves> engines, Curves exact, double steadyConcurrence, double gap,
        Curve gapSlope) {
    /** Most points of a drawn curve. */
    public static final int MAX_POINTS = 2001;

    /**
     * One curve: values with standard errors (null for an exact line; an unknown SE is 0).
     *
     * @param y values
     * @param se standard errors, or null
     */
    public record Curve(double[] y, double[] se) {
    }

    /**
     * The estimates of one engine, or the exact solution (with null SEs).
     *
     * @param name engine name, or "exact"
     * @param concurrence C(ρ̄)
     * @param pureConcurrence mean pure-state concurrence (null for exact)
     * @param heatFormula Q_c, Q_h by the formula on ρ̄
     * @param heatCount Q_c, Q_h by counting (null for exact)
     * @param populations p00, p01, p10, p11
     * @param coherence |ρ_01,10|
     * @param relaxation D(ρ̄, ρ∞) (null without a unique steady state)
     * @param countVariance Var N_c(t), Var N_h(t) (null where not recorded)
     * @param fano the running Fano factors Var N_k(t)/|⟨N_k(t)⟩| (null where not recorded)
     * @param finalCold P(N_c = n) at the final time (null where not recorded)
     */
    public record Curves(String name, Curve concurrence, Curve pureConcurrence, Curve[] heatFormula, Curve[] heatCount,
            Curve[] populations, Curve coherence, Curve relaxation, Curve[] countVariance, Curve[] fano,
            Counts finalCold) {
    }

    /**
     * A distribution of counts: P(N = n[i]) = p.y()[i], with SEs for an estimate. A histogram bin of several integers
     * is drawn at its centre with the mean probability per integer.
     *
     * @param n the values
     * @param p the probabilities
     */
    public record Counts(double[] n, Curve p) {
    }

    /** The per-engine curves. */
    public record EngineCurves(String name, Curves curves) {
    }

    /**
     * @param points grid points
     * @return the grid indices drawn: all of them up to {@link #MAX_POINTS}, else an even subset with both ends
     */
    public static int[] drawn(int points) {
        int n = Math.min(points, MAX_POINTS);
        int[] k = new int[n];
        for (int i = 0; i < n; i++) {
            k[i] = (int) Math.round((double) i * (points - 1) / (n - 1));
        }
        return k;
    }

    /**
     * @param o a run's outcome
     * @return its curves
     */
    public static RunCurves of(ScenarioRun.Outcome o) {
        int[] ks = drawn(o.scenario().time().points());
        double[] t = new double[ks.length];
        for (int i = 0; i < ks.length; i++) {
            t[i] = o.scenario().time().time(ks[i]);
        }
        Model m = o.scenario().model();
        ZMatrixRMaj steady = o.steady();
        List<EngineCurves> engines = new ArrayList<>();
        for (ScenarioRun.EngineOutcome e : o.engines()) {
            if (e.result().curves() != null) {
                engines.add(new EngineCurves(e.name(), e.result().curves()));
            }
        }
        List<ZMatrixRMaj> ex = o.exact();
        Curve[] heat = {line(ks, ex, rho -> Heat.of(m, rho).cold()), line(ks, ex, rho -> Heat.of(m, rho).hot())};
        Curve[] pops = new Curve[4];
        for (int j = 0; j < 4; j++) {
            int idx = j;
            pops[j] = line(ks, ex, rho -> rho.getReal(idx, idx));
        }
        Curve relax = steady == null ? null : line(ks, ex, rho -> Observables.traceDistance(rho, steady));
        CountingReference counts = o.counting();
        Curve[] variance = null;
        Curve[] fano = null;
        Counts cold = null;
        if (counts != null) {
            variance = new Curve[2];
            fano = new Curve[2];
            for (Side side : Side.values()) {
                double[] v = new double[ks.length];
                double[] f = new double[ks.length];
                for (int i = 0; i < ks.length; i++) {
                    v[i] = counts.variance(side, false, ks[i]);
                    f[i] = v[i] / Math.abs(counts.mean(side, false, ks[i]));
                }
                variance[side.ordinal()] = new Curve(v, null);
                fano[side.ordinal()] = new Curve(f, null);
            }
            cold = visible(counts.finals()[Side.COLD.ordinal()]);
        }
        Curves exact = new Curves("exact", line(ks, ex, Observables::concurrence), null, heat, null, pops,
                line(ks, ex, rho -> Observables.coherence(rho).getMagnitude()), relax, variance, fano, cold);
        Curve slope = null;
        if (relax != null) {
            // Anchor the asymptote at the end of the grid, where the exact curve is furthest past its transient.
            int last = t.length - 1;
            double anchor = relax.y()[last];
            double[] ref = new double[t.length];
            for (int i = 0; i < t.length; i++) {
                ref[i] = anchor * Math.exp(-o.gap() * (t[i] - t[last]));
            }
            slope = new Curve(ref, null);
        }
        return new RunCurves(t, engines, exact, steady == null ? Double.NaN : Observables.concurrence(steady),
                o.gap(), slope);
    }

    /**
     * @param name engine name
     * @param r its result (non-empty)
     * @param steady ρ∞, or null
     * @return the engine's curves on the drawn points
     */
    static Curves engine(String name, EnsembleResult r, ZMatrixRMaj steady) {
        int[] ks = drawn(r.grid().points());
        Curve[] formula = new Curve[2];
        Curve[] count = new Curve[2];
        for (Side side : Side.values()) {
            formula[side.ordinal()] = band(ks, k -> r.heatFormula(k, side));
            count[side.ordinal()] = band(ks, k -> r.heatCount(k, side));
        }
        Curve[] pops = new Curve[4];
        String[] names = {"p00", "p01", "p10", "p11"};
        for (int j = 0; j < 4; j++) {
            String c = names[j];
            pops[j] = band(ks, k -> r.estimate(c, k).estimate());
        }
        Curve relax = steady == null ? null
                : band(ks, k -> r.jackknife(k, rho -> Observables.traceDistance(rho, steady)));
        Curve[] variance = null;
        Curve[] fano = null;
        Counts cold = null;
        if (r.records(NetCounts.NAME)) {
            variance = new Curve[2];
            fano = new Curve[2];
            for (Side side : Side.values()) {
                String k = side.key();
                variance[side.ordinal()] = band(ks, i -> r.estimate("count_" + k + "_var", i).estimate());
                fano[side.ordinal()] = band(ks, i -> r.estimate("fano_" + k, i).estimate());
            }
        }
        if (r.records(CountHistogram.NAME)) {
            cold = histogram(r, Side.COLD);
        }
        return new Curves(name, band(ks, r::concurrence), band(ks, r::pureConcurrence), formula, count, pops,
                band(ks, k -> coherence(r, k)), relax, variance, fano, cold);
    }

    /**
     * The values of a distribution that a linear axis can show, those above 1e-6 of its peak: the Fourier inversion
     * holds a wide margin of zeros (rounding) on each side.
     */
    private static Counts visible(qtm.exact.CountingStatistics.Distribution d) {
        double[] p = d.p();
        double top = 0;
        for (double x : p) {
            top = Math.max(top, x);
        }
        int lo = 0;
        int hi = p.length - 1;
        while (lo < hi && p[lo] < 1e-6 * top) {
            lo++;
        }
        while (hi > lo && p[hi] < 1e-6 * top) {
            hi--;
        }
        double[] n = new double[hi - lo + 1];
        for (int i = 0; i < n.length; i++) {
            n[i] = d.first() + lo + i;
        }
        return new Counts(n, new Curve(java.util.Arrays.copyOfRange(p, lo, hi + 1), null));
    }

    /** The inner bins of a bath's final-count histogram as probability per integer, with binomial SEs. */
    private static Counts histogram(EnsembleResult r, Side side) {
        CountHistogram h = r.recorded(CountHistogram.class);
        CountHistogram.Bins b = h.bins(side);
        double[] sums = r.finalSums(CountHistogram.NAME);
        long total = r.trajectories();
        double[] n = new double[b.count()];
        double[] p = new double[b.count()];
        double[] se = new double[b.count()];
        for (int i = 0; i < b.count(); i++) {
            n[i] = b.first() + (long) i * b.width() + (b.width() - 1) / 2.0;
            double q = sums[h.offset(side) + 1 + i] / total;
            p[i] = q / b.width();
            se[i] = Math.sqrt(q * (1 - q) / total) / b.width();
        }
        return new Counts(n, new Curve(p, se));
    }

    private static Curve band(int[] ks, IntFunction<Estimate> f) {
        double[] y = new double[ks.length];
        double[] se = new double[ks.length];
        for (int i = 0; i < ks.length; i++) {
            Estimate e = f.apply(ks[i]);
            y[i] = e.mean();
            se[i] = Double.isFinite(e.se()) ? e.se() : 0;
        }
        return new Curve(y, se);
    }

    private static Curve line(int[] ks, List<ZMatrixRMaj> states, ToDoubleFunction<ZMatrixRMaj> f) {
        double[] y = new double[ks.length];
        for (int i = 0; i < ks.length; i++) {
            y[i] = f.applyAsDouble(states.get(ks[i]));
        }
        return new Curve(y, null);
    }

    /** |ρ̄_01,10| with the delta-method SE from the SEs of its real and imaginary parts. */
    private static Estimate coherence(EnsembleResult r, int k) {
        double re = r.estimate("rho_01_10_re", k).mean();
        double im = r.estimate("rho_01_10_im", k).mean();
        double seRe = r.estimate("rho_01_10_re", k).se();
        double seIm = r.estimate("rho_01_10_im", k).se();
        double abs = Math.hypot(re, im);
        double s = abs > 0 ? Math.hypot(re * seRe, im * seIm) / abs : Math.hypot(seRe, seIm);
        return new Estimate(abs, s);
    }
}
