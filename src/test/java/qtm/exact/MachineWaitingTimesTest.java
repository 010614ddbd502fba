package qtm.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import qtm.model.Approach;
import qtm.model.Bath;
import qtm.model.BathKind;
import qtm.model.Coupling;
import qtm.model.FluxModel;
import qtm.model.Ladder;
import qtm.model.Machine;
import qtm.model.MachineBath;
import qtm.model.MachineChannel;
import qtm.model.MachinePresets;
import qtm.model.Site;

/**
 * Issue 25's waiting times on machines against a computation written here from scratch: the superoperators in vec
 * form (column stacking, vec(AXB) = (Bᵀ ⊗ A) vec X) as complex d²×d² matrices, embedded as real 2d²×2d² ones; ρ∞ by
 * an LU solve with the trace replacing one equation; e^{Mτ} by a Taylor series with scaling and squaring; and
 * S(τ) = Tr[e^{(L−J_b)τ} J_a ρ∞] / Tr[J_a ρ∞], w(τ) = Tr[J_b e^{(L−J_b)τ} J_a ρ∞] / Tr[J_a ρ∞], with J_k = Σ γ Ā ⊗ A
 * over bath k's channels of nonzero count. Only the machine's H and channels (the model layer, held to issue 24's
 * independent implementation by IndependentSteadyTest) are taken from qtm; no exact-layer code is called on this side.
 */
class MachineWaitingTimesTest {
    /** A qubit and a harmonic qutrit, exchange and density couplings, a bosonic bath and a reset one at T = ∞. */
    static Machine qutrit() {
        return new Machine(Approach.LOCAL,
                List.of(new Site("c", 0.0, 1.0), new Site("h", new double[] {0.0, 1.0, 2.0}, Ladder.HARMONIC)),
                List.of(new Coupling.Exchange("c", "h", 0.04), new Coupling.Density("c", "h", 0.3)),
                List.of(new MachineBath("cold", "c", BathKind.BOSONIC, 0.5, 0.03),
                        new MachineBath("hot", "h", BathKind.RESET, Double.POSITIVE_INFINITY, 0.02)));
    }

    /** Three qubits c–m–h, detuned, bosonic baths on the ends. */
    static Machine chain() {
        return new Machine(Approach.LOCAL,
                List.of(new Site("c", 0.0, 1.0), new Site("m", 0.0, 1.0), new Site("h", 0.0, 1.1)),
                List.of(new Coupling.Exchange("c", "m", 0.05), new Coupling.Exchange("m", "h", 0.05)),
                List.of(new MachineBath("cold", "c", BathKind.BOSONIC, 0.3, 0.04),
                        new MachineBath("hot", "h", BathKind.BOSONIC, 2.0, 0.02)));
    }

    /** Three qubits with a bath of each kind: bosonic on c, a fermionic lead (μ = 0.2) on m, a reset bath on h. */
    static Machine threeBaths() {
        return new Machine(Approach.LOCAL,
                List.of(new Site("c", 0.0, 1.0), new Site("m", 0.0, 1.0), new Site("h", 0.0, 1.0)),
                List.of(new Coupling.Exchange("c", "m", 0.05), new Coupling.Exchange("m", "h", 0.05)),
                List.of(new MachineBath("cold", "c", BathKind.BOSONIC, 0.3, 0.03, 0, 0),
                        new MachineBath("lead", "m", BathKind.FERMIONIC, 0.5, 0.02, 0, 0.2),
                        new MachineBath("hot", "h", BathKind.RESET, Double.POSITIVE_INFINITY, 0.02)));
    }

    static List<Machine> machines() {
        return List.of(qutrit(), chain(), threeBaths());
    }

    @ParameterizedTest
    @MethodSource("machines")
    void survivalAndDensityOfEveryPairAgreeWithAFromScratchComputation(Machine m) {
        Independent ind = new Independent(m);
        MachineExact exact = new MachineExact(m);
        List<WaitingPair> pairs = MachineWaitingTimes.pairs(exact);
        int baths = m.baths().size();
        assertEquals(baths * baths, pairs.size(), "every ordered pair of baths that jump");
        List<WaitingTimes> laws = MachineWaitingTimes.of(exact, pairs);
        for (int p = 0; p < pairs.size(); p++) {
            WaitingPair pair = pairs.get(p);
            WaitingTimes w = laws.get(p);
            assertEquals(m.bathNames().get(pair.from()) + "_" + m.bathNames().get(pair.to()), pair.key());
            double rateA = ind.rate(pair.from());
            assertEquals(rateA, w.startRate(), 1e-12 * rateA, pair.key() + " start rate");
            double h = 0.4 / ind.rate(pair.to());
            double[][] s = ind.survivalAndDensity(pair.from(), pair.to(), h, 8);
            double top = 0;
            for (double x : s[1]) {
                top = Math.max(top, Math.abs(x));
            }
            for (int k = 0; k <= 8; k++) {
                double tau = k * h;
                assertEquals(s[0][k], w.survival(tau), 1e-9, pair.key() + " S(" + tau + ")");
                assertEquals(s[1][k], w.density(tau), 1e-9 * top, pair.key() + " w(" + tau + ")");
            }
            // The bins telescope the same survival.
            double[] bins = w.bins(new double[] {h, 4 * h, 8 * h});
            assertEquals(s[0][0] - s[0][1], bins[0], 1e-9, pair.key() + " first bin");
            assertEquals(s[0][8], bins[3], 1e-9, pair.key() + " overflow");
        }
    }

    /**
     * Kac's lemma: for a stationary point process the mean interval between consecutive events is 1/(their rate),
     * whatever the correlations; the rate Tr J_a ρ∞ is the from-scratch one.
     */
    @ParameterizedTest
    @MethodSource("machines")
    void meanIntervalBetweenJumpsOfOneBathIsTheInverseOfItsRate(Machine m) {
        Independent ind = new Independent(m);
        MachineExact exact = new MachineExact(m);
        for (int a = 0; a < m.baths().size(); a++) {
            WaitingTimes w = MachineWaitingTimes.of(exact, WaitingPair.of(m.bathNames(), a, a));
            assertTrue(w.certain());
            double expected = 1 / ind.rate(a);
            assertEquals(expected, w.mean(), 1e-9 * expected, m.bathNames().get(a));
        }
    }

    /**
     * The flux preset and its machine form give the same law, the preset by one exponential per τ, the machine through
     * the eigendecomposition of L − J: the two evaluation paths agree.
     */
    @Test
    void thePresetAndItsMachineFormAgree() {
        FluxModel flux = new FluxModel(1, 0.05, new Bath(0.2, 0.05), new Bath(1.5, 0.02));
        MachineExact exact = new MachineExact(MachinePresets.of(flux));
        for (WaitingTimes.Pair p : WaitingTimes.Pair.values()) {
            WaitingTimes preset = new WaitingTimes(flux, p);
            WaitingTimes machine = MachineWaitingTimes.of(exact, new WaitingPair(p.from().bath(), p.to().bath(),
                    p.key()));
            double mean = preset.mean();
            double[] edges = {0.1 * mean, mean, 3 * mean};
            double[] a = preset.bins(edges);
            double[] b = machine.bins(edges);
            for (int i = 0; i < a.length; i++) {
                assertEquals(a[i], b[i], 1e-10, p.key() + " bin " + i);
            }
            assertEquals(mean, machine.mean(), 1e-10 * mean, p.key());
        }
    }

    /** The from-scratch computation: complex superoperators in vec form, embedded as real matrices. */
    static final class Independent {
        private final int n;
        /** Real embedding [[Re, −Im], [Im, Re]] of L. */
        private final double[][] l;
        /** Per bath, the embedding of J_k. */
        private final double[][][] jump;
        /** ρ∞ as a real vector (Re vec ρ, Im vec ρ). */
        private final double[] steady;
        private final int d;

        Independent(Machine m) {
            ZMatrixRMaj h = m.hamiltonian();
            d = h.numRows;
            n = d * d;
            double[][] re = new double[n][n];
            double[][] im = new double[n][n];
            // −i(I ⊗ H − Hᵀ ⊗ I): vec(Hρ) = (I ⊗ H) vec ρ, vec(ρH) = (Hᵀ ⊗ I) vec ρ.
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    for (int c = 0; c < d; c++) {
                        // (I ⊗ H)[(a,b),(a,c)] = H_bc, index (col, row) → col·d + row.
                        re[a * d + b][a * d + c] += h.getImag(b, c);
                        im[a * d + b][a * d + c] -= h.getReal(b, c);
                        // (Hᵀ ⊗ I)[(a,b),(c,b)] = H_ca.
                        re[a * d + b][c * d + b] -= h.getImag(c, a);
                        im[a * d + b][c * d + b] += h.getReal(c, a);
                    }
                }
            }
            jump = new double[m.baths().size()][2 * n][2 * n];
            for (MachineChannel ch : m.channels()) {
                if (ch.rate() == 0) {
                    continue;
                }
                double[][][] sandwich = sandwich(ch.operator(), ch.rate());
                double[][][] anti = anticommutator(ch.operator(), ch.rate());
                for (int r = 0; r < n; r++) {
                    for (int c = 0; c < n; c++) {
                        re[r][c] += sandwich[0][r][c] - 0.5 * anti[0][r][c];
                        im[r][c] += sandwich[1][r][c] - 0.5 * anti[1][r][c];
                    }
                }
                if (ch.count() != 0) {
                    add(jump[ch.bath()], embed(sandwich[0], sandwich[1]));
                }
            }
            l = embed(re, im);
            steady = solveSteady();
        }

        /** γ Ā ⊗ A: vec(AρA†) = ((A†)ᵀ ⊗ A) vec ρ. */
        private double[][][] sandwich(ZMatrixRMaj a, double rate) {
            double[][] re = new double[n][n];
            double[][] im = new double[n][n];
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    double cr = a.getReal(i, j);
                    double ci = -a.getImag(i, j);
                    for (int k = 0; k < d; k++) {
                        for (int q = 0; q < d; q++) {
                            double ar = a.getReal(k, q);
                            double ai = a.getImag(k, q);
                            re[i * d + k][j * d + q] += rate * (cr * ar - ci * ai);
                            im[i * d + k][j * d + q] += rate * (cr * ai + ci * ar);
                        }
                    }
                }
            }
            return new double[][][] {re, im};
        }

        /** γ (I ⊗ A†A + (A†A)ᵀ ⊗ I). */
        private double[][][] anticommutator(ZMatrixRMaj a, double rate) {
            double[][] pr = new double[d][d];
            double[][] pi = new double[d][d];
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    for (int k = 0; k < d; k++) {
                        // (A†A)_ij = Σ_k conj(A_ki) A_kj.
                        double xr = a.getReal(k, i);
                        double xi = -a.getImag(k, i);
                        double yr = a.getReal(k, j);
                        double yi = a.getImag(k, j);
                        pr[i][j] += xr * yr - xi * yi;
                        pi[i][j] += xr * yi + xi * yr;
                    }
                }
            }
            double[][] re = new double[n][n];
            double[][] im = new double[n][n];
            for (int a1 = 0; a1 < d; a1++) {
                for (int b = 0; b < d; b++) {
                    for (int c = 0; c < d; c++) {
                        re[a1 * d + b][a1 * d + c] += rate * pr[b][c];
                        im[a1 * d + b][a1 * d + c] += rate * pi[b][c];
                        re[a1 * d + b][c * d + b] += rate * pr[c][a1];
                        im[a1 * d + b][c * d + b] += rate * pi[c][a1];
                    }
                }
            }
            return new double[][][] {re, im};
        }

        private double[][] embed(double[][] re, double[][] im) {
            double[][] out = new double[2 * n][2 * n];
            for (int r = 0; r < n; r++) {
                for (int c = 0; c < n; c++) {
                    out[r][c] = re[r][c];
                    out[r][n + c] = -im[r][c];
                    out[n + r][c] = im[r][c];
                    out[n + r][n + c] = re[r][c];
                }
            }
            return out;
        }

        private static void add(double[][] into, double[][] x) {
            for (int r = 0; r < into.length; r++) {
                for (int c = 0; c < into.length; c++) {
                    into[r][c] += x[r][c];
                }
            }
        }

        /** L x = 0 with Re Tr ρ = 1 and Im Tr ρ = 0 in place of the first complex row (its real and imaginary rows). */
        private double[] solveSteady() {
            double[][] a = new double[2 * n][];
            for (int r = 0; r < 2 * n; r++) {
                a[r] = l[r].clone();
            }
            a[0] = new double[2 * n];
            a[n] = new double[2 * n];
            for (int i = 0; i < d; i++) {
                a[0][i * d + i] = 1;
                a[n][n + i * d + i] = 1;
            }
            double[] b = new double[2 * n];
            b[0] = 1;
            return new LUDecomposition(new Array2DRowRealMatrix(a, false)).getSolver()
                    .solve(new ArrayRealVector(b, false)).toArray();
        }

        /** Re Tr of a real-embedded vec. */
        private double trace(double[] x) {
            double t = 0;
            for (int i = 0; i < d; i++) {
                t += x[i * d + i];
            }
            return t;
        }

        double rate(int bath) {
            return trace(mult(jump[bath], steady));
        }

        /** {S(kh), w(kh)} between consecutive clicks of bath k seen with efficiency eta and dark rate theta. */
        double[][] detected(int bath, double eta, double theta, double h, int steps) {
            double[][] clicks = new double[2 * n][];
            for (int r = 0; r < 2 * n; r++) {
                clicks[r] = java.util.Arrays.stream(jump[bath][r]).map(x -> eta * x).toArray();
                clicks[r][r] += theta;
            }
            return survivalAndDensity(clicks, clicks, h, steps);
        }

        double[][] survivalAndDensity(int from, int to, double h, int steps) {
            return survivalAndDensity(jump[from], jump[to], h, steps);
        }

        /** @return {S(kh), w(kh)} for k = 0 … steps, by e^{(L − J_b)h} applied k times to J_a ρ∞ / Tr J_a ρ∞ */
        private double[][] survivalAndDensity(double[][] start, double[][] end, double h, int steps) {
            double[] v = mult(start, steady);
            double norm = trace(v);
            for (int i = 0; i < v.length; i++) {
                v[i] /= norm;
            }
            double[][] free = new double[2 * n][2 * n];
            for (int r = 0; r < 2 * n; r++) {
                for (int c = 0; c < 2 * n; c++) {
                    free[r][c] = h * (l[r][c] - end[r][c]);
                }
            }
            double[][] step = exp(free);
            double[][] out = new double[2][steps + 1];
            for (int k = 0; k <= steps; k++) {
                out[0][k] = trace(v);
                out[1][k] = trace(mult(end, v));
                v = mult(step, v);
            }
            return out;
        }

        private static double[] mult(double[][] a, double[] x) {
            double[] y = new double[a.length];
            for (int r = 0; r < a.length; r++) {
                double s = 0;
                for (int c = 0; c < x.length; c++) {
                    s += a[r][c] * x[c];
                }
                y[r] = s;
            }
            return y;
        }

        private static double[][] mult(double[][] a, double[][] b) {
            int m = a.length;
            double[][] c = new double[m][m];
            for (int i = 0; i < m; i++) {
                for (int k = 0; k < m; k++) {
                    double x = a[i][k];
                    if (x == 0) {
                        continue;
                    }
                    for (int j = 0; j < m; j++) {
                        c[i][j] += x * b[k][j];
                    }
                }
            }
            return c;
        }

        /** e^A by scaling to ‖A/2^s‖₁ ≤ 1/2, a Taylor series to 24 terms, and s squarings. */
        private static double[][] exp(double[][] a) {
            int m = a.length;
            double norm = 0;
            for (int c = 0; c < m; c++) {
                double col = 0;
                for (double[] row : a) {
                    col += Math.abs(row[c]);
                }
                norm = Math.max(norm, col);
            }
            int s = Math.max(0, (int) Math.ceil(Math.log(norm / 0.5) / Math.log(2)));
            double f = Math.pow(2, -s);
            double[][] x = new double[m][m];
            double[][] sum = new double[m][m];
            double[][] term = new double[m][m];
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    x[i][j] = a[i][j] * f;
                }
                sum[i][i] = 1;
                term[i][i] = 1;
            }
            for (int k = 1; k <= 24; k++) {
                term = mult(term, x);
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < m; j++) {
                        term[i][j] /= k;
                        sum[i][j] += term[i][j];
                    }
                }
            }
            for (int i = 0; i < s; i++) {
                sum = mult(sum, sum);
            }
            return sum;
        }
    }
}
