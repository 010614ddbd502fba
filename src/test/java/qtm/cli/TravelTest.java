package qtm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import qtm.scenario.Scenario;
import qtm.scenario.ScenarioReader;

/**
 * Issue 27, "scenarios travel with qtm": the CLI run from a directory without the checkout's scenarios/ (a JVM of
 * its own there, {@link CommandsInDirectory}) finds the shipped scenarios by name, and a local file or a path wins.
 */
class TravelTest {
    private static final Path CHECKOUT = Path.of("scenarios").toAbsolutePath();

    /** The checkout's scenario names, as list prints them: reset-paper, paper/fig2a, ... */
    private static List<String> checkoutNames() throws Exception {
        List<String> names = new ArrayList<>();
        try (Stream<Path> s = Files.walk(CHECKOUT)) {
            s.filter(p -> p.toString().endsWith(".yaml")).forEach(p -> names.add(
                    CHECKOUT.relativize(p).toString().replace('\\', '/').replaceFirst("\\.yaml$", "")));
        }
        return names;
    }

    private static List<String> args(String... a) {
        return List.of(a);
    }

    @Test
    void fromAnEmptyDirectoryTheShippedScenariosListRunAndStartNewOnes(@TempDir Path dir) throws Exception {
        List<CommandsInDirectory.Result> r = CommandsInDirectory.run(dir, List.of(
                args("list"),
                args("steady", "reset-paper", "--json"),
                args("init", "mine", "--from", "flux-optimum"),
                args("steady", "mine.yaml"),
                args("init", "mine", "--machine", "qubits"),
                args("init", "q", "--machine", "qubits"),
                args("steady", "q.yaml"),
                args("init", "t", "--machine", "qutrits"),
                args("steady", "t.yaml"),
                args("init", "c", "--machine", "chain3"),
                args("steady", "c.yaml"),
                args("steady", "resetpaper")));
        List<String> names = checkoutNames();
        // 17 top-level scenarios, 10 paper studies and 5 dimension studies today; more may come.
        assertTrue(names.size() >= 32, names.toString());
        List<String> listed = r.get(0).out().lines().toList();
        assertEquals(names.size(), listed.size(), r.get(0).out());
        for (String name : names) {
            assertTrue(listed.stream().anyMatch(l -> l.matches(java.util.regex.Pattern.quote(name)
                    + " +shipped +[^( ].*")), name + " listed as shipped with its description: " + r.get(0).out());
        }
        CliTest.Run here = CliTest.run("steady", "scenarios/reset-paper.yaml", "--json");
        assertEquals(0, r.get(1).status(), r.get(1).err());
        assertEquals(here.out(), r.get(1).out(), "steady reset-paper --json, byte for byte");

        assertEquals(0, r.get(2).status(), r.get(2).err());
        assertEquals(0, r.get(3).status(), r.get(3).err());
        assertTrue(r.get(3).out().contains("mine (flux model)"), r.get(3).out());
        samePhysics(CHECKOUT.resolve("flux-optimum.yaml"), dir.resolve("mine.yaml"));

        // Refused, exit 2, and mine.yaml is still flux-optimum's.
        assertEquals(Main.BAD_INPUT, r.get(4).status());
        assertTrue(r.get(4).err().contains("mine.yaml: exists; qtm init never replaces a file"), r.get(4).err());
        assertTrue(Files.readString(dir.resolve("mine.yaml")).contains("type: flux"));
        samePhysics(CHECKOUT.resolve("flux-optimum.yaml"), dir.resolve("mine.yaml"));

        String[] shapes = {"2 sites, 4 states", "2 sites, 9 states", "3 sites, 8 states"};
        for (int i = 0; i < 3; i++) {
            assertEquals(0, r.get(5 + 2 * i).status(), r.get(5 + 2 * i).err());
            CommandsInDirectory.Result steady = r.get(6 + 2 * i);
            assertEquals(0, steady.status(), steady.err());
            assertTrue(steady.out().contains("(machine, local approach, " + shapes[i] + ")"), steady.out());
        }
        assertEquals(Main.BAD_INPUT, r.get(11).status());
        assertTrue(r.get(11).err().contains("no such file; give the path of a YAML scenario or the name of one in "
                + "./scenarios or shipped with qtm (qtm list names them); did you mean reset-paper?"), r.get(11).err());
    }

    /** Model, initial state and time grid equal: what steady, evolve and run compute from. */
    private static void samePhysics(Path a, Path b) {
        Scenario x = ScenarioReader.readAny(a, List.of());
        Scenario y = ScenarioReader.readAny(b, List.of());
        assertEquals(x.model(), y.model());
        assertEquals(x.time(), y.time());
        ZMatrixRMaj p = x.initial();
        ZMatrixRMaj q = y.initial();
        assertEquals(p.getNumRows(), q.getNumRows());
        for (int i = 0; i < p.getDataLength(); i++) {
            assertEquals(p.data[i], q.data[i], 0.0);
        }
    }

    @Test
    void aPathWinsThenTheLocalScenariosFolderThenTheShippedFile(@TempDir Path dir) throws Exception {
        String shipped = Files.readString(CHECKOUT.resolve("reset-paper.yaml"));
        Files.createDirectories(dir.resolve("scenarios"));
        // The same name in both places, each with its own g.
        Path local = Files.writeString(dir.resolve("scenarios/reset-paper.yaml"),
                shipped.replace("g: 1.6e-3", "g: 1.0e-3"));
        Path path = Files.writeString(dir.resolve("reset-paper.yaml"), shipped.replace("g: 1.6e-3", "g: 2.0e-3"));
        assertNotEquals(shipped, Files.readString(local), "the local copy differs");
        Files.createDirectories(dir.resolve("scenarios/paper"));
        Files.writeString(dir.resolve("scenarios/paper/fig2a.yaml"), shipped);
        List<CommandsInDirectory.Result> r = CommandsInDirectory.run(dir, List.of(
                args("steady", "reset-paper", "--json"),
                args("steady", "reset-paper.yaml", "--json"),
                args("list")));
        assertEquals(CliTest.run("steady", local.toString(), "--json").out(), r.get(0).out(), "the local file");
        assertEquals(CliTest.run("steady", path.toString(), "--json").out(), r.get(1).out(), "the path");
        String fromShipped = CliTest.run("steady", CHECKOUT.resolve("reset-paper.yaml").toString(), "--json").out();
        assertNotEquals(fromShipped, r.get(0).out());
        assertNotEquals(r.get(0).out(), r.get(1).out());
        assertTrue(r.get(2).out().lines().anyMatch(l -> l.matches("reset-paper +local, hides shipped +Reset.*")),
                r.get(2).out());
        assertTrue(r.get(2).out().lines().noneMatch(l -> l.matches("reset-paper +shipped .*")), r.get(2).out());
        // A folder's file too, by the name that reaches it.
        assertTrue(r.get(2).out().lines().anyMatch(l -> l.matches("paper/fig2a +local, hides shipped +Reset.*")),
                r.get(2).out());
        assertTrue(r.get(2).out().lines().anyMatch(l -> l.matches("paper/fig2b +shipped +Fig.*")), r.get(2).out());
    }

    @Test
    void aMistypedKeySuggestsTheNearestAndAMissingSectionListsItsKeys(@TempDir Path dir) throws Exception {
        Path typo = Files.writeString(dir.resolve("typo.yaml"), "model: {type: reset, gg: 1.6e-3, g: 1.6e-3, "
                + "cold: {T: 0.0, rate: 1.0e-2}, hot: {T: inf, rate: 1.1e-3}}\n");
        CliTest.Run a = CliTest.run("steady", typo.toString());
        assertEquals(Main.BAD_INPUT, a.status());
        assertEquals("qtm: " + typo + ": model.gg = 1.6e-3: unknown key; allowed here: E, cold, g, hot, type; did "
                + "you mean g?", a.err().strip());
        Path noTime = Files.writeString(dir.resolve("no-time.yaml"), "model: {type: reset, g: 1.6e-3, "
                + "cold: {T: 0.0, rate: 1.0e-2}, hot: {T: inf, rate: 1.1e-3}}\n");
        CliTest.Run b = CliTest.run("evolve", noTime.toString());
        assertEquals(Main.BAD_INPUT, b.status());
        assertEquals("qtm: " + noTime + ": time = (missing): expected a mapping with keys end, points, e.g. "
                + "time: {end: 5000, points: 201}", b.err().strip());
        CliTest.Run c = CliTest.run("evolve", noTime.toString(), "--set", "time=5000");
        assertEquals("qtm: " + noTime + ": time = 5000: expected a mapping with keys end, points, e.g. "
                + "time: {end: 5000, points: 201}", c.err().strip());
    }
}
