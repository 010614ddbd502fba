package qtm.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import qtm.math.Ops;
import qtm.model.Approach;
import qtm.model.Bath;
import qtm.model.DotModel;
import qtm.model.BathKind;
import qtm.model.Coupling;
import qtm.model.Ladder;
import qtm.model.Machine;
import qtm.model.MachinePresets;

/**
 * A machine scenario read into the model's records (issue 24): every key lands where it should, the initial state's
 * three forms are generalised to d, and the presets carry their machine form.
 */
class MachineReaderTest {
    private static final String MODEL = """
            model:
              type: machine
              approach: local
              sites:
                - {name: c, levels: [0.0, 1.0]}
                - {name: h, levels: [0.0, 1.0, 2.0], ladder: harmonic}
              couplings:
                - {kind: exchange, sites: [c, h], g: 1.6e-3}
                - {kind: density,  sites: [c, h], U: 0.5}
              baths:
                - {name: cold, site: c, kind: bosonic, T: 0.0, rate: 1.0e-2, spectral_exponent: 1}
                - {site: h, kind: reset, T: inf, rate: 1.1e-3}
            time: {end: 1000, points: 11}
            """;

    private static Scenario read(Path dir, String initial) throws Exception {
        Path f = dir.resolve("m.yaml");
        Files.writeString(f, MODEL + initial);
        return ScenarioReader.readAny(f, List.of());
    }

    @Test
    void theIssuesDescriptionIsReadKeyByKey(@TempDir Path dir) throws Exception {
        Scenario s = read(dir, "initial: \"12\"\n");
        assertTrue(s.isMachine());
        assertNull(s.model());
        Machine m = s.machine();
        assertEquals(Approach.LOCAL, m.approach());
        assertEquals(List.of("c", "h"), m.siteNames());
        assertEquals(Ladder.HARMONIC, m.sites().get(1).ladder());
        assertEquals(new Coupling.Density("c", "h", 0.5), m.couplings().get(1));
        assertEquals(List.of("cold", "h"), m.bathNames());
        assertEquals(BathKind.RESET, m.baths().get(1).kind());
        assertEquals(1.0, m.baths().get(0).spectralExponent());
        assertEquals(Double.POSITIVE_INFINITY, m.baths().get(1).temperature());
        assertEquals(11, s.time().points());
        // |1⟩_c |2⟩_h is basis state 1·3 + 2 = 5.
        assertEquals(0, Ops.maxAbsDiff(Ops.unit(6, 5, 5), s.initial()), 0);
    }

    @Test
    void theKetAndMatrixFormsTakeDStates(@TempDir Path dir) throws Exception {
        ZMatrixRMaj ket = read(dir, "initial: {ket: {re: [0, 0, 1, 0, 1, 0]}}\n").initial();
        // (|02⟩ + |11⟩)/√2: indices 2 and 4.
        ZMatrixRMaj want = new ZMatrixRMaj(6, 6);
        for (int i : new int[] {2, 4}) {
            for (int j : new int[] {2, 4}) {
                want.set(i, j, 0.5, 0);
            }
        }
        assertEquals(0, Ops.maxAbsDiff(want, ket), 1e-16);
        double[] diagonal = {0.5, 0.1, 0.1, 0.1, 0.1, 0.1};
        StringBuilder rows = new StringBuilder("initial:\n  re:\n");
        for (int i = 0; i < 6; i++) {
            rows.append("    - [");
            for (int j = 0; j < 6; j++) {
                rows.append(j > 0 ? ", " : "").append(i == j ? diagonal[i] : 0.0);
            }
            rows.append("]\n");
        }
        ZMatrixRMaj rho = read(dir, rows.toString()).initial();
        assertEquals(0.5, rho.getReal(0, 0), 0);
        assertEquals(0.1, rho.getReal(5, 5), 0);
    }

    @Test
    void everyPresetCarriesItsMachineForm() throws Exception {
        for (String f : List.of("reset-paper", "flux-optimum", "dqd-U20")) {
            Scenario s = ScenarioReader.read(Path.of("scenarios/" + f + ".yaml"), List.of());
            assertEquals(MachinePresets.of(s.model()), s.machine(), f);
        }
        DotModel dots = new DotModel(1, 0.05, 0.5, new Bath(0.3, 1e-3), new Bath(2, 1e-3), Approach.GLOBAL, 0);
        Scenario global = new Scenario("g", "", "g.yaml", dots, Ops.unit(4, 0, 0), null, null, null);
        assertNull(global.machine(), "the global double dot is not a machine");
    }
}
