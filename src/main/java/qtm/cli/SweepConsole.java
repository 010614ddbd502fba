package qtm.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.function.LongConsumer;
import qtm.ensemble.EnsembleResult;
import qtm.run.EngineOutcome;
import qtm.scenario.Scenario;

/**
 * The console of one point of a Monte Carlo sweep: its progress bar names the point among all ({@code point 3/7
 * trajectories}) beside the ensemble's trajectories done and planned, and its ETA is the whole sweep's
 * ({@link SweepEta}); each ensemble's files are written as it ends, as {@code qtm run} writes them.
 */
final class SweepConsole extends BarConsole {
    private final String point;
    private final SweepEta eta;
    private boolean started;

    /**
     * @param stdout where the command prints
     * @param s the point's run scenario
     * @param dir the point's staging directory
     * @param seed the point's seed
     * @param i the point's index
     * @param n the sweep's number of points
     * @param eta the sweep's remaining time
     */
    SweepConsole(PrintWriter stdout, Scenario s, Path dir, long seed, int i, int n, SweepEta eta) {
        super(stdout, s, dir, seed, null, false);
        this.point = "point " + (i + 1) + "/" + n + " ";
        this.eta = eta;
    }

    @Override
    public LongConsumer started(String label, long n) {
        eta.ensembleStarted(!started, System.nanoTime());
        started = true;
        return super.started(point + label, n);
    }

    @Override
    double remaining(double ensembleSeconds) {
        return eta.remaining(ensembleSeconds, System.nanoTime());
    }

    @Override
    public void ensemble(String label, String engine, EnsembleResult result) {
        endBar();
        super.ensemble(label, engine, result);
    }

    @Override
    public void finished(EngineOutcome e) {
        endBar();
    }
}
