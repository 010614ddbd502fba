package qtm.ensemble;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
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
    /** The largest whole number every double holds exactly: the bound on a block's sums. */
    private static final double EXACT = 0x1p53;
    /**
     * Blocks committed between two spills of the 64-bit running totals into the 128-bit ones: each block's sums are
     * at most {@link #EXACT} = 2^53 (checked at the commit), so 1,023 of them stay below 2^63; 1,024 could reach it.
     */
    private static final int SPILL = 1023;
    /** Blocks between two target-SE checks. */
    public static final int ROUND = 16;
    /** A target SE is only trusted once every batch has this many blocks. */
    private static final int MIN_BLOCKS_PER_BATCH = 2;
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
     * The runner itself, with the workers given: the engine's, or the benchmark's baseline.
     *
     * @param makeWorker makes one worker per thread from the layout and the stop flag it must poll
     * @param layout what is recorded
     * @param settings index range, seed, stop conditions and threads
     * @param progress receives the number of trajectories committed so far
     * @param stopRequested polled while running; true ends the run with {@link StopReason#INTERRUPTED}
     * @param records where the jump records go (null: none)
     * @return the result
     */
    static EnsembleResult run(java.util.function.BiFunction<Layout, StopFlag, Worker> makeWorker, Layout layout,
            EnsembleSettings settings, LongConsumer progress, BooleanSupplier stopRequested, JumpSink records) {
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

    /** The runner's worker: an engine feeding a {@link Tally}, and a {@link JumpTee} for the recorded indices. */
    private static final class EngineWorker implements Worker {
        private final Engine engine;
        private final Tally tally;
        private final JumpTee tee;
        private final long seed;
        private final long recordBelow;
        private final StopFlag stop;

        EngineWorker(Engine engine, Layout layout, long seed, StopFlag stop, long recordBelow) {
            this.engine = engine;
            this.tally = new Tally(layout, stop);
            this.tee = recordBelow > 0 ? new JumpTee(tally) : null;
            this.seed = seed;
            this.recordBelow = recordBelow;
            this.stop = stop;
        }

        @Override
        public int stepSize() {
            return tally.stepSize();
        }

        @Override
        public boolean fill(Block b, long from, long to) {
            tally.into(b);
            // One comparison per trajectory is all that records cost a run without them (recordBelow = 0).
            long teeTo = Math.min(to, recordBelow);
            if (from < teeTo && b.jumps == null) {
                b.jumps = new JumpBuffer();
            }
            for (long i = from; i < to; i++) {
                engine.run(Streams.forTrajectory(seed, i), i < teeTo ? tee.next(i, b.jumps) : tally);
                if (stop.raised()) {
                    return false;
                }
            }
            tally.settle();
            return true;
        }
    }

    /** Folds finished blocks into the totals in index order, and decides the target-SE stop. */
    private static final class Committer {
        private final Layout layout;
        private final EnsembleSettings settings;
        private final StopFlag stop;
        private final long[] sumHi;
        private final long[] sumLo;
        private final long[] squareHi;
        private final long[] squareLo;
        private final long[][] batch;
        private final long[] batchCount = new long[EnsembleResult.BATCHES];
        /**
         * Σq and Σq² (interleaved) of the blocks committed since the last spill into the 128-bit totals: {@link #SPILL}
         * blocks of sums of at most 2^53 each fit in a long, and a block's
         * commit costs two long additions per number instead of two 128-bit ones.
         */
        private final long[] recent;
        private int sinceSpill;
        private final TreeMap<Long, Block> pending = new TreeMap<>();
        private final java.util.Set<Block> busy = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        private final long firstBlock;
        private final JumpSink records;
        private long next;
        private long committed;

        Committer(Layout layout, EnsembleSettings settings, StopFlag stop, JumpSink records) {
            this.records = records;
            this.layout = layout;
            this.settings = settings;
            this.stop = stop;
            int n = layout.size();
            sumHi = new long[n];
            sumLo = new long[n];
            squareHi = new long[n];
            squareLo = new long[n];
            batch = new long[EnsembleResult.BATCHES][layout.grid().points() * layout.batchWidth()];
            recent = new long[2 * n];
            firstBlock = settings.first() / BLOCK;
            next = firstBlock;
        }

        synchronized long committed() {
            return committed;
        }

        synchronized void raise(StopReason r) {
            stop.raise(r);
            notifyAll();
        }

        /** @return one of the worker's blocks that is not waiting to be committed; null once stopped */
        synchronized Block free(Block[] own) {
            while (true) {
                if (stop.raised()) {
                    return null;
                }
                for (Block b : own) {
                    if (!busy.contains(b)) {
                        busy.add(b);
                        return b;
                    }
                }
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return null;
                }
            }
        }

        synchronized void release(Block b) {
            busy.remove(b);
            notifyAll();
        }

        synchronized void submit(long j, Block b) {
            pending.put(j, b);
            while (!stop.raised() && pending.containsKey(next)) {
                Block c = pending.remove(next);
                fold(c);
                if (records != null && c.jumps != null && c.first < records.limit()) {
                    records.accept(c.jumps);
                }
                busy.remove(c);
                committed += c.count;
                next++;
                if ((next - firstBlock) % ROUND == 0) {
                    checkTarget();
                }
            }
            notifyAll();
        }

        private void fold(Block c) {
            double[] s = c.sums;
            double[] s2 = c.squares;
            long[] r = recent;
            for (int i = 0; i < s.length; i++) {
                if (!(s2[i] <= EXACT)) {
                    throw new IllegalStateException("a trajectory's value is outside the fixed-point range of its "
                            + "sums (more than 2^24 quanta of its quantity, or for counts that many jumps in one "
                            + "output bin)");
                }
                // Whole numbers of at most 2^53: the conversion is exact.
                r[2 * i] += (long) s[i];
                r[2 * i + 1] += (long) s2[i];
            }
            if (++sinceSpill == SPILL) {
                spill();
            }
            int width = layout.width();
            int bw = layout.batchWidth();
            if (bw > 0) {
                long[] into = batch[(int) ((c.first / BLOCK) % EnsembleResult.BATCHES)];
                int[] map = layout.batchSlots();
                int points = layout.grid().points();
                for (int k = 0; k < points; k++) {
                    for (int p = 0; p < width; p++) {
                        if (map[p] >= 0) {
                            int at = k * bw + map[p];
                            into[at] = Math.addExact(into[at], (long) s[k * width + p]);
                        }
                    }
                }
            }
            batchCount[(int) ((c.first / BLOCK) % EnsembleResult.BATCHES)] += c.count;
        }

        private void spill() {
            int n = sumHi.length;
            for (int i = 0; i < n; i++) {
                Int128.add(sumHi, sumLo, i, recent[2 * i]);
                Int128.add(squareHi, squareLo, i, recent[2 * i + 1]);
            }
            java.util.Arrays.fill(recent, 0);
            sinceSpill = 0;
        }

        private void checkTarget() {
            if (settings.targetSe() <= 0 || next - firstBlock < (long) MIN_BLOCKS_PER_BATCH * EnsembleResult.BATCHES) {
                return;
            }
            // An error bar that rests on a handful of rare events may be small by luck: never stop on it.
            qtm.stats.RareEvents.Flagged c = snapshot(null, 0).signedConcurrence(layout.grid().points() - 1);
            if (c.reliable() && c.se() > 0 && c.se() <= settings.targetSe()) {
                stop.raise(StopReason.TARGET_SE);
            }
        }

        private EnsembleResult snapshot(StopReason reason, double seconds) {
            spill();
            List<long[]> range = List.of(new long[] {settings.first(), Math.max(settings.first(),
                    Math.min(settings.trajectories(), next * BLOCK))});
            return new EnsembleResult(layout, committed, range, sumHi, sumLo, squareHi, squareLo, batch, batchCount,
                    reason, seconds);
        }

        synchronized EnsembleResult result(StopReason reason, double seconds) {
            return snapshot(reason, seconds);
        }
    }
}
