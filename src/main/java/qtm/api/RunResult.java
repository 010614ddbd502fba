package qtm.api;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import qtm.ensemble.EnsembleResult;
import qtm.run.EngineOutcome;
import qtm.run.MachineRun;
import qtm.run.RunOutcome;
import qtm.run.RunPlan;
import qtm.stats.Estimate;
import qtm.stats.RareEvents;
import qtm.stats.Verdict;

/**
 * What {@link EnsembleRun#run} found: per engine ({@code trajectories}, {@code collision}) its estimates at the final
 * time with their standard errors, under the column names of {@code qtm run}'s timeseries CSV
 * ({@code concurrence}, {@code p11}, ... for a preset; {@code negativity_c_vs_h}, {@code population_c_1}, ... for a
 * machine), its verdict against its exact reference as {@code qtm run} prints it, and its whole ensemble, which can be
 * saved and merged ({@link Ensembles}).
 */
public final class RunResult {
    private record Engine(Map<String, RareEvents.Flagged> finals, boolean converged, Verdict verdict, String words) {
    }

    private final qtm.scenario.Scenario scenario;
    private final long seed;
    private final Map<String, Engine> engines;
    private final Map<String, EnsembleResult> results;

    private RunResult(qtm.scenario.Scenario scenario, long seed, Map<String, Engine> engines,
            Map<String, EnsembleResult> results) {
        this.scenario = scenario;
        this.seed = seed;
        this.engines = engines;
        this.results = Map.copyOf(results);
    }

    static RunResult of(qtm.scenario.Scenario s, long seed, RunOutcome o, Map<String, EnsembleResult> results) {
        Map<String, Engine> engines = new LinkedHashMap<>();
        for (EngineOutcome e : o.engines()) {
            engines.put(e.name(), new Engine(e.result().finals(), e.converged(), e.verdict(), e.verdictWords()));
        }
        return new RunResult(s, seed, engines, results);
    }

    static RunResult of(qtm.scenario.Scenario s, long seed, MachineRun.Outcome o,
            Map<String, EnsembleResult> results) {
        Map<String, Engine> engines = new LinkedHashMap<>();
        for (MachineRun.Engine e : o.engines()) {
            // The words qtm run prints for a machine's engine.
            engines.put(e.name(), new Engine(e.summary().finals(), e.converged(), e.verdict(),
                    e.converged() ? "converged" : "not converged"));
        }
        return new RunResult(s, seed, engines, results);
    }

    /** @return the seed the run used */
    public long seed() {
        return seed;
    }

    /** @return the engines that ran, in run order (one stopped before it started is absent) */
    public List<String> engines() {
        return new ArrayList<>(engines.keySet());
    }

    /**
     * @param engine an engine name
     * @return the whole verdict, as {@code summary.json}'s {@code converged}: ρ̄(t) against the exact reference, and
     *     the counts, waiting times and collision bookkeeping where they are judged
     * @throws IllegalArgumentException for an engine that did not run
     */
    public boolean converged(String engine) {
        return engine(engine).converged();
    }

    /**
     * @param engine an engine name
     * @return the verdict in words, as {@code qtm run} prints it ("converged", or "not converged" and why)
     * @throws IllegalArgumentException for an engine that did not run
     */
    public String verdict(String engine) {
        return engine(engine).words();
    }

    /**
     * @param engine an engine name
     * @return the z-tests and χ² of ρ̄(t) against the exact reference
     * @throws IllegalArgumentException for an engine that did not run
     */
    public Verdict stateTest(String engine) {
        return engine(engine).verdict();
    }

    /**
     * @param engine an engine name
     * @return the columns it estimates at the final time, in order
     * @throws IllegalArgumentException for an engine that did not run
     */
    public List<String> columns(String engine) {
        return new ArrayList<>(engine(engine).finals().keySet());
    }

    /**
     * @param engine an engine name
     * @param column a column of {@link #columns}
     * @return its estimate at the final time, with its standard error
     * @throws IllegalArgumentException for an engine that did not run or a column it does not estimate
     */
    public Estimate estimate(String engine, String column) {
        return flagged(engine, column).estimate();
    }

    /**
     * @param engine an engine name
     * @param column a column of {@link #columns}
     * @return whether its SE is trustworthy (false where the rare-event rule flags it, as the report does)
     * @throws IllegalArgumentException for an engine that did not run or a column it does not estimate
     */
    public boolean reliable(String engine, String column) {
        return flagged(engine, column).reliable();
    }

    /**
     * @param engine an engine name
     * @return its whole ensemble (every quantity on every grid point, mergeable)
     * @throws IllegalArgumentException for an engine that did not run
     */
    public EnsembleResult ensemble(String engine) {
        engine(engine);
        return results.get(RunPlan.label(engine, Double.NaN));
    }

    /**
     * Saves an engine's ensemble as {@code qtm run} saves {@code ensemble-ENGINE.qtme}, so that {@code qtm merge},
     * {@code qtm run --extend} and {@link Ensembles#merge} take it.
     *
     * @param engine an engine name
     * @param file where to write (replaced if it exists)
     * @throws IOException if it cannot be written
     * @throws IllegalArgumentException for an engine that did not run
     */
    public void save(String engine, Path file) throws IOException {
        Ensembles.write(scenario, engine, seed, ensemble(engine), file);
    }

    private RareEvents.Flagged flagged(String engine, String column) {
        RareEvents.Flagged f = engine(engine).finals().get(column);
        if (f == null) {
            throw new IllegalArgumentException("no column " + column + "; " + engine + " estimates " + columns(engine));
        }
        return f;
    }

    private Engine engine(String name) {
        Engine e = engines.get(name);
        if (e == null) {
            throw new IllegalArgumentException("no engine " + name + " ran; these did: " + engines.keySet());
        }
        return e;
    }
}
