package qtm.ensemble;

/**
 * Signed 128-bit integers stored as (hi, lo) pairs in two parallel long arrays: the totals of an ensemble, which
 * must add exactly in any order and never overflow at 10^12 trajectories of 2^56-bounded squares.
 */
final class Int128 {
    private static final double TWO_64 = 0x1p64;

    private Int128() {
    }

    /** Adds the signed 64-bit v to element i. */
    static void add(long[] hi, long[] lo, int i, long v) {
        long a = lo[i];
        long s = a + v;
        hi[i] += (v >> 63) + (Long.compareUnsigned(s, a) < 0 ? 1 : 0);
        lo[i] = s;
    }

    /** Adds element j of (bhi, blo) to element i of (hi, lo). */
    static void add(long[] hi, long[] lo, int i, long bhi, long blo) {
        long a = lo[i];
        long s = a + blo;
        hi[i] += bhi + (Long.compareUnsigned(s, a) < 0 ? 1 : 0);
        lo[i] = s;
    }

    /** @return the value as the nearest double (deterministic) */
    static double toDouble(long hi, long lo) {
        if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0)) {
            return lo;
        }
        return hi * TWO_64 + ((lo >>> 1) * 2.0 + (lo & 1));
    }
}
