package qtm.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.rng.simple.RandomSource;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;
import qtm.math.Hermitian;
import qtm.model.Bath;
import qtm.model.FluxModel;
import qtm.model.Model;
import qtm.model.MonitoredChannel;
import qtm.model.ResetModel;
import qtm.model.TimeGrid;
import qtm.testing.LindbladRk4;

/**
 * The diffusive engine (issue 29): its ensemble mean ρ̄(t) against the master equation integrated here from scratch,
 * for η = 1 (pure ψ) and η = 0.5 (conditional ρ); ψ stays normalised, ρ stays a density matrix; a seed fixes the
 * trajectory.
 */
class DiffusiveTrajectoriesTest {
    /** A flux machine fast enough that ρ(t) moves well within t = 8: γ(1 + n) ≈ 0.1 of the gap. */
    private static final Model FLUX = new FluxModel(1.0, 0.08, new Bath(0.4, 0.08), new Bath(1.5, 0.03));
    private static final TimeGrid GRID = new TimeGrid(8, 5);
    private static final double DT = 0.02;

    /** (|00⟩ + |10⟩)/√2: a coherence across excitation sectors, so that the homodyne current is not zero. */
    private static ZMatrixRMaj coherent() {
        ZMatrixRMaj rho = new ZMatrixRMaj(4, 4);
        for (int i : new int[] {0, 2}) {
            for (int j : new int[] {0, 2}) {
                rho.set(i, j, 0.5, 0);
            }
        }
        return rho;
    }

    /**
     * (|00⟩ + e^{0.7i}|10⟩ + e^{−1.2i}|01⟩)/√3: coherences with both baths' one-excitation states whose complex phases
     * make the homodyne mean depend on the sign of φ, not only on cos φ.
     */
    private static ZMatrixRMaj complexCoherent() {
        double[] re = {1, Math.cos(-1.2), Math.cos(0.7), 0};
        double[] im = {0, Math.sin(-1.2), Math.sin(0.7), 0};
        ZMatrixRMaj rho = new ZMatrixRMaj(4, 4);
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                rho.set(i, j, (re[i] * re[j] + im[i] * im[j]) / 3, (im[i] * re[j] - re[i] * im[j]) / 3);
            }
        }
        return rho;
    }

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
        Sums sums = new Sums(4, GRID.points());
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
            Sums sums = new Sums(d, grid.points());
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
     * The record's mean: E ΔY_j = √η ⟨c_j + c_j†⟩ h with c_j = e^{−iφ} e^{iω_j t} L_j, summed over a bath's channels
     * and bins of 40 steps (2 time units: e^{iω_j t} turns with the coherence it watches, so the mean hardly turns),
     * against the exact ρ(t) at every step's midpoint (the rotating phase written here from scratch). With φ → −φ
     * it fails (checked by hand), so it sees the sign of the phase.
     */
    @Test
    void theHomodyneCurrentHasTheMeanOfItsPhaseAndEfficiency() {
        double eta = 0.8;
        double[] phases = {0.4, -2.0};
        TimeGrid grid = new TimeGrid(4, 3);
        double dt = 0.05;
        int perBin = 40;
        DiffusiveTrajectories engine = DiffusiveTrajectories.of(FLUX, complexCoherent(), grid, dt, phases,
                new double[] {eta, eta});
        int steps = (int) Math.round(grid.end() / dt);
        int bins = steps / perBin;
        double[][] ySum = new double[2][bins];
        double[][] ySquares = new double[2][bins];
        double[][] y = new double[2][bins];
        var jumps = FLUX.jumps();
        TrajectoryObserver o = new Sums(4, grid.points()) {
            @Override
            public void begin() {
                for (double[] row : y) {
                    java.util.Arrays.fill(row, 0);
                }
            }

            @Override
            public void homodyne(int step, double[] increments) {
                for (int j = 0; j < increments.length; j++) {
                    y[jumps.get(j).side().bath()][(step - 1) / perBin] += increments[j];
                }
            }

            @Override
            public void end() {
                for (int b = 0; b < 2; b++) {
                    for (int i = 0; i < bins; i++) {
                        ySum[b][i] += y[b][i];
                        ySquares[b][i] += y[b][i] * y[b][i];
                    }
                }
            }
        };
        int n = 3000;
        var rng = RandomSource.L64_X128_MIX.create(31);
        for (int t = 0; t < n; t++) {
            engine.run(rng, o);
        }
        // Exact: ρ(t) at the steps' midpoints, ⟨c + c†⟩ = 2 Re(e^{i(ωt − φ)} Tr[Lρ]).
        List<ZMatrixRMaj> ls = operators(FLUX);
        ZMatrixRMaj rho = complexCoherent();
        double[][] expected = new double[2][bins];
        for (int s = 0; s < steps; s++) {
            ZMatrixRMaj mid = LindbladRk4.evolve(FLUX.hamiltonian(), ls, rho, dt / 2, 1e-3);
            double t = (s + 0.5) * dt;
            for (int j = 0; j < ls.size(); j++) {
                ZMatrixRMaj lr = new ZMatrixRMaj(4, 4);
                org.ejml.dense.row.CommonOps_ZDRM.mult(ls.get(j), mid, lr);
                double trRe = 0;
                double trIm = 0;
                for (int i = 0; i < 4; i++) {
                    trRe += lr.getReal(i, i);
                    trIm += lr.getImag(i, i);
                }
                int b = jumps.get(j).side().bath();
                double angle = jumps.get(j).energy() * t - phases[b];
                expected[b][s / perBin] += Math.sqrt(eta) * 2 * (Math.cos(angle) * trRe - Math.sin(angle) * trIm)
                        * dt;
            }
            rho = LindbladRk4.evolve(FLUX.hamiltonian(), ls, mid, dt / 2, 1e-3);
        }
        double largest = 0;
        for (int b = 0; b < 2; b++) {
            for (int i = 0; i < bins; i++) {
                double mean = ySum[b][i] / n;
                double se = Math.sqrt((ySquares[b][i] / n - mean * mean) / (n - 1));
                assertTrue(Math.abs(mean - expected[b][i]) <= 4 * se, "bath " + b + " bin " + i + ": " + mean
                        + " vs " + expected[b][i] + " (SE " + se + ")");
                largest = Math.max(largest, Math.abs(expected[b][i]) / se);
            }
        }
        // The mean must stand out of the noise, or the test could not see a wrong phase.
        assertTrue(largest > 8, "largest |mean|/SE " + largest);
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
            TrajectoryObserver nothing = new Sums(4, grid.points()) {
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

    /**
     * At η = 1 the SME step of |ψ⟩⟨ψ| is the projector on the SSE step of ψ, with the same measured increments: the
     * two code paths agree to rounding, step after step, on a machine with coherences in every sector.
     */
    @Test
    void theMixedStepOfAPureStateIsThePureStep() {
        HomodyneStep kernel = new HomodyneStep(FLUX.hamiltonian(),
                MonitoredChannel.ofJumps(FLUX.jumps(), new double[] {0.3, 1.9}, new double[] {1, 1}));
        double[] re = {0.5, 0.1, -0.3, 0.4};
        double[] im = {0.2, -0.5, 0.35, 0.1};
        double norm = Math.sqrt(ComplexMatrices.norm2(re, im));
        for (int i = 0; i < 4; i++) {
            re[i] /= norm;
            im[i] /= norm;
        }
        double[] rhoRe = new double[16];
        double[] rhoIm = new double[16];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                rhoRe[i * 4 + j] = re[i] * re[j] + im[i] * im[j];
                rhoIm[i * 4 + j] = im[i] * re[j] - re[i] * im[j];
            }
        }
        var rng = RandomSource.L64_X128_MIX.create(8);
        double h = 0.3;
        double[] dW = new double[4];
        double[] dyPure = new double[4];
        double[] dyMixed = new double[4];
        double worst = 0;
        for (int s = 0; s < 50; s++) {
            for (int j = 0; j < 4; j++) {
                dW[j] = Math.sqrt(h) * (2 * rng.nextDouble() - 1) * 1.7;
            }
            kernel.pure(re, im, s * h, h, dW, dyPure);
            kernel.mixed(rhoRe, rhoIm, s * h, h, dW, dyMixed);
            assertArrayEquals(dyPure, dyMixed, 1e-12);
            for (int i = 0; i < 4; i++) {
                for (int j = 0; j < 4; j++) {
                    worst = Math.max(worst, Math.abs(rhoRe[i * 4 + j] - (re[i] * re[j] + im[i] * im[j])));
                    worst = Math.max(worst, Math.abs(rhoIm[i * 4 + j] - (im[i] * re[j] - re[i] * im[j])));
                }
            }
        }
        assertTrue(worst < 1e-12, "pure and mixed steps differ by " + worst);
    }

    /**
     * Where every L_j is an eigenoperator of H (uncoupled qubits), the local oscillator's e^{iω_j t} cancels L_j's
     * rotation and the step is the interaction picture's: the measured record of a path does not depend on the gap,
     * even at a step of 3 periods of it.
     */
    @Test
    void theRecordDoesNotDependOnTheBohrFrequenciesItNeedNotResolve() {
        double[][] records = new double[2][];
        double[] gaps = {1.0, 50.0};
        for (int g = 0; g < 2; g++) {
            double e = gaps[g];
            List<MonitoredChannel> channels = new java.util.ArrayList<>();
            double[][] spec = {{0, 0.3, 1}, {1, 0.2, 1}, {0, 0.1, -1}, {1, 0.05, -1}};
            for (double[] c : spec) {
                qtm.model.Side side = qtm.model.Side.of((int) c[0]);
                ZMatrixRMaj l = (c[2] > 0 ? qtm.model.TwoQubits.local(side, 0, 1)
                        : qtm.model.TwoQubits.local(side, 1, 0)).copy();
                org.ejml.dense.row.CommonOps_ZDRM.scale(Math.sqrt(c[1]), 0, l);
                channels.add(new MonitoredChannel(l, (int) c[0], c[2] * e, 0.8, 1.0));
            }
            TimeGrid grid = new TimeGrid(6 * Math.PI, 4);
            DiffusiveTrajectories engine = new DiffusiveTrajectories(qtm.model.TwoQubits.hamiltonian(e, 0, 0),
                    channels, complexCoherent(), grid, 2 * Math.PI);
            Record r = new Record();
            engine.run(RandomSource.L64_X128_MIX.create(12), r);
            records[g] = r.increments();
        }
        assertEquals(3 * 4, records[0].length);
        assertArrayEquals(records[0], records[1], 1e-9);
    }

    @Test
    void pureStatesStayNormalised() {
        DiffusiveTrajectories engine = DiffusiveTrajectories.of(FLUX, coherent(), GRID, 0.1, new double[2],
                new double[] {1, 1});
        double[] worst = new double[1];
        TrajectoryObserver o = new Sums(4, GRID.points()) {
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
        TrajectoryObserver o = new Sums(4, GRID.points()) {
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
    void aSeedFixesTheTrajectoryAndItsRecord() {
        for (double eta : new double[] {1.0, 0.5}) {
            DiffusiveTrajectories engine = DiffusiveTrajectories.of(FLUX, coherent(), GRID, 0.5, new double[2],
                    new double[] {eta, eta});
            Record a = new Record();
            Record b = new Record();
            engine.run(RandomSource.L64_X128_MIX.create(9), a);
            engine.run(RandomSource.L64_X128_MIX.create(9), b);
            assertArrayEquals(a.values(), b.values());
            // 4 grid intervals of 4 steps, 4 channels each; plus the state at 5 points.
            assertEquals(16 * 4 + 5 * (eta == 1 ? 8 : 32), a.values().length);
            Record c = new Record();
            engine.run(RandomSource.L64_X128_MIX.create(10), c);
            assertTrue(!java.util.Arrays.equals(a.values(), c.values()));
        }
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

    /**
     * ρ(t) of the master equation on the grid ({@link LindbladRk4}, written from scratch), interleaved re/im per
     * row-major element at each grid point: coordinate 2(d·i + j) + part.
     */
    static double[][] masterEquation(ZMatrixRMaj h, List<ZMatrixRMaj> ls, ZMatrixRMaj rho0, TimeGrid grid) {
        double[][] out = new double[grid.points()][];
        ZMatrixRMaj rho = rho0.copy();
        out[0] = rho.data.clone();
        for (int k = 1; k < grid.points(); k++) {
            rho = LindbladRk4.evolve(h, ls, rho, grid.step(), 1e-3);
            out[k] = rho.data.clone();
        }
        return out;
    }

    /** The preset's jump operators √γ A as the master equation has them. */
    static List<ZMatrixRMaj> operators(Model model) {
        List<ZMatrixRMaj> ls = new java.util.ArrayList<>();
        for (var j : model.jumps()) {
            ZMatrixRMaj l = j.operator().copy();
            org.ejml.dense.row.CommonOps_ZDRM.scale(Math.sqrt(j.rate()), 0, l);
            ls.add(l);
        }
        return ls;
    }

    /** Sums and squares of ρ's 2d² real coordinates (interleaved re/im) at every grid point, from ψ or from ρ. */
    static class Sums implements TrajectoryObserver {
        final int d;
        final double[][] sum;
        final double[][] squares;

        Sums(int d, int points) {
            this.d = d;
            this.sum = new double[points][2 * d * d];
            this.squares = new double[points][2 * d * d];
        }

        @Override
        public void begin() {
        }

        @Override
        public void state(int k, double[] re, double[] im) {
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    // ψ_i ψ_j*
                    add(k, 2 * (i * d + j), re[i] * re[j] + im[i] * im[j]);
                    add(k, 2 * (i * d + j) + 1, im[i] * re[j] - re[i] * im[j]);
                }
            }
        }

        @Override
        public void mixed(int k, double[] re, double[] im) {
            for (int e = 0; e < d * d; e++) {
                add(k, 2 * e, re[e]);
                add(k, 2 * e + 1, im[e]);
            }
        }

        private void add(int k, int c, double x) {
            sum[k][c] += x;
            squares[k][c] += x * x;
        }

        @Override
        public void jump(int channel, int bath, double energy, double time) {
            throw new AssertionError("the diffusive engine has no jumps");
        }

        @Override
        public void end() {
        }
    }

    /** Every number a trajectory reports, in order. */
    private static final class Record implements TrajectoryObserver {
        private final java.util.List<Double> values = new java.util.ArrayList<>();
        private final java.util.List<Double> increments = new java.util.ArrayList<>();

        double[] increments() {
            return increments.stream().mapToDouble(Double::doubleValue).toArray();
        }

        double[] values() {
            return values.stream().mapToDouble(Double::doubleValue).toArray();
        }

        @Override
        public void begin() {
        }

        @Override
        public void state(int k, double[] re, double[] im) {
            add(re);
            add(im);
        }

        @Override
        public void mixed(int k, double[] re, double[] im) {
            add(re);
            add(im);
        }

        @Override
        public void homodyne(int step, double[] dY) {
            add(dY);
            for (double v : dY) {
                increments.add(v);
            }
        }

        private void add(double[] x) {
            for (double v : x) {
                values.add(v);
            }
        }

        @Override
        public void jump(int channel, int bath, double energy, double time) {
        }

        @Override
        public void end() {
        }
    }
}
