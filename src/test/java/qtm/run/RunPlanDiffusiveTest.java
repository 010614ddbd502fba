package qtm.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import qtm.engine.DiffusiveTrajectories;
import qtm.engine.Engine;
import qtm.engine.TrajectoryObserver;
import qtm.scenario.Scenario;
import qtm.scenario.ScenarioReader;

/**
 * The run's supplier of diffusive engines (issue 29): every channel of a preset's or a machine's baths watched, each
 * bath's efficiency from the scenario's detection, the step shortened to the grid, reset baths refused.
 */
class RunPlanDiffusiveTest {
    @Test
    void aPresetWatchesItsFourChannelsAndADetectorMakesItsStateMixed() {
        Scenario s = ScenarioReader.readAny(Path.of("scenarios", "flux-optimum.yaml"),
                List.of("time.end=10", "time.points=3"));
        DiffusiveTrajectories perfect = (DiffusiveTrajectories) RunPlan.diffusive(s, 0.3, new double[2]).get();
        assertEquals(4, perfect.channels());
        assertTrue(perfect.pure());
        assertEquals(5.0 / 17, perfect.dt(), 1e-15);
        Scenario detected = ScenarioReader.readAny(Path.of("scenarios", "flux-optimum.yaml"),
                List.of("time.end=10", "time.points=3", "detection.hot.efficiency=0.5"));
        DiffusiveTrajectories mixed = (DiffusiveTrajectories) RunPlan.diffusive(detected, 1.0, new double[2]).get();
        assertFalse(mixed.pure());
        int[] calls = new int[2];
        mixed.run(RandomSource.L64_X128_MIX.create(1), new TrajectoryObserver() {
            @Override
            public void begin() {
            }

            @Override
            public void state(int k, double[] re, double[] im) {
                throw new AssertionError("a mixed conditional state has no ψ");
            }

            @Override
            public void mixed(int k, double[] re, double[] im) {
                calls[0]++;
            }

            @Override
            public void homodyne(int step, double[] increments) {
                assertEquals(4, increments.length);
                calls[1]++;
            }

            @Override
            public void jump(int channel, int bath, double energy, double time) {
                throw new AssertionError("no jumps");
            }

            @Override
            public void end() {
            }
        });
        assertEquals(3, calls[0]);
        assertEquals(10, calls[1]);
    }

    @Test
    void aMachineWatchesEveryChannelOfItsBosonicBathsAndRefusesAReset() {
        Scenario chain = ScenarioReader.readAny(Path.of("scenarios", "machine-chain.yaml"),
                List.of("time.end=10", "time.points=3"));
        Engine e = RunPlan.engines(chain, qtm.engine.EngineKind.DIFFUSIVE, 5.0).get();
        assertEquals(chain.machine().channels().size(), ((DiffusiveTrajectories) e).channels());
        Scenario qutrit = ScenarioReader.readAny(Path.of("scenarios", "machine-qutrit.yaml"),
                List.of("time.end=10", "time.points=3"));
        assertThrows(IllegalArgumentException.class, () -> RunPlan.diffusive(qutrit, 1.0, new double[2]));
    }
}
