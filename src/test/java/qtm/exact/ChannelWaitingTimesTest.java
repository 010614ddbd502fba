package qtm.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.ejml.data.ZMatrixRMaj;
import org.ejml.dense.row.CommonOps_ZDRM;
import org.junit.jupiter.api.Test;
import qtm.model.Machine;
import qtm.model.MachineChannel;
import qtm.scenario.ScenarioReader;

/**
 * Issue 25, waiting times between channels: w_ab(τ) = Tr[J_b e^{(L−J)τ} J_a ρ∞] / Tr[J_a ρ∞] with J every jump,
 * against the same law written in the test in the plain vec(ρ) representation (row-major stacking, so
 * vec(AρB) = (A ⊗ Bᵀ)vec ρ): L and J built from H and the channels, ρ∞ from L's null space by a complex LU solve
 * with the trace as one equation, e^{Mτ} by a Taylor series with scaling and squaring. Densities agree to 1e-10
 * relative to the largest; every channel's bin probabilities add up to 1 − S_a(τ) of the test's survival to 1e-10;
 * one bin's probability equals the composite Simpson integral of the test's density.
 */
class ChannelWaitingTimesTest {
    private static Machine qutrit() throws Exception {
        return ScenarioReader.readForRun(Path.of("scenarios", "machine-qutrit.yaml"), List.of()).machine();
    }

    /** The vec-form generator, with or without the jump terms. */
    private static ZMatrixRMaj generator(Machine m, boolean jumps, boolean rest) {
        int d = m.dimension();
        ZMatrixRMaj h = m.hamiltonian();
        ZMatrixRMaj id = identity(d);
        ZMatrixRMaj l = new ZMatrixRMaj(d * d, d * d);
        if (rest) {
            l = add(kron(h, id), -1, kron(id, transpose(h)));
            l = scale(l, 0, -1);
        }
        for (MachineChannel c : m.channels()) {
            if (c.rate() == 0) {
                continue;
            }
            ZMatrixRMaj a = c.operator();
            if (jumps) {
                l = add(l, c.rate(), kron(a, conjugate(a)));
            }
            if (rest) {
                ZMatrixRMaj ada = mult(dagger(a), a);
                l = add(l, -0.5 * c.rate(), add(kron(ada, id), 1, kron(id, transpose(ada))));
            }
        }
        return l;
    }

    private static ZMatrixRMaj jump(Machine m, MachineChannel c) {
        return scale(kron(c.operator(), conjugate(c.operator())), c.rate(), 0);
    }

    private static ZMatrixRMaj steady(Machine m) {
        int d = m.dimension();
        ZMatrixRMaj l = add(generator(m, true, true), 0, generator(m, true, true));
        for (int j = 0; j < d * d; j++) {
            l.set(0, j, 0, 0);
        }
        for (int i = 0; i < d; i++) {
            l.set(0, i * d + i, 1, 0);
        }
        ZMatrixRMaj rhs = new ZMatrixRMaj(d * d, 1);
        rhs.set(0, 0, 1, 0);
        ZMatrixRMaj x = new ZMatrixRMaj(d * d, 1);
        assertTrue(CommonOps_ZDRM.solve(l, rhs, x));
        return x;
    }

    private static double trace(ZMatrixRMaj v, int d) {
        double t = 0;
        for (int i = 0; i < d; i++) {
            t += v.getReal(i * d + i, 0);
        }
        return t;
    }

    @Test
    void densitiesAndBinsAgreeWithTheLawWrittenInTheTest() throws Exception {
        Machine m = qutrit();
        int d = m.dimension();
        ChannelWaitingTimes w = new ChannelWaitingTimes(new MachineExact(m));
        ZMatrixRMaj rho = steady(m);
        ZMatrixRMaj free = add(generator(m, false, true), 0, generator(m, false, true));
        List<MachineChannel> channels = m.channels();
        double[] taus = {0, 7, 90, 600, 2500};
        ZMatrixRMaj[] evolved = new ZMatrixRMaj[taus.length];
        for (int i = 0; i < taus.length; i++) {
            evolved[i] = exp(scale(free, taus[i], 0));
        }
        assertTrue(w.pairs().size() > 9, w.pairs().toString());
        double largest = 0;
        double worst = 0;
        for (qtm.exact.WaitingPair p : w.pairs()) {
            ZMatrixRMaj start = mult(jump(m, channels.get(p.from())), rho);
            double rate = trace(start, d);
            assertEquals(rate, w.rate(p.from()), 1e-12, p.key());
            for (int i = 0; i < taus.length; i++) {
                double mine = trace(mult(jump(m, channels.get(p.to())), mult(evolved[i], start)), d) / rate;
                largest = Math.max(largest, Math.abs(mine));
                worst = Math.max(worst, Math.abs(mine - w.density(p, taus[i])));
            }
        }
        assertTrue(largest > 0);
        assertTrue(worst <= 1e-10 * largest, "densities differ by " + worst + " of " + largest);
        // Each channel's pairs share the next jump: their probabilities up to τ add to 1 − S_a(τ).
        for (int a = 0; a < channels.size(); a++) {
            if (w.rate(a) == 0) {
                continue;
            }
            ZMatrixRMaj start = mult(jump(m, channels.get(a)), rho);
            double survival = trace(mult(evolved[3], start), d) / trace(start, d);
            double sum = 0;
            for (qtm.exact.WaitingPair p : w.pairs()) {
                if (p.from() == a) {
                    sum += w.probability(p, 0, taus[3]);
                }
            }
            assertEquals(1 - survival, sum, 1e-10, "channel " + channels.get(a).label());
            assertEquals(survival, w.survival(a, taus[3]), 1e-10, "survival " + channels.get(a).label());
        }
        // One bin against Simpson's rule on the test's own density.
        qtm.exact.WaitingPair p = w.pairs().get(0);
        ZMatrixRMaj start = mult(jump(m, channels.get(p.from())), rho);
        double rate = trace(start, d);
        int steps = 400;
        double from = 7;
        double to = 90;
        ZMatrixRMaj step = exp(scale(free, (to - from) / steps, 0));
        ZMatrixRMaj v = mult(exp(scale(free, from, 0)), start);
        double simpson = 0;
        ZMatrixRMaj end = jump(m, channels.get(p.to()));
        for (int i = 0; i <= steps; i++) {
            double f = trace(mult(end, v), d) / rate;
            simpson += f * (i == 0 || i == steps ? 1 : i % 2 == 1 ? 4 : 2);
            v = mult(step, v);
        }
        simpson *= (to - from) / steps / 3;
        assertTrue(simpson > 0, p.key());
        assertEquals(simpson, w.probability(p, from, to), 1e-10 * Math.max(1, simpson), p.key());
    }

    @Test
    void tooManyPairsAreRefusedNamingTheBound() throws Exception {
        // Two qutrits with a reset bath each: nine channels |n⟩⟨m| per bath, 18 in all, 324 ordered pairs.
        Path file = java.nio.file.Files.createTempFile("resets", ".yaml");
        java.nio.file.Files.writeString(file, """
                name: resets
                model:
                  type: machine
                  sites:
                    - {name: a, levels: [0.0, 1.0, 2.0]}
                    - {name: b, levels: [0.0, 1.0, 2.0]}
                  couplings:
                    - {kind: exchange, sites: [a, b], g: 0.01}
                  baths:
                    - {name: x, site: a, kind: reset, T: 1.0, rate: 0.01}
                    - {name: y, site: b, kind: reset, T: 2.0, rate: 0.01}
                time: {end: 10, points: 2}
                """);
        Machine m = ScenarioReader.readForRun(file, List.of()).machine();
        java.nio.file.Files.delete(file);
        String why = ChannelWaitingTimes.refusal(m);
        assertTrue(why != null && why.contains("324") && why.contains(String.valueOf(ChannelWaitingTimes.MAX_PAIRS)),
                why);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ChannelWaitingTimes(new MachineExact(m)));
        assertEquals(why, e.getMessage());
        assertEquals(null, ChannelWaitingTimes.refusal(qutrit()));
    }

    // Small complex helpers, written here so that the test shares nothing with the production algebra.

    private static ZMatrixRMaj identity(int n) {
        ZMatrixRMaj id = new ZMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            id.set(i, i, 1, 0);
        }
        return id;
    }

    private static ZMatrixRMaj kron(ZMatrixRMaj a, ZMatrixRMaj b) {
        int m = b.numRows;
        int n = b.numCols;
        ZMatrixRMaj out = new ZMatrixRMaj(a.numRows * m, a.numCols * n);
        for (int i = 0; i < a.numRows; i++) {
            for (int j = 0; j < a.numCols; j++) {
                for (int k = 0; k < m; k++) {
                    for (int l = 0; l < n; l++) {
                        double ar = a.getReal(i, j);
                        double ai = a.getImag(i, j);
                        double br = b.getReal(k, l);
                        double bi = b.getImag(k, l);
                        out.set(i * m + k, j * n + l, ar * br - ai * bi, ar * bi + ai * br);
                    }
                }
            }
        }
        return out;
    }

    private static ZMatrixRMaj transpose(ZMatrixRMaj a) {
        ZMatrixRMaj out = new ZMatrixRMaj(a.numCols, a.numRows);
        CommonOps_ZDRM.transpose(a, out);
        return out;
    }

    private static ZMatrixRMaj conjugate(ZMatrixRMaj a) {
        ZMatrixRMaj out = a.copy();
        for (int i = 0; i < a.numRows; i++) {
            for (int j = 0; j < a.numCols; j++) {
                out.set(i, j, a.getReal(i, j), -a.getImag(i, j));
            }
        }
        return out;
    }

    private static ZMatrixRMaj dagger(ZMatrixRMaj a) {
        return conjugate(transpose(a));
    }

    private static ZMatrixRMaj mult(ZMatrixRMaj a, ZMatrixRMaj b) {
        ZMatrixRMaj out = new ZMatrixRMaj(a.numRows, b.numCols);
        CommonOps_ZDRM.mult(a, b, out);
        return out;
    }

    /** a + s·b. */
    private static ZMatrixRMaj add(ZMatrixRMaj a, double s, ZMatrixRMaj b) {
        ZMatrixRMaj out = a.copy();
        for (int i = 0; i < a.numRows; i++) {
            for (int j = 0; j < a.numCols; j++) {
                out.set(i, j, a.getReal(i, j) + s * b.getReal(i, j), a.getImag(i, j) + s * b.getImag(i, j));
            }
        }
        return out;
    }

    /** (re + i·im)·a. */
    private static ZMatrixRMaj scale(ZMatrixRMaj a, double re, double im) {
        ZMatrixRMaj out = new ZMatrixRMaj(a.numRows, a.numCols);
        for (int i = 0; i < a.numRows; i++) {
            for (int j = 0; j < a.numCols; j++) {
                double x = a.getReal(i, j);
                double y = a.getImag(i, j);
                out.set(i, j, re * x - im * y, re * y + im * x);
            }
        }
        return out;
    }

    /** e^A by 30 Taylor terms after halving A below norm 1/2, then squaring. */
    private static ZMatrixRMaj exp(ZMatrixRMaj a) {
        double norm = 0;
        for (int i = 0; i < a.numRows; i++) {
            double row = 0;
            for (int j = 0; j < a.numCols; j++) {
                row += Math.hypot(a.getReal(i, j), a.getImag(i, j));
            }
            norm = Math.max(norm, row);
        }
        int squarings = 0;
        double f = 1;
        while (norm * f > 0.5) {
            f /= 2;
            squarings++;
        }
        ZMatrixRMaj x = scale(a, f, 0);
        ZMatrixRMaj sum = identity(a.numRows);
        ZMatrixRMaj term = identity(a.numRows);
        for (int k = 1; k <= 30; k++) {
            term = scale(mult(term, x), 1.0 / k, 0);
            sum = add(sum, 1, term);
        }
        for (int s = 0; s < squarings; s++) {
            sum = mult(sum, sum);
        }
        return sum;
    }
}
