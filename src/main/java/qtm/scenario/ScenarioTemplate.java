package qtm.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The text of a commented scenario to start from ({@code qtm init}): a scenario's values, every key with its meaning,
 * range and default from {@link KeyGuide} above it, and the keys it leaves out listed as comments with their
 * defaults. The values are written back exactly as they were read (a scalar keeps its text), so the new file
 * describes the same physics as its source.
 */
public final class ScenarioTemplate {
    /** Comment lines are wrapped at this width. */
    private static final int WIDTH = 110;

    private ScenarioTemplate() {
    }

    /**
     * @param source the scenario started from, as loaded
     * @param name the new scenario's name (written as {@code name})
     * @param origin what it was started from, for the header ("flux-optimum (shipped)")
     * @param drop top-level keys left out (a machine template drops its source's sweep)
     * @return the YAML text
     */
    public static String of(Node source, String name, String origin, List<String> drop) {
        JsonNode root = source.json();
        String type = root.path("model").path("type").asText("");
        StringBuilder b = new StringBuilder();
        b.append("# ").append(name).append(": a scenario started by qtm init from ").append(origin).append(".\n")
                .append("# Each key has its meaning, range and default in the comment above it; keys left out are\n")
                .append("# listed as comments with their defaults. Check it: qtm steady ").append(name)
                .append(".yaml\n# Run it: qtm run ").append(name).append(".yaml (writes output/").append(name)
                .append("/). Guide: src/site/markdown/scenarios.md.\n");
        for (KeyGuide.Key k : KeyGuide.keysOf("")) {
            String key = k.name();
            JsonNode v = key.equals("name") ? com.fasterxml.jackson.databind.node.TextNode.valueOf(name)
                    : drop.contains(key) ? null : root.get(key);
            if (key.equals("description") && v == null) {
                v = com.fasterxml.jackson.databind.node.TextNode.valueOf("started from " + origin);
            }
            StringBuilder one = new StringBuilder();
            entry(one, "", k.path(), key, v, type);
            b.append(one.isEmpty() ? "" : "\n").append(one);
        }
        // Keys the guide does not know (none today) are kept rather than lost.
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (KeyGuide.key(e.getKey()) == null && !drop.contains(e.getKey())) {
                entry(b, "", e.getKey(), e.getKey(), e.getValue(), type);
            }
        }
        return b.toString();
    }

    /** The machines {@code qtm init --machine} starts from: the shipped file, whose study sweep is left out. */
    public static final Map<String, String> MACHINES = Map.of("qubits", "studies/dimension-qubits",
            "qutrits", "studies/dimension-two-qutrits", "chain3", "machine-chain");

    /**
     * A scenario file's template.
     *
     * @param file the scenario started from (any path, a shipped one included)
     * @param name the new scenario's name
     * @return the YAML text
     * @throws qtm.input.InputException if the file is not a readable scenario
     */
    public static String from(java.nio.file.Path file, String name) {
        Node root = ScenarioFile.load(file, List.of());
        return of(root, name, ShippedScenarios.label(file), List.of());
    }

    /**
     * A machine's template: the shipped machine of {@link #MACHINES}, without its sweep, with a time grid so that
     * {@code qtm run} takes it as it is.
     *
     * @param kind qubits, qutrits or chain3
     * @param name the new scenario's name
     * @return the YAML text
     */
    public static String machine(String kind, String name) {
        java.nio.file.Path file = ShippedScenarios.find(MACHINES.get(kind));
        Node root = ScenarioFile.load(file, List.of());
        com.fasterxml.jackson.databind.node.ObjectNode copy = root.json().deepCopy();
        copy.remove("sweep");
        if (!copy.has("time")) {
            copy.putObject("time").put("end", "5000").put("points", "201");
        }
        return of(new Node(root.file(), "", copy), name, "the " + kind + " machine (" + root.file() + ")",
                List.of());
    }

    /** One key: its comment, then its value; or, absent, a comment naming it and its default. */
    private static void entry(StringBuilder b, String indent, String path, String key, JsonNode v, String type) {
        KeyGuide.Key doc = KeyGuide.key(path);
        if (v == null || v.isNull()) {
            if (doc != null && doc.appliesTo(type) && !doc.models().equals("study")) {
                comment(b, indent, key + " (not set): " + describe(doc));
                for (KeyGuide.Key k : KeyGuide.keysOf(doc.path())) {
                    comment(b, indent, "  " + k.name() + ": " + describe(k));
                }
                String example = KeyGuide.example(doc.path());
                if (!example.isEmpty() && indent.isEmpty()) {
                    comment(b, indent, "e.g. " + example);
                }
            }
            return;
        }
        if (doc != null) {
            comment(b, indent, key + ": " + describe(doc));
        }
        if (v.isObject()) {
            b.append(indent).append(key).append(":\n");
            String inner = indent + "  ";
            List<String> seen = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                seen.add(e.getKey());
                entry(b, inner, path + "." + e.getKey(), e.getKey(), e.getValue(), type);
            }
            for (KeyGuide.Key k : KeyGuide.keysOf(KeyGuide.plain(path))) {
                if (!seen.contains(k.name())) {
                    entry(b, inner, k.path(), k.name(), null, type);
                }
            }
        } else if (v.isArray() && v.size() > 0 && v.get(0).isObject()) {
            // A list of mappings (sites, couplings, baths, axes): its items' keys are explained above the list.
            for (KeyGuide.Key k : KeyGuide.keysOf(KeyGuide.plain(path))) {
                if (k.appliesTo(type)) {
                    comment(b, indent, "  " + key + "[i]." + k.name() + ": " + describe(k));
                }
            }
            b.append(indent).append(key).append(":\n");
            for (JsonNode item : v) {
                b.append(indent).append("  - ").append(flow(item)).append('\n');
            }
        } else {
            b.append(indent).append(key).append(": ").append(flow(v)).append('\n');
        }
    }

    private static String describe(KeyGuide.Key k) {
        return k.meaning() + ". Range: " + k.range() + ". Default: " + k.fallback() + ".";
    }

    /** A comment wrapped at {@link #WIDTH}, continuation lines indented. */
    private static void comment(StringBuilder b, String indent, String text) {
        String prefix = indent + "# ";
        StringBuilder line = new StringBuilder(prefix);
        for (String word : text.split(" ")) {
            if (line.length() + word.length() + 1 > WIDTH && line.length() > prefix.length() + 4) {
                b.append(line.toString().stripTrailing()).append('\n');
                line = new StringBuilder(prefix).append("    ");
            }
            line.append(word).append(' ');
        }
        b.append(line.toString().stripTrailing()).append('\n');
    }

    /** A value in YAML's flow style: {@code [0.0, 1.0]}, {@code {T: 0.0, rate: 1.0e-2}}, a scalar as written. */
    static String flow(JsonNode v) {
        if (v.isObject()) {
            List<String> parts = new ArrayList<>();
            v.fields().forEachRemaining(e -> parts.add(scalar(e.getKey()) + ": " + flow(e.getValue())));
            return "{" + String.join(", ", parts) + "}";
        }
        if (v.isArray()) {
            List<String> parts = new ArrayList<>();
            v.forEach(x -> parts.add(flow(x)));
            return "[" + String.join(", ", parts) + "]";
        }
        if (v.isNull()) {
            return "null";
        }
        return v.isBoolean() ? v.asText() : scalar(v.asText());
    }

    /**
     * Plain where the text reads back as the same text (YamlTree keeps a plain scalar's text, so {@code 00} and
     * {@code 1.0e-2} stay as written), double-quoted where it would not: true, false, null and ~ would change type,
     * and spaces, colons, brackets or quotes would change the structure.
     */
    static String scalar(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        // A label such as 00 reads back as text in qtm, but other YAML tools would take it for a number: quoted.
        boolean plain = s.matches("[A-Za-z0-9_.+][A-Za-z0-9_.+-]*|-[A-Za-z0-9_.+-]+")
                && !List.of("true", "false", "null", "~").contains(lower) && !s.matches("0[0-9]+");
        if (plain) {
            return s;
        }
        StringBuilder q = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                case '\t' -> q.append("\\t");
                default -> q.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return q.append('"').toString();
    }
}
