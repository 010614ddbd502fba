package qtm.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ejml.data.Complex_F64;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;
import org.ejml.dense.row.CommonOps_ZDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import qtm.exact.CountingStatistics.Cumulants;
import qtm.exact.CountingStatistics.Distribution;
import qtm.exact.CountingStatistics.Weight;
import qtm.math.Ops;
import qtm.model.Approach;
import qtm.model.BathKind;
import qtm.model.Coupling;
import qtm.model.Machine;
import qtm.model.MachineBath;
import qtm.model.MachinePresets;
import qtm.model.Model;
import qtm.model.Side;
import qtm.model.Site;
import qtm.model.TimeGrid;
import qtm.model.TwoQubits;

/**
 * Issue 25's counting statistics of the collision model on a machine ({@link MachineCollisionCounting}), against a
 * tilted one-step map written here from the text: the Kraus operators of each collision from
 * {@link ScratchCollision} (e^{−iHΔt} and the ancilla's partial swap e^{−iθG} by Taylor series, the reset's
 * √(pτ_n)|n⟩⟨m|), each weighed as the engine reports it (the swap's "ground → excited" branch is an emission, count +1
 * and heat ε of its lowering channel; "excited → ground" an absorption, −1 and −ε; a reset |n⟩⟨m| counts
 * sign(E_m − E_n) and heat E_m − E_n; other baths' branches 0), composed on vec(ρ) as
 * M(χ) = Π Σ_b e^{χ w_b} (K_b* ⊗ K_b), and its leading eigenvalue taken with EJML's general eigendecomposition of the
 * real form [[Re, −Im], [Im, Re]]. Then c1 = (1/Δt) d ln λ/dχ, c2 = (1/Δt) d² ln λ/dχ² by central differences at
 * h, h/2, h/4, h/8 with Richardson extrapolation ({@link qtm.cli.MachineFcsIndependentTest}'s scheme, there for the
 * continuous generator). The reference checks its own step by repeating at 2h/3 and requiring agreement to 1e-8 of the
 * scale max(|c1|, c2); the production code must then agree to 1e-7 of it.
 */
class MachineCollisionCountingTest {
    private static final double TOL = 1e-7;
    private static final double SELF = 1e-8;

    /**
     * Each machine with its collision step and the reference's largest difference step h (the check's is 2h/3): 0.6
     * as for the continuous generator, but 1.2 for the detuned flux qubits, whose cumulants (about 6e-6) are 1e-3 of
     * the others, so that the eigenvalue's rounding over h² stays below 1e-8 of them; their count is nearly
     * Poissonian, with higher cumulants of the same small size, so the truncation at the larger step stays far below.
     */
    static List<Object[]> machines() {
        return List.of(
                new Object[] {"machine-three-baths", MachineCollisionMapTest.scenario("machine-three-baths"), 20.0,
                    0.6},
                new Object[] {"harmonic qutrit", MachineCollisionMapTest.harmonicQutrit(), 4.0, 0.6},
                new Object[] {"machine-detuned-flux", MachineCollisionMapTest.scenario("machine-detuned-flux"), 10.0,
                    1.2});
    }

    /** Seconds: 108 eigendecompositions of a 128×128 matrix for the three-site machine. */
    @Tag("slow")
    @ParameterizedTest(name = "{0}")
    @MethodSource("machines")
    void everyBathsCurrentAndNoiseAgreeWithTheScratchTiltedMap(String name, Machine m, double dt, double h) {
        ScratchCollision scratch = new ScratchCollision(m, dt);
        TimeGrid grid = new TimeGrid(dt, 2);
        for (int k = 0; k < m.baths().size(); k++) {
            for (Weight w : Weight.values()) {
                double[] ref = cumulants(m, scratch, k, w, dt, h);
                double[] check = cumulants(m, scratch, k, w, dt, 2 * h / 3);
                double scale = Math.max(Math.abs(ref[0]), ref[1]);
                String what = name + " " + m.baths().get(k).name() + " " + w;
                assertTrue(scale > 1e-7, what + ": the count moves");
                assertEquals(ref[0], check[0], SELF * scale, what + ": the reference's own step (current)");
                assertEquals(ref[1], check[1], SELF * scale, what + ": the reference's own step (noise)");
                Cumulants c = new MachineCollisionCounting(m, grid, dt, k, w).stationary();
                assertEquals(ref[0], c.current(), TOL * scale, what + " current");
                assertEquals(ref[1], c.noise(), TOL * scale, what + " noise");
            }
        }
    }

    /** {c1, c2} per unit time by Richardson-extrapolated central differences of ln λ(χ). */
    private static double[] cumulants(Machine m, ScratchCollision s, int bath, Weight w, double dt, double h) {
        double l0 = Math.log(leading(m, s, bath, w, 0));
        int levels = 4;
        double[] d1 = new double[levels];
        double[] d2 = new double[levels];
        for (int i = 0; i < levels; i++) {
            double step = h / (1 << i);
            double plus = Math.log(leading(m, s, bath, w, step));
            double minus = Math.log(leading(m, s, bath, w, -step));
            d1[i] = (plus - minus) / (2 * step);
            d2[i] = (plus - 2 * l0 + minus) / (step * step);
        }
        return new double[] {richardson(d1) / dt, richardson(d2) / dt};
    }

    private static double richardson(double[] d) {
        double[] t = d.clone();
        for (int level = 1; level < t.length; level++) {
            double f = Math.pow(4, level);
            for (int i = 0; i + level < t.length; i++) {
                t[i] = (f * t[i + 1] - t[i]) / (f - 1);
            }
        }
        return t[0];
    }

    /** The eigenvalue of the tilted one-step map with the largest real part (its Perron root for real χ). */
    private static double leading(Machine m, ScratchCollision s, int bath, Weight w, double chi) {
        ZMatrixRMaj total = sandwich(s.unitary, 1);
        for (ScratchCollision.Event e : s.events) {
            double[] weights = weights(m, e, bath, w);
            int n = total.numRows;
            ZMatrixRMaj f = new ZMatrixRMaj(n, n);
            for (int b = 0; b < e.kraus().size(); b++) {
                CommonOps_ZDRM.add(f, sandwich(e.kraus().get(b), Math.exp(chi * weights[b])), f);
            }
            ZMatrixRMaj next = new ZMatrixRMaj(n, n);
            CommonOps_ZDRM.mult(f, total, next);
            total = next;
        }
        int n = total.numRows;
        DMatrixRMaj real = new DMatrixRMaj(2 * n, 2 * n);
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                real.set(r, c, total.getReal(r, c));
                real.set(n + r, n + c, total.getReal(r, c));
                real.set(r, n + c, -total.getImag(r, c));
                real.set(n + r, c, total.getImag(r, c));
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(2 * n, false);
        assertTrue(eig.decompose(real), "eigendecomposition");
        double best = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < eig.getNumberOfEigenvalues(); i++) {
            Complex_F64 z = eig.getEigenvalue(i);
            best = Math.max(best, z.real);
        }
        return best;
    }

    /**
     * The weight of each Kraus branch of a scratch collision: a swap's list is (from, to) over ancilla g, e, so branch
     * 1 (g → e) is the emission and 2 (e → g) the absorption; a reset's is the stay, then |n⟩⟨m| at 1 + n·d_site + m.
     */
    private static double[] weights(Machine m, ScratchCollision.Event e, int bath, Weight w) {
        double[] out = new double[e.kraus().size()];
        if (e.bath() != bath) {
            return out;
        }
        if (m.baths().get(bath).kind() == BathKind.RESET) {
            Site site = m.site(m.baths().get(bath));
            int ds = site.dimension();
            for (int n = 0; n < ds; n++) {
                for (int mm = 0; mm < ds; mm++) {
                    double energy = site.level(mm) - site.level(n);
                    out[1 + n * ds + mm] = w == Weight.QUANTA ? Math.signum(energy) : energy;
                }
            }
        } else {
            double heat = e.energies()[1];
            out[1] = w == Weight.QUANTA ? 1 : heat;
            out[2] = w == Weight.QUANTA ? -1 : -heat;
        }
        return out;
    }

    /** c·(K* ⊗ K): vec(KρK†) = (K* ⊗ K) vec ρ with columns stacked, index (a, i) = a·d + i. */
    private static ZMatrixRMaj sandwich(ZMatrixRMaj k, double c) {
        int d = k.numRows;
        ZMatrixRMaj out = new ZMatrixRMaj(d * d, d * d);
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < d; b++) {
                double ar = k.getReal(a, b);
                double ai = -k.getImag(a, b);
                for (int i = 0; i < d; i++) {
                    for (int j = 0; j < d; j++) {
                        double br = k.getReal(i, j);
                        double bi = k.getImag(i, j);
                        out.set(a * d + i, b * d + j, c * (ar * br - ai * bi), c * (ar * bi + ai * br));
                    }
                }
            }
        }
        return out;
    }

    /**
     * Two qubits of equal gaps with an exchange (which commutes with H₀), a bosonic and a reset bath at the same T:
     * the production code sets the current to 0 there (detailed balance at every collision), which the scratch map,
     * which knows nothing of it, must confirm to 1e-7 of the noise.
     */
    @Test
    void atEquilibriumTheScratchMapConfirmsTheZeroCurrent() {
        Machine m = new Machine(Approach.LOCAL, List.of(new Site("c", 0.0, 1.0), new Site("h", 0.0, 1.0)),
                List.of(new Coupling.Exchange("c", "h", 0.05)),
                List.of(new MachineBath("cold", "c", BathKind.BOSONIC, 0.6, 0.03),
                        new MachineBath("hot", "h", BathKind.RESET, 0.6, 0.02)));
        double dt = 3;
        ScratchCollision scratch = new ScratchCollision(m, dt);
        for (int k = 0; k < m.baths().size(); k++) {
            for (Weight w : Weight.values()) {
                double[] ref = cumulants(m, scratch, k, w, dt, 0.6);
                Cumulants c = new MachineCollisionCounting(m, new TimeGrid(dt, 2), dt, k, w).stationary();
                String what = m.baths().get(k).name() + " " + w;
                assertEquals(0.0, c.current(), 0.0, what + ": set to 0");
                assertTrue(ref[1] > 1e-4, what + ": the count fluctuates");
                assertEquals(ref[0], 0.0, 1e-7 * ref[1], what + ": the scratch map's current");
                assertEquals(ref[1], c.noise(), 1e-7 * ref[1], what + " noise");
            }
        }
    }

    /**
     * P(N_k = n) after a few steps against a propagation of every Kraus branch of the scratch step with its count:
     * ρ_n, the state with n counted, goes to Σ_b K_b ρ_n K_b† at n + w_b, so P(n) = Tr ρ_n exactly.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("machines")
    void theDistributionAfterAFewStepsIsTheBranchesPropagated(String name, Machine m, double dt, double h) {
        ScratchCollision scratch = new ScratchCollision(m, dt);
        int d = m.dimension();
        ZMatrixRMaj rho0 = new ZMatrixRMaj(d, d);
        for (int i = 0; i < d; i++) {
            rho0.set(i, i, (i + 1.0) / (d * (d + 1) / 2.0), 0);
        }
        int steps = 3;
        for (int k = 0; k < m.baths().size(); k++) {
            java.util.Map<Long, ZMatrixRMaj> byCount = new java.util.TreeMap<>();
            byCount.put(0L, rho0);
            for (int s = 0; s < steps; s++) {
                java.util.Map<Long, ZMatrixRMaj> next = new java.util.TreeMap<>();
                for (var e : byCount.entrySet()) {
                    next.put(e.getKey(), ScratchCollision.collide(new ScratchCollision.Event(-1,
                            List.of(scratch.unitary), null, null, null), e.getValue()));
                }
                for (ScratchCollision.Event e : scratch.events) {
                    double[] weights = weights(m, e, k, Weight.QUANTA);
                    java.util.Map<Long, ZMatrixRMaj> after = new java.util.TreeMap<>();
                    for (var x : next.entrySet()) {
                        for (int b = 0; b < e.kraus().size(); b++) {
                            ZMatrixRMaj kk = e.kraus().get(b);
                            ZMatrixRMaj term = Ops.mult(Ops.mult(kk, x.getValue()), Ops.dagger(kk));
                            after.merge(x.getKey() + Math.round(weights[b]), term, (a, c) -> Ops.add(1, a, 1, c));
                        }
                    }
                    next = after;
                }
                byCount = next;
            }
            Distribution p = new MachineCollisionCounting(m, new TimeGrid(dt, 2), dt, k, Weight.QUANTA)
                    .distribution(rho0, steps);
            double total = 0;
            for (int i = 0; i < p.p().length; i++) {
                long n = p.first() + i;
                double expected = byCount.containsKey(n) ? Ops.traceRe(byCount.get(n)) : 0;
                total += expected;
                assertEquals(expected, p.p()[i], 1e-12, name + " " + m.baths().get(k).name() + " P(N = " + n + ")");
            }
            assertEquals(1, total, 1e-12, name + ": the window holds every count");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("qtm.exact.MachineCollisionPresetsTest#presets")
    void thePresetsMachineFormsGiveThePresetsCollisionCounting(Model model) {
        TimeGrid grid = new TimeGrid(40, 5);
        double dt = 2.0;
        Machine m = MachinePresets.of(model);
        for (Side side : Side.values()) {
            int k = side == Side.COLD ? 0 : 1;
            for (Weight w : Weight.values()) {
                Cumulants p = new CollisionCounting(model, grid, dt, side, w).stationary();
                MachineCollisionCounting mc = new MachineCollisionCounting(m, grid, dt, k, w);
                Cumulants q = mc.stationary();
                double scale = Math.max(Math.abs(p.current()), p.noise());
                String what = model.type() + " " + side + " " + w;
                assertTrue(scale > 1e-6, what + ": the count moves");
                assertEquals(p.current(), q.current(), 1e-10 * scale, what + " current");
                assertEquals(p.noise(), q.noise(), 1e-10 * scale, what + " noise");
                assertEquals(p.third(), q.third(), 1e-9 * scale, what + " third");
                ZMatrixRMaj rho0 = TwoQubits.basisState("01");
                assertEquals(new CollisionCounting(model, grid, dt, side, w).moments(rho0, 17, 4)[1],
                        mc.moments(rho0, 17, 4)[1], 1e-10, what + " E[N^2] after 17 steps");
                if (w == Weight.QUANTA) {
                    Distribution a = new CollisionCounting(model, grid, dt, side, w).distribution(rho0, 20);
                    Distribution b = mc.distribution(rho0, 20);
                    assertEquals(a.first(), b.first(), what);
                    for (int i = 0; i < a.p().length; i++) {
                        assertEquals(a.p()[i], b.p()[i], 1e-10, what + " P(N = " + (a.first() + i) + ")");
                    }
                }
            }
        }
    }

    @Test
    void theCollisionCurrentApproachesTheMasterEquationsWithSlopeOne() {
        Machine m = MachineCollisionMapTest.scenario("machine-three-baths");
        MachineCounting exact = new MachineCounting(new MachineExact(m));
        double[] dts = {8, 4, 2, 1};
        for (int k = 0; k < m.baths().size(); k++) {
            double limit = exact.of(k, Weight.QUANTA).stationary().current();
            double[] x = new double[dts.length];
            double[] y = new double[dts.length];
            for (int i = 0; i < dts.length; i++) {
                double c = new MachineCollisionCounting(m, new TimeGrid(dts[i], 2), dts[i], k, Weight.QUANTA)
                        .stationary().current();
                x[i] = Math.log(dts[i]);
                y[i] = Math.log(Math.abs(c - limit));
            }
            double slope = MachineCollisionConvergenceTest.slope(x, y);
            assertEquals(1.0, slope, 0.1, m.baths().get(k).name() + ": slope of |c1(dt) - c1| against dt");
        }
    }
}
