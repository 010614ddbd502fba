package qtm.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.ejml.data.ZMatrixRMaj;
import org.ejml.dense.row.CommonOps_ZDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code qtm evolve} on a machine (issue 24) against computations that share no code with qtm's exact layer: the
 * three-qubit chain's Liouvillian written out here from the issue's text and exponentiated by a Taylor series with
 * scaling and squaring, and the flux preset's own exact evolve (qtm.exact.Transient, the presets' path) for its
 * machine form.
 */
class MachineEvolveTest {
    /** Column name to values, from evolve's CSV. */
    private static Map<String, double[]> evolve(String... args) {
        List<String> a = new ArrayList<>(List.of("evolve"));
        a.addAll(List.of(args));
        CliTest.Run r = CliTest.run(a.toArray(String[]::new));
        assertEquals(0, r.status(), r.err());
        String[] lines = r.out().split("\n");
        String[] header = lines[0].split(",");
        Map<String, double[]> out = new HashMap<>();
        for (int c = 0; c < header.length; c++) {
            double[] v = new double[lines.length - 1];
            for (int k = 1; k < lines.length; k++) {
                v[k - 1] = Double.parseDouble(lines[k].split(",")[c]);
            }
            out.put(header[c], v);
        }
        return out;
    }

    @Test
    void theFluxPresetsMachineFormEvolvesAsThePresetDoes() {
        Map<String, double[]> m = evolve("scenarios/machine-detuned-flux.yaml", "--set",
                "model.sites[1].levels[1]=1.0");
        Map<String, double[]> p = evolve("scenarios/flux-optimum.yaml");
        assertEquals(201, m.get("t").length);
        double[] t = p.get("t");
        for (int k = 0; k < t.length; k++) {
            String at = "t = " + t[k];
            assertEquals(t[k], m.get("t")[k], 0, at);
            assertEquals(p.get("p00")[k] + p.get("p01")[k], m.get("population_c_0")[k], 1e-10, at);
            assertEquals(p.get("p10")[k] + p.get("p11")[k], m.get("population_c_1")[k], 1e-10, at);
            assertEquals(p.get("p00")[k] + p.get("p10")[k], m.get("population_h_0")[k], 1e-10, at);
            assertEquals(p.get("concurrence")[k], m.get("pair_concurrence_c_h")[k], 1e-10, at);
            assertEquals(p.get("negativity_c_vs_h")[k], m.get("negativity_c_vs_h")[k], 1e-10, at);
            assertEquals(p.get("purity")[k], m.get("purity")[k], 1e-10, at);
            assertEquals(p.get("heat_cold")[k], m.get("heat_cold")[k], 1e-12, at);
            assertEquals(p.get("heat_hot")[k], m.get("heat_hot")[k], 1e-12, at);
        }
        assertTrue(max(p.get("concurrence")) > 0.05, "the preset entangles");
    }

    @Test
    void aPresetsFidelityWithABasisStateIsItsPopulationAndAMachinesCsvMayBeReplaced(@TempDir Path dir)
            throws Exception {
        Map<String, double[]> p = evolve("scenarios/reset-paper.yaml", "--set", "observe.target=01", "--set",
                "time.points=11");
        assertArrayEquals(p.get("p01"), p.get("fidelity"), 1e-15);
        Path csv = dir.resolve("chain.csv");
        assertEquals(0, CliTest.run("evolve", "scenarios/machine-chain.yaml", "--csv", csv.toString()).status());
        String first = Files.readString(csv);
        CliTest.Run again = CliTest.run("evolve", "scenarios/machine-chain.yaml", "--csv", csv.toString());
        assertEquals(2, again.status(), "an existing file needs --force");
        CliTest.Run forced = CliTest.run("evolve", "scenarios/machine-chain.yaml", "--csv", csv.toString(), "--force");
        assertEquals(0, forced.status(), forced.err());
        assertEquals(first, Files.readString(csv));
        assertTrue(first.startsWith("t,population_c_0,"), first);
    }

    @Test
    void chartsDrawEveryBipartitionAndPairAndEverySitesLevelsIntoANewDirectory(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("charts");
        CliTest.Run r = CliTest.run("evolve", "scenarios/machine-chain.yaml", "--charts", out.toString());
        assertEquals(0, r.status(), r.err());
        for (String f : List.of("entanglement", "site-populations")) {
            for (String ext : List.of("png", "svg", "pdf")) {
                assertTrue(Files.size(out.resolve(f + "." + ext)) > 1000, f + "." + ext);
            }
        }
        String svg = Files.readString(out.resolve("entanglement.svg"));
        for (String label : List.of("N(c|m,h)", "N(m|c,h)", "N(h|c,m)", "C(c,m)", "C(c,h)", "C(m,h)")) {
            assertTrue(svg.contains(label), label);
        }
        assertTrue(Files.readString(out.resolve("site-populations.svg")).contains("level 1 exact"));
        CliTest.Run again = CliTest.run("evolve", "scenarios/machine-chain.yaml", "--charts", out.toString());
        assertEquals(2, again.status(), "an existing result needs --force");
        assertTrue(again.err().contains("--charts"), again.err());
    }

    /** One qubit and one bosonic bath: p1(t) = n/(2n + 1) (1 − e^{−γ(2n + 1)t}); no bipartition to draw. */
    @Test
    void aSingleThermalQubitRelaxesAsItsRateEquationSays(@TempDir Path dir) throws Exception {
        double t = 0.5;
        double rate = 1e-2;
        Path file = dir.resolve("one.yaml");
        Files.writeString(file, "model: {type: machine, sites: [{name: q, levels: [0, 1]}], baths: [{site: q, kind: "
                + "bosonic, T: " + t + ", rate: " + rate + "}]}\ntime: {end: 300, points: 7}\n");
        Map<String, double[]> q = evolve(file.toString());
        assertEquals(Set.of("t", "population_q_0", "population_q_1", "purity", "heat_q"), q.keySet());
        double n = 1 / Math.expm1(1 / t);
        for (int k = 0; k < 7; k++) {
            double time = q.get("t")[k];
            double p1 = n / (2 * n + 1) * -Math.expm1(-rate * (2 * n + 1) * time);
            assertEquals(p1, q.get("population_q_1")[k], 1e-12, "t = " + time);
            assertEquals(p1 * p1 + (1 - p1) * (1 - p1), q.get("purity")[k], 1e-12, "t = " + time);
            assertEquals(rate * (1 + n) * p1 - rate * n * (1 - p1), q.get("heat_q")[k], 1e-14, "t = " + time);
        }
        Path charts = dir.resolve("charts");
        assertEquals(0, CliTest.run("evolve", file.toString(), "--charts", charts.toString()).status());
        assertTrue(Files.exists(charts.resolve("site-populations.png")));
        assertTrue(Files.notExists(charts.resolve("entanglement.png")), "one site has no bipartition");
    }

    private static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            m = Math.max(m, x);
        }
        return m;
    }

    @Test
    void theChainFollowsItsLiouvillianWrittenOutFromTheIssue() {
        double w = 1 / Math.sqrt(3);
        // The W state's fidelity too; the grid is the scenario's, [0, 2000] in 21 points.
        Map<String, double[]> q = evolve("scenarios/machine-chain.yaml", "--set",
                "observe.target={re: [0, " + w + ", " + w + ", 0, " + w + ", 0, 0, 0]}");
        double g = 1.6e-3;
        double gc = 1e-2;
        double gh = 1e-5;
        double nh = 1 / Math.expm1(1 / 100.0);
        int d = 8;
        // Sites c, m, h; c most significant. sigma-_k lowers site k.
        ZMatrixRMaj[] lower = {lowering(0), lowering(1), lowering(2)};
        ZMatrixRMaj h = new ZMatrixRMaj(d, d);
        for (int i = 0; i < d; i++) {
            h.set(i, i, Integer.bitCount(i), 0);
        }
        addExchange(h, lower[0], lower[1], g);
        addExchange(h, lower[1], lower[2], g);
        List<ZMatrixRMaj> jumps = List.of(scaled(lower[0], gc), scaled(lower[2], gh * (1 + nh)),
                scaled(dagger(lower[2]), gh * nh));
        ZMatrixRMaj step = exp(liouvillian(h, jumps), 100.0);
        ZMatrixRMaj vec = new ZMatrixRMaj(d * d, 1);
        vec.set(0, 0, 1, 0);
        double[] t = q.get("t");
        assertEquals(21, t.length);
        for (int k = 0; k < t.length; k++) {
            String at = "t = " + t[k];
            assertEquals(100.0 * k, t[k], 1e-9, at);
            double[] pops = new double[3];
            double purity = 0;
            for (int i = 0; i < d; i++) {
                for (int s = 0; s < 3; s++) {
                    pops[s] += ((i >> (2 - s)) & 1) * vec.getReal(i * d + i, 0);
                }
                for (int j = 0; j < d; j++) {
                    purity += Math.pow(vec.getReal(i * d + j, 0), 2) + Math.pow(vec.getImag(i * d + j, 0), 2);
                }
            }
            assertEquals(pops[0], q.get("population_c_1")[k], 1e-10, at);
            assertEquals(pops[1], q.get("population_m_1")[k], 1e-10, at);
            assertEquals(pops[2], q.get("population_h_1")[k], 1e-10, at);
            assertEquals(1 - pops[1], q.get("population_m_0")[k], 1e-10, at);
            assertEquals(purity, q.get("purity")[k], 1e-10, at);
            // Each lowering jump carries omega = 1 into its bath, each raising jump takes 1 out.
            assertEquals(gc * pops[0], q.get("heat_cold")[k], 1e-12, at);
            assertEquals(gh * (1 + nh) * pops[2] - gh * nh * (1 - pops[2]), q.get("heat_hot")[k], 1e-12, at);
            // F = (1/3) sum over i, j in {001, 010, 100} of Re rho_ij.
            double wf = (vec.getReal(1 * d + 1, 0) + vec.getReal(2 * d + 2, 0) + vec.getReal(4 * d + 4, 0)
                    + 2 * (vec.getReal(1 * d + 2, 0) + vec.getReal(1 * d + 4, 0) + vec.getReal(2 * d + 4, 0))) / 3;
            assertEquals(wf, q.get("fidelity")[k], 1e-10, at);
            assertEquals(negativity(vec, d, 0), q.get("negativity_c_vs_m_h")[k], 1e-10, at);
            assertEquals(negativity(vec, d, 2), q.get("negativity_h_vs_c_m")[k], 1e-10, at);
            ZMatrixRMaj next = new ZMatrixRMaj(d * d, 1);
            CommonOps_ZDRM.mult(step, vec, next);
            vec = next;
        }
        assertTrue(max(q.get("negativity_c_vs_m_h")) > 1e-3, "the chain entangles c with m,h");
    }

    /** N of the bipartition {site}|rest: the negative eigenvalues of the partial transpose on that site. */
    private static double negativity(ZMatrixRMaj vec, int d, int site) {
        int bit = 1 << (2 - site);
        double[][] e = new double[2 * d][2 * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                // (rho^{T_site})_{ij} = rho_{i'j'} with the site's digits of i and j swapped.
                int ip = (i & ~bit) | (j & bit);
                int jp = (j & ~bit) | (i & bit);
                double re = vec.getReal(ip * d + jp, 0);
                double im = vec.getImag(ip * d + jp, 0);
                e[i][j] = re;
                e[i + d][j + d] = re;
                e[i][j + d] = -im;
                e[i + d][j] = im;
            }
        }
        double n = 0;
        for (double l : new EigenDecomposition(new Array2DRowRealMatrix(e)).getRealEigenvalues()) {
            n += Math.max(0, -l);
        }
        return n / 2;
    }

    private static ZMatrixRMaj lowering(int site) {
        int bit = 1 << (2 - site);
        ZMatrixRMaj a = new ZMatrixRMaj(8, 8);
        for (int i = 0; i < 8; i++) {
            if ((i & bit) != 0) {
                a.set(i & ~bit, i, 1, 0);
            }
        }
        return a;
    }

    private static ZMatrixRMaj dagger(ZMatrixRMaj a) {
        ZMatrixRMaj t = new ZMatrixRMaj(a.numCols, a.numRows);
        CommonOps_ZDRM.transposeConjugate(a, t);
        return t;
    }

    private static ZMatrixRMaj scaled(ZMatrixRMaj a, double rate) {
        ZMatrixRMaj out = a.copy();
        CommonOps_ZDRM.scale(Math.sqrt(rate), 0, out);
        return out;
    }

    private static ZMatrixRMaj mult(ZMatrixRMaj a, ZMatrixRMaj b) {
        ZMatrixRMaj c = new ZMatrixRMaj(a.numRows, b.numCols);
        CommonOps_ZDRM.mult(a, b, c);
        return c;
    }

    private static ZMatrixRMaj plus(ZMatrixRMaj a, ZMatrixRMaj b) {
        ZMatrixRMaj c = new ZMatrixRMaj(a.numRows, a.numCols);
        CommonOps_ZDRM.add(a, b, c);
        return c;
    }

    /** h += g (a† b + a b†). */
    private static void addExchange(ZMatrixRMaj h, ZMatrixRMaj a, ZMatrixRMaj b, double g) {
        ZMatrixRMaj x = mult(dagger(a), b);
        x = plus(x, dagger(x));
        CommonOps_ZDRM.scale(g, 0, x);
        h.setTo(plus(h, x));
    }

    /** The superoperator on row-major vec(ρ): vec(A ρ B) = (A ⊗ Bᵀ) vec(ρ). */
    private static ZMatrixRMaj liouvillian(ZMatrixRMaj h, List<ZMatrixRMaj> jumps) {
        int d = h.numRows;
        ZMatrixRMaj one = CommonOps_ZDRM.identity(d);
        ZMatrixRMaj l = new ZMatrixRMaj(d * d, d * d);
        addKron(l, h, one, 0, -1);
        addKron(l, one, transpose(h), 0, 1);
        for (ZMatrixRMaj a : jumps) {
            ZMatrixRMaj ad = dagger(a);
            ZMatrixRMaj ada = mult(ad, a);
            addKron(l, a, transpose(ad), 1, 0);
            addKron(l, ada, one, -0.5, 0);
            addKron(l, one, transpose(ada), -0.5, 0);
        }
        return l;
    }

    private static ZMatrixRMaj transpose(ZMatrixRMaj a) {
        ZMatrixRMaj t = new ZMatrixRMaj(a.numCols, a.numRows);
        CommonOps_ZDRM.transpose(a, t);
        return t;
    }

    /** l += (cr + i ci) (a ⊗ b). */
    private static void addKron(ZMatrixRMaj l, ZMatrixRMaj a, ZMatrixRMaj b, double cr, double ci) {
        int n = a.numRows;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double ar = a.getReal(i, j);
                double ai = a.getImag(i, j);
                if (ar == 0 && ai == 0) {
                    continue;
                }
                double xr = cr * ar - ci * ai;
                double xi = cr * ai + ci * ar;
                for (int k = 0; k < n; k++) {
                    for (int m = 0; m < n; m++) {
                        double br = b.getReal(k, m);
                        double bi = b.getImag(k, m);
                        int r = i * n + k;
                        int c = j * n + m;
                        l.set(r, c, l.getReal(r, c) + xr * br - xi * bi, l.getImag(r, c) + xr * bi + xi * br);
                    }
                }
            }
        }
    }

    /** e^{L t} by a Taylor series of 30 terms on L t / 2^s with ‖L t / 2^s‖₁ ≤ 1/2, then s squarings. */
    private static ZMatrixRMaj exp(ZMatrixRMaj l, double t) {
        ZMatrixRMaj a = l.copy();
        CommonOps_ZDRM.scale(t, 0, a);
        double norm = 0;
        for (int j = 0; j < a.numCols; j++) {
            double col = 0;
            for (int i = 0; i < a.numRows; i++) {
                col += Math.hypot(a.getReal(i, j), a.getImag(i, j));
            }
            norm = Math.max(norm, col);
        }
        int s = Math.max(0, (int) Math.ceil(Math.log(norm / 0.5) / Math.log(2)));
        CommonOps_ZDRM.scale(Math.pow(2, -s), 0, a);
        ZMatrixRMaj sum = CommonOps_ZDRM.identity(a.numRows);
        ZMatrixRMaj term = CommonOps_ZDRM.identity(a.numRows);
        for (int k = 1; k <= 30; k++) {
            term = mult(term, a);
            CommonOps_ZDRM.scale(1.0 / k, 0, term);
            sum = plus(sum, term);
        }
        for (int k = 0; k < s; k++) {
            sum = mult(sum, sum);
        }
        return sum;
    }
}
