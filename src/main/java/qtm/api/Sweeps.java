package qtm.api;

import java.util.ArrayList;
import java.util.List;
import qtm.input.InputException;
import qtm.scenario.KeySweepReader;
import qtm.sweep.KeyStudy;
import qtm.sweep.SweepTable;

/**
 * Sweeps over a scenario key: the exact steady state at each value, or one ensemble run per value with its verdict,
 * as {@code qtm sweep} runs a sweep over {@code sweep.axes}; and the sweep a file itself describes.
 */
public final class Sweeps {
    private Sweeps() {
    }

    /**
     * @param scenario the scenario
     * @param key a dotted key as {@code --set} spells it, such as {@code model.couplings[0].g}
     * @param values its values
     * @return the exact steady state at each value, in order, as {@code qtm steady --set KEY=VALUE} gives it
     * @throws InputException for a bad file, key or value
     */
    public static List<ExactState> exact(Scenario scenario, String key, double... values) {
        List<ExactState> out = new ArrayList<>(values.length);
        for (double v : values) {
            out.add(scenario.set(key, v).steady());
        }
        return out;
    }

    /**
     * @param run the ensembles to run at every value (their scenario, size, threads)
     * @param key a dotted key as {@code --set} spells it
     * @param values its values
     * @return the run at each value, in order; value i runs with the run's seed + i, as {@code qtm sweep} seeds its
     *     points, so that each is reproduced on its own by {@code qtm run --set KEY=VALUE --seed SEED+i}
     * @throws InputException for a bad file, key or value
     */
    public static List<RunResult> monteCarlo(EnsembleRun run, String key, double... values) {
        long seed = run.seedOrScenarios();
        List<RunResult> out = new ArrayList<>(values.length);
        for (int i = 0; i < values.length; i++) {
            EnsembleRun point = new EnsembleRun(run.scenario().set(key, values[i]), run.trajectories(), seed + i,
                    run.threads(), run.shard());
            out.add(point.run());
        }
        return out;
    }

    /**
     * @param scenario a scenario whose {@code sweep} section has {@code axes}
     * @return the exact sweep over its grid, the table of {@code qtm sweep}'s sweep.csv (one column per axis, then the
     *     exact steady observables)
     * @throws InputException for a bad file, key or value, or a file without {@code sweep.axes}
     */
    public static Table table(Scenario scenario) {
        KeyStudy study = KeySweepReader.read(scenario.file(), scenario.sets());
        if (study == null) {
            throw new InputException(scenario.file().toString(), "sweep.axes", "(missing)",
                    "expected a sweep over keys (sweep.axes); see scenarios/studies/");
        }
        SweepTable t = study.run().table();
        return new Table(t.columns(), t.rows());
    }
}
