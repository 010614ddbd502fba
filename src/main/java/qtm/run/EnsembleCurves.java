package qtm.run;

import java.util.List;

import java.util.function.IntFunction;
import org.ejml.data.ZMatrixRMaj;
import qtm.ensemble.EnsembleResult;
import qtm.model.Side;
import qtm.observe.CountHistogram;
import qtm.observe.Estimates;
import qtm.observe.NetCounts;
import qtm.observe.Observables;
import qtm.observe.RhoElements;
import qtm.run.RunCurves.Counts;
import qtm.run.RunCurves.Curve;
import qtm.run.RunCurves.Curves;
import qtm.stats.Estimate;
import qtm.stats.RareEvents;

/** One ensemble's chart curves, with standard errors, on the drawn points ({@link RunCurves#drawn}). */
final class EnsembleCurves {
    private EnsembleCurves() {
    }

    /**
     * @param name engine name
     * @param r its result (non-empty)
     * @param steady ρ∞, or null
     * @return the engine's curves on the drawn points
     */
    static Curves of(String name, EnsembleResult r, ZMatrixRMaj steady) {
        int[] ks = RunCurves.drawn(r.grid().points());
        Curve[] formula = new Curve[2];
        // The diffusive engine (issue 29) counts no jumps: it has no heat by counting to draw.
        Curve[] count = r.records(qtm.observe.HeatCount.NAME) ? new Curve[2] : null;
        for (Side side : Side.values()) {
            formula[side.ordinal()] = band(ks, k -> r.heatFormula(k, side));
            if (count != null) {
                count[side.ordinal()] = band(ks, k -> r.heatCount(k, side));
            }
        }
        Curve[] pops = new Curve[4];
        for (int j = 0; j < 4; j++) {
            String c = Estimates.population(j);
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
                variance[side.ordinal()] = band(ks, i -> r.estimate(Estimates.countVariance(side), i).estimate());
                fano[side.ordinal()] = band(ks, i -> r.estimate(Estimates.fano(side), i).estimate());
            }
        }
        if (r.records(CountHistogram.NAME)) {
            cold = histogram(r, Side.COLD);
        }
        java.util.Map<String, Curve> sites = new java.util.LinkedHashMap<>();
        for (String c : r.recorded(RhoElements.class).sites().columns()) {
            sites.put(c, band(ks, k -> r.estimate(c, k).estimate()));
        }
        return new Curves(name, band(ks, r::concurrence), band(ks, r::pureConcurrence), formula, count, pops,
                band(ks, k -> coherence(r, k)), relax, variance, fano, cold, sites);
    }

    /** The inner bins of a bath's final-count histogram as probability per integer, with binomial SEs. */
    /**
     * @param name engine name
     * @param r a machine's result (issue 24)
     * @return its curves: the observables per site and bipartition only
     */
    static Curves ofMachine(String name, EnsembleResult r) {
        int[] ks = RunCurves.drawn(r.grid().points());
        java.util.Map<String, Curve> sites = new java.util.LinkedHashMap<>();
        for (String c : r.recorded(RhoElements.class).sites().columns()) {
            sites.put(c, band(ks, k -> r.estimate(c, k).estimate()));
        }
        // The mean conditional negativity of every bipartition, where recorded (issue 29: beside a diffusive run).
        qtm.observe.ConditionalNegativity conditional = r.recorded(qtm.observe.ConditionalNegativity.class);
        for (String c : conditional == null ? List.<String>of() : conditional.slots()) {
            sites.put(c, band(ks, k -> r.estimate(c, k).estimate()));
        }
        // After the site columns (the first is the sweeps' quantity): N_k(t) of every bath, where recorded.
        NetCounts counts = r.recorded(NetCounts.class);
        for (int b = 0; counts != null && b < counts.baths(); b++) {
            String c = Estimates.count(counts.bathName(b));
            sites.put(c, band(ks, k -> r.estimate(c, k).estimate()));
            String v = Estimates.countVariance(counts.bathName(b));
            sites.put(v, band(ks, k -> r.estimate(v, k).estimate()));
        }
        // Then each detected bath's N_det(t) and its variance (issue 28), where detectors were set.
        qtm.observe.DetectedCounts detected = r.recorded(qtm.observe.DetectedCounts.class);
        for (String bath : detected == null ? List.<String>of() : detected.baths()) {
            for (String c : List.of(qtm.observe.DetectedCounts.count(bath), qtm.observe.DetectedCounts.variance(bath))) {
                sites.put(c, band(ks, k -> r.estimate(c, k).estimate()));
            }
        }
        return new Curves(name, null, null, null, null, null, null, null, null, null, null, sites);
    }

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

    /** |ρ̄_01,10| with the delta-method SE from the SEs of its real and imaginary parts. */
    private static Estimate coherence(EnsembleResult r, int k) {
        RareEvents.Flagged x = r.estimate(Estimates.coherenceRe(), k);
        RareEvents.Flagged y = r.estimate(Estimates.coherenceIm(), k);
        double re = x.mean();
        double im = y.mean();
        double seRe = x.se();
        double seIm = y.se();
        double abs = Math.hypot(re, im);
        double s = abs > 0 ? Math.hypot(re * seRe, im * seIm) / abs : Math.hypot(seRe, seIm);
        return new Estimate(abs, s);
    }
}
