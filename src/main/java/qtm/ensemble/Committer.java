package qtm.ensemble;

import java.util.List;
import java.util.TreeMap;

/** Folds finished blocks into the totals in index order, and decides the target-SE stop. */
final class Committer {
    /** The largest whole number every double holds exactly: the bound on a block's sums. */
    private static final double EXACT = 0x1p53;
    /**
     * Blocks committed between two spills of the 64-bit running totals into the 128-bit ones: each block's sums are
     * at most {@link #EXACT} = 2^53 (checked at the commit), so 1,023 of them stay below 2^63; 1,024 could reach it.
     */
    private static final int SPILL = 1023;
    /** A target SE is only trusted once every batch has this many blocks. */
    private static final int MIN_BLOCKS_PER_BATCH = 2;
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
        firstBlock = settings.first() / EnsembleRunner.BLOCK;
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
            if ((next - firstBlock) % EnsembleRunner.ROUND == 0) {
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
            long[] into = batch[(int) ((c.first / EnsembleRunner.BLOCK) % EnsembleResult.BATCHES)];
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
        batchCount[(int) ((c.first / EnsembleRunner.BLOCK) % EnsembleResult.BATCHES)] += c.count;
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
                Math.min(settings.trajectories(), next * EnsembleRunner.BLOCK))});
        return new EnsembleResult(layout, committed, range, sumHi, sumLo, squareHi, squareLo, batch, batchCount,
                reason, seconds);
    }

    synchronized EnsembleResult result(StopReason reason, double seconds) {
        return snapshot(reason, seconds);
    }
}
