package qtm.api;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import qtm.input.InputException;
import qtm.run.FcsPlan;
import qtm.run.MachineEvolution;
import qtm.scenario.ScenarioReader;
import qtm.scenario.ShippedScenarios;
import qtm.sweep.KeySweep;
import qtm.sweep.SteadyOutcome;

/**
 * A scenario to compute: a YAML file, found as the command line finds it (a path wins, then
 * {@code ./scenarios/NAME.yaml}, then the scenario shipped with qtm under that name, such as {@code reset-paper} or
 * {@code machine-qutrit}), with overrides applied exactly as {@code --set KEY=VALUE} applies them. Immutable: each
 * {@code set} returns a new scenario, and every computation reads the file afresh, so a bad key or value is refused
 * with the command line's {@link InputException} (naming file, key, value and allowed range).
 *
 * @param file the scenario file
 * @param sets the overrides, {@code KEY=VALUE} as {@code --set} takes them, in order
 */
public record Scenario(Path file, List<String> sets) {
    /** Copies the overrides. */
    public Scenario {
        if (file == null) {
            throw new IllegalArgumentException("a scenario needs a file");
        }
        sets = List.copyOf(sets);
    }

    /**
     * @param nameOrPath a path, or the name of a scenario in {@code ./scenarios} or shipped with qtm
     * @return the scenario, without overrides (the file is read when something is computed)
     */
    public static Scenario of(String nameOrPath) {
        return new Scenario(ShippedScenarios.resolve(nameOrPath), List.of());
    }

    /** @return the names of the scenarios shipped with qtm, as {@code qtm list} gives them */
    public static List<String> shipped() {
        return ShippedScenarios.names();
    }

    /**
     * @param key a dotted key as {@code --set} spells it ({@code model.g}, {@code model.baths[cold].T},
     *     {@code model.couplings[0].g})
     * @param value its value, written as {@code qtm sweep} writes a grid point's, so that {@code --set KEY=VALUE}
     *     reproduces the result bit for bit
     * @return this scenario with the override added
     */
    public Scenario set(String key, double value) {
        return set(key, KeySweep.text(value));
    }

    /**
     * @param key a dotted key as {@code --set} spells it, such as {@code time.points}
     * @param value a whole-number value
     * @return this scenario with the override added
     */
    public Scenario set(String key, long value) {
        return set(key, Long.toString(value));
    }

    /**
     * @param key a dotted key as {@code --set} spells it
     * @param yaml its value as YAML text ({@code inf}, {@code [trajectories]}, {@code "01"})
     * @return this scenario with the override added
     */
    public Scenario set(String key, String yaml) {
        List<String> more = new ArrayList<>(sets);
        more.add(key + "=" + yaml);
        return new Scenario(file, more);
    }

    /**
     * @return the exact steady state and its observables, as {@code qtm steady} gives them
     * @throws InputException for a bad file, key or value
     * @throws IllegalArgumentException if the steady state is not unique
     */
    public ExactState steady() {
        qtm.scenario.Scenario s = ScenarioReader.readAny(file, sets);
        return new ExactState(s.isMachine() ? SteadyOutcome.of(s.machine(), s.target())
                : SteadyOutcome.of(s.model(), s.target()));
    }

    /**
     * @return the exact transient ρ(t) from the scenario's initial state on its grid, observed as {@code qtm evolve}
     *     writes it: the same columns ({@code t}, then a preset's populations, coherence, concurrence, purity and
     *     heat, or a machine's populations per site; negativities per bipartition, pair concurrences, ...)
     * @throws InputException for a bad file, key or value, or a machine without a unique steady state
     */
    public Table evolve() {
        MachineEvolution e = MachineEvolution.ofAny(ScenarioReader.readForRun(file, sets));
        return new Table(Arrays.asList(e.header()), e.rows());
    }

    /**
     * @param times the times of the count distributions (none: the final time of the grid)
     * @return the exact counting statistics of the master equation, as {@code qtm fcs --json}
     * @throws InputException for a bad file, key or value, or a time outside the grid
     */
    public Counting counting(double... times) {
        return counting(false, times);
    }

    /**
     * @param times the times of the count distributions, whole numbers of collision steps (none: the final time)
     * @return the exact counting statistics of the collision model at the scenario's {@code collision.dt}, as
     *     {@code qtm fcs --collision --json}
     * @throws InputException for a bad file, key or value, a step {@code qtm run} refuses, or the global approach
     */
    public Counting collisionCounting(double... times) {
        return counting(true, times);
    }

    private Counting counting(boolean collision, double... times) {
        FcsPlan plan = FcsPlan.of(ScenarioReader.readAny(file, sets), collision);
        List<Double> at = times.length == 0 ? null : Arrays.stream(times).boxed().toList();
        return new Counting(plan.outcome(plan.times(at)));
    }

    /**
     * @return an ensemble of this scenario to run, as {@code qtm run} runs it: its engines, sizes and seed, on all
     *     cores, changed by the builder's {@code with} methods
     */
    public EnsembleRun ensemble() {
        return new EnsembleRun(this, 0, null, Runtime.getRuntime().availableProcessors(), null);
    }

    /** @return the scenario as the reader validates it for a run (every override applied) */
    qtm.scenario.Scenario readForRun() {
        return ScenarioReader.readForRun(file, sets);
    }
}
