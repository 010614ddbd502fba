package qtm.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static qtm.engine.DiffusiveFixtures.DT;
import static qtm.engine.DiffusiveFixtures.FLUX;
import static qtm.engine.DiffusiveFixtures.GRID;
import static qtm.engine.DiffusiveFixtures.coherent;
import static qtm.engine.DiffusiveFixtures.masterEquation;
import static qtm.engine.DiffusiveFixtures.operators;

import java.util.List;
import org.apache.commons.rng.simple.RandomSource;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import qtm.math.Hermitian;
import qtm.model.Bath;
import qtm.model.Model;
import qtm.model.MonitoredChannel;
import qtm.model.ResetModel;
import qtm.model.TimeGrid;

/**
 * The diffusive engine (issue 29): its ensemble mean ρ̄(t) against the master equation integrated here from scratch,
 * for η = 1 (pure ψ) and η &lt; 1 (conditional ρ), on the flux model and a machine; ψ stays normalised, ρ stays a
 * density matrix; the steps allocate nothing.
 */
class DiffusiveTrajectoriesTest {
    @Test
    void pureEnsembleConvergesToTheMasterEquation() {
        checkAgainstExact(1.0, 3000, 11);
    }

    @Test
    void mixedEnsembleConvergesToTheMasterEquation() {
        checkAgainstExact(0.5, 1500, 12);
    }

    private static void checkAgainstExact(double eta, int trajectories, long seed) {
        DiffusiveTrajectories engine = DiffusiveTrajectories.of(FLUX, coherent(), GRID, DT, new double[] {0.3, -1.1},
                new double[] {eta, eta});
        assertEquals(eta == 1.0, engine.pure());
        DensitySums sums = new DensitySums(4, GRID.points());
        var rng = RandomSource.L64_X128_MIX.create(seed);
        for (int n = 0; n < trajectories; n++) {
            engine.run(rng, sums);
        }
        double[][] exact = masterEquation(FLUX.hamiltonian(), operators(FLUX), coherent(), GRID);
        double worst = 0;
        for (int k = 0; k < GRID.points(); k++) {
            for (int c = 0; c < 32; c++) {
                double mean = sums.sum[k][c] / trajectories;
                double var = sums.squares[k][c] / trajectories - mean * mean;
                double se = Math.sqrt(Math.max(var, 0) / (trajectories - 1));
                double z = Math.abs(mean - exact[k][c]) / (se + 1e-12);
                worst = Math.max(worst, z);
                assertTrue(Math.abs(mean - exact[k][c]) <= 4 * se + 1e-12, "eta " + eta + " point " + k + " coord "
                        + c + ": " + mean + " vs exact " + exact[k][c] + " (SE " + se + ")");
            }
        }
        // The state must have moved: a test against a frozen ρ0 would pass too easily.
        assertTrue(Math.abs(exact[GRID.points() - 1][0] - exact[0][0]) > 0.05);
        assertTrue(worst > 0, "no fluctuation at all");
    }

    @Tag("slow")
    @Test
    @org.junit.jupiter.api.Tag("slow")
    void aMachineEnsembleConvergesToItsMasterEquation() {
        // The three-qubit chain (d = 8) through the machine path: MachineChannel → MonitoredChannel, L = √γ A.
        qtm.model.Machine chain = TestMachines.testChain();
        int d = chain.dimension();
        ZMatrixRMaj rho0 = new ZMatrixRMaj(d, d);
        int excited = d / 2;
        for (int i : new int[] {0, excited}) {
            for (int j : new int[] {0, excited}) {
                rho0.set(i, j, 0.5, 0);
            }
        }
        TimeGrid grid = new TimeGrid(20, 5);
        List<ZMatrixRMaj> ls = new java.util.ArrayList<>();
        for (var c : chain.channels()) {
            ZMatrixRMaj l = c.operator().copy();
            org.ejml.dense.row.CommonOps_ZDRM.scale(Math.sqrt(c.rate()), 0, l);
            ls.add(l);
        }
        double[][] exact = masterEquation(chain.hamiltonian(), ls, rho0, grid);
        assertTrue(Math.abs(exact[grid.points() - 1][2 * (excited * d + excited)] - 0.5) > 0.05, "must move");
        for (double eta : new double[] {1.0, 0.6}) {
            List<MonitoredChannel> channels = MonitoredChannel.ofMachine(chain.channels(), new double[] {0.7, 0},
                    new double[] {eta, 1.0});
            DiffusiveTrajectories engine = new DiffusiveTrajectories(chain.hamiltonian(), channels, rho0, grid, 0.2);
            int n = eta == 1.0 ? 1000 : 250;
            DensitySums sums = new DensitySums(d, grid.points());
            var rng = RandomSource.L64_X128_MIX.create(21);
            for (int t = 0; t < n; t++) {
                engine.run(rng, sums);
            }
            for (int k = 0; k < grid.points(); k++) {
                for (int c = 0; c < 2 * d * d; c++) {
                    double mean = sums.sum[k][c] / n;
                    double se = Math.sqrt(Math.max(0, sums.squares[k][c] / n - mean * mean) / (n - 1));
                    assertTrue(Math.abs(mean - exact[k][c]) <= 4 * se + 1e-12, "eta " + eta + " point " + k
                            + " coord " + c + ": " + mean + " vs exact " + exact[k][c] + " (SE " + se + ")");
                }
            }
        }
    }

    /**
     * No allocation per step: 100 steps per trajectory, pure and mixed, cost at most the one Gaussian sampler each
     * trajectory wraps around its stream (a few dozen bytes), not the kilobytes one temporary per step would.
     */
    @Test
    void stepsAllocateNothing() {
        java.lang.management.ThreadMXBean bean = java.lang.management.ManagementFactory.getThreadMXBean();
        org.junit.jupiter.api.Assumptions.assumeTrue(bean instanceof com.sun.management.ThreadMXBean);
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) bean;
        org.junit.jupiter.api.Assumptions.assumeTrue(mx.isThreadAllocatedMemorySupported());
        TimeGrid grid = new TimeGrid(10, 3);
        for (double eta : new double[] {1.0, 0.5}) {
            DiffusiveTrajectories engine = DiffusiveTrajectories.of(FLUX, coherent(), grid, 0.1, new double[2],
                    new double[] {eta, eta});
            var rng = RandomSource.L64_X128_MIX.create(5);
            TrajectoryObserver nothing = new DensitySums(4, grid.points()) {
                @Override
                public void state(int k, double[] re, double[] im) {
                }

                @Override
                public void mixed(int k, double[] re, double[] im) {
                }
            };
            long bytes = NoAllocationTest.allocatedBytes(mx, () -> engine.run(rng, nothing));
            assertTrue(bytes < 64L * NoAllocationTest.TRAJECTORIES + 4096, "eta " + eta + ": " + bytes + " bytes for "
                    + NoAllocationTest.TRAJECTORIES + " trajectories of 100 steps");
        }
    }

    @Test
    void pureStatesStayNormalised() {
        DiffusiveTrajectories engine = DiffusiveTrajectories.of(FLUX, coherent(), GRID, 0.1, new double[2],
                new double[] {1, 1});
        double[] worst = new double[1];
        TrajectoryObserver o = new DensitySums(4, GRID.points()) {
            @Override
            public void state(int k, double[] re, double[] im) {
                worst[0] = Math.max(worst[0], Math.abs(ComplexMatrices.norm2(re, im) - 1));
            }
        };
        var rng = RandomSource.L64_X128_MIX.create(3);
        for (int n = 0; n < 50; n++) {
            engine.run(rng, o);
        }
        assertTrue(worst[0] < 1e-13, "norm drift " + worst[0]);
    }

    @Test
    void conditionalDensityMatricesStayPositiveWithUnitTrace() {
        // A coarse step (γΔt ≈ 0.05, ΔW up to ±1) that an Euler step would drive out of the positive cone.
        DiffusiveTrajectories engine = DiffusiveTrajectories.of(FLUX, coherent(), GRID, 0.4, new double[2],
                new double[] {0.7, 0.2});
        double[] worst = new double[3];
        TrajectoryObserver o = new DensitySums(4, GRID.points()) {
            @Override
            public void mixed(int k, double[] re, double[] im) {
                ZMatrixRMaj rho = new ZMatrixRMaj(4, 4);
                double trace = 0;
                for (int i = 0; i < 4; i++) {
                    trace += re[i * 4 + i];
                    for (int j = 0; j < 4; j++) {
                        rho.set(i, j, re[i * 4 + j], im[i * 4 + j]);
                        worst[1] = Math.max(worst[1], Math.abs(re[i * 4 + j] - re[j * 4 + i])
                                + Math.abs(im[i * 4 + j] + im[j * 4 + i]));
                    }
                }
                worst[0] = Math.max(worst[0], Math.abs(trace - 1));
                for (double l : Hermitian.embedded(rho).values()) {
                    worst[2] = Math.min(worst[2], l);
                }
            }
        };
        var rng = RandomSource.L64_X128_MIX.create(4);
        for (int n = 0; n < 100; n++) {
            engine.run(rng, o);
        }
        assertTrue(worst[0] < 1e-13, "trace drift " + worst[0]);
        assertEquals(0, worst[1], "not Hermitian");
        assertTrue(worst[2] > -1e-13, "negative eigenvalue " + worst[2]);
    }

    @Test
    void refusesAStepThatDoesNotDivideTheGridAndTheResetModel() {
        ZMatrixRMaj h = FLUX.hamiltonian();
        List<MonitoredChannel> ch = MonitoredChannel.ofJumps(FLUX.jumps(), new double[2], new double[] {1, 1});
        assertThrows(IllegalArgumentException.class, () -> new DiffusiveTrajectories(h, ch, coherent(), GRID, 0.3));
        assertEquals(2.0 / 7, DiffusiveTrajectories.stepFor(GRID, 0.3), 1e-15);
        new DiffusiveTrajectories(h, ch, coherent(), GRID, DiffusiveTrajectories.stepFor(GRID, 0.3));
        // Σ L†L of the flux model's local channels is diagonal: each level decays at the sum of the rates of the
        // channels that act on it.
        double[] rates = new double[4];
        for (var j : FLUX.jumps()) {
            rates[j.side().ordinal() * 2 + (j.energy() > 0 ? 0 : 1)] = j.rate();
        }
        // |11⟩ decays through both σ⁻ channels, |00⟩ through both σ⁺, |10⟩ and |01⟩ through one of each.
        double fastest = Math.max(Math.max(rates[0] + rates[2], rates[1] + rates[3]),
                Math.max(rates[0] + rates[3], rates[1] + rates[2]));
        assertEquals(fastest, DiffusiveTrajectories.fastestRate(ch), 1e-14);
        Model reset = new ResetModel(1.0, 0.05, new Bath(0.4, 0.05), new Bath(1.5, 0.02));
        assertThrows(IllegalArgumentException.class,
                () -> DiffusiveTrajectories.of(reset, coherent(), GRID, DT, new double[2], new double[] {1, 1}));
    }
}
