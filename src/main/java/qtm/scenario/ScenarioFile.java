package qtm.scenario;

import qtm.input.InputException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a YAML scenario into a tree and applies command-line overrides ({@code --set model.g=2e-3}) by dotted path
 * before anything is validated, so that an override is checked exactly like a value in the file. Both go through
 * {@link YamlTree}, so a value means the same on the command line as in the file.
 */
public final class ScenarioFile {
    /** Largest scenario file read, in bytes: checked before anything is read, so a huge file is refused at once. */
    public static final long MAX_BYTES = 1L << 20;

    private ScenarioFile() {
    }

    /**
     * @param file the YAML file
     * @param sets overrides "dotted.key=value", the value read as YAML (so "inf", "[1, 2]" and "01" work)
     * @return the root mapping
     * @throws InputException if the file cannot be read, is too large, is not UTF-8 or not strict YAML, is not a
     *     mapping, or an override is malformed
     */
    public static Node load(Path file, List<String> sets) {
        String name = ShippedScenarios.label(file);
        if (Files.isDirectory(file)) {
            throw new InputException(name, "(file)", name, "is a directory; give the path of a YAML scenario file");
        }
        if (!Files.isRegularFile(file)) {
            throw new InputException(name, "(file)", name, notRegular(file));
        }
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new InputException(name, "(file)", size + " bytes",
                        "expected a scenario file of at most " + MAX_BYTES + " bytes (1 MiB)");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InputException(name, "(file)", name, "cannot be read: " + e.getMessage());
        }
        // The size may have grown between the check and the read.
        if (bytes.length > MAX_BYTES) {
            throw new InputException(name, "(file)", bytes.length + " bytes",
                    "expected a scenario file of at most " + MAX_BYTES + " bytes (1 MiB)");
        }
        JsonNode root = YamlTree.parse(name, "(document)", YamlTree.decode(name, bytes));
        if (root == null || !root.isObject()) {
            throw new InputException(name, "(document)", root == null ? "(empty)" : Node.show(root),
                    "expected a YAML mapping of scenario keys");
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String set : sets) {
            int eq = set.indexOf('=');
            String key = eq < 0 ? set : set.substring(0, eq);
            if (eq > 0 && !seen.add(key)) {
                // Last-wins would silently drop one of the two values the user typed.
                throw new InputException(name, key, InputException.escape(set),
                        "--set gives " + key + " twice; give each key once");
            }
            apply((ObjectNode) root, set, name);
        }
        return new Node(name, "", root);
    }

    /**
     * A copy of a loaded tree with more overrides applied, as {@link #load} applies them: a sweep's grid point.
     *
     * @param root the loaded root (not changed)
     * @param sets overrides "dotted.key=value"
     * @return the new root
     * @throws InputException if an override is malformed or does not reach an existing list item
     */
    static Node override(Node root, List<String> sets) {
        ObjectNode copy = root.json().deepCopy();
        for (String set : sets) {
            apply(copy, set, root.file());
        }
        return new Node(root.file(), "", copy);
    }

    /**
     * The value a dotted key reaches in a tree, following the same steps as an override.
     *
     * @param root the loaded root
     * @param key a key as {@code --set} spells it
     * @return the value, or null where the key is absent (then an override would add it)
     * @throws InputException if the key is malformed or a step of it is not a mapping or a list item
     */
    static JsonNode lookup(Node root, String key) {
        // An override of the key finds every malformed or unreachable step and says why, in --set's own words.
        override(root, List.of(key + "=0"));
        List<String> steps = steps(key);
        JsonNode node = root.json();
        for (String step : steps) {
            node = node == null || node.isNull() ? null : child(node, step, root.file(), key, "0");
        }
        return node;
    }

    /**
     * What a path that is not a regular file is, for the message: a FIFO or a link loop is not "no such file", and
     * telling which saves the user a search. Nothing is opened (a FIFO would block).
     */
    private static String notRegular(Path file) {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return "no such file; give the path of a YAML scenario" + ShippedScenarios.hint(file.toString());
        }
        if (Files.isSymbolicLink(file)) {
            Path p = file;
            // The kernel gives up after 40 links (ELOOP); a chain that long is a loop for us too.
            for (int hops = 0; hops <= 40 && Files.isSymbolicLink(p); hops++) {
                try {
                    p = p.resolveSibling(Files.readSymbolicLink(p));
                } catch (IOException | RuntimeException e) {
                    break;
                }
            }
            if (Files.isSymbolicLink(p)) {
                return "is a symbolic link loop; give the path of a YAML scenario file";
            }
            if (!Files.exists(file)) {
                return "is a symbolic link to a missing file (" + p + "); give the path of a YAML scenario file";
            }
        }
        return "is not a regular file (a FIFO, socket or device); give the path of a YAML scenario file";
    }

    /** One dotted segment of a --set key: a name, then any list selectors ([1], [cold]). */
    private static final String SEGMENT = "[A-Za-z_][A-Za-z0-9_]*(\\[([0-9]{1,9}|[a-z][a-z0-9]*)\\])*";

    private static void apply(ObjectNode root, String set, String file) {
        int eq = set.indexOf('=');
        String key = eq < 0 ? set : set.substring(0, eq);
        if (eq <= 0 || !key.matches(SEGMENT + "(\\." + SEGMENT + ")*")) {
            throw new InputException(file, "--set", set, "expected key=value with a dotted key such as model.g=2e-3, "
                    + "or a list item by index or name such as model.sites[1].levels[1] or model.baths[cold].T");
        }
        JsonNode value = YamlTree.parse(file, key, set.substring(eq + 1));
        String text = set.substring(eq + 1);
        List<String> steps = steps(key);
        JsonNode node = root;
        for (int i = 0; i < steps.size() - 1; i++) {
            String here = path(steps, i + 1);
            JsonNode next = child(node, steps.get(i), file, key, text);
            if ((next == null || next.isNull()) && !steps.get(i).startsWith("[")) {
                // A missing mapping is created, as before lists were reachable.
                if (steps.get(i + 1).startsWith("[")) {
                    throw new InputException(file, key, text, here + " is not a list, so it has no items");
                }
                next = ((ObjectNode) node).putObject(steps.get(i));
            } else if (steps.get(i + 1).startsWith("[") ? !next.isArray() : !next.isObject()) {
                throw new InputException(file, key, text, here + (steps.get(i + 1).startsWith("[")
                        ? " is not a list, so it has no items" : " is not a mapping, so it has no keys"));
            }
            node = next;
        }
        String last = steps.get(steps.size() - 1);
        JsonNode v = value == null ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : value;
        if (last.startsWith("[")) {
            ((com.fasterxml.jackson.databind.node.ArrayNode) node).set(item(node, last, file, key, text), v);
        } else {
            ((ObjectNode) node).set(last, v);
        }
    }

    /** model.baths[cold].T → model, baths, [cold], T. */
    private static List<String> steps(String key) {
        List<String> out = new java.util.ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]*|\\[[^\\]]*\\]")
                .matcher(key);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private static String path(List<String> steps, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(i == 0 || steps.get(i).startsWith("[") ? "" : ".").append(steps.get(i));
        }
        return b.toString();
    }

    private static JsonNode child(JsonNode node, String step, String file, String key, String text) {
        return step.startsWith("[") ? node.get(item(node, step, file, key, text)) : node.get(step);
    }

    /**
     * The index a selector picks in a list: [2] by position, [cold] the item whose name is cold (or, having no name,
     * whose site is cold: a bath's name defaults to its site's). Only existing items are reached: a --set changes a
     * value, it does not grow a list.
     */
    private static int item(JsonNode list, String step, String file, String key, String text) {
        String sel = step.substring(1, step.length() - 1);
        if (Character.isDigit(sel.charAt(0))) {
            int i = Integer.parseInt(sel);
            if (i >= list.size()) {
                throw new InputException(file, key, text, "the list has " + list.size() + " items, indexed from 0");
            }
            return i;
        }
        List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode it = list.get(i);
            JsonNode name = it.isObject() ? it.has("name") ? it.get("name") : it.get("site") : null;
            if (name != null && name.isValueNode()) {
                names.add(name.asText());
                if (name.asText().equals(sel)) {
                    return i;
                }
            }
        }
        throw new InputException(file, key, text, "no item named " + sel + " in the list; its names are " + names);
    }
}
