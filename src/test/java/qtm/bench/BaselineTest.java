package qtm.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import qtm.engine.EngineKind;
import qtm.ensemble.EnsembleResult;
import qtm.ensemble.EnsembleRunner;
import qtm.ensemble.EnsembleSettings;
import qtm.ensemble.SavedEnsemble;
import qtm.model.Model;
import qtm.model.TimeGrid;
import qtm.observe.Quantities;

/**
 * The benchmark's hand-written loop must keep exactly what the engine with the standard quantities keeps: the same
 * numbers, the same sums, to the bit. Otherwise the ratio {@code qtm bench --baseline} prints compares unequal work.
 */
class BaselineTest {
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Bench.Machine.class, names = {"RESET", "FLUX"})
    void sameBytesAsTheEngine(Bench.Machine machine, @TempDir Path dir) throws IOException {
        Model model = machine.model();
        TimeGrid grid = Bench.grid();
        ZMatrixRMaj rho0 = Bench.initial();
        EnsembleSettings settings = new EnsembleSettings(0, 2000, 5, 0, Double.POSITIVE_INFINITY, 2);
        EnsembleResult engine = EnsembleRunner.run(() -> EngineKind.TRAJECTORIES.create(model, rho0, grid, 1.0),
                Quantities.standard(model, rho0, grid), grid, settings);
        EnsembleResult baseline = Bench.baseline(model, rho0, grid, settings);
        assertTrue(engine.trajectories() == 2000 && baseline.trajectories() == 2000);
        byte[] a = saved(engine, dir);
        byte[] b = saved(baseline, dir);
        assertArrayEquals(a, b, machine + ": the baseline's saved ensemble differs from the engine's");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Bench.Machine.class)
    void benchMachinesAreTheScenarioFiles(Bench.Machine machine) {
        qtm.scenario.Scenario s = qtm.scenario.ScenarioReader.read(
                java.nio.file.Path.of("scenarios", machine.scenario() + ".yaml"), java.util.List.of());
        org.junit.jupiter.api.Assertions.assertEquals(s.model(), machine.model());
        org.junit.jupiter.api.Assertions.assertEquals(s.time(), Bench.grid());
        assertTrue(qtm.math.Ops.maxAbsDiff(s.initial(), Bench.initial()) == 0);
    }

    @Test
    void refusesAMachineWithTwoSizesOfQuantum() {
        Model model = Bench.Machine.DQD.model();
        TimeGrid grid = Bench.grid();
        assertThrows(IllegalArgumentException.class, () -> Bench.baseline(model, Bench.initial(), grid,
                new EnsembleSettings(0, 32, 5, 0, Double.POSITIVE_INFINITY, 1)));
    }

    private static byte[] saved(EnsembleResult r, Path dir) throws IOException {
        Path f = Files.createTempFile(dir, "e", ".qtme");
        SavedEnsemble.write(f, new SavedEnsemble.Identity("test", "e", "s", 5), r);
        return Files.readAllBytes(f);
    }
}
