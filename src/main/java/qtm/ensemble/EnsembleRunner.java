package qtm.ensemble;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import qtm.engine.Engine;
import qtm.model.Model;
import qtm.model.TimeGrid;
import qtm.stats.Covariance;
import qtm.stats.RunningSums;

/**
 * Runs an ensemble of trajectories on several threads with results that do not depend on the thread count.
 *
 * <p>Trajectory indices are cut into chunks whose size depends only on the requested count. Each chunk is run into its
 * own fresh sums, with trajectory i drawing from {@link Streams#forTrajectory(long, long)}; chunks go out in rounds of
 * {@link #ROUND} and are merged in index order, chunk c into jackknife batch c mod {@link #BATCHES}. Stop conditions
 * are checked between rounds, so the trajectory count and the target-SE stop are reproducible too. Memory is O(points):
 * the batches plus one round of chunk sums.
 */
public final class EnsembleRunner {
    /** Number of jackknife batches. */
    public static final int BATCHES = 32;
    /** Chunks per round. */
    public static final int ROUND = 16;
    private static final int MAX_CHUNK = 256;
    /** A target SE is only trusted once every batch has this many chunks. */
    private static final int MIN_CHUNKS_PER_BATCH = 2;

    private EnsembleRunner() {
    }

    /**
     * @param engines makes one engine per worker thread
     * @param model the machine (for the heat formula)
     * @param grid output grid
     * @param settings size, seed, stop conditions and threads
     * @return the merged result
     */
    public static EnsembleResult run(Supplier<Engine> engines, Model model, TimeGrid grid, EnsembleSettings settings) {
        return run(engines, model, grid, settings, done -> { });
    }

    /**
     * As {@link #run(Supplier, Model, TimeGrid, EnsembleSettings)}, reporting progress between rounds.
     *
     * @param engines makes one engine per worker thread
     * @param model the machine (for the heat formula)
     * @param grid output grid
     * @param settings size, seed, stop conditions and threads
     * @param progress receives the number of trajectories merged so far
     * @return the merged result
     */
    public static EnsembleResult run(Supplier<Engine> engines, Model model, TimeGrid grid, EnsembleSettings settings,
            java.util.function.LongConsumer progress) {
        return run(engines, model, grid, settings, progress, () -> false);
    }

    /**
     * As {@link #run(Supplier, Model, TimeGrid, EnsembleSettings, java.util.function.LongConsumer)}, stopping early
     * when asked. A stop is honoured between rounds, so every trajectory in the result is complete.
     *
     * @param engines makes one engine per worker thread
     * @param model the machine (for the heat formula)
     * @param grid output grid
     * @param settings size, seed, stop conditions and threads
     * @param progress receives the number of trajectories merged so far
     * @param stopRequested polled between rounds; true ends the run with {@link StopReason#INTERRUPTED}
     * @return the merged result
     */
    public static EnsembleResult run(Supplier<Engine> engines, Model model, TimeGrid grid, EnsembleSettings settings,
            java.util.function.LongConsumer progress, java.util.function.BooleanSupplier stopRequested) {
        long start = System.nanoTime();
        long n = settings.trajectories();
        int chunk = (int) Math.max(1, Math.min(MAX_CHUNK, (n + 4L * BATCHES - 1) / (4L * BATCHES)));
        RunningSums[] batches = new RunningSums[BATCHES];
        for (int b = 0; b < BATCHES; b++) {
            batches[b] = new RunningSums(Layout.WIDTH * grid.points());
        }
        Covariance last = new Covariance(Layout.RHO_SIZE);
        ThreadLocal<Engine> local = ThreadLocal.withInitial(engines);
        ExecutorService pool = Executors.newFixedThreadPool(settings.threads(), r -> {
            Thread t = new Thread(r, "qtm-ensemble");
            t.setDaemon(true);
            return t;
        });
        StopReason reason;
        try {
            long done = 0;
            long nextChunk = 0;
            while (true) {
                List<Future<Accumulator>> round = new ArrayList<>(ROUND);
                for (int c = 0; c < ROUND && done + (long) c * chunk < n; c++) {
                    long first = (nextChunk + c) * chunk;
                    long count = Math.min(chunk, n - first);
                    round.add(pool.submit(() -> runChunk(local.get(), model, grid, settings.seed(), first, count)));
                }
                for (Future<Accumulator> f : round) {
                    Accumulator a = f.get();
                    batches[(int) (nextChunk % BATCHES)].merge(a.sums());
                    last.merge(a.last());
                    done += a.sums().count();
                    nextChunk++;
                }
                progress.accept(done);
                reason = stopRequested.getAsBoolean() ? StopReason.INTERRUPTED
                        : stop(settings, done, nextChunk, batches, grid, start);
                if (reason != null) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("ensemble interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
        }
        return new EnsembleResult(grid, batches, last, reason, (System.nanoTime() - start) * 1e-9);
    }

    private static StopReason stop(EnsembleSettings s, long done, long chunks, RunningSums[] batches, TimeGrid grid,
            long start) {
        if (done >= s.trajectories()) {
            return StopReason.TRAJECTORIES;
        }
        if (s.targetSe() > 0 && chunks >= (long) MIN_CHUNKS_PER_BATCH * BATCHES) {
            // An error bar that rests on a handful of rare events may be small by luck: never stop on it.
            qtm.stats.RareEvents.Flagged c = EnsembleResult.signedConcurrence(batches, grid.points() - 1);
            double se = c.se();
            if (c.reliable() && se > 0 && se <= s.targetSe()) {
                return StopReason.TARGET_SE;
            }
        }
        if ((System.nanoTime() - start) * 1e-9 >= s.timeBudgetSeconds()) {
            return StopReason.TIME_BUDGET;
        }
        return null;
    }

    private static Accumulator runChunk(Engine engine, Model model, TimeGrid grid, long seed, long first, long count) {
        Accumulator a = new Accumulator(model, grid);
        for (long i = first; i < first + count; i++) {
            engine.run(Streams.forTrajectory(seed, i), a);
        }
        return a;
    }
}
