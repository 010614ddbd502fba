package qtm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import qtm.model.Machine;
import qtm.model.MachineChannel;
import qtm.scenario.ScenarioReader;

/**
 * Issue 25's done-when for counting statistics: {@code qtm fcs --json} on machines of every kind (a qutrit of either
 * ladder, detuning, three sites, three bath kinds, the global approach with a density coupling) agrees with an
 * independent computation to 1e-7 relative to the larger of |current| and noise, for the current, noise, heat current
 * and heat noise of every bath.
 *
 * <p>The independent computation takes only the machine's H and its channels (operator, rate, bath, count, heat) and
 * writes everything else here: the tilted Liouvillian L(s) = −i(1⊗H − Hᵀ⊗1) + Σ_j γ_j [e^{s w_j}(A_j*⊗A_j) −
 * ½(1⊗A_j†A_j) − ½((A_j†A_j)ᵀ⊗1)] on vec(ρ) (columns stacked, vec(AXB) = (Bᵀ⊗A) vec X) as a complex d²×d² matrix,
 * with w_j the count or the heat of the jumps of bath k and 0 for the others; its leading eigenvalue λ(s) (largest real
 * part) from EJML's general eigendecomposition of the real form [[Re, −Im], [Im, Re]]; and the cumulants c1 = λ'(0),
 * c2 = λ''(0) by central differences at h, h/2, h/4, h/8 combined by Richardson extrapolation (error O(h⁸)). The
 * eigenvalue carries a rounding of about 5e-17 (‖L‖ is of the order of the level energies, 1), which the second
 * difference at h/8 divides by (h/8)²; with h = 0.6 that is about 1e-14, 2e-9 of the smallest scale here (6e-6, the
 * detuned flux qubits), while the truncation, of order c10·h⁸/(10!·4⁶), is far below it. The test checks its own
 * step by repeating it at h = 0.4 and requiring the two references to agree to 1e-8 of the scale (measured: at most
 * 7e-9, on the detuned qubits' hot bath).
 */
@Tag("slow")
class MachineFcsIndependentTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double TOL = 1e-7;
    private static final double SELF = 1e-8;
    /** The reference's largest step, and the check's. */
    private static final double REF = 0.6;
    private static final double CHECK = 0.4;

    @ParameterizedTest
    @ValueSource(strings = {"scenarios/machine-qutrit.yaml", "scenarios/machine-qutrit-unit.yaml",
        "scenarios/machine-detuned-flux.yaml", "scenarios/machine-chain.yaml", "scenarios/machine-three-baths.yaml",
        "src/test/resources/independent/qutrits-global.json"})
    void everyBathsCurrentAndNoiseAgreeWithTheTiltedEigenvalue(String name, @TempDir Path dir) throws Exception {
        Path file = withoutTime(Path.of(name), dir);
        CliTest.Run r = CliTest.run("fcs", file.toString(), "--json");
        assertEquals(0, r.status(), r.err());
        JsonNode o = JSON.readTree(r.out());
        Machine m = ScenarioReader.readAny(file, List.of()).machine();
        for (int k = 0; k < m.baths().size(); k++) {
            String bath = m.baths().get(k).name();
            JsonNode b = o.get(bath);
            for (boolean heat : new boolean[] {false, true}) {
                double[] ref = cumulants(m, k, heat, REF);
                double[] check = cumulants(m, k, heat, CHECK);
                double scale = Math.max(Math.abs(ref[0]), ref[1]);
                String what = name + " " + bath + (heat ? " heat" : " count");
                assertEquals(ref[0], check[0], SELF * scale, what + ": the reference's own step (current)");
                assertEquals(ref[1], check[1], SELF * scale, what + ": the reference's own step (noise)");
                assertEquals(ref[0], b.get(heat ? "heat_current" : "current").asDouble(), TOL * scale,
                        what + " current");
                assertEquals(ref[1], b.get(heat ? "heat_noise" : "noise").asDouble(), TOL * scale, what + " noise");
            }
        }
    }

    /** The scenario without its time section, so that qtm fcs gives the stationary statistics alone. */
    static Path withoutTime(Path file, Path dir) throws Exception {
        Path out = dir.resolve(file.getFileName());
        if (file.toString().endsWith(".json")) {
            Files.copy(file, out);
            return out;
        }
        String text = Files.readAllLines(file).stream().filter(l -> !l.startsWith("time:"))
                .collect(Collectors.joining("\n", "", "\n"));
        Files.writeString(out, text);
        return out;
    }

    /** {c1, c2} of bath k's count (or heat) by Richardson-extrapolated central differences of λ(s). */
    static double[] cumulants(Machine m, int bath, boolean heat, double h) {
        return cumulants(m, bath, heat, h, 1, 0);
    }

    /**
     * {c1, c2} of bath k's detected count (issue 28): each of its jumps seen with probability eta, dark clicks of
     * rate theta counted ±1 (±ω₁ of heat) with probability ½.
     */
    static double[] cumulants(Machine m, int bath, boolean heat, double h, double eta, double theta) {
        double l0 = leading(m, bath, heat, 0, eta, theta);
        double[] d1 = new double[LEVELS];
        double[] d2 = new double[LEVELS];
        for (int i = 0; i < LEVELS; i++) {
            double step = h / (1 << i);
            double plus = leading(m, bath, heat, step, eta, theta);
            double minus = leading(m, bath, heat, -step, eta, theta);
            d1[i] = (plus - minus) / (2 * step);
            d2[i] = (plus - 2 * l0 + minus) / (step * step);
        }
        return new double[] {richardson(d1), richardson(d2)};
    }

    /** Steps h, h/2, h/4, h/8: the h², h⁴ and h⁶ terms of the central differences are eliminated. */
    private static final int LEVELS = 4;

    /** Eliminates the h², h⁴, … terms of D(h), D(h/2), D(h/4), … (each an even series in the step). */
    static double richardson(double[] d) {
        double[] t = d.clone();
        for (int level = 1; level < t.length; level++) {
            double f = Math.pow(4, level);
            for (int i = 0; i + level < t.length; i++) {
                t[i] = (f * t[i + 1] - t[i]) / (f - 1);
            }
        }
        return t[0];
    }

    /** The eigenvalue of L(s) with the largest real part. */
    static double leading(Machine m, int bath, boolean heat, double s) {
        return leading(m, bath, heat, s, 1, 0);
    }

    /**
     * The leading eigenvalue of the detected count's L(s): bath k's jump terms tilted by 1 + η(e^{s w} − 1), and
     * (θ/2)(e^{sω} + e^{−sω} − 2) on the diagonal, ω = 1 for the count and the first gap of the bath's site for heat.
     */
    static double leading(Machine m, int bath, boolean heat, double s, double eta, double theta) {
        ZMatrixRMaj h = m.hamiltonian();
        int d = h.numRows;
        int n = d * d;
        double[][] re = new double[n][n];
        double[][] im = new double[n][n];
        // −i(1⊗H − Hᵀ⊗1): (1⊗H)[(a,i),(b,j)] = δ_ab H_ij, (Hᵀ⊗1)[(a,i),(b,j)] = H_ba δ_ij, index (a,i) = a·d + i.
        for (int a = 0; a < d; a++) {
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    addTimes(re, im, a * d + i, a * d + j, 0, -1, h.getReal(i, j), h.getImag(i, j));
                    addTimes(re, im, i * d + a, j * d + a, 0, 1, h.getReal(j, i), h.getImag(j, i));
                }
            }
        }
        for (MachineChannel c : m.channels()) {
            if (c.rate() == 0) {
                continue;
            }
            ZMatrixRMaj op = c.operator();
            double w = c.bath() != bath ? 0 : heat ? c.heat() : c.count();
            double tilt = c.rate() * (eta == 1 ? Math.exp(s * w) : 1 + eta * Math.expm1(s * w));
            double[][] nre = new double[d][d];
            double[][] nim = new double[d][d];
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    for (int q = 0; q < d; q++) {
                        // (A†A)_ij = Σ_q conj(A_qi) A_qj
                        double xr = op.getReal(q, i);
                        double xi = -op.getImag(q, i);
                        double yr = op.getReal(q, j);
                        double yi = op.getImag(q, j);
                        nre[i][j] += xr * yr - xi * yi;
                        nim[i][j] += xr * yi + xi * yr;
                    }
                }
            }
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    // conj(A)_ab A_ij at ((a,i),(b,j))
                    double cr = op.getReal(a, b);
                    double ci = -op.getImag(a, b);
                    for (int i = 0; i < d; i++) {
                        for (int j = 0; j < d; j++) {
                            addTimes(re, im, a * d + i, b * d + j, tilt * cr, tilt * ci, op.getReal(i, j),
                                    op.getImag(i, j));
                        }
                    }
                }
                for (int i = 0; i < d; i++) {
                    for (int j = 0; j < d; j++) {
                        // −½γ(1⊗N): δ_ab N_ij; −½γ(Nᵀ⊗1): N_ba δ_ij
                        addTimes(re, im, a * d + i, a * d + j, -0.5 * c.rate(), 0, nre[i][j], nim[i][j]);
                        addTimes(re, im, i * d + a, j * d + a, -0.5 * c.rate(), 0, nre[j][i], nim[j][i]);
                    }
                }
            }
        }
        double omega = heat ? m.site(m.baths().get(bath)).gap() : 1;
        for (int r = 0; r < n; r++) {
            re[r][r] += theta / 2 * (Math.expm1(s * omega) + Math.expm1(-s * omega));
        }
        DMatrixRMaj real = new DMatrixRMaj(2 * n, 2 * n);
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                real.set(r, c, re[r][c]);
                real.set(r + n, c + n, re[r][c]);
                real.set(r, c + n, -im[r][c]);
                real.set(r + n, c, im[r][c]);
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(2 * n, false);
        assertTrue(eig.decompose(real), "eigenvalues converge");
        double best = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < eig.getNumberOfEigenvalues(); i++) {
            best = Math.max(best, eig.getEigenvalue(i).real);
        }
        return best;
    }

    /** m[r][c] += (xr + i·xi)(yr + i·yi). */
    private static void addTimes(double[][] re, double[][] im, int r, int c, double xr, double xi, double yr,
            double yi) {
        re[r][c] += xr * yr - xi * yi;
        im[r][c] += xr * yi + xi * yr;
    }
}
