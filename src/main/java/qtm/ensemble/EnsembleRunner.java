package qtm.ensemble;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import qtm.engine.Engine;
import qtm.model.TimeGrid;
import qtm.observe.Quantity;

/**
 * Runs the trajectories [first, end) of an ensemble on several threads into an exact {@link EnsembleResult}.
 *
 * <p>Indices are cut into blocks aligned to multiples of {@link #BLOCK}; trajectory i draws from
 * {@link Streams#forTrajectory(long, long)} and belongs to jackknife batch (i / BLOCK) mod 32. Workers take blocks in
 * index order, each into a block of its own, and blocks are committed to the totals strictly in index order, so the
 * result is always a prefix [first, n) of complete trajectories. A stop (target SE, time budget, Ctrl-C) raises a
 * flag that the engines poll inside each trajectory; the block being run when it is raised is dropped whole with its
 * unfinished trajectory, so no partial trajectory enters a result. The target SE is judged after every
 * {@link #ROUND} blocks counted from the first, which does not depend on the thread count, so neither does the
 * result.
 */
public final class EnsembleRunner {
    /** Trajectories per block. */
    public static final int BLOCK = 32;
    /** Blocks between two target-SE checks. */
    public static final int ROUND = 16;
    private static final long POLL_MILLIS = 20;

    private EnsembleRunner() {
    }

    /**
     * Runs with the standard quantities ({@link qtm.observe.Quantities#standard}).
     *
     * @param engines makes one engine per worker thread
     * @param model the machine
     * @param rho0 the initial state the engines start from
     * @param grid output grid
     * @param settings index range, seed, stop conditions and threads
     * @return the result
     */
    public static EnsembleResult run(Supplier<Engine> engines, qtm.model.Model model,
            org.ejml.data.ZMatrixRMaj rho0, TimeGrid grid, EnsembleSettings settings) {
        return run(engines, qtm.observe.Quantities.standard(model, rho0, grid), grid, settings);
    }

    /**
     * @param engines makes one engine per worker thread
     * @param quantities what to record
     * @param grid output grid
     * @param settings index range, seed, stop conditions and threads
     * @return the result
     */
    public static EnsembleResult run(Supplier<Engine> engines, List<Quantity> quantities, TimeGrid grid,
            EnsembleSettings settings) {
        return run(engines, quantities, grid, settings, done -> { }, () -> false);
    }

    /**
     * As {@link #run(Supplier, List, TimeGrid, EnsembleSettings)}, reporting progress and stopping when asked.
     *
     * @param engines makes one engine per worker thread
     * @param quantities what to record
     * @param grid output grid
     * @param settings index range, seed, stop conditions and threads
     * @param progress receives the number of trajectories committed so far
     * @param stopRequested polled while running; true ends the run with {@link StopReason#INTERRUPTED}
     * @return the result
     */
    public static EnsembleResult run(Supplier<Engine> engines, List<Quantity> quantities, TimeGrid grid,
            EnsembleSettings settings, LongConsumer progress, BooleanSupplier stopRequested) {
        return run(engines, quantities, grid, settings, progress, stopRequested, null);
    }

    /**
     * As {@link #run(Supplier, List, TimeGrid, EnsembleSettings, LongConsumer, BooleanSupplier)}, also recording the
     * jumps of the trajectories with index below {@code records.limit()}: the sink receives those of each committed
     * block, in index order, so the records cover exactly the result's indices below the limit.
     *
     * @param engines makes one engine per worker thread
     * @param quantities what to record
     * @param grid output grid
     * @param settings index range, seed, stop conditions and threads
     * @param progress receives the number of trajectories committed so far
     * @param stopRequested polled while running; true ends the run with {@link StopReason#INTERRUPTED}
     * @param records where the jump records go (null: none)
     * @return the result
     */
    public static EnsembleResult run(Supplier<Engine> engines, List<Quantity> quantities, TimeGrid grid,
            EnsembleSettings settings, LongConsumer progress, BooleanSupplier stopRequested, JumpSink records) {
        Layout layout = new Layout(quantities, grid);
        long recordBelow = records == null ? 0 : records.limit();
        return run((l, stop) -> new EngineWorker(engines.get(), l, settings.seed(), stop, recordBelow), layout,
                settings, progress, stopRequested, records);
    }

    /**
     * The runner itself, with the workers given: the engine's, or the benchmark's baseline ({@code qtm.bench}).
     *
     * @param makeWorker makes one worker per thread from the layout and the stop flag it must poll
     * @param layout what is recorded
     * @param settings index range, seed, stop conditions and threads
     * @param progress receives the number of trajectories committed so far
     * @param stopRequested polled while running; true ends the run with {@link StopReason#INTERRUPTED}
     * @param records where the jump records go (null: none)
     * @return the result
     */
    public static EnsembleResult run(java.util.function.BiFunction<Layout, StopFlag, Worker> makeWorker,
            Layout layout, EnsembleSettings settings, LongConsumer progress, BooleanSupplier stopRequested,
            JumpSink records) {
        long start = System.nanoTime();
        StopFlag stop = new StopFlag();
        Committer committer = new Committer(layout, settings, stop, records);
        AtomicLong nextBlock = new AtomicLong(settings.first() / BLOCK);
        ExecutorService pool = Executors.newFixedThreadPool(settings.threads(), r -> {
            Thread t = new Thread(r, "qtm-ensemble");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < settings.threads(); w++) {
                workers.add(pool.submit(() -> {
                    try {
                        work(makeWorker.apply(layout, stop), layout, settings, stop, committer, nextBlock);
                    } catch (RuntimeException | Error e) {
                        // Wake the other workers, which may wait for this one's block, so that the failure surfaces.
                        committer.raise(StopReason.INTERRUPTED);
                        throw e;
                    }
                }));
            }
            double budgetNanos = settings.timeBudgetSeconds() * 1e9;
            for (Future<?> f : workers) {
                while (true) {
                    try {
                        f.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
                        break;
                    } catch (TimeoutException e) {
                        progress.accept(committer.committed());
                        if (stopRequested.getAsBoolean()) {
                            committer.raise(StopReason.INTERRUPTED);
                        } else if (System.nanoTime() - start >= budgetNanos) {
                            committer.raise(StopReason.TIME_BUDGET);
                        }
                    }
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
            if (cause instanceof Error r) {
                throw r;
            }
            throw new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
        }
        progress.accept(committer.committed());
        StopReason reason = stop.reason() == null ? StopReason.TRAJECTORIES : stop.reason();
        return committer.result(reason, (System.nanoTime() - start) * 1e-9);
    }

    /** One worker thread: takes blocks in index order, fills each and hands it to the committer. */
    private static void work(Worker worker, Layout layout, EnsembleSettings s, StopFlag stop, Committer committer,
            AtomicLong nextBlock) {
        Block[] own = {new Block(layout.size(), worker.stepSize()), new Block(layout.size(), worker.stepSize())};
        while (!stop.raised()) {
            long j = nextBlock.getAndIncrement();
            long from = Math.max(s.first(), j * BLOCK);
            long to = Math.min(s.trajectories(), (j + 1) * BLOCK);
            if (from >= to) {
                return;
            }
            Block b = committer.free(own);
            if (b == null) {
                return;
            }
            b.reset(from);
            if (!worker.fill(b, from, to)) {
                committer.release(b);
                return;
            }
            committer.submit(j, b);
        }
    }
}
