package qtm.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import qtm.scenario.ScenarioException;

/** The Slurm commands qtm calls: sbatch to submit, scontrol to read a job's state. */
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
     * @throws ScenarioException (exit 2) if it fails, with what it printed
     */
    static String run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int status = p.waitFor();
        if (status != 0) {
            throw new ScenarioException("command line", "--submit", String.join(" ", cmd), "failed with exit "
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
}
