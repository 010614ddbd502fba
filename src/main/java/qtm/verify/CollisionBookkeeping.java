package qtm.verify;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.ejml.data.ZMatrixRMaj;
import qtm.ensemble.EnsembleResult;
import qtm.exact.CollisionThermodynamics;
import qtm.exact.SteadyState;
import qtm.math.Hermitian;
import qtm.model.Model;
import qtm.model.Side;
import qtm.model.TimeGrid;
import qtm.observe.CollisionWork;
import qtm.observe.Estimates;
import qtm.observe.Heat;
import qtm.observe.NetCounts;
import qtm.observe.RhoElements;
import qtm.stats.Convergence;
import qtm.stats.Estimate;
import qtm.stats.RareEvents;
import qtm.stats.ScoreTest;
import qtm.stats.ZTests;

/**
 * The collision engine's cumulative heat Q_k(t), switching work W_k(t) and total entropy production Σ(t) against
 * the exact bookkeeping of the collision map ({@link CollisionThermodynamics}), judged by z-scores on every grid point
 * as the counting verdict judges counts: the largest |z| with a Bonferroni bound.
 *
 * <p>Entropy is not linear in ρ, so a trajectory has no entropy production of its own to average. The ensemble's is
 * the total, Σ(t) = S(ρ̄(t)) − S(ρ(0)) + Σ_k Q_k(t)/T_k: e^{−iHΔt} preserves S, so the collisions' ΔS_S sum to
 * S(ρ(t)) − S(ρ(0)). Its SE is the delete-one-batch jackknife over the joint batches of ρ̄ and the counted heat, which
 * keeps their covariance (the delta method with the covariance estimated from the batches). The split per bath needs
 * the mean state between the collisions of one step, which no unravelling records: it is given by the map only.
 * Where some T_k = 0 and the map moves heat into that bath, Σ is +∞ and not judged.
 */
public final class CollisionBookkeeping {
    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);
    private static final TDistribution JACKKNIFE = new TDistribution(null, EnsembleResult.BATCHES - 1);

    private CollisionBookkeeping() {
    }

    /**
     * One grid point: the map's values per bath ([side ordinal] on a preset, [bath index] on a machine:
     * {@link MachineBookkeeping}) and the engine's estimates.
     *
     * @param t time
     * @param mapHeat the map's Q_k(t)
     * @param mapWork the map's W_k(t)
     * @param mapEntropy the map's Σ_k(t) (+∞ at T_k = 0 once heat has moved into bath k)
     * @param heat the engine's Q_k(t) ± SE (by counting)
     * @param work the engine's W_k(t) ± SE
     * @param entropy the engine's Σ(t) ± jackknife SE (+∞ where the map's is; SE NaN there)
     */
    public record Row(double t, double[] mapHeat, double[] mapWork, double[] mapEntropy, Estimate[] heat,
            Estimate[] work, Estimate entropy) {
        /** @return the map's Σ_k Σ_k(t) over every bath (Σ_c(t) + Σ_h(t) on a preset) */
        public double mapTotal() {
            double s = 0;
            for (double x : mapEntropy) {
                s += x;
            }
            return s;
        }
    }

    /**
     * The comparison.
     *
     * @param rows one per grid point
     * @param steady the map's per-time rates in its own steady state at this Δt
     * @param masterHeat the master equation's steady heat currents Q_k = Σ_j ω_j γ_j Tr[A_jρ∞A_j†] (null without a
     *     unique steady state; its work is 0: ⟨H_int⟩ = 0 in ρ∞)
     * @param maxAbsZ the largest |z|
     * @param tests z-scores that entered
     * @param maxZPValue Bonferroni p-value of the largest |z|
     * @param converged maxZPValue ≥ {@link Convergence#ALPHA}
     * @param worst the z-test with the smallest p-value, named as the thermo CSV column (null if none)
     */
    public record Result(List<Row> rows, CollisionThermodynamics.Rates steady, Heat masterHeat, double maxAbsZ,
            int tests, double maxZPValue, boolean converged, ZTests.Worst worst) {
    }

    /**
     * @param model the machine
     * @param rho0 the initial state
     * @param grid the output grid
     * @param dt the collision step asked for
     * @param r the collision engine's ensemble
     * @return the comparison, or null when the ensemble did not record the counts and the work (grids beyond
     *     {@link NetCounts#MAX_POINTS} points, or not the collision engine) or has fewer than two trajectories
     */
    public static Result of(Model model, ZMatrixRMaj rho0, TimeGrid grid, double dt, EnsembleResult r) {
        return of(model, rho0, grid, dt, r, CountingReference.collision(model, rho0, grid, dt));
    }

    /**
     * As {@link #of(Model, ZMatrixRMaj, TimeGrid, double, EnsembleResult)}, with the heat's z-tests taken with the
     * exact finite-time variance of Q_k from the tilted map ({@link ScoreTest}) rather than the sample's, which moves
     * with the estimate while the quanta are rare.
     *
     * @param model the machine
     * @param rho0 the initial state
     * @param grid the output grid
     * @param dt the collision step asked for
     * @param r the collision engine's ensemble
     * @param exactCounts the tilted collision map's statistics at the same step
     * @return the comparison, or null as there
     */
    public static Result of(Model model, ZMatrixRMaj rho0, TimeGrid grid, double dt, EnsembleResult r,
            CountingReference exactCounts) {
        if (r.trajectories() < 2 || !r.records(NetCounts.NAME) || !r.records(CollisionWork.NAME)) {
            return null;
        }
        CollisionThermodynamics thermo = new CollisionThermodynamics(model, grid, dt);
        CollisionThermodynamics.Series exact = thermo.evolve(rho0);
        NetCounts counts = r.recorded(NetCounts.class);
        CollisionWork workUnit = r.recorded(CollisionWork.class);
        double s0 = CollisionThermodynamics.entropy(rho0);
        long n = r.trajectories();
        double[] inverse = new double[2];
        for (Side side : Side.values()) {
            double t = model.bath(side).temperature();
            inverse[side.ordinal()] = Double.isInfinite(t) ? 0 : t == 0 ? Double.POSITIVE_INFINITY : 1 / t;
        }
        List<Row> rows = new ArrayList<>();
        ZTests tests = new ZTests();
        for (int k = 0; k < grid.points(); k++) {
            double[] mq = new double[2];
            double[] mw = new double[2];
            double[] ms = new double[2];
            Estimate[] heat = new Estimate[2];
            Estimate[] work = new Estimate[2];
            double[] c = new double[2];
            for (Side side : Side.values()) {
                int b = side.ordinal();
                mq[b] = exact.heat()[b][k];
                mw[b] = exact.work()[b][k];
                ms[b] = exact.entropy()[b][k];
                RareEvents.Flagged h = r.estimate(Estimates.energy(side), k);
                RareEvents.Flagged w = r.estimate(Estimates.work(side), k);
                heat[b] = new Estimate(h.mean(), h.se());
                work[b] = new Estimate(w.mean(), w.se());
                // At T_k = 0 the term Q_k/T_k is 0 while no heat can have moved into bath k, else +∞.
                c[b] = inverse[b] == Double.POSITIVE_INFINITY ? (mq[b] == 0 ? 0 : Double.NaN) : inverse[b];
                if (k == 0) {
                    continue;
                }
                double var0 = exactCounts.variance(side, true, k);
                if (var0 > 0 || Math.abs(h.mean() - mq[b]) > 1e-12 * Math.max(1, Math.abs(mq[b]))) {
                    ScoreTest.Z zq = exactCounts.testMean(side, true, k, n, h.mean());
                    if (zq != null) {
                        tests.add("heat_" + side.key(), grid.time(k), zq.z(), zq.p());
                    }
                }
                // Each trajectory's work is rounded to its fixed-point unit: the mean is resolved to no better.
                double z = z(w.mean(), w.se(), mw[b], workUnit.quantum(b));
                if (!Double.isNaN(z)) {
                    tests.add(Estimates.work(side), grid.time(k), z, p(z, false));
                }
            }
            Estimate total = total(r, k, grid.time(k), c, counts, s0, exact, tests);
            rows.add(new Row(grid.time(k), mq, mw, ms, heat, work, total));
        }
        double maxZp = tests.bonferroni();
        Heat master = model.hasUniqueSteadyState() ? Heat.of(model, SteadyState.of(model)) : null;
        CollisionThermodynamics.Rates steady = model.hasUniqueSteadyState() ? thermo.steady() : null;
        return new Result(List.copyOf(rows), steady, master, tests.maxAbsZ(), tests.tests(), maxZp,
                maxZp >= Convergence.ALPHA, tests.worst());
    }

    /**
     * The engine's Σ(t) at grid point k, tested against the map's where the test is valid.
     *
     * @param c per bath the coefficient 1/T_k of Q_k, NaN where Σ is +∞ (T_k = 0 with heat moved into bath k)
     * @return the jackknife estimate, or +∞ with SE NaN where the map's is +∞
     */
    private static Estimate total(EnsembleResult r, int k, double t, double[] c, NetCounts counts, double s0,
            CollisionThermodynamics.Series exact, ZTests tests) {
        if (Double.isNaN(c[0]) || Double.isNaN(c[1])) {
            return new Estimate(Double.POSITIVE_INFINITY, Double.NaN);
        }
        long n = r.trajectories();
        double[] cc = c.clone();
        RhoElements rho = r.recorded(RhoElements.class);
        Estimate total = r.jackknife(k, List.of(RhoElements.NAME, NetCounts.NAME), v -> {
            double s = CollisionThermodynamics.entropy(rho.matrix(v)) - s0;
            for (Side side : Side.values()) {
                double coefficient = cc[side.ordinal()];
                s += coefficient == 0 ? 0 : coefficient * counts.energy(side, v, RhoElements.SIZE);
            }
            return s;
        });
        // S(ρ̄) is a smooth function of ρ̄ (and the jackknife a valid linearisation) only while every
        // eigenvalue of ρ is resolved by more than a handful of trajectories.
        double smallest = Hermitian.eigenvalues(exact.states().get(k))[3];
        if (k > 0 && smallest * n > RareEvents.COUNT) {
            double z = z(total.mean(), total.se(), exact.totalEntropy(k), 1.0 / n);
            if (!Double.isNaN(z)) {
                tests.add("entropy_total", t, z, p(z, true));
            }
        }
        return total;
    }

    /** (estimate − exact) / max(SE, floor), or NaN where both agree exactly with no spread (nothing to judge). */
    static double z(double mean, double se, double exact, double floor) {
        double diff = mean - exact;
        if (!(se > 0) && Math.abs(diff) <= 1e-12 * Math.max(1, Math.abs(exact))) {
            return Double.NaN;
        }
        return diff / Math.max(Double.isNaN(se) ? 0 : se, floor);
    }

    /** Two-sided p of z: Student's t for a jackknife SE ({@link EnsembleResult#BATCHES} − 1 dof), else normal. */
    static double p(double z, boolean jackknife) {
        double a = -Math.abs(z);
        return 2 * (jackknife ? JACKKNIFE.cumulativeProbability(a) : NORMAL.cumulativeProbability(a));
    }
}
