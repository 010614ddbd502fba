package qtm.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import qtm.ensemble.EnsembleResult;
import qtm.input.InputException;
import qtm.stats.Estimate;

/**
 * The ensemble facades of issue 27 ({@link EnsembleRun}, {@link RunResult}, {@link Ensembles}, {@link Sweeps#monteCarlo}):
 * small runs with fixed seeds whose estimates are held within 4 SE of the exact transient at the final time, the
 * verdicts of both engines on a preset and a machine, and the exactness of merging: two saved halves of a run give,
 * byte for byte, the saved file of the whole run with the same seed.
 */
class ApiEnsembleTest {
    private static final Scenario RESET = Scenario.of("reset-paper").set("time.points", 6)
            .set("engines", "[trajectories]");

    @Test
    @Tag("slow")
    void twoSavedHalvesMergeIntoTheBytesOfOneRun(@TempDir Path dir) throws Exception {
        EnsembleRun run = RESET.ensemble().withTrajectories(400).withSeed(5).withThreads(2);
        RunResult whole = run.run();
        whole.save("trajectories", dir.resolve("whole.qtme"));
        run.withShard(0, 2).run().save("trajectories", dir.resolve("a.qtme"));
        run.withShard(1, 2).withThreads(1).run().save("trajectories", dir.resolve("b.qtme"));
        EnsembleResult merged = Ensembles.merge(RESET, "trajectories", 5,
                List.of(dir.resolve("a.qtme"), dir.resolve("b.qtme")));
        assertEquals(400, merged.trajectories());
        Ensembles.save(RESET, "trajectories", 5, merged, dir.resolve("merged.qtme"));
        assertArrayEquals(Files.readAllBytes(dir.resolve("whole.qtme")), Files.readAllBytes(dir.resolve("merged.qtme")));
        // A half is not the whole: the comparison above can fail.
        assertNotEquals(Files.size(dir.resolve("whole.qtme")), 0L);
        assertEquals(200, Ensembles.load(RESET, "trajectories", 5, dir.resolve("a.qtme")).trajectories());
        // Another seed, or another scenario, is another run: refused, naming the file.
        InputException seed = assertThrows(InputException.class,
                () -> Ensembles.load(RESET, "trajectories", 6, dir.resolve("a.qtme")));
        assertTrue(seed.getMessage().contains("a.qtme"), seed.getMessage());
        assertThrows(InputException.class, () -> Ensembles.load(RESET.set("model.g", 2e-3), "trajectories", 5,
                dir.resolve("a.qtme")));
        // The same half twice holds the same trajectories twice.
        assertThrows(InputException.class, () -> Ensembles.merge(RESET, "trajectories", 5,
                List.of(dir.resolve("a.qtme"), dir.resolve("a.qtme"))));
    }

    /** The estimate at the final time within 4 of its own SEs of the exact transient's value there. */
    private static void assertNear(RunResult r, String engine, String column, double exact) {
        Estimate e = r.estimate(engine, column);
        assertTrue(e.se() > 0 && Math.abs(e.mean() - exact) <= 4 * e.se(),
                engine + " " + column + " " + e + " exact " + exact);
    }

    @Test
    void bothEnginesOnAPresetConvergeToTheExactTransient() {
        Scenario s = Scenario.of("reset-paper").set("time.points", 6);
        RunResult r = s.ensemble().withTrajectories(1500).withSeed(11).withThreads(2).run();
        assertEquals(List.of("trajectories", "collision"), r.engines());
        double[] p11 = s.evolve().column("p11");
        for (String engine : r.engines()) {
            assertTrue(r.converged(engine), engine + ": " + r.verdict(engine));
            assertEquals("converged", r.verdict(engine));
            assertTrue(r.stateTest(engine).tests() > 0);
            assertEquals(1500, r.ensemble(engine).trajectories());
        }
        // The jump engine solves the master equation; the collision engine's exact reference is its own map.
        assertNear(r, "trajectories", "p11", p11[p11.length - 1]);
        assertThrows(IllegalArgumentException.class, () -> r.estimate("trajectories", "no-such-column"));
        assertThrows(IllegalArgumentException.class, () -> r.converged("no-such-engine"));
    }

    @Test
    void aMachinesRunHasBothEnginesVerdictsAndItsNegativity() {
        Scenario s = Scenario.of("machine-qutrit").set("time.points", 6).set("collision.dt", 5.0)
                .set("engines", "[trajectories, collision]");
        RunResult r = s.ensemble().withTrajectories(2000).withSeed(3).withThreads(2).run();
        assertEquals(List.of("trajectories", "collision"), r.engines());
        for (String engine : r.engines()) {
            assertTrue(r.converged(engine), engine + ": " + r.verdict(engine));
            assertTrue(r.columns(engine).contains("negativity_c_vs_h"), r.columns(engine).toString());
        }
        Table exact = s.evolve();
        for (String column : List.of("population_c_1", "population_h_2")) {
            double[] x = exact.column(column);
            assertNear(r, "trajectories", column, x[x.length - 1]);
        }
    }

    @Test
    @Tag("slow")
    void aMonteCarloSweepSeedsValueIWithSeedPlusI() {
        EnsembleRun run = RESET.ensemble().withTrajectories(200).withSeed(40).withThreads(1);
        List<RunResult> sweep = Sweeps.monteCarlo(run, "model.g", 8e-4, 3.2e-3);
        assertEquals(2, sweep.size());
        for (int i = 0; i < 2; i++) {
            assertEquals(40 + i, sweep.get(i).seed());
        }
        RunResult alone = RESET.set("model.g", 3.2e-3).ensemble().withTrajectories(200).withSeed(41).withThreads(2)
                .run();
        assertEquals(alone.estimate("trajectories", "concurrence"), sweep.get(1).estimate("trajectories",
                "concurrence"));
        assertNotEquals(sweep.get(0).estimate("trajectories", "p11"), sweep.get(1).estimate("trajectories", "p11"));
    }
}
