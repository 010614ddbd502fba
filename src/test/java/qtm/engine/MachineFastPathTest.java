package qtm.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import qtm.math.Ops;
import qtm.model.Bath;
import qtm.model.DotModel;
import qtm.model.FluxModel;
import qtm.model.Machine;
import qtm.model.MachineChannel;
import qtm.model.MachinePresets;
import qtm.model.ResetModel;
import qtm.model.TimeGrid;

/**
 * The general engine's fast paths (issue 24) against the exact references of {@link ExactMachine}, which share nothing
 * with them: which path each machine takes (uniform decay on the reset preset, diagonal where Σγ A†A commutes with H,
 * modal where H_eff is not normal but well-conditioned, and the Schur path at exceptional points, where H_eff is
 * defective); the modal propagator P e^{−iΛt} P⁻¹ to 1e-12; and each path's waiting time and state, to 1e-12 in the
 * exact survival and in the exact no-jump state, for crossings inside a whole grid step, inside a shorter span, and
 * none.
 */
class MachineFastPathTest {
    private static final double[] TIMES = {0, 1e-7, 0.37, 12.5, 100};

    static Machine reset() {
        return MachinePresets.of(new ResetModel(1, 1.6e-3, new Bath(0, 1e-2),
                new Bath(Double.POSITIVE_INFINITY, 1.1e-3)));
    }

    static Machine flux() {
        return MachinePresets.of(new FluxModel(1, 1.6e-3, new Bath(0, 1e-2), new Bath(100, 1e-5)));
    }

    static Machine dqd() {
        return MachinePresets.of(new DotModel(1, 5e-3, 20, new Bath(0, 1e-2), new Bath(5, 1e-2)));
    }

    /** H = U E U† and channels |u_j⟩⟨u_j| at distinct rates: Σγ A†A commutes with H, H_eff is normal. */
    /** H and the channels, whether from a {@link Machine} or built directly. */
    record Generator(ZMatrixRMaj hamiltonian, List<MachineChannel> channels) {
        static Generator of(Machine m) {
            return new Generator(m.hamiltonian(), m.channels());
        }

        int dimension() {
            return hamiltonian.numRows;
        }
    }

    static Generator commuting(long seed, int d) {
        Random r = new Random(seed);
        double[][] ur = new double[d][d];
        double[][] ui = new double[d][d];
        // Gram–Schmidt on random complex columns.
        for (int c = 0; c < d; c++) {
            for (int i = 0; i < d; i++) {
                ur[i][c] = r.nextGaussian();
                ui[i][c] = r.nextGaussian();
            }
            for (int p = 0; p < c; p++) {
                double sr = 0;
                double si = 0;
                for (int i = 0; i < d; i++) {
                    sr += ur[i][p] * ur[i][c] + ui[i][p] * ui[i][c];
                    si += ur[i][p] * ui[i][c] - ui[i][p] * ur[i][c];
                }
                for (int i = 0; i < d; i++) {
                    ur[i][c] -= sr * ur[i][p] - si * ui[i][p];
                    ui[i][c] -= sr * ui[i][p] + si * ur[i][p];
                }
            }
            double norm = 0;
            for (int i = 0; i < d; i++) {
                norm += ur[i][c] * ur[i][c] + ui[i][c] * ui[i][c];
            }
            norm = Math.sqrt(norm);
            for (int i = 0; i < d; i++) {
                ur[i][c] /= norm;
                ui[i][c] /= norm;
            }
        }
        double[] e = new double[d];
        for (int k = 0; k < d; k++) {
            e[k] = 2 * r.nextDouble();
        }
        double[][] hr = new double[d][d];
        double[][] hi = new double[d][d];
        List<MachineChannel> channels = new ArrayList<>();
        for (int k = 0; k < d; k++) {
            double[][] pr = new double[d][d];
            double[][] pi = new double[d][d];
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    // u_k u_k†
                    pr[i][j] = ur[i][k] * ur[j][k] + ui[i][k] * ui[j][k];
                    pi[i][j] = ui[i][k] * ur[j][k] - ur[i][k] * ui[j][k];
                    hr[i][j] += e[k] * pr[i][j];
                    hi[i][j] += e[k] * pi[i][j];
                }
            }
            channels.add(new MachineChannel(0, Ops.of(pr, pi), 0.01 + 0.02 * k, 0, 0, 0, "p" + k));
        }
        for (int i = 0; i < d; i++) {
            hi[i][i] = 0;
            for (int j = 0; j < i; j++) {
                hr[i][j] = hr[j][i];
                hi[i][j] = -hi[j][i];
            }
        }
        return new Generator(Ops.of(hr, hi), channels);
    }

    static Stream<Arguments> fastMachines() {
        return Stream.of(
                Arguments.of("reset preset", Generator.of(reset()), ModalPropagator.Kind.UNIFORM),
                Arguments.of("commuting d = 6", commuting(3, 6), ModalPropagator.Kind.DIAGONAL),
                Arguments.of("commuting d = 4", commuting(8, 4), ModalPropagator.Kind.DIAGONAL),
                Arguments.of("flux preset", Generator.of(flux()), ModalPropagator.Kind.MODAL),
                Arguments.of("dqd preset", Generator.of(dqd()), ModalPropagator.Kind.MODAL),
                Arguments.of("bench chain", Generator.of(TestMachines.benchChain()), ModalPropagator.Kind.MODAL),
                Arguments.of("test chain", Generator.of(TestMachines.testChain()), ModalPropagator.Kind.MODAL),
                Arguments.of("qutrit", Generator.of(TestMachines.qutrit()), ModalPropagator.Kind.MODAL));
    }

    private static ModalPropagator modal(Generator m, double step) {
        SchurPropagator p = new SchurPropagator(m.hamiltonian(), m.channels(), step);
        return ModalPropagator.of(p.schur(), step, p.fastestDecay(), p.uniformDecay());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fastMachines")
    void takesItsPathAndMatchesTheDenseExponential(String name, Generator m, ModalPropagator.Kind kind) {
        ModalPropagator modal = modal(m, 1.0);
        assertEquals(kind, modal.kind(), name);
        int d = m.dimension();
        assertEquals(kind.name(), new MachineTrajectories(m.hamiltonian(), m.channels(), Ops.unit(d, 0, 0),
                new TimeGrid(10, 3)).path());
        ExactMachine exact = new ExactMachine(m.hamiltonian(), m.channels());
        for (double t : TIMES) {
            double[][] ours = modal.propagator(t);
            ZMatrixRMaj reference = exact.noJump(t);
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    double diff = Math.hypot(ours[0][i * d + j] - reference.getReal(i, j),
                            ours[1][i * d + j] - reference.getImag(i, j));
                    assertTrue(diff <= 1e-12, name + ", t = " + t + ": |difference| " + diff + " at " + i + "," + j);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fastMachines")
    void waitingTimeAndStateMatchTheExactSurvival(String name, Generator m, ModalPropagator.Kind kind) {
        int d = m.dimension();
        ExactMachine exact = new ExactMachine(m.hamiltonian(), m.channels());
        Random r = new Random(11);
        double[] re = new double[d];
        double[] im = new double[d];
        double norm = 0;
        for (int i = 0; i < d; i++) {
            re[i] = r.nextGaussian();
            im[i] = r.nextGaussian();
            norm += re[i] * re[i] + im[i] * im[i];
        }
        for (int i = 0; i < d; i++) {
            re[i] /= Math.sqrt(norm);
            im[i] /= Math.sqrt(norm);
        }
        // A grid step over which the survival falls to about one half.
        double step = 1;
        while (exact.survival(re, im, step) > 0.5) {
            step *= 2;
        }
        ModalPropagator modal = modal(m, step);
        assertEquals(kind, modal.kind(), name);
        // {span, time at which u is the exact survival}: inside a whole step, inside a shorter span, and none.
        double[][] cases = {{step, 0.3 * step}, {step, 0.77 * step}, {step, 1.3 * step}, {0.6 * step, 0.5 * step},
            {0.6 * step, 0.9 * step}, {0.37 * step, 1e-3 * step}};
        double[] wRe = new double[d];
        double[] wIm = new double[d];
        double[] psiRe = new double[d];
        double[] psiIm = new double[d];
        for (double[] c : cases) {
            double span = c[0];
            double u = exact.survival(re, im, c[1]);
            modal.toInternal(re, im, wRe, wIm);
            assertTrue(Math.abs(modal.norm2(wRe, wIm) - 1) <= 1e-12, name + ": norm of the coordinates");
            double tau = modal.advance(wRe, wIm, span, u);
            String what = name + ", span " + span + ", crossing at " + c[1];
            double at;
            if (c[1] <= span) {
                assertTrue(tau >= 0, what + ": no crossing found");
                double s = exact.survival(re, im, tau);
                assertTrue(Math.abs(s - u) <= 1e-12, what + ": survival " + s + " at " + tau + ", u = " + u);
                at = tau;
            } else {
                assertEquals(-1.0, tau, what);
                at = span;
            }
            modal.toBasis(wRe, wIm, psiRe, psiIm);
            assertSameRay(exact.noJump(at), re, im, psiRe, psiIm, what);
            assertTrue(Math.abs(modal.norm2(wRe, wIm) - exact.survival(re, im, at)) <= 1e-12, what + ": norm");
            if (tau >= 0) {
                // The rest of the span after the crossing, whose factors the path derives from the crossing's: from
                // the normalised start again, with a threshold that is not reached.
                modal.toInternal(re, im, wRe, wIm);
                assertEquals(-1.0, modal.advance(wRe, wIm, span - tau, 1e-300), what + ": rest");
                modal.toBasis(wRe, wIm, psiRe, psiIm);
                assertSameRay(exact.noJump(span - tau), re, im, psiRe, psiIm, what + ": rest");
            }
        }
    }

    /**
     * ψ = e^{iφ} E x for some phase φ, to 1e-12 per component: the path may leave out a global phase, which no state,
     * jump weight or survival sees.
     */
    private static void assertSameRay(ZMatrixRMaj e, double[] re, double[] im, double[] psiRe, double[] psiIm,
            String what) {
        int d = re.length;
        double[] xRe = new double[d];
        double[] xIm = new double[d];
        double oRe = 0;
        double oIm = 0;
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                xRe[i] += e.getReal(i, j) * re[j] - e.getImag(i, j) * im[j];
                xIm[i] += e.getReal(i, j) * im[j] + e.getImag(i, j) * re[j];
            }
            // ⟨x|ψ⟩
            oRe += xRe[i] * psiRe[i] + xIm[i] * psiIm[i];
            oIm += xRe[i] * psiIm[i] - xIm[i] * psiRe[i];
        }
        double abs = Math.hypot(oRe, oIm);
        double cos = abs > 0 ? oRe / abs : 1;
        double sin = abs > 0 ? oIm / abs : 0;
        for (int i = 0; i < d; i++) {
            double diff = Math.hypot(psiRe[i] - (cos * xRe[i] - sin * xIm[i]), psiIm[i] - (cos * xIm[i] + sin * xRe[i]));
            assertTrue(diff <= 1e-12, what + ": state differs by " + diff + " at " + i);
        }
    }

    /**
     * A qubit whose levels sit far from 0 (E = 1e6, 1e6 + 1, free in the valid range) decaying at γ = 1e-9: its decay
     * rates 0 and γ differ by less than 16 roundings of max |λ|, but Σγ A†A = γ|1⟩⟨1| is not ∝ I, so the uniform draw
     * would make the ground state decay at γ/2. By hand: the survival from |0⟩ is 1 forever, from |1⟩ it is e^{−γt}.
     */
    @Test
    void decayRatesLikeNoneBesideLargeLevelsAreNotUniform() {
        double gamma = 1e-9;
        ZMatrixRMaj h = Ops.of(new double[][] {{1e6, 0}, {0, 1e6 + 1}}, null);
        ZMatrixRMaj a = Ops.of(new double[][] {{0, 1}, {0, 0}}, null);
        List<MachineChannel> channels = List.of(new MachineChannel(0, a, gamma, 1, 1, 1, "down"));
        double step = 1 / gamma;
        ModalPropagator modal = modal(new Generator(h, channels), step);
        assertEquals(ModalPropagator.Kind.DIAGONAL, modal.kind());
        double[] wRe = new double[2];
        double[] wIm = new double[2];
        modal.toInternal(new double[] {1, 0}, new double[] {0, 0}, wRe, wIm);
        assertEquals(-1.0, modal.advance(wRe, wIm, step, 0.9), "the ground state never decays");
        assertEquals(1.0, modal.norm2(wRe, wIm), 1e-15);
        modal.toInternal(new double[] {0, 1}, new double[] {0, 0}, wRe, wIm);
        double tau = modal.advance(wRe, wIm, step, Math.exp(-0.3));
        assertEquals(0.3 / gamma, tau, 1e-12 / gamma, "e^{-γτ} = u");
    }

    @Test
    void exceptionalPointsTakeTheSchurPath() {
        Machine ep = TestMachines.fluxAtExceptionalPoint();
        assertNull(modal(Generator.of(ep), 1.0), "the flux machine at its exceptional point is defective");
        assertEquals("SCHUR", new MachineTrajectories(ep.hamiltonian(), ep.channels(), Ops.unit(4, 0, 0),
                new TimeGrid(10, 3)).path());
        double g = 0.05;
        ZMatrixRMaj h = Ops.of(new double[][] {{1.0, g}, {g, 1.0}}, null);
        ZMatrixRMaj a = Ops.of(new double[][] {{0, 0}, {1, 0}}, null);
        List<MachineChannel> channels = List.of(new MachineChannel(0, a, 4 * g, 0, 0, 0, "down"));
        SchurPropagator p = new SchurPropagator(h, channels, 1.0);
        assertNull(ModalPropagator.of(p.schur(), 1.0, p.fastestDecay(), p.uniformDecay()),
                "a 2×2 Jordan block is defective");
    }
}
