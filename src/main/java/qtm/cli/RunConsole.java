package qtm.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.LongConsumer;
import qtm.ensemble.EnsembleResult;
import qtm.ensemble.JumpSink;
import qtm.output.JumpRecords;
import qtm.report.RunWriter;
import qtm.run.RunListener;
import qtm.scenario.Scenario;

/**
 * What every command that runs a scenario ({@code run}, {@code run --shard}, {@code merge}) does as the run goes:
 * writes each ensemble into the staging directory as soon as it ends, finishes its jump records, and keeps one
 * progress bar on stderr. The lines each command prints on stdout are its own: it overrides the callbacks it prints
 * in, and by default nothing is printed.
 */
class RunConsole implements RunListener {
    private final PrintWriter stdout;
    private final Scenario scenario;
    private final Path staging;
    private final long seed;
    private final boolean savedOnly;
    private final JumpRecords jumps;
    private ProgressBar bar;

    /**
     * @param stdout where the command prints
     * @param scenario the scenario run
     * @param staging the output directory's staging area
     * @param seed the run's seed
     * @param savedOnly write only each ensemble's saved sums (a shard), not its CSV and NPY series
     * @param jumps the jump records, or null for none
     */
    RunConsole(PrintWriter stdout, Scenario scenario, Path staging, long seed, boolean savedOnly, JumpRecords jumps) {
        this.stdout = stdout;
        this.scenario = scenario;
        this.staging = staging;
        this.seed = seed;
        this.savedOnly = savedOnly;
        this.jumps = jumps;
    }

    @Override
    public void ensemble(String label, String engine, EnsembleResult result) {
        try {
            if (savedOnly) {
                RunWriter.writeSaved(staging, scenario.source().json(), seed, label, result);
            } else {
                RunWriter.writeEnsemble(staging, scenario.source().json(), seed, label, engine, result);
            }
            if (jumps != null && engine != null) {
                jumps.finish(engine, result.ranges());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public JumpSink records(String label, String engine) {
        return jumps == null ? null : jumps.sink(engine);
    }

    /**
     * Ends the bar shown, if any, and shows a new one.
     *
     * @param label the ensemble's label
     * @param n its planned trajectories
     * @param quiet no bar (it is also off when stderr is not a terminal)
     * @return receives the trajectories done
     */
    final LongConsumer bar(String label, long n, boolean quiet) {
        endBar();
        bar = new ProgressBar(System.err, !quiet && ProgressBar.terminal(), label, this::remaining);
        ProgressBar current = bar;
        return done -> current.update(done, n);
    }

    /**
     * @param ensembleSeconds the current ensemble's own remaining seconds (NaN: unknown)
     * @return the remaining seconds the bar shows: those of the ensemble, unless a longer run knows more
     */
    double remaining(double ensembleSeconds) {
        return ensembleSeconds;
    }

    /** Ends the bar shown, if any. */
    final void endBar() {
        if (bar != null) {
            bar.finish();
            bar = null;
        }
    }

    /** Prints a line on stdout and flushes it. */
    final void say(String format, Object... args) {
        stdout.printf(Locale.ROOT, format, args);
        stdout.flush();
    }

    /** @return the scenario run */
    final Scenario scenario() {
        return scenario;
    }
}
