package qtm.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import qtm.model.Model;
import qtm.model.TimeGrid;
import qtm.scenario.Scenario;
import qtm.scenario.Simulation;

/**
 * The scenario as a run's files tell it: what the report writes into summary.json and the page. A run hands this on
 * instead of its {@link Scenario}, so that the report needs nothing of the scenario reader and only the command line,
 * the API and this package read it.
 *
 * @param name short name, which names the output directory
 * @param description one line saying what the scenario shows
 * @param file the file it came from
 * @param model the machine
 * @param time the output grid
 * @param document the parsed document after every --set, echoed into the outputs (not to be changed)
 * @param engines engine names, in run order
 * @param targetSe the stop rule's target SE (0: none)
 * @param timeBudgetSeconds the engines' wall-time budget
 * @param dts the collision steps, the main one first
 * @param sampling the collision engine's sampling as the scenario gives it, or null for the model's default
 * @param diffusiveStep the diffusive engine's step asked for ({@code diffusive.dt} or its default) and the step taken
 *     (issue 29), or null when the run has no diffusive engine
 */
public record ScenarioAsRun(String name, String description, String file, Model model, TimeGrid time,
        ObjectNode document, List<String> engines, double targetSe, double timeBudgetSeconds, List<Double> dts,
        String sampling, double[] diffusiveStep) {
    /** Copies the lists. */
    public ScenarioAsRun {
        engines = List.copyOf(engines);
        dts = List.copyOf(dts);
        diffusiveStep = diffusiveStep == null ? null : diffusiveStep.clone();
    }

    @Override
    public double[] diffusiveStep() {
        return diffusiveStep == null ? null : diffusiveStep.clone();
    }

    static ScenarioAsRun of(Scenario s) {
        Simulation sim = s.simulation();
        return new ScenarioAsRun(s.name(), s.description(), s.file(), s.model(), s.time(), s.source().json(),
                sim.engines(), sim.targetSe(), sim.timeBudgetSeconds(), sim.dts(), sim.sampling(),
                sim.engines().contains(qtm.engine.EngineKind.DIFFUSIVE.key())
                        ? new double[] {DiffusiveSteps.requested(s), DiffusiveSteps.taken(s, s.time())} : null);
    }
}
