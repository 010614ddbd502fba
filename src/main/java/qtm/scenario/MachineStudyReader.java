package qtm.scenario;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import qtm.input.InputException;
import qtm.model.BathKind;
import qtm.model.Machine;
import qtm.model.MachineRange;
import qtm.sweep.MachineLocalGlobal;
import qtm.sweep.MachineStudy;

/**
 * Reads a machine's study kind (issue 25): {@code sweep: {kind: local-global, g_scale: {from, to, points}}} on a
 * {@code model.type: machine} of bosonic baths and two or more sites, every exchange g multiplied by each g_scale.
 * The scenario is read as {@code qtm steady} reads it; the largest g_scale must keep the machine in its valid range
 * (the smaller ones then do too: the rules bound g from above only).
 */
public final class MachineStudyReader {
    /** Most g_scale points: three steady states each. */
    public static final int MAX_POINTS = 401;

    private MachineStudyReader() {
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
        a.allowOnly(Set.of("from", "to", "points"));
        double from = a.number("from", Double.MIN_VALUE, Double.MAX_VALUE);
        double to = a.number("to", Double.MIN_VALUE, Double.MAX_VALUE);
        int points = (int) a.integer("points", 2, MAX_POINTS);
        if (!(to > from)) {
            throw a.error("to", "expected to > from (" + from + ")");
        }
        try {
            MachineRange.check(MachineLocalGlobal.scaled(m, to));
        } catch (MachineRange.Violation e) {
            throw a.error("to", "outside the machine's valid range at g_scale = " + to + ": " + e.getMessage());
        }
        return new MachineStudy(s.name(), s.description(), s.file(), m, new MachineLocalGlobal(from, to, points));
    }
}
