package qtm.run;

import java.util.List;
import qtm.input.InputException;
import qtm.scenario.Scenario;

/**
 * What {@code qtm run} refuses before anything runs or is written, in one place so that {@code qtm sweep}'s Monte
 * Carlo points and the Java API refuse the same scenarios with the same words.
 */
public final class RunChecks {
    /**
     * Largest output grid for an ensemble: about 6.5 kB of sums per grid point and engine (the guide,
     * src/site/markdown/ensembles-and-clusters.md, "Memory").
     */
    public static final int MAX_POINTS = 100_001;

    private RunChecks() {
    }

    /**
     * Every check of a run, in the order {@code qtm run} makes them.
     *
     * @param s a run's scenario
     * @param threads the worker threads
     * @return the notices of a shortened collision step ({@link CollisionSteps#check})
     * @throws InputException (exit 2) naming the key that cannot be run
     */
    public static List<String> all(Scenario s, int threads) {
        points(s);
        if (s.isMachine()) {
            machine(s, threads);
        }
        return CollisionSteps.check(s);
    }

    /**
     * @param s a run's scenario
     * @throws InputException (exit 2) for a grid of more than {@value #MAX_POINTS} points, or detectors the run could
     *     not record ({@link #detection})
     */
    public static void points(Scenario s) {
        if (s.time().points() > MAX_POINTS) {
            // Every batch keeps sums and sums of squares of ~23 series per grid point: memory grows with points.
            throw new InputException(s.file(), "time.points", Integer.toString(s.time().points()),
                    "qtm run accepts at most " + MAX_POINTS + " grid points (evolve takes more)");
        }
        detection(s);
    }

    /**
     * Refuses detectors a run could not record, so that {@code detection} is never silently ignored: the detected
     * counts come from the trajectories engine, on the grids where the true counts are recorded, and on a machine where
     * their exact reference fits the bound of the true counts' ({@link qtm.observe.MachineCounts#absence}). A run of
     * the diffusive engine without the trajectories engine reads the efficiencies (issue 29) and refuses a dark rate.
     *
     * @param s a run's scenario
     * @throws InputException (exit 2) naming {@code detection}
     */
    static void detection(Scenario s) {
        if (s.detection() == null) {
            return;
        }
        List<String> engines = s.simulation().engines();
        if (!engines.contains(qtm.engine.EngineKind.TRAJECTORIES.key())
                && engines.contains(qtm.engine.EngineKind.DIFFUSIVE.key())) {
            // The diffusive engine reads each detector's efficiency (issue 29); a dark rate it cannot use.
            for (var d : s.detection().detectors().entrySet()) {
                if (d.getValue().darkRate() > 0) {
                    throw new InputException(s.file(), "detection." + d.getKey() + ".dark_rate",
                            Double.toString(d.getValue().darkRate()), "0 without the trajectories engine: the "
                            + "diffusive engine reads each detector's efficiency only; add trajectories to engines");
                }
            }
            return;
        }
        String why = !engines.contains(qtm.engine.EngineKind.TRAJECTORIES.key())
                ? "qtm run records detected counts with the trajectories engine only: add it to engines, or remove "
                        + "detection (qtm fcs reads it for any scenario)"
                : s.time().points() > qtm.observe.NetCounts.MAX_POINTS
                ? "detected counts are recorded on grids of at most " + qtm.observe.NetCounts.MAX_POINTS + " points"
                : s.isMachine() ? qtm.observe.MachineCounts.absence(s.machine(), s.time()) : null;
        if (why != null) {
            throw new InputException(s.file(), "detection", "(" + String.join(", ", s.detection().detectors()
                    .keySet()) + ")", why);
        }
    }

    /**
     * Refuses, before anything is written, a grid too large for a machine's sums on that many threads, and a target
     * SE on a machine of one site, which has no bipartition whose negativity it could bound.
     *
     * @param s the machine's scenario
     * @param threads the worker threads
     * @throws InputException (exit 2) naming {@code time.points} or {@code ensemble.target_se}
     */
    public static void machine(Scenario s, int threads) {
        int max = RunPlan.maxMachinePoints(s, threads);
        if (s.time().points() > max) {
            // The sums grow with d² and the threads: the cap keeps a machine's ensemble within the presets' memory.
            long kb = Math.round(RunPlan.bytesPerPoint(RunPlan.quantities(s, "trajectories"), threads) / 1e3);
            throw new InputException(s.file(), "time.points", Integer.toString(s.time().points()),
                    "qtm run accepts at most " + max + " grid points for this machine of " + s.machine().dimension()
                    + " states on " + threads + " threads (about " + kb + " kB of sums per point; the guide's "
                    + "machines.md, \"Memory\"; fewer --threads allow more)");
        }
        if (s.simulation().targetSe() > 0 && s.machine().siteNames().size() == 1) {
            throw new InputException(s.file(), "ensemble.target_se",
                    Double.toString(s.simulation().targetSe()), "a machine of one site has no bipartition whose "
                    + "negativity the target could bound (the guide's machines.md, \"target_se on a machine\"); "
                    + "remove the key");
        }
    }
}
