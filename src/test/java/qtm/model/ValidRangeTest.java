package qtm.model;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;
import qtm.exact.SteadyState;
import qtm.exact.Transient;
import qtm.math.Ops;
import qtm.observe.Heat;
import qtm.observe.Observables;

/**
 * Issue 8, point 2: inside {@link ValidRange} every exact output is finite and physical. Random legal models of each
 * kind are drawn across the whole range (log-uniform parameters over all their decades, with the edges themselves —
 * 0, the largest legal value, T = 0 and T = ∞ — mixed in), and the steady state and a short transient are checked
 * against what any density matrix and any steady state must satisfy: trace 1, populations ≥ −1e-12, Hermitian,
 * finite, and energy conservation Q_c + Q_h = 0 to 1e-12 of the heat scale E·(γ_c + γ_h) (the bound relative
 * to |Q_c| + |Q_h| itself is the disabled test below).
 */
class ValidRangeTest {
    private static final int PER_KIND = 300;
    private static final double INF = Double.POSITIVE_INFINITY;
    private static final double E_MIN = ValidRange.E_MIN;
    private static final double E_MAX = ValidRange.E_MAX;
    private static final double PHASE = ValidRange.PHASE_MAX;
    /** Smallest nonzero g/E and γ/E drawn (0 itself is drawn too). */
    private static final double LOW = 1e-12;
    /** Set by the strict test only: the relative bound on Q_c + Q_h. */
    private static boolean strictHeat;

    /** Draws legal models; each parameter is at an edge of its range one time in ten. */
    static final class Draw {
        private final SplittableRandom rng;

        Draw(long seed) {
            rng = new SplittableRandom(seed);
        }

        double logUniform(double lo, double hi) {
            return Math.exp(Math.log(lo) + (Math.log(hi) - Math.log(lo)) * rng.nextDouble());
        }

        boolean oneIn(int n) {
            return rng.nextInt(n) == 0;
        }

        double energy() {
            int pick = rng.nextInt(10);
            if (pick == 0) {
                return E_MIN;
            }
            if (pick == 1) {
                return E_MAX;
            }
            return pick < 5 ? 1.0 : logUniform(E_MIN, E_MAX);
        }

        /** A coupling or transition rate in [0, 0.1 E]. */
        double weak(double e) {
            int pick = rng.nextInt(10);
            if (pick == 0) {
                return 0.0;
            }
            if (pick == 1) {
                return ValidRange.WEAK * e;
            }
            return e * logUniform(LOW, ValidRange.WEAK);
        }

        double temperature(double e, boolean infOk, double max) {
            int pick = rng.nextInt(10);
            if (pick == 0) {
                return 0.0;
            }
            if (pick == 1) {
                return infOk ? INF : max;
            }
            if (pick == 2) {
                return e * logUniform(1e-300, 1e-2);
            }
            return e * logUniform(1e-2, infOk ? 1e300 : max / e);
        }

        /**
         * g, γ_c, γ_h: each 0, 0.1·E or log-uniform in [1e-12, 0.1]·E, then the smaller nonzero ones raised to the
         * ratio rule's edge (largest/1e10, to 1e-12 inside it) where they fall below it, so that the edge is drawn
         * often.
         */
        double[] couplings(double e) {
            double[] v = {weak(e), weak(e), weak(e)};
            double max = Math.max(v[0], Math.max(v[1], v[2]));
            double floor = max / ValidRange.RATIO_MAX * (1 + 1e-12);
            for (int i = 0; i < 3; i++) {
                if (v[i] > 0 && v[i] < floor) {
                    v[i] = floor;
                }
            }
            return v;
        }

        Model reset() {
            double e = energy();
            double[] c = couplings(e);
            return new ResetModel(e, c[0], new Bath(temperature(e, true, 0), c[1]),
                    new Bath(temperature(e, true, 0), c[2]));
        }

        Model dot() {
            double e = energy();
            double u = switch (rng.nextInt(4)) {
                case 0 -> 0.0;
                case 1 -> ValidRange.U_MAX * e;
                default -> e * logUniform(1e-3, ValidRange.U_MAX);
            };
            double[] c = couplings(e);
            return new DotModel(e, c[0], u, new Bath(temperature(e, true, 0), c[1]),
                    new Bath(temperature(e, true, 0), c[2]));
        }

        Model flux() {
            double e = energy();
            double[] c = couplings(e);
            return new FluxModel(e, c[0], fluxBath(e, c[1]), fluxBath(e, c[2]));
        }

        /**
         * The transition rate γ is drawn in range; Γ = γ/(2n_B + 1), nudged by an ulp or two so that Γ(2n_B + 1)
         * stays on the legal side of γ (down at 0.1·E, up elsewhere, where the floor and the ratio bind).
         */
        private Bath fluxBath(double e, double gamma) {
            double t = temperature(e, false, ValidRange.FLUX_T_MAX * e);
            double factor = 2 * Thermal.bose(e, t) + 1;
            double rate = gamma / factor;
            if (gamma >= ValidRange.WEAK * e) {
                while (rate * factor > ValidRange.WEAK * e) {
                    rate = Math.nextDown(rate);
                }
            } else {
                while (rate * factor < gamma) {
                    rate = Math.nextUp(rate);
                }
            }
            return new Bath(t, rate);
        }

        /** A grid end anywhere in [1e-3/E, its bound], the bound itself one time in ten. */
        double end(Model m) {
            double hi = ValidRange.maxTime(m) * m.energy();
            return oneIn(10) ? ValidRange.maxTime(m) : logUniform(Math.min(1e-3, hi / 2), hi) / m.energy();
        }
    }

    /**
     * The bound, relative to |Q_c| + |Q_h| itself. The steady heat ({@link Heat#steady}) is taken from the
     * coupling current, which balances exactly; what this adds is that it agrees with the summed Σγω⟨A†A⟩ of
     * {@link Heat#of} to 1e-12 of the heat scale E·(γ_c + γ_h), so that the balance is not bought with a wrong value.
     */
    @Test
    void heatBalancesRelativeToItself() {
        strictHeat = true;
        try {
            check(new Draw(84L), "reset");
            check(new Draw(85L), "flux");
            check(new Draw(86L), "dqd");
        } finally {
            strictHeat = false;
        }
    }

    @Test
    void resetModelsAcrossTheRangeArePhysical() {
        check(new Draw(81L), "reset");
    }

    @Test
    void fluxModelsAcrossTheRangeArePhysical() {
        check(new Draw(82L), "flux");
    }

    @Test
    void dotModelsAcrossTheRangeArePhysical() {
        check(new Draw(83L), "dqd");
    }

    /** Whether a qubit has no rate and at most a tiny g (≤ 1e-9 E) to reach the other: its motion is undamped. */
    static boolean nearlyIsolated(Model m) {
        boolean oneRateZero = m.cold().rate() == 0 || m.hot().rate() == 0;
        return oneRateZero && m.g() <= 1e-9 * m.energy();
    }

    /** When set, the transient is checked only for nearly isolated qubits (the disabled test), otherwise for the rest. */
    private static boolean isolatedOnly;

    /**
     * Transients of machines with a (nearly) isolated qubit: with one rate 0 and g ≤ 1e-9·E the propagator is built
     * by scaling and squaring an undamped generator. Before the rule γ_max·t ≤ 1e3 and the squaring of e^X − I, on
     * 1–3 of 300 draws per kind the trace drifted by up to 1e-9 or the result was NaN at E·t ≥ 1e9.
     */
    @Test
    void nearlyIsolatedTransientsArePhysical() {
        isolatedOnly = true;
        try {
            check(new Draw(81L), "reset");
            check(new Draw(82L), "flux");
            check(new Draw(83L), "dqd");
        } finally {
            isolatedOnly = false;
        }
    }

    private static void check(Draw draw, String kind) {
        List<String> failures = new ArrayList<>();
        int steady = 0;
        for (int i = 0; i < PER_KIND; i++) {
            Model m = switch (kind) {
                case "reset" -> draw.reset();
                case "flux" -> draw.flux();
                default -> draw.dot();
            };
            if (m.hasUniqueSteadyState()) {
                steady++;
                String bad = steadyProblem(m);
                if (bad != null) {
                    failures.add("steady " + bad + " for " + m);
                }
            }
            double end = draw.end(m);
            if (nearlyIsolated(m) != isolatedOnly) {
                continue;
            }
            String bad = transientProblem(m, new TimeGrid(end, 5));
            if (bad != null) {
                failures.add("transient to t = " + end + ": " + bad + " for " + m);
            }
        }
        assertTrue(steady > PER_KIND / 2, "too few models with a unique steady state: " + steady);
        assertTrue(failures.isEmpty(), failures.size() + " failures, first: " + String.join("\n", failures.subList(0,
                Math.min(5, failures.size()))));
    }

    /** @return a description of what is unphysical about the steady state, or null */
    static String steadyProblem(Model m) {
        ZMatrixRMaj rho = SteadyState.of(m);
        String bad = stateProblem(rho);
        if (bad != null) {
            return bad;
        }
        Heat q = Heat.steady(m, rho);
        double scale = Math.abs(q.cold()) + Math.abs(q.hot());
        // Without the strict bound: Q_c + Q_h = 0 to 1e-12 of the heat scale E·(γ_c + γ_h) the currents are made of.
        double natural = m.energy() * (1 + m.coulomb() / m.energy())
                * (m.cold().rate() * m.rateFactor(Side.COLD) + m.hot().rate() * m.rateFactor(Side.HOT));
        double bound = strictHeat ? 1e-12 * scale + 1e-300 : 1e-12 * Math.max(scale, natural) + 1e-300;
        if (!Double.isFinite(scale) || !(Math.abs(q.cold() + q.hot()) <= bound)) {
            return "Q_c + Q_h = " + (q.cold() + q.hot()) + " (Q_c = " + q.cold() + ", Q_h = " + q.hot() + ")";
        }
        Heat summed = Heat.of(m, rho);
        double agree = 1e-12 * Math.max(scale, natural) + 1e-300;
        if (!(Math.abs(summed.cold() - q.cold()) <= agree && Math.abs(summed.hot() - q.hot()) <= agree)) {
            return "steady heat " + q + " disagrees with the summed heat " + summed;
        }
        if (!Double.isFinite(Observables.concurrence(rho)) || !Double.isFinite(Observables.purity(rho))) {
            return "concurrence or purity not finite";
        }
        return null;
    }

    private static String transientProblem(Model m, TimeGrid grid) {
        List<ZMatrixRMaj> rhos = new Transient(m, grid).evolve(TwoQubits.basisState("00"));
        for (int k = 0; k < rhos.size(); k++) {
            String bad = stateProblem(rhos.get(k));
            if (bad == null) {
                Heat q = Heat.of(m, rhos.get(k));
                bad = Double.isFinite(q.cold()) && Double.isFinite(q.hot()) ? null : "heat not finite";
            }
            if (bad != null) {
                return "at t = " + grid.time(k) + ": " + bad;
            }
        }
        return null;
    }

    /** @return what is wrong with a density matrix (finite, trace 1, Hermitian, populations ≥ −1e-12), or null */
    static String stateProblem(ZMatrixRMaj rho) {
        for (double x : rho.data) {
            if (!Double.isFinite(x)) {
                return "non-finite element " + x;
            }
        }
        double trace = Ops.traceRe(rho);
        if (!(Math.abs(trace - 1) <= 1e-12)) {
            return "trace " + trace;
        }
        double herm = Ops.maxAbsDiff(rho, Ops.dagger(rho));
        if (!(herm <= 1e-12)) {
            return "not Hermitian by " + herm;
        }
        for (double p : Observables.populations(rho)) {
            if (!(p >= -1e-12)) {
                return "population " + p;
            }
        }
        return null;
    }

    @Test
    void outOfRangeIsRefusedNamingTheKeyAndTheBound() {
        OutOfRangeCase[] cases = {
            new OutOfRangeCase(() -> new ResetModel(1, 0.2, new Bath(0, 1e-2), new Bath(INF, 1e-3)), "g", "0.1*E"),
            new OutOfRangeCase(() -> new ResetModel(1, 1e-3, new Bath(0, 1e-2), new Bath(INF, 1e15)), "hot.rate",
                    "0.1*E"),
            new OutOfRangeCase(() -> new DotModel(1, 1e-3, 1e200, new Bath(0, 1e-2), new Bath(5, 1e-2)), "U",
                    "1.0E12*E"),
            new OutOfRangeCase(() -> new DotModel(2, 1e-3, 1, new Bath(0, 0.25), new Bath(5, 1e-2)), "cold.rate",
                    "0.2"),
            new OutOfRangeCase(() -> new FluxModel(1, 1e-3, new Bath(0, 1e-2), new Bath(1e12, 1e-3)), "hot.rate",
                    "2 n_B"),
            new OutOfRangeCase(() -> new FluxModel(1, 0, new Bath(0, 1e-2), new Bath(1e101, 0)), "hot.T", "1.0E100"),
            new OutOfRangeCase(() -> new ResetModel(1e-31, 0, new Bath(0, 0), new Bath(0, 0)), "E", "1.0E-30"),
        };
        for (OutOfRangeCase c : cases) {
            ValidRange.OutOfRange e = assertThrows(ValidRange.OutOfRange.class, c.build::get);
            assertTrue(e.keys().get(0).equals(c.key), e.getMessage());
            assertTrue(e.getMessage().contains(c.bound), e.getMessage());
        }
    }

    /** The hostile tester's cases of issue 8: outside the scale rules they are refused; inside, right. */
    @Test
    void testersCasesAreRefusedOrRight() {
        java.util.function.Supplier<?>[] refused = {
            () -> new ResetModel(1, 1e-18, new Bath(0, 1e-18), new Bath(INF, 0.1)),
            () -> new ResetModel(1, 1e-3, new Bath(0, 1e-18), new Bath(INF, 0.1)),
            () -> new ResetModel(1, 1e-12, new Bath(0, 1e-12), new Bath(INF, 0.1)),
            () -> new FluxModel(1, 1e-20, new Bath(0, 1e-20), new Bath(1e10, 1e-20)),
            () -> new FluxModel(1, 1e-110, new Bath(0, 1e-110), new Bath(1e100, 1e-110)),
            () -> new ResetModel(1e30, 1e-300, new Bath(0, 1e-300), new Bath(INF, 1e-300)),
            () -> new ResetModel(1, 1.6e-320, new Bath(0, 1e-319), new Bath(INF, 1.1e-320)),
        };
        for (java.util.function.Supplier<?> r : refused) {
            assertThrows(ValidRange.OutOfRange.class, r::get);
        }
        // g = p_c = 1e-9, p_h = 0.1: Q_c = E·J = 1e-17 to 8 digits (400-digit reference), Q_h = −Q_c.
        Model m = new ResetModel(1, 1e-9, new Bath(0, 1e-9), new Bath(INF, 0.1));
        Heat q = Heat.steady(m, SteadyState.of(m));
        assertTrue(Math.abs(q.cold() - 9.9999997e-18) <= 1e-24 && q.hot() == -q.cold(), q.toString());
        // Equal temperatures: no current at all.
        for (Model eq : List.of(new ResetModel(1, 1.6e-3, new Bath(INF, 1e-2), new Bath(INF, 1.1e-3)),
                new DotModel(1, 1e-3, 0, new Bath(INF, 1e-3), new Bath(INF, 1e-3)))) {
            Heat h = Heat.steady(eq, SteadyState.of(eq));
            assertTrue(h.cold() == 0 && h.hot() == 0, h.toString());
        }
        // The paper's parameters at t = 1e5 are inside; 1e12 with a rate 0.1 is not.
        Model paper = new ResetModel(1, 1.6e-3, new Bath(0, 1e-2), new Bath(INF, 1.1e-3));
        assertTrue(ValidRange.maxTime(paper) >= 1e5);
        assertTrue(ValidRange.maxTime(new ResetModel(1, 0.1, new Bath(0, 0), new Bath(INF, 0))) < 1e12);
    }

    private record OutOfRangeCase(java.util.function.Supplier<Model> build, String key, String bound) {
    }
}
