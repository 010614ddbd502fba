package qtm.scenario;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import qtm.input.InputException;
import qtm.model.BathKind;
import qtm.model.Machine;
import qtm.model.MachineRange;
import qtm.model.Model;
import qtm.model.ValidRange;
import qtm.sweep.LocalGlobalSweep;
import qtm.sweep.MachineLocalGlobal;
import qtm.sweep.SweepPlan;
import qtm.sweep.MachineStudy;

/**
 * Reads the local-global study kind: on the flux and double-dot presets {@code sweep: {kind: local-global,
 * g_over_rate: {from, to, points}}}, g in units of the larger transition rate; on a {@code model.type: machine} of
 * bosonic baths and two or more sites (issue 25) {@code g_scale: {from, to, points}}, every exchange g multiplied by
 * each g_scale. A machine's scenario is read as {@code qtm steady} reads it; the largest g_scale must keep it in its
 * valid range (the smaller ones then do too: the rules bound g from above only).
 */
public final class LocalGlobalReader {
    /** Most g_scale points on a machine: three steady states each, of up to 1024 × 1024 generators. */
    public static final int MAX_POINTS = 401;
    /** Largest preset local-global sweep (g_over_rate.points): three 16 × 16 steady states per point. */
    public static final int MAX_LOCAL_GLOBAL_POINTS = 10_000;

    private LocalGlobalReader() {
    }

    /**
     * @param file the YAML file
     * @param sets overrides key=value
     * @return the study, or null when the file's model is not a machine or its sweep is not a study kind
     * @throws InputException on the first bad key
     */
    public static MachineStudy read(Path file, List<String> sets) {
        Node root = ScenarioFile.load(file, sets);
        if (!root.has("model") || !root.child("model").has("type")
                || !"machine".equals(root.child("model").raw("type").asText())
                || !root.has("sweep") || root.child("sweep").has("axes")) {
            return null;
        }
        Scenario s = ScenarioReader.readAny(file, sets);
        Machine m = s.machine();
        Node sweep = s.source().child("sweep");
        sweep.allowOnly(Set.of("kind", "g_scale"));
        if (!"local-global".equals(sweep.text("kind"))) {
            throw sweep.error("kind", "a machine's study kind is local-global (or give sweep.axes for a sweep over "
                    + "any keys)");
        }
        for (int k = 0; k < m.baths().size(); k++) {
            if (m.baths().get(k).kind() != BathKind.BOSONIC) {
                throw new InputException(s.file(), "model.baths[" + k + "].kind", m.baths().get(k).kind().key(),
                        "a local-global sweep compares master equations derived from a bath spectrum: bosonic "
                        + "baths only");
            }
        }
        if (m.sites().size() < 2) {
            throw sweep.error("kind", "a local-global sweep of a machine compares its entanglement: it needs two or "
                    + "more sites");
        }
        Node a = sweep.child("g_scale");
        double[] grid = grid(a, MAX_POINTS);
        double from = grid[0];
        double to = grid[1];
        int points = (int) grid[2];
        try {
            MachineRange.check(MachineLocalGlobal.scaled(m, to));
        } catch (MachineRange.Violation e) {
            throw a.error("to", "outside the machine's valid range at g_scale = " + to + ": " + e.getMessage());
        }
        return new MachineStudy(s.name(), s.description(), s.file(), m, new MachineLocalGlobal(from, to, points));
    }

    /** A local-global sweep keeps the scenario's baths and moves g only, so every g must give a valid model. */
    static SweepPlan preset(Node s, Model model) {
        s.allowOnly(Set.of("kind", "g_over_rate"));
        if (!(model instanceof qtm.model.BathSpectra spectral)) {
            throw s.error("kind", "a local-global sweep compares master equations derived from a bath spectrum: "
                    + "flux or dqd, not the " + model.type() + " model's collisions");
        }
        double gamma = LocalGlobalSweep.rate(model);
        if (!(gamma > 0)) {
            throw s.error("kind", "a local-global sweep measures g in units of the larger transition rate, and both "
                    + "of model.cold.rate and model.hot.rate are 0");
        }
        Node a = s.child("g_over_rate");
        double[] grid = grid(a, MAX_LOCAL_GLOBAL_POINTS);
        double from = grid[0];
        double to = grid[1];
        int points = (int) grid[2];
        double weak = ValidRange.WEAK * model.energy();
        if (!(to * gamma <= weak)) {
            throw a.error("to", "outside the model's valid range: g = to*rate must be <= " + ValidRange.WEAK + "*E = "
                    + weak + " (weak coupling); the larger transition rate is " + gamma + ", so to <= "
                    + weak / gamma);
        }
        for (String key : List.of("from", "to")) {
            double g = (key.equals("from") ? from : to) * gamma;
            try {
                for (qtm.model.Approach ap : qtm.model.Approach.values()) {
                    spectral.with(g, model.cold(), model.hot()).withApproach(ap, model.spectralExponent());
                }
            } catch (IllegalArgumentException e) {
                throw a.error(key, "not valid for the " + model.type() + " model at g = " + g + ": "
                        + e.getMessage());
            }
        }
        return new LocalGlobalSweep(from, to, points);
    }

    /** @return {from, to, points} of a log grid's mapping, 0 &lt; from &lt; to and 2 ≤ points ≤ max */
    private static double[] grid(Node a, int max) {
        a.allowOnly(Set.of("from", "to", "points"));
        double from = a.number("from", Double.MIN_VALUE, Double.MAX_VALUE);
        double to = a.number("to", Double.MIN_VALUE, Double.MAX_VALUE);
        int points = (int) a.integer("points", 2, max);
        if (!(to > from)) {
            throw a.error("to", "expected to > from (" + from + ")");
        }
        return new double[] {from, to, points};
    }
}
