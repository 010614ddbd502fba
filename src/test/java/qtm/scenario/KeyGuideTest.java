package qtm.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import qtm.input.InputException;

/**
 * The key guide (keys.txt) against the readers, which stay the authority: each section documents exactly the keys a
 * reader allows there (asked by giving it an unknown key and reading its "allowed here" list); and qtm init's
 * template of every shipped scenario reads back as the same tree.
 */
class KeyGuideTest {
    private static final String RESET = "model: {type: reset, g: 1.6e-3, cold: {T: 0.0, rate: 1.0e-2}, "
            + "hot: {T: inf, rate: 1.1e-3}}\ntime: {end: 10, points: 3}\n";
    private static final String MACHINE = "model:\n  type: machine\n  sites: [{name: c, levels: [0, 1]}, "
            + "{name: h, levels: [0, 1]}]\n  couplings: [{kind: exchange, sites: [c, h], g: 1.0e-3}]\n"
            + "  baths: [{site: c, kind: bosonic, T: 0.5, rate: 1.0e-2}, {site: h, kind: reset, T: 1, rate: 1e-2}]\n";

    @TempDir
    Path dir;

    /** The keys a reader lists after an unknown key {@code section.zz}, given by --set. */
    private Set<String> allowed(String text, String section, BiFunction<Path, List<String>, Object> reader)
            throws Exception {
        Path f = Files.writeString(dir.resolve("s.yaml"), text);
        List<String> probe = List.of((section.isEmpty() ? "" : section + ".") + "zz=1");
        String msg = assertThrows(InputException.class, () -> reader.apply(f, probe)).getMessage();
        Matcher m = Pattern.compile("unknown key; allowed here: ([^;]*)").matcher(msg);
        assertTrue(m.find(), msg);
        return new TreeSet<>(List.of(m.group(1).split(", ")));
    }

    private static Set<String> documented(String section, String type) {
        return KeyGuide.keysOf(section).stream().filter(k -> k.appliesTo(type) && !k.models().equals("study")
                || section.equals("optimize")).map(KeyGuide.Key::name).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void eachSectionDocumentsExactlyTheKeysItsReaderAllows() throws Exception {
        BiFunction<Path, List<String>, Object> any = ScenarioReader::readAny;
        String[][] presets = {{"reset", RESET}, {"flux", RESET.replace("reset", "flux").replace("inf", "100")},
            {"dqd", RESET.replace("reset", "dqd").replace("g: 1.6e-3", "g: 1.6e-3, U: 20")}};
        for (String[] p : presets) {
            assertEquals(documented("model", p[0]), allowed(p[1], "model", any), p[0]);
        }
        assertEquals(documented("model", "machine"), allowed(MACHINE, "model", any));
        for (String section : List.of("model.cold", "model.hot", "time", "ensemble", "collision", "observe")) {
            String text = RESET + "ensemble: {seed: 1}\ncollision: {dt: 1}\nobserve: {target: \"00\"}\n";
            assertEquals(documented(section, "reset"), allowed(text, section, any), section);
        }
        assertEquals(documented("model.sites", "machine"), allowed(MACHINE, "model.sites[0]", any));
        // A detector's keys, under any bath's name (documented as detection.BATH).
        assertEquals(documented("detection.BATH", "reset"), allowed(RESET + "detection: {cold: {efficiency: 0.5}}\n",
                "detection.cold", any));
        assertEquals(documented("detection.BATH", "machine"), allowed(MACHINE + "detection: {h: {dark_rate: 0}}\n",
                "detection.h", any));
        assertEquals(Set.copyOf(ScenarioReader.TOP), KeyGuide.keysOf("").stream().map(KeyGuide.Key::name)
                .collect(Collectors.toSet()));
        assertEquals(documented("optimize", "reset"), allowed(RESET + "optimize: {starts: 2}\n", "optimize",
                StudyReader::read));
        // Couplings and baths allow some keys by kind: the guide documents every kind's.
        assertTrue(documented("model.couplings", "machine").containsAll(allowed(MACHINE, "model.couplings[0]", any)));
        assertTrue(documented("model.baths", "machine").containsAll(allowed(MACHINE, "model.baths[0]", any)));
    }

    @Test
    void aMissingSectionNamesItsKeysAndAnExampleThatReadsBack() throws Exception {
        String noTime = RESET.replace("time: {end: 10, points: 3}\n", "");
        Path f = Files.writeString(dir.resolve("no-time.yaml"), noTime);
        String msg = assertThrows(InputException.class, () -> ScenarioReader.read(f, List.of())).getMessage();
        assertEquals(f + ": time = (missing): expected a mapping with keys end, points, e.g. time: {end: 5000, "
                + "points: 201}", msg);
        Path g = Files.writeString(dir.resolve("example.yaml"), noTime + KeyGuide.example("time") + "\n");
        assertEquals(new qtm.model.TimeGrid(5000, 201), ScenarioReader.read(g, List.of()).time());
        String noCold = RESET.replace("cold: {T: 0.0, rate: 1.0e-2}, ", "");
        Path h = Files.writeString(dir.resolve("no-cold.yaml"), noCold);
        msg = assertThrows(InputException.class, () -> ScenarioReader.read(h, List.of())).getMessage();
        assertTrue(msg.endsWith("model.cold = (missing): expected a mapping with keys T, rate, e.g. cold: {T: 0.0, "
                + "rate: 1.0e-2}"), msg);
        Path i = Files.writeString(dir.resolve("cold.yaml"), noCold.replace("model: {", "model: {"
                + KeyGuide.example("model.cold") + ", "));
        assertEquals(1.0e-2, ScenarioReader.read(i, List.of()).model().cold().rate(), 0.0);
        // Every other section's example reads as it stands.
        for (String section : List.of("ensemble", "collision", "observe")) {
            Path j = Files.writeString(dir.resolve(section + ".yaml"), RESET + KeyGuide.example(section) + "\n");
            assertEquals("s", ScenarioReader.read(j, List.of("name=s")).name(), section);
        }
    }

    @Test
    void theTemplateOfEveryShippedScenarioReadsBackAsTheSameTree() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.walk(Path.of("scenarios"))) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertTrue(files.size() >= 32, files.toString());
        for (Path f : files) {
            Path out = Files.writeString(dir.resolve("t.yaml"), ScenarioTemplate.from(f, "mine"));
            ObjectNode before = ScenarioFile.load(f, List.of()).json().deepCopy();
            ObjectNode after = ScenarioFile.load(out, List.of()).json().deepCopy();
            assertEquals("mine", after.get("name").asText());
            for (ObjectNode o : List.of(before, after)) {
                o.remove("name");
            }
            if (!before.has("description")) {
                after.remove("description");
            }
            assertEquals(before, after, f.toString());
        }
    }

    @Test
    void aScalarReadsBackAsTheSameText() throws Exception {
        for (String s : List.of("00", "1.0e-2", "inf", "-3", ".5", "true", "False", "null", "~", "yes", "a: b",
                "x \"y\" \\z", "-", "", "[1]", "#c", "line\nbreak", "model.sites[1].levels[1]")) {
            Path f = Files.writeString(dir.resolve("s.yaml"), "v: " + ScenarioTemplate.scalar(s) + "\n");
            JsonNode v = ScenarioFile.load(f, List.of()).json().get("v");
            assertTrue(v.isTextual(), s + " stays text: " + v);
            assertEquals(s, v.textValue());
        }
    }
}
