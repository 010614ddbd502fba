package qtm.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static qtm.engine.DiffusiveFixtures.FLUX;
import static qtm.engine.DiffusiveFixtures.GRID;
import static qtm.engine.DiffusiveFixtures.coherent;
import static qtm.engine.DiffusiveFixtures.complexCoherent;
import static qtm.engine.DiffusiveFixtures.operators;

import java.util.List;
import org.apache.commons.rng.simple.RandomSource;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;
import qtm.model.MonitoredChannel;
import qtm.model.TimeGrid;
import qtm.testing.LindbladRk4;

/**
 * The diffusive engine's record and kernel (issue 29): the homodyne increments' mean and phase against the exact
 * ρ(t), a record that a seed fixes and that the Bohr frequencies do not change, and the SME step of a pure state equal
 * to the SSE step.
 */
class HomodyneRecordTest {
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
        TrajectoryObserver o = new DensitySums(4, grid.points()) {
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
        double[][] expected = exactBinMeans(eta, phases, dt, steps, perBin);
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

    @Test
    void aSeedFixesTheTrajectoryAndItsRecord() {
        for (double eta : new double[] {1.0, 0.5}) {
            DiffusiveTrajectories engine = DiffusiveTrajectories.of(FLUX, coherent(), GRID, 0.5, new double[2],
                    new double[] {eta, eta});
            HomodyneRecord a = new HomodyneRecord();
            HomodyneRecord b = new HomodyneRecord();
            engine.run(RandomSource.L64_X128_MIX.create(9), a);
            engine.run(RandomSource.L64_X128_MIX.create(9), b);
            assertArrayEquals(a.values(), b.values());
            // 4 grid intervals of 4 steps, 4 channels each; plus the state at 5 points.
            assertEquals(16 * 4 + 5 * (eta == 1 ? 8 : 32), a.values().length);
            HomodyneRecord c = new HomodyneRecord();
            engine.run(RandomSource.L64_X128_MIX.create(10), c);
            assertTrue(!java.util.Arrays.equals(a.values(), c.values()));
        }
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
            HomodyneRecord r = new HomodyneRecord();
            engine.run(RandomSource.L64_X128_MIX.create(12), r);
            records[g] = r.increments();
        }
        assertEquals(3 * 4, records[0].length);
        assertArrayEquals(records[0], records[1], 1e-9);
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
     * The exact mean of each bath's increments summed over bins of {@code perBin} steps: Σ_j √η ⟨c_j + c_j†⟩ dt at
     * every step's midpoint, with ⟨c + c†⟩ = 2 Re(e^{i(ωt − φ)} Tr[Lρ]) and ρ(t) of the master equation.
     */
    private static double[][] exactBinMeans(double eta, double[] phases, double dt, int steps, int perBin) {
        var jumps = FLUX.jumps();
        int bins = steps / perBin;
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
        return expected;
    }
}
