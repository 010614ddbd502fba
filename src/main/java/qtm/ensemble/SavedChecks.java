package qtm.ensemble;

import java.util.List;

/**
 * The invariants every saved ensemble holds, whatever its format, checked on reading: a hand-edited or damaged file
 * must be refused, not merged into wrong results. A result covers ascending, disjoint index ranges whose lengths add
 * to its count; each jackknife batch counts exactly the indices of those ranges that fall in it (batch
 * (i / {@link EnsembleRunner#BLOCK}) mod {@link EnsembleResult#BATCHES}, a function of the index alone); every
 * number's sums stay within what that many trajectories can give; and the batches' sums add up to the totals.
 * Each method returns null when the invariant holds, else a short reason.
 */
final class SavedChecks {
    /** One past the largest trajectory index a run can have. */
    static final long MAX_INDEX = Ranges.MAX_TRAJECTORIES;
    /**
     * One trajectory's number q is a whole number of quanta with q² ≤ 2^53 (the commit checks it, see
     * {@link Block}), so |q| &lt; 2^27.
     */
    private static final int Q_BITS = 27;
    private static final int SQUARE_BITS = 53;
    private static final long CYCLE = (long) EnsembleRunner.BLOCK * EnsembleResult.BATCHES;

    private SavedChecks() {
    }

    /** Ranges [from, to) non-empty, ascending, disjoint, within [0, {@link #MAX_INDEX}), adding up to the count. */
    static String ranges(List<long[]> ranges, long count) {
        long at = 0;
        long covered = 0;
        for (long[] r : ranges) {
            String show = "its trajectory range " + Ranges.show(r);
            if (r[1] <= r[0]) {
                return show + " is empty or reversed";
            }
            if (r[0] < at) {
                return show + " starts before " + at + ", the end of the one before it (ranges ascend, disjoint)";
            }
            if (r[1] > MAX_INDEX) {
                return show + " ends beyond " + MAX_INDEX + ", the most trajectories a run may have";
            }
            // No overflow: each length is below 10^12 and there are at most 10^6 ranges.
            covered += r[1] - r[0];
            at = r[1];
        }
        if (covered != count) {
            return "its ranges hold " + covered + " trajectories, its sums " + count;
        }
        return null;
    }

    /** Each batch's count is the number of covered indices in it; call after {@link #ranges} passed. */
    static String batchCounts(List<long[]> ranges, long[] batchCount) {
        for (int j = 0; j < EnsembleResult.BATCHES; j++) {
            long n = 0;
            for (long[] r : ranges) {
                n += below(r[1], j) - below(r[0], j);
            }
            if (batchCount[j] != n) {
                return "its batch " + j + " counts " + batchCount[j] + " trajectories, its ranges put " + n + " in it";
            }
        }
        return null;
    }

    /** The indices in [0, x) that fall in batch j. */
    private static long below(long x, int j) {
        long rest = x % CYCLE - (long) j * EnsembleRunner.BLOCK;
        return x / CYCLE * EnsembleRunner.BLOCK + Math.max(0, Math.min(EnsembleRunner.BLOCK, rest));
    }

    /**
     * Per number: 0 ≤ |Σq| ≤ Σq² ≤ count · 2^53 (the q are whole numbers, so |q| ≤ q²); per batch and number:
     * |Σq| ≤ batch count · 2^27; and the batches' sums add up to the total of their number.
     */
    static String sums(Layout layout, long count, long[] sh, long[] sl, long[] qh, long[] ql, long[][] batch,
            long[] batchCount) {
        long capHi = count >>> (64 - SQUARE_BITS);
        long capLo = count << SQUARE_BITS;
        for (int i = 0; i < sh.length; i++) {
            long ah = sh[i];
            long al = sl[i];
            if (ah < 0) {
                al = -sl[i];
                ah = ~sh[i] + (sl[i] == 0 ? 1 : 0);
            }
            // ah < 0 still: Σq was −2^127, whose magnitude no 128-bit number holds.
            if (ah < 0 || qh[i] < 0 || compare(ah, al, qh[i], ql[i]) > 0 || compare(qh[i], ql[i], capHi, capLo) > 0) {
                return "its sums of number " + i + " are outside what " + count + " trajectories can give";
            }
        }
        int bw = layout.batchWidth();
        if (bw == 0) {
            return null;
        }
        for (int b = 0; b < batch.length; b++) {
            for (int x = 0; x < batch[b].length; x++) {
                long v = batch[b][x];
                long a = Math.abs(v);
                if (a < 0 || (a >>> Q_BITS) + ((a & ((1L << Q_BITS) - 1)) == 0 ? 0 : 1) > batchCount[b]) {
                    return "its batch " + b + " sum " + v + " is outside what " + batchCount[b]
                            + " trajectories can give";
                }
            }
        }
        int width = layout.width();
        int[] map = layout.batchSlots();
        long[] hi = new long[1];
        long[] lo = new long[1];
        for (int k = 0; k < layout.grid().points(); k++) {
            for (int p = 0; p < width; p++) {
                if (map[p] < 0) {
                    continue;
                }
                hi[0] = 0;
                lo[0] = 0;
                for (long[] row : batch) {
                    Int128.add(hi, lo, 0, row[k * bw + map[p]]);
                }
                int i = k * width + p;
                if (hi[0] != sh[i] || lo[0] != sl[i]) {
                    return "its batch sums of number " + i + " do not add up to its total";
                }
            }
        }
        return null;
    }

    /** Signed 128-bit comparison of (ah, al) with (bh, bl). */
    private static int compare(long ah, long al, long bh, long bl) {
        int c = Long.compare(ah, bh);
        return c != 0 ? c : Long.compareUnsigned(al, bl);
    }
}
