package qtm.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Map;
import qtm.engine.CollisionEngine;
import qtm.engine.EngineKind;
import qtm.model.Collision;
import qtm.output.Json;
import qtm.run.ScenarioAsRun;

/**
 * The {@code settings} object of summary.json: every setting a run applied, defaults included, as a user would set
 * it, so that a reader needs neither the scenario file nor qtm's defaults to know what ran. Nothing here differs
 * between threads, shards or an extension (that is {@link ThisRun}'s).
 */
final class RunSettings {
    private RunSettings() {
    }

    /**
     * @param s the scenario as run
     * @param seed the seed
     * @param planned each ensemble's label → the trajectories planned for it (what a stop rule may cut short)
     * @param records the --records limit (0: none)
     * @return the object
     */
    static ObjectNode json(ScenarioAsRun s, long seed, Map<String, Long> planned, long records) {
        ObjectNode o = Json.object();
        // The master equation the engines are judged against depends on how the baths' channels were derived.
        ObjectNode model = o.putObject("model").put("type", s.model().type());
        if (s.model() instanceof qtm.model.BathSpectra) {
            model.put("approach", s.model().approach().key()).put("spectral_exponent", s.model().spectralExponent());
        }
        ArrayNode engines = o.putArray("engines");
        s.engines().forEach(engines::add);
        ObjectNode n = o.putObject("trajectories");
        planned.forEach(n::put);
        o.put("seed", seed);
        // 0 is the scenario's own "off", kept as written so that the key reads the same in both places.
        o.put("target_se", s.targetSe());
        o.put("time_budget_s", s.timeBudgetSeconds());
        // Issue 22: the budget stops the engines on time, but the files are written after it (seconds for charts
        // and report); said here so that nobody reads it as the wall time of the whole command.
        o.put("time_budget_bounds", "the engines' wall time; writing the CSV, charts and report comes after it");
        o.putObject("grid").put("end", s.time().end()).put("points", s.time().points()).put("step", s.time().step());
        JsonNode initial = s.document().get("initial");
        o.set("initial", initial == null ? TextNode.valueOf("00") : initial.deepCopy());
        if (s.engines().contains(EngineKind.COLLISION.key())) {
            ObjectNode c = o.putObject("collision");
            c.put("sampling", s.sampling() != null ? s.sampling()
                    : CollisionEngine.Sampling.defaultFor(s.model()).key());
            ArrayNode dts = c.putArray("dt");
            for (double requested : s.dts()) {
                Collision x = Collision.of(s.model(), s.time(), requested);
                dts.addObject().put("requested", requested).put("used", x.dt())
                        .put("steps_per_point", x.stepsPerPoint());
            }
        }
        diffusive(o, s);
        o.put("records", records);
        return o;
    }

    /**
     * The diffusive engine's step (issue 29) beside the collision model's: asked for, used, and steps per grid
     * interval; nothing without the engine.
     *
     * @param o the settings object
     * @param s the scenario as run
     */
    static void diffusive(ObjectNode o, ScenarioAsRun s) {
        double[] step = s.diffusiveStep();
        if (step == null) {
            return;
        }
        o.putObject("diffusive").putObject("dt").put("requested", step[0]).put("used", step[1])
                .put("steps_per_point", Math.round(s.time().step() / step[1]));
    }
}
