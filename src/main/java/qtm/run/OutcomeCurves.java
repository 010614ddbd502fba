package qtm.run;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.ejml.data.ZMatrixRMaj;
import qtm.exact.CountingStatistics;
import qtm.model.Model;
import qtm.model.Side;
import qtm.observe.Heat;
import qtm.observe.Observables;
import qtm.observe.SiteObservables;
import qtm.run.RunCurves.Counts;
import qtm.run.RunCurves.Curve;
import qtm.run.RunCurves.Curves;
import qtm.run.RunCurves.EngineCurves;
import qtm.verify.CountingReference;

/**
 * A run's chart curves from its outcome: each engine's, kept in its {@link EnsembleSummary}, and the exact solution's
 * on the same drawn points ({@link RunCurves#drawn}).
 */
public final class OutcomeCurves {
    private OutcomeCurves() {
    }

    /**
     * @param o a run's outcome
     * @return its curves
     */
    public static RunCurves of(RunOutcome o) {
        int[] ks = RunCurves.drawn(o.scenario().time().points());
        double[] t = new double[ks.length];
        for (int i = 0; i < ks.length; i++) {
            t[i] = o.scenario().time().time(ks[i]);
        }
        Model m = o.scenario().model();
        ZMatrixRMaj steady = o.steady();
        SiteObservables sites = SiteObservables.of(m);
        List<EngineCurves> engines = new ArrayList<>();
        Map<String, Map<String, Curve>> references = new LinkedHashMap<>();
        for (EngineOutcome e : o.engines()) {
            if (e.result().curves() != null) {
                engines.add(new EngineCurves(e.name(), e.result().curves()));
            }
            if (e.collision() != null) {
                references.put(e.name(), sites(ks, e.reference(), sites));
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
                line(ks, ex, rho -> Observables.coherence(rho).getMagnitude()), relax, variance, fano, cold,
                sites(ks, ex, sites));
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
                o.gap(), slope, references, sites);
    }

    /**
     * @param o a machine's run (issue 24)
     * @return its curves: the observables per site and bipartition only, each engine's and the exact transient's
     */
    public static RunCurves of(MachineRun.Outcome o) {
        int[] ks = RunCurves.drawn(o.scenario().time().points());
        double[] t = new double[ks.length];
        for (int i = 0; i < ks.length; i++) {
            t[i] = o.scenario().time().time(ks[i]);
        }
        SiteObservables sites = SiteObservables.of(o.machine());
        List<EngineCurves> engines = new ArrayList<>();
        for (MachineRun.Engine e : o.engines()) {
            if (e.summary().curves() != null) {
                engines.add(new EngineCurves(e.name(), e.summary().curves()));
            }
        }
        Map<String, Curve> lines = sites(ks, o.exact(), sites);
        // The master equation's exact mean and variance of N_k(t), from the first engine judged against it.
        o.engines().stream().filter(e -> e.countingReference() != null && e.reference().collision() == null)
                .findFirst().map(MachineRun.Engine::countingReference).ifPresent(x -> {
                    for (int b = 0; b < x.baths().size(); b++) {
                        int bath = b;
                        double[] y = new double[ks.length];
                        double[] v = new double[ks.length];
                        for (int i = 0; i < ks.length; i++) {
                            y[i] = x.mean(bath, false, ks[i]);
                            v[i] = x.variance(bath, false, ks[i]);
                        }
                        lines.put(qtm.observe.Estimates.count(x.baths().get(b)), new Curve(y, null));
                        lines.put(qtm.observe.Estimates.countVariance(x.baths().get(b)), new Curve(v, null));
                    }
                });
        // The exact detected N_det(t) and its variance, from the first engine with detectors.
        o.engines().stream().filter(e -> e.detected() != null).findFirst().map(e -> e.detected().reference())
                .ifPresent(x -> {
                    for (int d = 0; d < x.baths().size(); d++) {
                        double[] y = new double[ks.length];
                        double[] v = new double[ks.length];
                        for (int i = 0; i < ks.length; i++) {
                            y[i] = x.mean(d, ks[i]);
                            v[i] = x.variance(d, ks[i]);
                        }
                        lines.put(qtm.observe.DetectedCounts.count(x.baths().get(d)), new Curve(y, null));
                        lines.put(qtm.observe.DetectedCounts.variance(x.baths().get(d)), new Curve(v, null));
                    }
                });
        Curves exact = new Curves("exact", null, null, null, null, null, null, null, null, null, null, lines);
        return new RunCurves(t, engines, exact, Double.NaN, Double.NaN, null, Map.of(), sites);
    }

    /**
     * The values of a distribution that a linear axis can show, those above 1e-6 of its peak: the Fourier inversion
     * holds a wide margin of zeros (rounding) on each side.
     */
    private static Counts visible(CountingStatistics.Distribution d) {
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
        return new Counts(n, new Curve(Arrays.copyOfRange(p, lo, hi + 1), null));
    }

    /** The observables per site and bipartition of exact states, by column name. */
    private static Map<String, Curve> sites(int[] ks, List<ZMatrixRMaj> states, SiteObservables sites) {
        List<String> names = sites.columns();
        double[][] y = new double[names.size()][ks.length];
        for (int i = 0; i < ks.length; i++) {
            double[] v = sites.values(states.get(ks[i]));
            for (int c = 0; c < v.length; c++) {
                y[c][i] = v[c];
            }
        }
        Map<String, Curve> out = new LinkedHashMap<>();
        for (int c = 0; c < names.size(); c++) {
            out.put(names.get(c), new Curve(y[c], null));
        }
        return out;
    }

    private static Curve line(int[] ks, List<ZMatrixRMaj> states, ToDoubleFunction<ZMatrixRMaj> f) {
        double[] y = new double[ks.length];
        for (int i = 0; i < ks.length; i++) {
            y[i] = f.applyAsDouble(states.get(ks[i]));
        }
        return new Curve(y, null);
    }

}
