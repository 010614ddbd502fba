package qtm.cli;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar on stderr: trajectories done, rate and ETA. It draws only when enabled (stderr is a
 * terminal and --quiet was not given), and at most ten times a second, so it costs nothing measurable.
 */
final class ProgressBar {
    private static final long MIN_INTERVAL_NANOS = 100_000_000L;
    private final PrintStream err;
    private final boolean enabled;
    private final String label;
    /** From the ensemble's own remaining seconds (NaN: unknown) to the remaining seconds shown. */
    private final java.util.function.DoubleUnaryOperator eta;
    private final long start = System.nanoTime();
    private long last;

    /**
     * @param err where to draw
     * @param enabled whether to draw at all
     * @param label the engine name
     */
    ProgressBar(PrintStream err, boolean enabled, String label) {
        this(err, enabled, label, x -> x);
    }

    /**
     * @param err where to draw
     * @param enabled whether to draw at all
     * @param label the engine name, or what names the ensemble in a longer run
     * @param eta the remaining seconds shown, from the ensemble's own estimate (NaN when it has no rate yet): a
     *     sweep's adds the points after this one and bounds it by their time budget ({@link SweepEta})
     */
    ProgressBar(PrintStream err, boolean enabled, String label, java.util.function.DoubleUnaryOperator eta) {
        this.err = err;
        this.enabled = enabled;
        this.label = label;
        this.eta = eta;
    }

    /**
     * Whether stderr is an interactive terminal. Java 17 cannot ask that of stderr directly (System.console() looks
     * at stdin and stdout), so on Linux the file descriptor's target is read; elsewhere the console decides.
     *
     * @return true if the bar should be drawn
     */
    static boolean terminal() {
        try {
            String target = java.nio.file.Files.readSymbolicLink(java.nio.file.Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (java.io.IOException | UnsupportedOperationException e) {
            return System.console() != null;
        }
    }

    /**
     * @param done trajectories finished
     * @param total trajectories planned
     */
    synchronized void update(long done, long total) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (now - last < MIN_INTERVAL_NANOS && done < total) {
            return;
        }
        last = now;
        err.print("\r" + line(done, total, (now - start) * 1e-9));
        err.flush();
    }

    /** Ends the line. */
    synchronized void finish() {
        if (enabled) {
            err.println();
        }
    }

    /**
     * @param done finished
     * @param total planned
     * @param seconds elapsed
     * @return the text of the bar
     */
    String line(long done, long total, double seconds) {
        int width = 30;
        double f = total > 0 ? Math.min(1.0, (double) done / total) : 0;
        int filled = (int) Math.round(f * width);
        double rate = seconds > 0 ? done / seconds : 0;
        double left = eta.applyAsDouble(rate > 0 ? (total - done) / rate : Double.NaN);
        String shown = Double.isFinite(left) ? String.format(Locale.ROOT, "%.0fs", left) : "?";
        return String.format(Locale.ROOT, "%-12s [%s%s] %d/%d  %.0f traj/s  ETA %s ", label, "#".repeat(filled),
                " ".repeat(width - filled), done, total, rate, shown);
    }
}
