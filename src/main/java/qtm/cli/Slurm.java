package qtm.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import qtm.output.SlurmScripts;
import qtm.input.InputException;

/**
 * The Slurm commands qtm calls: sbatch to submit, scontrol to read a job's state; and the command line that runs this
 * qtm in a job.
 */
final class Slurm {
    private static final Pattern STATE = Pattern.compile("JobState=([A-Z_]+)");
    /** States a job does not leave (Slurm's job_state_string values). */
    private static final Set<String> FINAL = Set.of("COMPLETED", "FAILED", "CANCELLED", "TIMEOUT", "NODE_FAIL",
            "OUT_OF_MEMORY", "PREEMPTED", "BOOT_FAIL", "DEADLINE", "REVOKED", "SPECIAL_EXIT");
    private static final long POLL_MS = 1000;
    private static final int RETRIES = 30;

    private Slurm() {
    }

    /**
     * @param cmd the command
     * @return what it printed on stdout
     * @throws InputException (exit 2) if it fails, with what it printed
     */
    static String run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int status = p.waitFor();
        if (status != 0) {
            throw new InputException("command line", "--submit", String.join(" ", cmd), "failed with exit "
                    + status + ": " + text.strip().replace('\n', ' '));
        }
        return text;
    }

    /**
     * Waits until a job reaches a final state, read from {@code scontrol show job} (not from {@code sbatch --wait},
     * whose exit code is 0 for a job cancelled while pending).
     *
     * @param id the job id
     * @return its final state, e.g. COMPLETED or CANCELLED; "UNKNOWN" if Slurm no longer holds its record
     */
    static String waitFor(String id) throws IOException, InterruptedException {
        int failures = 0;
        while (true) {
            Process p = new ProcessBuilder("scontrol", "show", "job", "-o", id).redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = p.waitFor();
            Matcher m = STATE.matcher(text);
            if (status != 0 || !m.find()) {
                // A busy controller may not answer once; a job whose record is gone answers the same way every time.
                if (++failures >= RETRIES) {
                    return "UNKNOWN";
                }
                Thread.sleep(POLL_MS);
                continue;
            }
            failures = 0;
            if (FINAL.contains(m.group(1))) {
                return m.group(1);
            }
            Thread.sleep(POLL_MS);
        }
    }

    /** "0-3,5,7-8" for sorted indices. */
    static String ranges(List<Integer> xs) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < xs.size(); ) {
            int j = i;
            while (j + 1 < xs.size() && xs.get(j + 1) == xs.get(j) + 1) {
                j++;
            }
            b.append(b.length() == 0 ? "" : ",").append(xs.get(i));
            if (j > i) {
                b.append('-').append(xs.get(j));
            }
            i = j + 1;
        }
        return b.toString();
    }

    static String jobId(String parsable) {
        String id = parsable.trim();
        int semi = id.indexOf(';');
        id = semi >= 0 ? id.substring(0, semi) : id;
        if (!id.matches("[0-9]+")) {
            throw new IllegalStateException("sbatch printed no job id: " + parsable);
        }
        return id;
    }

    static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String d : path.split(java.io.File.pathSeparator)) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, program))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The command that runs this qtm: its java and its jar by absolute path ({@code java -jar qtm.jar}), or for a
     * development build, its class path.
     */
    static String launcher() {
        String javaCmd = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        try {
            Path code = Path.of(Slurm.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(code) && code.toString().endsWith(".jar")) {
                return SlurmScripts.quote(javaCmd) + " -jar " + SlurmScripts.quote(code.toAbsolutePath().normalize().toString());
            }
        } catch (java.net.URISyntaxException | RuntimeException e) {
            // fall through to the class path
        }
        StringBuilder cp = new StringBuilder();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (!entry.isEmpty()) {
                cp.append(cp.length() == 0 ? "" : java.io.File.pathSeparator)
                        .append(Path.of(entry).toAbsolutePath().normalize());
            }
        }
        return SlurmScripts.quote(javaCmd) + " -Djava.awt.headless=true -cp " + SlurmScripts.quote(cp.toString()) + " qtm.cli.Main";
    }
}
