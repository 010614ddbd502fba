package qtm.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ejml.data.ZMatrixRMaj;
import qtm.ensemble.EnsembleResult;
import qtm.exact.CollisionThermodynamics;
import qtm.exact.CountingStatistics.Weight;
import qtm.exact.MachineCollisionCounting;
import qtm.exact.MachineCollisionThermodynamics;
import qtm.exact.MachineExact;
import qtm.math.Hermitian;
import qtm.model.Machine;
import qtm.model.MachineChannel;
import qtm.model.TimeGrid;
import qtm.observe.MachineCollisionWork;
import qtm.observe.RhoElements;
import qtm.stats.Convergence;
import qtm.stats.Estimate;
import qtm.stats.RareEvents;
import qtm.stats.ScoreTest;
import qtm.stats.ZTests;

/**
 * A machine's collision engine's cumulative heat Q_k(t) and switching work W_k(t) of every bath, and the total entropy
 * production Σ(t), against the exact bookkeeping of its collision map ({@link MachineCollisionThermodynamics}), by
 * the presets' rules ({@link CollisionBookkeeping}) with the baths by index: the heat's z-tests with the exact
 * finite-time moments of Q_k from the tilted collision map ({@link MachineCollisionCounting}), the work's with its
 * own SE floored at its fixed-point unit, Σ(t) = S(ρ̄(t)) − S(ρ(0)) + Σ_k Q_k(t)/T_k by the jackknife where every
 * eigenvalue of ρ is resolved, and the largest |z| with a Bonferroni bound.
 */
public final class MachineBookkeeping {
    private MachineBookkeeping() {
    }

    /**
     * The comparison.
     *
     * @param baths the baths' names, in bath order (the index of every array)
     * @param rows one per grid point, each array indexed by bath
     * @param steady the map's per-time rates in its own steady state at this Δt (null without a unique one)
     * @param masterHeat the master equation's steady heat into each bath by name (null with steady)
     * @param maxAbsZ the largest |z|
     * @param tests z-scores that entered
     * @param maxZPValue Bonferroni p-value of the largest |z|
     * @param converged maxZPValue ≥ {@link Convergence#ALPHA}
     * @param worst the z-test with the smallest p-value (null if none)
     */
    public record Result(List<String> baths, List<CollisionBookkeeping.Row> rows,
            MachineCollisionThermodynamics.Rates steady, Map<String, Double> masterHeat, double maxAbsZ, int tests,
            double maxZPValue, boolean converged, ZTests.Worst worst) {
    }

    /**
     * @param machine the machine
     * @param rho0 the initial state
     * @param grid the output grid
     * @param dt the collision step asked for
     * @param r the collision engine's ensemble
     * @return the comparison, or null when the ensemble did not record the work ({@link MachineCollisionWork}) or has
     *     fewer than two trajectories
     */
    public static Result of(Machine machine, ZMatrixRMaj rho0, TimeGrid grid, double dt, EnsembleResult r) {
        if (r.trajectories() < 2 || !r.records(MachineCollisionWork.NAME)) {
            return null;
        }
        return of(machine, rho0, grid, dt, r, new MachineCollisionThermodynamics(machine, grid, dt).evolve(rho0),
                heatReference(machine, rho0, grid, dt));
    }

    /**
     * As {@link #of(Machine, ZMatrixRMaj, TimeGrid, double, EnsembleResult)} against a given exact series: a wrong one
     * must fail.
     *
     * @param machine the machine
     * @param rho0 the initial state
     * @param grid the output grid
     * @param dt the collision step asked for
     * @param r the collision engine's ensemble (it must record {@link MachineCollisionWork})
     * @param exact the map's cumulative heat, work and entropy production
     * @param heat the exact moments of Q_k (see {@link #heatReference})
     * @return the comparison
     */
    static Result of(Machine machine, ZMatrixRMaj rho0, TimeGrid grid, double dt, EnsembleResult r,
            MachineCollisionThermodynamics.Series exact, CountingReference heat) {
        List<String> names = machine.bathNames();
        int baths = names.size();
        MachineCollisionWork recorded = r.recorded(MachineCollisionWork.class);
        double s0 = CollisionThermodynamics.entropy(rho0);
        long n = r.trajectories();
        double[] inverse = new double[baths];
        for (int b = 0; b < baths; b++) {
            double t = machine.baths().get(b).temperature();
            inverse[b] = Double.isInfinite(t) ? 0 : t == 0 ? Double.POSITIVE_INFINITY : 1 / t;
        }
        List<CollisionBookkeeping.Row> rows = new ArrayList<>();
        ZTests tests = new ZTests();
        for (int k = 0; k < grid.points(); k++) {
            double[] mq = new double[baths];
            double[] mw = new double[baths];
            double[] ms = new double[baths];
            Estimate[] q = new Estimate[baths];
            Estimate[] w = new Estimate[baths];
            double[] c = new double[baths];
            for (int b = 0; b < baths; b++) {
                mq[b] = exact.heat()[b][k];
                mw[b] = exact.work()[b][k];
                ms[b] = exact.entropy()[b][k];
                RareEvents.Flagged h = r.estimate(recorded.slots().get(recorded.heatSlot(b)), k);
                RareEvents.Flagged x = r.estimate(recorded.slots().get(recorded.heatSlot(b) + 1), k);
                q[b] = new Estimate(h.mean(), h.se());
                w[b] = new Estimate(x.mean(), x.se());
                c[b] = inverse[b] == Double.POSITIVE_INFINITY ? (mq[b] == 0 ? 0 : Double.NaN) : inverse[b];
                if (k == 0) {
                    continue;
                }
                String bath = names.get(b);
                double var0 = heat.series()[2 * b + 1][k][1];
                if (var0 > 0 || Math.abs(h.mean() - mq[b]) > 1e-12 * Math.max(1, Math.abs(mq[b]))) {
                    ScoreTest.Z zq = heat.testMean(b, true, k, n, h.mean());
                    if (zq != null) {
                        tests.add("heat_" + bath, grid.time(k), zq.z(), zq.p());
                    }
                }
                double z = CollisionBookkeeping.z(x.mean(), x.se(), mw[b], recorded.quantum(recorded.heatSlot(b) + 1));
                if (!Double.isNaN(z)) {
                    tests.add("work_" + bath, grid.time(k), z, CollisionBookkeeping.p(z, false));
                }
            }
            Estimate total = total(r, k, grid.time(k), c, s0, exact, tests);
            rows.add(new CollisionBookkeeping.Row(grid.time(k), mq, mw, ms, q, w, total));
        }
        double maxZp = tests.bonferroni();
        MachineCollisionThermodynamics.Rates steady = null;
        Map<String, Double> master = null;
        try {
            steady = new MachineCollisionThermodynamics(machine, grid, dt).steady();
            MachineExact me = new MachineExact(machine);
            master = me.heat(me.steadyState());
        } catch (IllegalArgumentException e) {
            // No unique fixed point (a site no bath reaches): no steady rates, as for the presets.
            steady = null;
            master = null;
        }
        return new Result(names, List.copyOf(rows), steady, master, tests.maxAbsZ(), tests.tests(), maxZp,
                maxZp >= Convergence.ALPHA, tests.worst());
    }

    /**
     * The exact mean and central moments of each bath's Q_k(t) under the tilted collision map, in the layout of
     * {@link CountingReference} (its entries for N_k are not computed: null).
     *
     * @param machine the machine
     * @param rho0 the initial state
     * @param grid the output grid
     * @param dt the collision step asked for
     * @return the reference
     */
    static CountingReference heatReference(Machine machine, ZMatrixRMaj rho0, TimeGrid grid, double dt) {
        int baths = machine.baths().size();
        double[][][] series = new double[2 * baths][][];
        boolean[] in = new boolean[baths];
        boolean[] out = new boolean[baths];
        double[] quantum = new double[baths];
        for (MachineChannel c : machine.channels()) {
            if (c.rate() > 0 && c.heat() != 0) {
                (c.heat() > 0 ? in : out)[c.bath()] = true;
                quantum[c.bath()] = Math.max(quantum[c.bath()], Math.abs(c.heat()));
            }
        }
        boolean[] oneWay = new boolean[baths];
        for (int b = 0; b < baths; b++) {
            series[2 * b + 1] = new MachineCollisionCounting(machine, grid, dt, b, Weight.HEAT).onGrid(rho0);
            oneWay[b] = !(in[b] && out[b]);
        }
        return new CountingReference(series, null, oneWay, quantum, machine.bathNames());
    }

    /** The engine's Σ(t) at grid point k, tested against the map's where valid, as {@link CollisionBookkeeping}. */
    private static Estimate total(EnsembleResult r, int k, double t, double[] c, double s0,
            MachineCollisionThermodynamics.Series exact, ZTests tests) {
        for (double x : c) {
            if (Double.isNaN(x)) {
                return new Estimate(Double.POSITIVE_INFINITY, Double.NaN);
            }
        }
        long n = r.trajectories();
        double[] cc = c.clone();
        RhoElements rho = r.recorded(RhoElements.class);
        int offset = rho.size();
        Estimate total = r.jackknife(k, List.of(RhoElements.NAME, MachineCollisionWork.NAME), v -> {
            double s = CollisionThermodynamics.entropy(rho.matrix(v)) - s0;
            for (int b = 0; b < cc.length; b++) {
                s += cc[b] == 0 ? 0 : cc[b] * v[offset + 2 * b];
            }
            return s;
        });
        double[] eigen = Hermitian.eigenvalues(exact.states().get(k));
        double smallest = eigen[eigen.length - 1];
        if (k > 0 && smallest * n > RareEvents.COUNT) {
            double total0 = 0;
            for (double[] s : exact.entropy()) {
                total0 += s[k];
            }
            double z = CollisionBookkeeping.z(total.mean(), total.se(), total0, 1.0 / n);
            if (!Double.isNaN(z)) {
                tests.add("entropy_total", t, z, CollisionBookkeeping.p(z, true));
            }
        }
        return total;
    }
}
