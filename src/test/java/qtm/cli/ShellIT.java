package qtm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code mvn package} leaves for a shell: the launcher {@code target/qtm}, the completion script and the man
 * pages. An integration test (failsafe, after package), because all three are written after the jar.
 */
class ShellIT {
    private static final Path TARGET = Path.of("target").toAbsolutePath();

    /** The commands a user can type, from the picocli model the CLI runs on. */
    private static Set<String> subcommands() {
        return Main.commandLine().getSubcommands().keySet();
    }

    @Test
    void theLauncherRunsQtmFromAnyDirectoryAndThroughSymbolicLinks(@TempDir Path dir) throws Exception {
        Path launcher = TARGET.resolve("qtm");
        assertTrue(Files.isExecutable(launcher), launcher + " is executable");
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Files.createSymbolicLink(bin.resolve("qtm"), launcher);
        // A relative link to a link, as ln -s ../bin/qtm makes.
        Files.createSymbolicLink(dir.resolve("chained"), Path.of("bin", "qtm"));
        for (Path command : List.of(launcher, bin.resolve("qtm"), dir.resolve("chained"))) {
            Result version = exec(dir, Map.of(), command.toString(), "--version");
            assertEquals(0, version.status(), version.err());
            assertTrue(version.out().startsWith("qtm "), version.out());
        }
        // The arguments arrive one by one, spaces and all, and the status comes back unchanged.
        Result typo = exec(dir, Map.of(), bin.resolve("qtm").toString(), "rn", "my scenario.yaml");
        assertEquals(Main.BAD_INPUT, typo.status());
        assertTrue(typo.err().contains("'rn', 'my scenario.yaml'. Did you mean: run?"), typo.err());
        // Found on PATH by name, as after ln -s $PWD/target/qtm ~/.local/bin/qtm.
        Result onPath = exec(dir, Map.of("PATH", bin + ":" + System.getenv("PATH")), "/bin/sh", "-c",
                "qtm list --help");
        assertEquals(0, onPath.status(), onPath.err());
        assertTrue(onPath.out().contains("Usage: qtm list"), onPath.out());
        // Removed here so that JUnit's clean-up need not warn about links that point out of the directory.
        Files.delete(dir.resolve("chained"));
        Files.delete(bin.resolve("qtm"));
    }

    /** Issue 27's "done when": with only the jar, in a directory far from the checkout. */
    @Test
    void theJarAloneListsRunsAndStartsTheShippedScenarios(@TempDir Path dir) throws Exception {
        Path jar = Files.copy(TARGET.resolve("qtm.jar"), dir.resolve("qtm.jar"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Result list = exec(dir, Map.of(), java, "-jar", jar.toString(), "list");
        assertEquals(0, list.status(), list.err());
        for (String name : List.of("reset-paper", "flux-optimum", "machine-chain", "paper/fig2a",
                "studies/dimension-qubits")) {
            assertTrue(list.out().lines().anyMatch(l -> l.startsWith(name + " ") && l.contains(" shipped ")),
                    name + ": " + list.out());
        }
        Result steady = exec(dir, Map.of(), java, "-jar", jar.toString(), "steady", "reset-paper", "--json");
        assertEquals(0, steady.status(), steady.err());
        assertTrue(steady.out().contains("\"concurrence\""), steady.out());
        Result init = exec(dir, Map.of(), java, "-jar", jar.toString(), "init", "mine", "--from", "flux-optimum");
        assertEquals(0, init.status(), init.err());
        Result mine = exec(dir, Map.of(), java, "-jar", jar.toString(), "steady", "mine.yaml");
        assertEquals(0, mine.status(), mine.err());
        assertTrue(mine.out().startsWith("scenario     mine (flux model)"), mine.out());
    }

    @Test
    void theCompletionScriptCompletesEverySubcommand() throws Exception {
        Path script = TARGET.resolve("completion").resolve("qtm_completion");
        String text = Files.readString(script);
        for (String name : subcommands()) {
            assertTrue(text.contains("function _picocli_qtm_" + name + "()"), "a completion function for " + name);
        }
        // What bash offers after "qtm " and after "qtm run --traj", with the script sourced as the README says.
        String complete = "source '" + script + "'; complete -p qtm >/dev/null || exit 3; "
                + "COMP_WORDS=(qtm ''); COMP_CWORD=1; COMP_LINE='qtm '; COMP_POINT=4; _complete_qtm; "
                + "printf '%s\\n' \"${COMPREPLY[@]}\"; echo --; "
                + "COMP_WORDS=(qtm run --traj); COMP_CWORD=2; COMP_LINE='qtm run --traj'; COMP_POINT=14; "
                + "_complete_qtm; printf '%s\\n' \"${COMPREPLY[@]}\"";
        Result r = exec(TARGET, Map.of(), tool("bash"), "-c", complete);
        assertEquals(0, r.status(), r.err());
        String[] parts = r.out().split("--\n", 2);
        List<String> top = parts[0].lines().map(String::trim).toList();
        for (String name : subcommands()) {
            assertTrue(top.contains(name), name + " offered after 'qtm ': " + top);
        }
        assertEquals(List.of("--trajectories"), parts[1].lines().map(String::trim).toList());
    }

    @Test
    void everyManPageRenders() throws Exception {
        List<String> pages = new ArrayList<>(List.of("qtm"));
        subcommands().forEach(name -> pages.add("qtm-" + name));
        String man = tool("man");
        for (String page : pages) {
            Path file = TARGET.resolve("man").resolve(page + ".1");
            assertTrue(Files.isRegularFile(file), file.toString());
            Result r = exec(TARGET, Map.of("MANWIDTH", "80"), man, "-l", "-P", "cat", file.toString());
            assertEquals(0, r.status(), r.err());
            assertEquals("", r.err(), page + " renders without warnings");
            List<String> lines = r.out().lines().map(String::strip).toList();
            assertTrue(lines.contains("NAME") && lines.contains("SYNOPSIS"), r.out());
            assertTrue(lines.get(lines.indexOf("NAME") + 1).startsWith(page + " - "), r.out());
        }
    }

    /** A tool from PATH; skipped where it is missing, except in CI, which installs it. */
    private static String tool(String name) {
        for (String d : System.getenv("PATH").split(":")) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, name))) {
                return Path.of(d, name).toString();
            }
        }
        if (System.getenv("CI") != null) {
            throw new AssertionError("CI must install " + name + " (.ci/run does)");
        }
        Assumptions.abort(name + " is not installed");
        return null;
    }

    private record Result(int status, String out, String err) {
    }

    private static Result exec(Path dir, Map<String, String> env, String... cmd)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile("shell-it", ".out");
        Path err = Files.createTempFile("shell-it", ".err");
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            pb.environment().putAll(env);
            int status = pb.start().waitFor();
            return new Result(status, Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.delete(out);
            Files.delete(err);
        }
    }
}
