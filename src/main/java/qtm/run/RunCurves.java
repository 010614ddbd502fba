package qtm.run;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import qtm.observe.SiteObservables;

/**
 * Every curve the charts of a run draw, computed beforehand ({@link OutcomeCurves}, {@link EnsembleCurves}) so that
 * the report only plots. Charts need no more points than they have pixels, so the curves are taken on at most
 * {@link #MAX_POINTS} grid points, evenly spaced and always including both ends: the estimates are evaluated only
 * there.
 *
 * @param t the times drawn
 * @param engines per engine, its estimates
 * @param exact the exact solution's curves
 * @param steadyConcurrence C(ρ∞), or NaN without a unique steady state
 * @param gap the Liouvillian's spectral gap (NaN without a unique steady state)
 * @param gapSlope the reference e^(−gap·t) anchored on the exact trace distance at the last time (null without a
 *     unique steady state)
 * @param references per engine whose own exact reference is not the master equation (the collision map), that
 *     reference's {@link Curves#sites} curves
 * @param sites the machine's sites, which name the {@link Curves#sites} curves (null where none are drawn)
 */
public record RunCurves(double[] t, List<EngineCurves> engines, Curves exact, double steadyConcurrence, double gap,
        Curve gapSlope, Map<String, Map<String, Curve>> references, SiteObservables sites) {
    /** Copies the map, keeping its order. */
    public RunCurves {
        references = Collections.unmodifiableMap(new LinkedHashMap<>(references));
    }

    /**
     * Curves without the observables per site and engines' own references.
     *
     * @param t the times drawn
     * @param engines per engine, its estimates
     * @param exact the exact solution's curves
     * @param steadyConcurrence C(ρ∞), or NaN
     * @param gap the spectral gap, or NaN
     * @param gapSlope the gap's reference line, or null
     */
    public RunCurves(double[] t, List<EngineCurves> engines, Curves exact, double steadyConcurrence, double gap,
            Curve gapSlope) {
        this(t, engines, exact, steadyConcurrence, gap, gapSlope, Map.of(), null);
    }

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
     * @param sites the observables per site and bipartition, by their column names
     *     ({@link qtm.observe.SiteObservables#columns()}; empty where not computed)
     */
    public record Curves(String name, Curve concurrence, Curve pureConcurrence, Curve[] heatFormula, Curve[] heatCount,
            Curve[] populations, Curve coherence, Curve relaxation, Curve[] countVariance, Curve[] fano,
            Counts finalCold, Map<String, Curve> sites) {
        /** Copies the map, keeping its order. */
        public Curves {
            sites = Collections.unmodifiableMap(new LinkedHashMap<>(sites));
        }

        /**
         * Curves without the observables per site.
         *
         * @param name engine name, or "exact"
         * @param concurrence C(ρ̄)
         * @param pureConcurrence mean pure-state concurrence (null for exact)
         * @param heatFormula Q_c, Q_h by the formula
         * @param heatCount Q_c, Q_h by counting (null for exact)
         * @param populations p00, p01, p10, p11
         * @param coherence |ρ_01,10|
         * @param relaxation D(ρ̄, ρ∞) (null without a unique steady state)
         * @param countVariance Var N_c(t), Var N_h(t) (null where not recorded)
         * @param fano the running Fano factors (null where not recorded)
         * @param finalCold P(N_c = n) at the final time (null where not recorded)
         */
        public Curves(String name, Curve concurrence, Curve pureConcurrence, Curve[] heatFormula, Curve[] heatCount,
                Curve[] populations, Curve coherence, Curve relaxation, Curve[] countVariance, Curve[] fano,
                Counts finalCold) {
            this(name, concurrence, pureConcurrence, heatFormula, heatCount, populations, coherence, relaxation,
                    countVariance, fano, finalCold, Map.of());
        }
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
}
