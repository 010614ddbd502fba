package qtm.ensemble;

import org.ejml.data.ZMatrixRMaj;
import qtm.linalg.HermitianBasis;
import qtm.model.Side;
import qtm.model.TimeGrid;
import qtm.observe.Observables;
import qtm.stats.Covariance;
import qtm.stats.Estimate;
import qtm.stats.Jackknife;
import qtm.stats.RareEvents;
import qtm.stats.RunningSums;

/**
 * The outcome of an ensemble: means and standard errors of every series on the grid, the jackknife batches for
 * nonlinear functions of ρ̄, and why it stopped. Immutable: it holds private copies and hands out values only.
 */
public final class EnsembleResult {
    private static final HermitianBasis BASIS = new HermitianBasis(4);
    private final TimeGrid grid;
    private final RunningSums total;
    private final RunningSums[] batches;
    private final Covariance last;
    private final StopReason stopReason;
    private final double seconds;

    EnsembleResult(TimeGrid grid, RunningSums[] batches, Covariance last, StopReason stopReason, double seconds) {
        this.grid = grid;
        this.batches = new RunningSums[batches.length];
        this.total = new RunningSums(batches[0].size());
        for (int b = 0; b < batches.length; b++) {
            this.batches[b] = batches[b].copy();
            total.merge(batches[b]);
        }
        this.last = last;
        this.stopReason = stopReason;
        this.seconds = seconds;
    }

    /** @return the output grid */
    public TimeGrid grid() {
        return grid;
    }

    /** @return number of trajectories */
    public long trajectories() {
        return total.count();
    }

    /** @return why the run stopped */
    public StopReason stopReason() {
        return stopReason;
    }

    /** @return wall time of the run in seconds */
    public double seconds() {
        return seconds;
    }

    /**
     * @param k grid index
     * @param series offset in {@link Layout}
     * @return mean and SE
     */
    public Estimate series(int k, int series) {
        int i = Layout.index(k, series);
        return new Estimate(total.mean(i), total.standardError(i));
    }

    /**
     * @param k grid index
     * @return ρ̄(t_k)
     */
    public ZMatrixRMaj rho(int k) {
        double[] v = new double[Layout.RHO_SIZE];
        for (int m = 0; m < v.length; m++) {
            v[m] = total.mean(Layout.index(k, Layout.RHO + m));
        }
        return BASIS.matrix(v, new ZMatrixRMaj(4, 4));
    }

    /**
     * @param k grid index
     * @return SE of every ρ̄ coordinate in {@link HermitianBasis} order
     */
    public double[] rhoStandardErrors(int k) {
        double[] v = new double[Layout.RHO_SIZE];
        for (int m = 0; m < v.length; m++) {
            v[m] = total.standardError(Layout.index(k, Layout.RHO + m));
        }
        return v;
    }

    /**
     * C(ρ̄(t_k)) with its SE: the jackknife SE over batches of the unclipped λ1 − λ2 − λ3 − λ4 (the clipped C would
     * give every resample 0 on a separable state, and so an SE of exactly 0), raised by the rare-population floor of
     * {@link RareEvents#floor}.
     *
     * @param k grid index
     * @return the estimate
     */
    public Estimate concurrence(int k) {
        return concurrenceFlagged(k).estimate();
    }

    /**
     * @param k grid index
     * @return whether the concurrence's error bar can be trusted: false when it rests on populations visited by a
     *     handful of trajectories (see {@link RareEvents#floor})
     */
    public boolean concurrenceReliable(int k) {
        return concurrenceFlagged(k).reliable();
    }

    /**
     * @param k grid index
     * @return {@link #concurrence(int)} with its reliability flag
     */
    public RareEvents.Flagged concurrenceFlagged(int k) {
        RareEvents.Flagged signed = signedConcurrence(batches, k);
        return new RareEvents.Flagged(Math.max(0.0, signed.mean()), signed.se(), signed.reliable());
    }

    /**
     * @param k grid index
     * @param i population index (basis |n_c n_h⟩, 2·n_c + n_h)
     * @return whether the population's SE can be trusted, i.e. it is not a rare event (see {@link RareEvents})
     */
    public boolean populationReliable(int k, int i) {
        return !RareEvents.rareObserved(total.mean(Layout.index(k, Layout.RHO + i)), total.count());
    }

    /**
     * @param k grid index ≥ 1
     * @param side bath
     * @return whether the bin's jump count (and so its counted heat) rests on more than a handful of jumps
     */
    public boolean jumpsReliable(int k, Side side) {
        return k > 0 && !RareEvents.rareCount(total.sum(Layout.index(k, Layout.JUMPS + side.ordinal())));
    }

    /** The unclipped concurrence with its floored jackknife SE; also the target-SE stop's measure. */
    static RareEvents.Flagged signedConcurrence(RunningSums[] batches, int k) {
        double[][] sums = new double[batches.length][Layout.RHO_SIZE];
        long[] counts = new long[batches.length];
        rhoBatchSums(batches, k, sums, counts);
        ZMatrixRMaj work = new ZMatrixRMaj(4, 4);
        return RareEvents.floor(sums, counts, POPULATIONS, v -> Observables.signedConcurrence(BASIS.matrix(v, work)));
    }

    /** The population coordinates of {@link HermitianBasis}: the diagonal comes first. */
    private static final int[] POPULATIONS = {0, 1, 2, 3};

    /**
     * Tr ρ̄(t_k)² with its jackknife SE over batches.
     *
     * @param k grid index
     * @return the estimate
     */
    public Estimate purity(int k) {
        return jackknife(k, Observables::purity);
    }

    /**
     * Heat current from ρ̄ by the formula Σγω⟨A†A⟩ (linear in ρ̄, so its SE is that of a mean).
     *
     * @param k grid index
     * @param side bath
     * @return the estimate
     */
    public Estimate heatFormula(int k, Side side) {
        return series(k, Layout.HEAT_FORMULA + side.ordinal());
    }

    /**
     * Heat current by counting: mean energy moved into the bath during (t_{k−1}, t_k], divided by the bin width.
     *
     * @param k grid index ≥ 1
     * @param side bath
     * @return the estimate (NaN at k = 0, where there is no bin)
     */
    public Estimate heatCount(int k, Side side) {
        if (k == 0) {
            return new Estimate(Double.NaN, Double.NaN);
        }
        return series(k, Layout.HEAT_COUNT + side.ordinal());
    }

    /**
     * Mean number of jumps into one bath during (t_{k−1}, t_k].
     *
     * @param k grid index ≥ 1
     * @param side bath
     * @return the estimate (NaN at k = 0)
     */
    public Estimate jumps(int k, Side side) {
        if (k == 0) {
            return new Estimate(Double.NaN, Double.NaN);
        }
        return series(k, Layout.JUMPS + side.ordinal());
    }

    /**
     * Mean concurrence of the pure trajectory states (a property of the unravelling, not of ρ̄).
     *
     * @param k grid index
     * @return the estimate
     */
    public Estimate pureConcurrence(int k) {
        return series(k, Layout.PURE_CONCURRENCE);
    }

    /** @return mean ρ coordinates at the final time (new array) */
    public double[] finalMean() {
        return last.mean();
    }

    /** @return covariance of the mean ρ coordinates at the final time (new array) */
    public double[][] finalCovariance() {
        return last.covarianceOfMean();
    }

    /**
     * Any function of ρ̄(t_k), with its jackknife SE over batches.
     *
     * @param k grid index
     * @param f the function
     * @return the estimate
     */
    public Estimate jackknife(int k, java.util.function.ToDoubleFunction<ZMatrixRMaj> f) {
        return jackknife(batches, k, f);
    }

    static Estimate jackknife(RunningSums[] batches, int k, java.util.function.ToDoubleFunction<ZMatrixRMaj> f) {
        double[][] sums = new double[batches.length][Layout.RHO_SIZE];
        long[] counts = new long[batches.length];
        rhoBatchSums(batches, k, sums, counts);
        ZMatrixRMaj work = new ZMatrixRMaj(4, 4);
        return Jackknife.of(sums, counts, v -> f.applyAsDouble(BASIS.matrix(v, work)));
    }

    private static void rhoBatchSums(RunningSums[] batches, int k, double[][] sums, long[] counts) {
        for (int b = 0; b < batches.length; b++) {
            counts[b] = batches[b].count();
            for (int m = 0; m < Layout.RHO_SIZE; m++) {
                sums[b][m] = batches[b].sum(Layout.index(k, Layout.RHO + m));
            }
        }
    }
}
