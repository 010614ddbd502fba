package qtm.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static qtm.exact.CollisionThermodynamics.entropy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;
import qtm.math.Hermitian;
import qtm.math.Ops;
import qtm.model.Approach;
import qtm.model.Bath;
import qtm.model.DotModel;
import qtm.model.FluxModel;
import qtm.model.Jump;
import qtm.model.Model;
import qtm.model.Side;
import qtm.model.TimeGrid;
import qtm.model.TwoQubits;

/**
 * The global master equation against results derived here by hand: the Gibbs state of the full H at equal
 * temperatures, Spohn's inequality along transients, the local approach's Gibbs state of H without g, the two
 * approaches' agreement where both hold (Γ ≪ g ≪ E, T), and the steady state of random cases from the classical
 * Pauli rate equation between the eigenstates |00⟩, |±⟩ = (|01⟩ ± |10⟩)/√2, |11⟩, whose rates are written from n_B,
 * n_F and Γ(ω) = Γ(ω/E)^s without the model's channels or the Liouvillian.
 */
class GlobalApproachTest {
    private static final double R = Math.sqrt(0.5);

    /** The Gibbs state e^{−H/T}/Z from the closed-form levels 0, E + g, E − g, 2E + U of H. */
    static ZMatrixRMaj gibbs(double e, double g, double u, double t) {
        double[] p = normalised(new double[] {1, Math.exp(-(e + g) / t), Math.exp(-(e - g) / t),
            Math.exp(-(2 * e + u) / t)});
        return eigenbasisState(p);
    }

    private static double[] normalised(double[] w) {
        double z = 0;
        for (double x : w) {
            z += x;
        }
        double[] p = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            p[i] = w[i] / z;
        }
        return p;
    }

    /** Σ p_i |v_i⟩⟨v_i| over |00⟩, |+⟩, |−⟩, |11⟩, in the computational basis. */
    static ZMatrixRMaj eigenbasisState(double[] p) {
        ZMatrixRMaj rho = new ZMatrixRMaj(4, 4);
        rho.set(0, 0, p[0], 0);
        rho.set(3, 3, p[3], 0);
        rho.set(1, 1, (p[1] + p[2]) / 2, 0);
        rho.set(2, 2, (p[1] + p[2]) / 2, 0);
        rho.set(1, 2, (p[1] - p[2]) / 2, 0);
        rho.set(2, 1, (p[1] - p[2]) / 2, 0);
        return rho;
    }

    private static Model flux(double e, double g, Bath c, Bath h, Approach a, double s) {
        return new FluxModel(e, g, c, h, a, s);
    }

    @Test
    void globalAtEqualTemperaturesIsTheGibbsStateOfTheFullHamiltonian() {
        int checked = 0;
        for (double g : new double[] {0.01, 0.05}) {
            for (double t : new double[] {0.3, 1, 5}) {
                for (double s : new double[] {0, 1, 3}) {
                    Model f = flux(1, g, new Bath(t, 1e-3), new Bath(t, 3e-4), Approach.GLOBAL, s);
                    assertClose(gibbs(1, g, 0, t), SteadyState.of(f), 1e-10, "flux g=" + g + " T=" + t + " s=" + s);
                    for (double u : new double[] {0, 2 * g, 2, 20}) {
                        if (s == 3 && u == 20) {
                            continue; // Γ·21³ is not weak coupling
                        }
                        Model d = new DotModel(1, g, u, new Bath(t, 1e-3), new Bath(t, 3e-4), Approach.GLOBAL, s);
                        assertClose(gibbs(1, g, u, t), SteadyState.of(d), 1e-10,
                                "dqd g=" + g + " U=" + u + " T=" + t + " s=" + s);
                        checked++;
                    }
                }
            }
        }
        assertEquals(66, checked);
    }

    @Test
    void localAtEqualTemperaturesIsTheGibbsStateOfTheHamiltonianWithoutG() {
        for (double t : new double[] {0.3, 1, 5}) {
            Model f = new FluxModel(1, 1.6e-3, new Bath(t, 1e-3), new Bath(t, 1e-5));
            assertClose(gibbs(1, 0, 0, t), SteadyState.of(f), 1e-10, "flux T=" + t);
            Model d = new DotModel(1, 5e-3, 20, new Bath(t, 1e-2), new Bath(t, 1e-2));
            assertClose(gibbs(1, 0, 20, t), SteadyState.of(d), 1e-10, "dqd T=" + t);
        }
        // The flux optimum's E and g at T = 0.5: the local steady state misses the Gibbs state of the full H by
        // D ≈ sinh(g/T)·e^{−E/T}/Z, first order in g/T (the coherence ρ_01,10 of the true Gibbs state).
        double t = 0.5;
        double g = 1.6e-3;
        ZMatrixRMaj local = SteadyState.of(new FluxModel(1, g, new Bath(t, 1e-2), new Bath(t, 1e-5)));
        double d = traceDistance(local, gibbs(1, g, 0, t));
        double z = 1 + 2 * Math.exp(-1 / t) * Math.cosh(g / t) + Math.exp(-2 / t);
        double firstOrder = Math.sinh(g / t) * Math.exp(-1 / t) / z;
        assertEquals(1, d / firstOrder, 1e-2, "D = " + d + ", first order " + firstOrder);
        assertEquals(3.4e-4, d, 0.05e-4, "the number the guide states (scenarios.md)");
    }

    /**
     * Spohn: each global L_k has the Gibbs state of H at T_k as its fixed point, so σ_k = −Tr[L_k(ρ)(ln ρ − ln ρ_k)]
     * ≥ 0 along any transient; and σ = Σσ_k = dS/dt + Σ_k Q_k/T_k with Q_k = −Tr[H L_k(ρ)] the heat into bath k.
     * dS/dt is taken by central differences at steps h and h/2, whose O(h²) errors differ by a factor 4, so the
     * finer one is within |D(h) − D(h/2)|/3 of the derivative; the test allows 4/3 of that difference.
     */
    @Test
    void spohnEntropyProductionIsNonNegativeAndIsTheEntropyBalance() {
        List<Model> models = List.of(
                flux(1, 0.02, new Bath(0.2, 2e-3), new Bath(2, 2e-3), Approach.GLOBAL, 1),
                flux(1, 0.05, new Bath(1.5, 5e-3), new Bath(0.3, 1e-3), Approach.GLOBAL, 0),
                new DotModel(1, 0.02, 3, new Bath(0.2, 3e-3), new Bath(3, 3e-3), Approach.GLOBAL, 0),
                new DotModel(1.3, 0.04, 0.08, new Bath(0.5, 1e-3), new Bath(0.1, 4e-3), Approach.GLOBAL, 2));
        SplittableRandom rng = new SplittableRandom(77);
        int points = 0;
        double worst = 0;
        for (Model m : models) {
            for (int start = 0; start < 3; start++) {
                ZMatrixRMaj rho0 = randomState(rng, m instanceof DotModel);
                double h = 0.5;
                TimeGrid grid = new TimeGrid(1200, 2401);
                List<ZMatrixRMaj> rho = new Transient(m, grid).evolve(rho0);
                for (int k = 40; k < grid.points() - 40; k += 40) {
                    double sigma = 0;
                    double balance = 0;
                    ZMatrixRMaj log = Hermitian.apply(rho.get(k), Math::log);
                    for (Side side : Side.values()) {
                        double tk = m.bath(side).temperature();
                        ZMatrixRMaj lk = dissipator(m, side, rho.get(k));
                        ZMatrixRMaj logGibbs = Hermitian.apply(gibbs(m.energy(), m.g(), m.coulomb(), tk), Math::log);
                        double sk = -Ops.traceProductRe(lk, Ops.add(1, log, -1, logGibbs));
                        assertTrue(sk >= -1e-15, m + " " + side + " sigma_k " + sk + " at t=" + grid.time(k));
                        sigma += sk;
                        balance += -Ops.traceProductRe(m.hamiltonian(), lk) / tk;
                    }
                    double coarse = (entropy(rho.get(k + 2)) - entropy(rho.get(k - 2))) / (4 * h);
                    double fine = (entropy(rho.get(k + 1)) - entropy(rho.get(k - 1))) / (2 * h);
                    double tolerance = 4.0 / 3 * Math.abs(coarse - fine) + 1e-13;
                    assertEquals(sigma, fine + balance, tolerance, m + " start " + start + " t=" + grid.time(k));
                    assertTrue(sigma > 0, "sigma " + sigma);
                    worst = Math.max(worst, tolerance / sigma);
                    points++;
                }
            }
        }
        assertEquals(4 * 3 * 59, points);
        // The balance is a real check: the allowance is a small part of σ everywhere.
        assertTrue(worst < 1e-3, "largest tolerance / sigma " + worst);
    }

    /** A random full-rank state; for the dot without even–odd coherence (superselection). */
    private static ZMatrixRMaj randomState(SplittableRandom rng, boolean fixedParity) {
        ZMatrixRMaj a = new ZMatrixRMaj(4, 4);
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                boolean even = i == 0 || i == 3;
                boolean evenJ = j == 0 || j == 3;
                if (!fixedParity || even == evenJ) {
                    a.set(i, j, rng.nextDouble() - 0.5, rng.nextDouble() - 0.5);
                }
            }
        }
        ZMatrixRMaj rho = Ops.mult(a, Ops.dagger(a));
        for (int i = 0; i < 4; i++) {
            rho.set(i, i, rho.getReal(i, i) + 0.05, 0);
        }
        return Ops.scale(1 / Ops.traceRe(rho), 0, rho);
    }

    /** Σ_j∈k γ_j (A ρ A† − ½{A†A, ρ}) over bath k's channels, written out here. */
    static ZMatrixRMaj dissipator(Model m, Side side, ZMatrixRMaj rho) {
        ZMatrixRMaj out = new ZMatrixRMaj(4, 4);
        for (Jump j : m.jumps()) {
            if (j.side() != side) {
                continue;
            }
            ZMatrixRMaj a = j.operator();
            ZMatrixRMaj ad = Ops.dagger(a);
            ZMatrixRMaj n = Ops.mult(ad, a);
            ZMatrixRMaj term = Ops.add(1, Ops.mult(a, rho, ad), -0.5,
                    Ops.add(1, Ops.mult(n, rho), 1, Ops.mult(rho, n)));
            out = Ops.add(1, out, j.rate(), term);
        }
        return out;
    }

    /**
     * Γ ≪ g ≪ E, T: the local approach drops the splitting 2g from the rates (an error of order g/T in the state) and
     * the global one drops the coherence between |+⟩ and |−⟩ (an error of order Γ/g, Γ the largest transition rate):
     * D(local, global) ≤ Γ/g + g/T_min. Each term is seen on its own: with g/T negligible the distance is linear in
     * Γ/g (halving Γ halves it), and with Γ/g negligible linear in g.
     */
    @Test
    void localAndGlobalAgreeWhereBothHold() {
        double tc = 0.5;
        double th = 2;
        List<double[]> rows = new ArrayList<>();
        for (double g : new double[] {1e-4, 3e-4, 1e-3, 3e-3, 1e-2}) {
            for (double gamma : new double[] {1e-7, 2e-7, 1e-6, 1e-5}) {
                Bath c = new Bath(tc, gamma);
                Bath h = new Bath(th, gamma);
                double d = traceDistance(SteadyState.of(flux(1, g, c, h, Approach.LOCAL, 0)),
                        SteadyState.of(flux(1, g, c, h, Approach.GLOBAL, 0)));
                double fastest = gamma * (2 * qtm.model.Thermal.bose(1 - g, th) + 1);
                double bound = fastest / g + g / tc;
                assertTrue(d <= bound, "g=" + g + " Gamma=" + gamma + ": D " + d + " > " + bound);
                rows.add(new double[] {g, gamma, d});
            }
        }
        // Γ/g dominates at g = 1e-4, Γ = 1e-5 → 2e-5 … ; at g = 1e-2 with Γ = 1e-7, g/T does.
        double d1 = distance(1e-2, 1e-7, tc, th);
        double d2 = distance(0.5e-2, 1e-7, tc, th);
        assertEquals(2, d1 / d2, 0.1, "linear in g where g/T dominates: " + d1 + " " + d2);
        double e1 = distance(1e-4, 2e-6, tc, th);
        double e2 = distance(1e-4, 1e-6, tc, th);
        assertEquals(2, e1 / e2, 0.1, "linear in Gamma where Gamma/g dominates: " + e1 + " " + e2);
    }

    private static double distance(double g, double gamma, double tc, double th) {
        Bath c = new Bath(tc, gamma);
        Bath h = new Bath(th, gamma);
        return traceDistance(SteadyState.of(flux(1, g, c, h, Approach.LOCAL, 0)),
                SteadyState.of(flux(1, g, c, h, Approach.GLOBAL, 0)));
    }

    /**
     * Acceptance: random cases of a seed no test has used, the global steady state against the Pauli rate equation
     * between eigenstates. Every coupling operator connects each pair of eigenstates one excitation apart with
     * |⟨a|A_k|b⟩|² = 1/2 (σ⁻_c, σ⁻_h, and the dot's c_h = (−1)^{n_c}σ⁻_h alike), so the rate b → a is
     * Σ_k ½ Γ_k(ω)(1 + n_B(ω, T_k)) downward and Σ_k ½ Γ_k(ω) n_B upward (1 − n_F and n_F for the dot's leads).
     */
    @Test
    void steadyStateOfUnseenRandomCasesIsThePauliSolution() {
        SplittableRandom rng = new SplittableRandom(0x14_2026_12_02L);
        int flux = 0;
        int dots = 0;
        while (flux + dots < 24) {
            boolean dot = (flux + dots) % 2 == 1;
            double e = 0.5 * Math.pow(4, rng.nextDouble());
            double g = e * 0.01 * Math.pow(10, rng.nextDouble());
            double u = dot ? e * 0.1 * Math.pow(300, rng.nextDouble()) : 0;
            double s = 3 * rng.nextDouble();
            double tc = e * 0.05 * Math.pow(200, rng.nextDouble());
            double th = e * 0.05 * Math.pow(200, rng.nextDouble());
            double gc = e * 1e-5 * Math.pow(100, rng.nextDouble());
            double gh = e * 1e-5 * Math.pow(100, rng.nextDouble());
            if (rng.nextInt(6) == 0) {
                tc = 0;
            }
            if (dot && Math.abs(u - 2 * g) < 1e-3 * e || tc == th) {
                continue;
            }
            Model m;
            try {
                m = dot ? new DotModel(e, g, u, new Bath(tc, gc), new Bath(th, gh), Approach.GLOBAL, s)
                        : new FluxModel(e, g, new Bath(tc, gc), new Bath(th, gh), Approach.GLOBAL, s);
            } catch (IllegalArgumentException outOfRange) {
                continue;
            }
            ZMatrixRMaj pauli = eigenbasisState(pauli(dot, e, g, u, s, new double[] {tc, th}, new double[] {gc, gh}));
            assertClose(pauli, SteadyState.of(m), 1e-9, m.toString());
            if (dot) {
                dots++;
            } else {
                flux++;
            }
        }
        assertTrue(flux >= 10 && dots >= 10);
    }

    /** The populations of |00⟩, |+⟩, |−⟩, |11⟩ in the stationary solution of the rate equation. */
    static double[] pauli(boolean fermions, double e, double g, double u, double s, double[] t, double[] gamma) {
        double[] level = {0, e + g, e - g, 2 * e + u};
        int[][] pairs = {{0, 1}, {0, 2}, {1, 3}, {2, 3}};
        double[][] w = new double[4][4];
        for (int[] p : pairs) {
            int lower = p[0];
            int upper = p[1];
            double omega = level[upper] - level[lower];
            for (int k = 0; k < 2; k++) {
                double density = gamma[k] * Math.pow(omega / e, s);
                double n = occupation(fermions, omega, t[k]);
                w[lower][upper] += 0.5 * density * (fermions ? 1 - n : 1 + n);
                w[upper][lower] += 0.5 * density * n;
            }
        }
        // dp_a/dt = Σ_b (w[a][b] p_b − w[b][a] p_a) = 0 with Σ p = 1 in place of the last equation.
        double[][] a = new double[4][5];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 4; c++) {
                a[r][c] = r == c ? 0 : w[r][c];
            }
            for (int b = 0; b < 4; b++) {
                if (b != r) {
                    a[r][r] -= w[b][r];
                }
            }
        }
        for (int c = 0; c < 4; c++) {
            a[3][c] = 1;
        }
        a[3][4] = 1;
        for (int col = 0; col < 4; col++) {
            int best = col;
            for (int r = col + 1; r < 4; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[best][col])) {
                    best = r;
                }
            }
            double[] tmp = a[col];
            a[col] = a[best];
            a[best] = tmp;
            for (int r = 0; r < 4; r++) {
                if (r != col) {
                    double f = a[r][col] / a[col][col];
                    for (int c = col; c < 5; c++) {
                        a[r][c] -= f * a[col][c];
                    }
                }
            }
        }
        double[] p = new double[4];
        for (int r = 0; r < 4; r++) {
            p[r] = a[r][4] / a[r][r];
        }
        return p;
    }

    private static double occupation(boolean fermions, double omega, double t) {
        if (t == 0) {
            return 0;
        }
        return fermions ? 1 / (Math.exp(omega / t) + 1) : 1 / Math.expm1(omega / t);
    }

    static double traceDistance(ZMatrixRMaj a, ZMatrixRMaj b) {
        double d = 0;
        for (double l : Hermitian.eigenvalues(Ops.add(1, a, -1, b))) {
            d += Math.abs(l);
        }
        return d / 2;
    }

    static void assertClose(ZMatrixRMaj expected, ZMatrixRMaj actual, double tolerance, String where) {
        double diff = Ops.maxAbsDiff(expected, actual);
        assertTrue(diff <= tolerance, where + ": max |difference| " + diff);
    }
}
