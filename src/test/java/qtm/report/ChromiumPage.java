package qtm.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Debian's chromium, headless, as the probe of this machine kind starts it. */
public final class ChromiumPage {
    /** What one page load gave. */
    public record Page(int status, String dom, List<String> consoleLines) {
    }

    private ChromiumPage() {
    }

    /** Skips the test where chromium is absent, except in CI, which installs it and must run the test. */
    static Path executable() {
        for (String name : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser")) {
            if (Files.isExecutable(Path.of(name))) {
                return Path.of(name);
            }
        }
        if (System.getenv("CI") != null) {
            throw new AssertionError("CI must install chromium (.ci/run does)");
        }
        Assumptions.abort("chromium is not installed");
        return null;
    }

    public static Page load(Path html, Path work, String... extra) throws IOException, InterruptedException {
        return load(html.toUri(), work, extra);
    }

    /**
     * As {@link #load(Path, Path, String...)} for a URL, which may carry a fragment such as the report's
     * {@code #selftest}.
     */
    public static Page load(java.net.URI page, Path work, String... extra) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(executable().toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--user-data-dir=" + work.resolve("profile"),
                "--enable-logging=stderr", "--v=0"));
        cmd.addAll(List.of(extra));
        cmd.add(page.toString());
        Path out = work.resolve("chromium.out");
        Path err = work.resolve("chromium.err");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish in 120 s");
        }
        List<String> console = Files.readAllLines(err, StandardCharsets.UTF_8).stream()
                .filter(l -> l.contains(":CONSOLE") || l.contains("Uncaught")).toList();
        return new Page(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), console);
    }
}
