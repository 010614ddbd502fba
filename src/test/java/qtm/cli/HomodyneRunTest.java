package qtm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import qtm.ensemble.EnsembleResult;
import qtm.exact.HomodyneExact;
import qtm.exact.MachineExact;
import qtm.model.Machine;
import qtm.model.MachineChannel;
import qtm.model.TimeGrid;
import qtm.scenario.Scenario;
import qtm.scenario.ScenarioReader;
import qtm.verify.HomodyneVerdict;

/**
 * The homodyne records of a whole {@code qtm run} against exact (issue 29). (a) From the coherent start
 * (|00⟩ + |10⟩)/√2 on flux (scenarios/studies/diffusive-flux.yaml) the cold bath's mean current lies within 4 of its
 * SEs of a bin average computed here from scratch (ρ(t) of the master equation on a fine grid, Tr[(c_j + c_j†)ρ] summed
 * over the bath's channels, Simpson's rule), which is 8 SEs or more away from 0; turning the cold phase by π flips
 * that exact mean, and the run follows. (b) On scenarios/studies/homodyne-spectrum.yaml both spectra are judged and
 * converge; the same kind of run with detectors of efficiency 0.2, judged through the API against the exact spectrum
 * of perfect detectors, fails, and against its own efficiency converges: the judge of the spectrum is not vacuous.
 */
class HomodyneRunTest {
    private static final Path FLUX = Path.of("scenarios/studies/diffusive-flux.yaml");
    private static final Path SPECTRUM = Path.of("scenarios/studies/homodyne-spectrum.yaml");
    /** Four bins of 2 near the start, where the cross-sector coherence is still large. */
    private static final String[] SHORT = {"engines=[diffusive]", "time.end=8", "time.points=5"};
    private static final int SIMPSON = 200;

    @TempDir
    Path tmp;

    private static JsonNode run(Path file, Path out, List<String> sets, String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of("run", file.toString(), "--out", out.toString(), "--quiet"));
        for (String s : sets) {
            args.addAll(List.of("--set", s));
        }
        args.addAll(List.of(more));
        CliTest.Run r = CliTest.run(args.toArray(String[]::new));
        assertEquals(0, r.status(), r.err());
        return new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    }

    @Test
    @Tag("slow")
    void theMeanCurrentFromACoherentStartFollowsExactAndItsPhase() throws Exception {
        double[] first = null;
        for (String phase : List.of("0", "3.141592653589793")) {
            List<String> sets = new ArrayList<>(List.of(SHORT));
            sets.add("diffusive.cold.phase=" + phase);
            JsonNode s = run(FLUX, tmp.resolve("phase" + phase), sets, "--trajectories", "3200", "--threads", "2");
            JsonNode d = s.get("engines").get("diffusive");
            assertTrue(d.get("homodyne_verdict").get("converged").asBoolean(), d.get("homodyne_verdict").toString());
            assertTrue(d.get("converged").asBoolean(), d.get("worst_z").toString());
            double[] exact = coldCurrent(ScenarioReader.readForRun(FLUX, sets));
            JsonNode rows = d.get("homodyne").get("cold").get("current");
            assertEquals(exact.length - 1, rows.size());
            for (int k = 1; k < exact.length; k++) {
                JsonNode row = rows.get(k - 1);
                double mean = row.get("mean").asDouble();
                double se = row.get("se").asDouble();
                assertTrue(Math.abs(exact[k]) >= 8 * se, "row " + k + ": exact " + exact[k] + ", SE " + se);
                assertTrue(Math.abs(mean - exact[k]) <= 4 * se, "row " + k + ": " + mean + " ± " + se
                        + " against " + exact[k]);
                assertEquals(exact[k], row.get("exact").asDouble(), 1e-8, "the run's exact at row " + k);
            }
            if (first == null) {
                first = exact;
            } else {
                for (int k = 1; k < exact.length; k++) {
                    assertEquals(-first[k], exact[k], 1e-12, "a phase of π flips the mean current, row " + k);
                }
            }
        }
    }

    /**
     * The cold bath's mean current per bin, from scratch: (1/Δ) ∫_bin Σ_{j∈cold} √η · 2 Re[e^{−iφ} e^{iω_j t} √γ_j
     * Tr(A_j ρ(t))] dt by Simpson's rule on {@link #SIMPSON} intervals per bin; row 0 is 0.
     */
    private static double[] coldCurrent(Scenario sc) {
        Machine m = sc.machine();
        int cold = m.bathNames().indexOf("cold");
        double phase = sc.diffusive().phase("cold");
        double eta = sc.detection() == null ? 1 : sc.detection().of("cold").efficiency();
        TimeGrid grid = sc.time();
        TimeGrid fine = new TimeGrid(grid.end(), (grid.points() - 1) * SIMPSON + 1);
        List<ZMatrixRMaj> rho = new MachineExact(m).evolve(sc.initial(), fine);
        double[] density = new double[rho.size()];
        for (int i = 0; i < density.length; i++) {
            double t = fine.time(i);
            for (MachineChannel c : m.channels()) {
                if (c.bath() != cold) {
                    continue;
                }
                double[] tr = trace(c.operator(), rho.get(i));
                double a = c.energy() * t - phase;
                density[i] += Math.sqrt(eta * c.rate()) * 2 * (Math.cos(a) * tr[0] - Math.sin(a) * tr[1]);
            }
        }
        double[] out = new double[grid.points()];
        double h = fine.step();
        for (int k = 1; k < out.length; k++) {
            double sum = 0;
            for (int i = 0; i <= SIMPSON; i++) {
                int w = i == 0 || i == SIMPSON ? 1 : i % 2 == 1 ? 4 : 2;
                sum += w * density[(k - 1) * SIMPSON + i];
            }
            out[k] = sum * h / 3 / grid.step();
        }
        return out;
    }

    /** Tr(A ρ) as {re, im}. */
    private static double[] trace(ZMatrixRMaj a, ZMatrixRMaj rho) {
        double re = 0;
        double im = 0;
        for (int i = 0; i < a.numRows; i++) {
            for (int k = 0; k < a.numCols; k++) {
                double ar = a.getReal(i, k);
                double ai = a.getImag(i, k);
                double rr = rho.getReal(k, i);
                double ri = rho.getImag(k, i);
                re += ar * rr - ai * ri;
                im += ar * ri + ai * rr;
            }
        }
        return new double[] {re, im};
    }

    @Test
    void theSpectrumIsJudgedAndConverges() throws Exception {
        JsonNode s = run(SPECTRUM, tmp.resolve("judged"), List.of(), "--threads", "2");
        JsonNode v = s.get("engines").get("diffusive").get("homodyne_verdict");
        assertTrue(v.get("converged").asBoolean(), v.toString());
        assertEquals(0, v.get("unjudged").size(), v.toString());
        // Both baths: a current on each of the 40 rows from t_1 and 32 spectrum points.
        assertEquals(2 * 40 + 2 * 32, v.get("z_tests").asInt(), v.toString());
        JsonNode cold = s.get("engines").get("diffusive").get("homodyne").get("cold").get("spectrum");
        assertEquals(32, cold.size());
        assertTrue(Files.exists(tmp.resolve("judged").resolve("homodyne.png")), "the spectrum's chart");
        assertTrue(Files.exists(tmp.resolve("judged").resolve("homodyne-current.png")), "the current's chart");
    }

    @Test
    @Tag("slow")
    void aSpectrumJudgedAgainstTheWrongEfficiencyFails() throws Exception {
        List<String> sets = List.of("detection.cold.efficiency=0.2", "detection.hot.efficiency=0.2");
        Path out = tmp.resolve("eta");
        JsonNode s = run(SPECTRUM, out, sets, "--trajectories", "1200", "--threads", "2");
        qtm.api.Scenario api = qtm.api.Scenario.of(SPECTRUM.toString());
        for (String set : sets) {
            String[] kv = set.split("=");
            api = api.set(kv[0], Double.parseDouble(kv[1]));
        }
        long seed = s.get("settings").get("seed").asLong();
        EnsembleResult r = qtm.api.Ensembles.load(api, "diffusive", seed, out.resolve("ensemble-diffusive.qtme"));
        Scenario sc = ScenarioReader.readForRun(SPECTRUM, sets);
        double[] phases = {sc.diffusive().phase("cold"), sc.diffusive().phase("hot")};
        HomodyneVerdict right = HomodyneVerdict.of(r, HomodyneExact.of(sc.model(), phases, new double[] {0.2, 0.2}),
                sc.initial());
        HomodyneVerdict wrong = HomodyneVerdict.of(r, HomodyneExact.of(sc.model(), phases, new double[] {1, 1}),
                sc.initial());
        assertTrue(right.converged() && right.unjudged().isEmpty(), "its own efficiency: " + right.worst());
        assertEquals(right.maxAbsZ(), s.get("engines").get("diffusive").get("homodyne_verdict").get("max_abs_z")
                .asDouble(), 1e-12, "the API judges as the run did");
        assertTrue(wrong.unjudged().isEmpty(), wrong.unjudged().toString());
        assertFalse(wrong.converged(), "η = 1 against a record of η = 0.2: " + wrong.worst());
        assertTrue(wrong.worst().element().startsWith("spectrum_"), "the spectrum fails: " + wrong.worst());
        assertTrue(wrong.maxAbsZ() > 5, "max |z| " + wrong.maxAbsZ());
    }
}
