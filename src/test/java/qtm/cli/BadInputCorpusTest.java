package qtm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The project's bad-input corpus: every file in {@code src/test/resources/bad-input/} is a YAML list of cases, one
 * per kind of bad input. Each case runs one command line in a fresh directory and must end with exit status 2, one
 * line on stderr (starting "qtm: ", no stack trace) that names the file, the key, the value and what is allowed, and
 * leave the directory exactly as it was: nothing written, nothing deleted.
 *
 * <p>A case has {@code id}; {@code args} (a list; {@code {file}} is replaced by the scenario's path, {@code {dir}}
 * by the case's directory, {@code {home}} by the user's home and {@code {cwd}} by the current directory, here and
 * in {@code expect}); the scenario as {@code scenario} (text) or {@code scenario_base64} (bytes), written to
 * {@code {dir}/bad.yaml} (or {@code {dir}/}{@code scenario_path}: a case about the scenario's ancestors puts it one level
 * down, so that the ancestor named is the case's directory and never one of the working directory's); optional {@code files} (a map of further relative paths to text contents, created before
 * the run, e.g. a directory the user owns); and {@code expect}, substrings the error line must contain — the key, the
 * value and the allowed range. When a scenario is given the line must also name its file.
 */
class BadInputCorpusTest {
    private static final Path CORPUS = Path.of("src/test/resources/bad-input");
    /** Issue 8: at least this many cases across the categories. */
    private static final int MIN_CASES = 120;

    static Stream<Arguments> cases() throws IOException {
        List<Arguments> out = new ArrayList<>();
        for (Path f : corpusFiles()) {
            for (JsonNode c : new YAMLMapper().readTree(f.toFile())) {
                out.add(Arguments.of(f.getFileName() + ":" + c.get("id").asText(), c));
            }
        }
        return out.stream();
    }

    private static List<Path> corpusFiles() throws IOException {
        try (Stream<Path> s = Files.list(CORPUS)) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @Test
    void corpusIsLargeEnough() throws IOException {
        assertTrue(cases().count() >= MIN_CASES, "bad-input corpus has " + cases().count() + " cases");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void exit2WithOneClearLineAndNothingTouched(String id, JsonNode c, @TempDir Path dir) throws IOException {
        Path file = dir.resolve(c.has("scenario_path") ? c.get("scenario_path").asText() : "bad.yaml");
        Files.createDirectories(file.getParent());
        boolean hasScenario = c.has("scenario") || c.has("scenario_base64");
        if (c.has("scenario")) {
            Files.writeString(file, c.get("scenario").asText());
        } else if (c.has("scenario_base64")) {
            Files.write(file, Base64.getMimeDecoder().decode(c.get("scenario_base64").asText()));
        }
        if (c.has("files")) {
            var it = c.get("files").fields();
            while (it.hasNext()) {
                var e = it.next();
                Path p = dir.resolve(e.getKey());
                Files.createDirectories(p.getParent());
                Files.writeString(p, e.getValue().asText());
            }
        }
        List<String> args = new ArrayList<>();
        for (JsonNode a : c.get("args")) {
            args.add(fill(a.asText(), file, dir));
        }
        Map<String, String> before = snapshot(dir);
        CliTest.Run r = CliTest.run(args.toArray(String[]::new));
        String err = r.err().strip();
        assertEquals(2, r.status(), id + ": " + args + " -> " + r.out() + err);
        assertEquals(1, err.lines().count(), id + ": one line: " + err);
        assertTrue(err.startsWith("qtm: "), id + ": " + err);
        assertFalse(err.contains("Exception") || err.contains("\tat "), id + ": no stack trace: " + err);
        if (hasScenario) {
            assertTrue(err.contains(file.toString()), id + ": names the file: " + err);
        }
        for (JsonNode e : c.get("expect")) {
            String want = fill(e.asText(), file, dir);
            assertTrue(err.contains(want), id + ": contains '" + want + "': " + err);
        }
        assertEquals(before, snapshot(dir), id + ": nothing written, nothing deleted");
    }

    private static String fill(String s, Path file, Path dir) {
        return s.replace("{file}", file.toString()).replace("{dir}", dir.toString())
                .replace("{home}", System.getProperty("user.home"))
                .replace("{cwd}", Path.of("").toAbsolutePath().toString());
    }

    /** Every path under dir with a digest of its content: equal snapshots mean nothing changed. */
    private static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.toList()) {
                String rel = dir.relativize(p).toString();
                m.put(rel, Files.isDirectory(p) ? "/" : Integer.toHexString(
                        new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1).hashCode()));
            }
        }
        return m;
    }
}
