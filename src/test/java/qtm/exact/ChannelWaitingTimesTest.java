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
 * Issue 25, waiting times between channels, defined as the baths' are: from a jump of channel a to the next jump of
 * channel b, every other jump free in between, w_ab(τ) = Tr[J_b e^{(L−J_b)τ} J_a ρ∞] / Tr[J_a ρ∞], against the same
 * law written in the test in the plain vec(ρ) representation (row-major stacking, so vec(AρB) = (A ⊗ Bᵀ)vec ρ): L and
 * J_b built from H and the channels, ρ∞ from L's null space by a complex LU solve with the trace as one equation,
 * e^{Mτ} by a Taylor series with scaling and squaring. On the qutrit machine (ten channels of positive rate, resets
 * |n⟩⟨n| included, 100 pairs): densities agree to 1e-10 relative to the largest; bin probabilities equal the test's
 * S_ab(τ1) − S_ab(τ2) to 1e-10 and, for one bin, the composite Simpson integral of its density; a channel's return
 * law has Kac's mean 1/Tr J_a ρ∞; a swapped pair's law differs from its own.
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

    private static final java.util.Map<Machine, ZMatrixRMaj> FULL = new java.util.IdentityHashMap<>();
    private static final java.util.Map<List<Object>, ZMatrixRMaj> PROPAGATORS = new java.util.HashMap<>();

    /** The test's own law of one pair: J_a ρ∞ / rate, L − J_b, and J_b. */
    private record Law(ZMatrixRMaj start, ZMatrixRMaj free, ZMatrixRMaj end, double rate, int d, int b) {
        static Law of(Machine m, ZMatrixRMaj rho, int a, int b) {
            int d = m.dimension();
            ZMatrixRMaj start = mult(jump(m, m.channels().get(a)), rho);
            double rate = trace(start, d);
            ZMatrixRMaj end = jump(m, m.channels().get(b));
            return new Law(scale(start, 1 / rate, 0), add(FULL.computeIfAbsent(m, x -> generator(x, true, true)), -1, end), end, rate, d,
                    b);
        }

        double density(double tau) {
            return trace(mult(end, mult(propagator(tau), start)), d);
        }

        double survival(double tau) {
            return trace(mult(propagator(tau), start), d);
        }

        /** e^{(L−J_b)τ}, shared by the pairs that end at b (the tests use one machine only). */
        private ZMatrixRMaj propagator(double tau) {
            return PROPAGATORS.computeIfAbsent(List.of(b, tau), k -> exp(scale(free, tau, 0)));
        }
    }

    @Test
    void densitiesBinsAndMeansAgreeWithTheLawWrittenInTheTest() throws Exception {
        Machine m = qutrit();
        MachineExact exact = new MachineExact(m);
        List<WaitingPair> pairs = ChannelWaitingTimes.pairs(exact);
        List<WaitingTimes> laws = ChannelWaitingTimes.of(exact, pairs);
        ZMatrixRMaj rho = steady(m);
        List<MachineChannel> channels = m.channels();
        long positive = channels.stream().filter(c -> c.rate() > 0).count();
        assertEquals(10, positive);
        assertEquals(positive * positive, pairs.size());
        assertEquals(channels.get(pairs.get(1).from()).label() + "_" + channels.get(pairs.get(1).to()).label(),
                pairs.get(1).key());
        double[] taus = {0, 7, 90, 600, 2500};
        double largest = 0;
        double worst = 0;
        double worstBin = 0;
        for (int i = 0; i < pairs.size(); i++) {
            WaitingPair p = pairs.get(i);
            Law law = Law.of(m, rho, p.from(), p.to());
            assertEquals(law.rate(), laws.get(i).startRate(), 1e-12 * law.rate(), p.key());
            for (double tau : taus) {
                double mine = law.density(tau);
                largest = Math.max(largest, Math.abs(mine));
                worst = Math.max(worst, Math.abs(mine - laws.get(i).density(tau)));
            }
            if (i % 11 == 0) {
                double[] bins = laws.get(i).bins(new double[] {90, 600});
                worstBin = Math.max(worstBin, Math.abs(bins[1] - (law.survival(90) - law.survival(600))));
                worstBin = Math.max(worstBin, Math.abs(bins[0] - (1 - law.survival(90))));
            }
            if (p.from() == p.to()) {
                // Kac: a channel's return time has mean 1 / its stationary rate.
                assertEquals(1 / law.rate(), laws.get(i).mean(), 1e-8 / law.rate(), p.key());
            }
        }
        assertTrue(largest > 0);
        assertTrue(worst <= 1e-10 * largest, "densities differ by " + worst + " of " + largest);
        assertTrue(worstBin <= 1e-10, "bins differ by " + worstBin);
        // One bin against Simpson's rule on the test's own density.
        WaitingPair p = pairs.get(3);
        Law law = Law.of(m, rho, p.from(), p.to());
        int steps = 400;
        double from = 7;
        double to = 90;
        ZMatrixRMaj step = exp(scale(law.free(), (to - from) / steps, 0));
        ZMatrixRMaj v = mult(exp(scale(law.free(), from, 0)), law.start());
        double simpson = 0;
        for (int i = 0; i <= steps; i++) {
            simpson += trace(mult(law.end(), v), law.d()) * (i == 0 || i == steps ? 1 : i % 2 == 1 ? 4 : 2);
            v = mult(step, v);
        }
        simpson *= (to - from) / steps / 3;
        assertTrue(simpson > 0, p.key());
        double[] bins = laws.get(3).bins(new double[] {from, to});
        assertEquals(simpson, bins[1], 1e-10 * Math.max(1, simpson), p.key());
        // A swapped pair is another law: the test's swapped density differs from the pair's own.
        WaitingPair q = pairs.stream().filter(x -> channels.get(x.from()).label().equals("cold-@1.00000")
                && channels.get(x.to()).label().equals("hot:1<-0")).findFirst().orElseThrow();
        Law swapped = Law.of(m, rho, q.to(), q.from());
        double own = laws.get(pairs.indexOf(q)).density(90);
        assertTrue(Math.abs(swapped.density(90) - own) > 1e-3 * own, own + " vs " + swapped.density(90));
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
                () -> ChannelWaitingTimes.pairs(new MachineExact(m)));
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
