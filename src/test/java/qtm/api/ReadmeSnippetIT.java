package qtm.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guide's "Java API" program ({@code src/site/markdown/java-api.md}, moved there from the README), exactly as
 * printed: extracted, compiled against the thin jar and its dependencies (as a project that depends on qtm compiles),
 * run from a temporary directory, and its output checked
 * against exact values (the paper's optimum, and the ensemble's C(t) within 4 SE of the exact transient it prints
 * beside it).
 */
class ReadmeSnippetIT {
    private static final Pattern LINE = Pattern.compile(
            "t=\\s*(\\S+)\\s+C=(\\S+) ± (\\S+)\\s+exact=(\\S+)");

    static String snippet() throws IOException {
        return block("(?m)^#{1,2} Java API$");
    }

    /**
     * @param heading a regular expression matching the heading line of the guide's section
     * @return the first java code block after that heading in java-api.md, exactly as printed
     */
    static String block(String heading) throws IOException {
        String readme = Files.readString(Path.of("src/site/markdown/java-api.md"));
        Matcher h = Pattern.compile(heading).matcher(readme);
        assertTrue(h.find(), "the guide's java-api.md has the section " + heading);
        int section = h.start();
        int open = readme.indexOf("```java\n", section);
        int close = readme.indexOf("\n```", open + 8);
        assertTrue(open > 0 && close > open, "the section holds a java code block");
        return readme.substring(open + 8, close + 1);
    }

    /**
     * Compiles a guide program against the thin jar and qtm's dependencies and runs it in its own JVM.
     *
     * @param code the program, at most 25 lines with one public class
     * @param dir where to compile it
     * @return what it printed (stdout and stderr), after asserting it exited 0 within two minutes
     */
    static String compileAndRun(String code, Path dir) throws Exception {
        assertTrue(code.lines().count() <= 25, "at most 25 lines, has " + code.lines().count());
        Matcher name = Pattern.compile("public class (\\w+)").matcher(code);
        assertTrue(name.find(), "a public class");
        Path source = dir.resolve(name.group(1) + ".java");
        Files.writeString(source, code);
        String classpath = libraryClasspath();
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, "-cp", classpath, "-d", dir.toString(), source.toString());
        assertEquals(0, status, "the guide's Java API program compiles");
        // From the temporary directory, so that a shipped scenario is found in the classes, not in ./scenarios.
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                classpath + java.io.File.pathSeparator + dir, name.group(1)).directory(dir.toFile())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "finishes");
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    /**
     * What a project that depends on qtm has on its class path: the thin jar that {@code mvn package} built (in place
     * of target/classes, which failsafe lists when run on its own) and qtm's dependencies, without the test classes.
     *
     * @return that class path
     */
    static String libraryClasspath() throws IOException {
        List<String> out = new java.util.ArrayList<>();
        for (String e : System.getProperty("java.class.path").split(Pattern.quote(java.io.File.pathSeparator))) {
            Path p = Path.of(e);
            if (e.endsWith("test-classes")) {
                continue;
            }
            if (Files.isDirectory(p) && p.getFileName().toString().equals("classes")) {
                try (var files = Files.list(p.getParent())) {
                    List<Path> jar = files.filter(f -> f.getFileName().toString().matches("qtm-[0-9][^-]*(-SNAPSHOT)?\\.jar"))
                            .toList();
                    assertEquals(1, jar.size(), "one thin jar beside " + p + " (run after mvn package)");
                    out.add(jar.get(0).toString());
                }
            } else {
                out.add(e);
            }
        }
        assertTrue(out.stream().anyMatch(e -> e.matches(".*qtm-[0-9][^-/]*(-SNAPSHOT)?\\.jar")), "the thin jar is on " + out);
        return String.join(java.io.File.pathSeparator, out);
    }

    @Test
    void theReadmeProgramCompilesRunsAndAgreesWithExact(@TempDir Path dir) throws Exception {
        String out = compileAndRun(snippet(), dir);
        // The scan passes through the paper's optimum, C = 0.0540984 (independently: eq. (4) and the brute-force
        // grid of PaperValuesTest).
        assertTrue(out.contains("g=1.6e-03  C=0.05410"), out);
        List<String> rows = out.lines().filter(l -> l.startsWith("t=")).toList();
        assertEquals(11, rows.size(), out);
        for (String row : rows) {
            Matcher m = LINE.matcher(row);
            assertTrue(m.find(), row);
            double c = Double.parseDouble(m.group(2));
            double se = Double.parseDouble(m.group(3));
            double exact = Double.parseDouble(m.group(4));
            // five printed digits: allow their rounding
            assertTrue(Math.abs(c - exact) <= 4 * se + 1e-5, row);
        }
    }
}
