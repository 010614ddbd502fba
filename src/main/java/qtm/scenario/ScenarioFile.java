package qtm.scenario;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a YAML scenario into a tree and applies command-line overrides ({@code --set model.g=2e-3}) by dotted path
 * before anything is validated, so that an override is checked exactly like a value in the file.
 */
public final class ScenarioFile {
    private static final YAMLMapper YAML = new YAMLMapper();

    private ScenarioFile() {
    }

    /**
     * @param file the YAML file
     * @param sets overrides "dotted.key=value", the value read as YAML (so "inf", "[1, 2]" and "00" work)
     * @return the root mapping
     * @throws ScenarioException if the file cannot be read, is not YAML, is not a mapping, or an override is malformed
     */
    public static Node load(Path file, List<String> sets) {
        String name = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new ScenarioException(name, "(file)", name, "no such file; give the path of a YAML scenario");
        }
        JsonNode root;
        try {
            root = YAML.readTree(file.toFile());
        } catch (JacksonException e) {
            String why = e.getOriginalMessage().lines().findFirst().orElse("");
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            throw new ScenarioException(name, "(document)", "malformed YAML" + where, "expected valid YAML (" + why + ")");
        } catch (IOException e) {
            throw new ScenarioException(name, "(file)", name, "cannot be read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new ScenarioException(name, "(document)", root == null ? "(empty)" : Node.show(root),
                    "expected a YAML mapping of scenario keys");
        }
        for (String set : sets) {
            apply((ObjectNode) root, set, name);
        }
        return new Node(name, "", root);
    }

    private static void apply(ObjectNode root, String set, String file) {
        int eq = set.indexOf('=');
        String key = eq < 0 ? set : set.substring(0, eq);
        if (eq <= 0 || !key.matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*")) {
            throw new ScenarioException(file, "--set", set, "expected key=value with a dotted key such as model.g=2e-3");
        }
        JsonNode value;
        try {
            value = YAML.readTree(set.substring(eq + 1));
        } catch (IOException e) {
            throw new ScenarioException(file, key, set.substring(eq + 1), "the --set value is not valid YAML");
        }
        String[] parts = key.split("\\.");
        ObjectNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode next = node.get(parts[i]);
            if (next == null || next.isNull()) {
                next = node.putObject(parts[i]);
            } else if (!next.isObject()) {
                throw new ScenarioException(file, key, set.substring(eq + 1),
                        String.join(".", java.util.Arrays.copyOf(parts, i + 1)) + " is not a mapping, so it has no keys");
            }
            node = (ObjectNode) next;
        }
        if (value == null || value.isMissingNode()) {
            node.putNull(parts[parts.length - 1]);
        } else {
            node.set(parts[parts.length - 1], value);
        }
    }
}
