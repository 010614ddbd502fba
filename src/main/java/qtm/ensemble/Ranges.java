package qtm.ensemble;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Trajectory index ranges [from, to): what a set of results covers, overlaps and misses. */
public final class Ranges {
    /**
     * Most trajectories of one ensemble, so one past the largest index a range may hold: what a scenario or
     * --trajectories may ask for and what a saved file or shard record may claim. The time budget stops a run long
     * before.
     */
    public static final long MAX_TRAJECTORIES = 1_000_000_000_000L;

    private Ranges() {
    }

    /**
     * @param ranges ranges, in any order
     * @return the first pair of ranges that share an index, or null
     */
    public static long[][] overlap(List<long[]> ranges) {
        List<long[]> sorted = sorted(ranges);
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i)[0] < sorted.get(i - 1)[1]) {
                return new long[][] {sorted.get(i - 1), sorted.get(i)};
            }
        }
        return null;
    }

    /**
     * @param ranges disjoint ranges within [0, total), in any order
     * @param total T
     * @return the ranges of [0, T) that none of them covers, ascending
     */
    public static List<long[]> missing(List<long[]> ranges, long total) {
        List<long[]> out = new ArrayList<>();
        long at = 0;
        for (long[] r : sorted(ranges)) {
            if (r[0] > at) {
                out.add(new long[] {at, r[0]});
            }
            at = Math.max(at, r[1]);
        }
        if (at < total) {
            out.add(new long[] {at, total});
        }
        return out;
    }

    /** @return "[a, b)" */
    public static String show(long[] r) {
        return "[" + r[0] + ", " + r[1] + ")";
    }

    private static List<long[]> sorted(List<long[]> ranges) {
        List<long[]> s = new ArrayList<>(ranges);
        s.removeIf(r -> r[1] <= r[0]);
        s.sort(Comparator.comparingLong((long[] r) -> r[0]).thenComparingLong(r -> r[1]));
        return s;
    }

    /**
     * @param in ranges, in any order
     * @return them sorted, with adjacent ranges joined and empty ones dropped
     * @throws IllegalArgumentException if two share an index
     */
    static List<long[]> coalesce(List<long[]> in) {
        List<long[]> sorted = new ArrayList<>();
        for (long[] r : in) {
            if (r[1] > r[0]) {
                sorted.add(new long[] {r[0], r[1]});
            }
        }
        sorted.sort((a, b) -> Long.compare(a[0], b[0]));
        List<long[]> out = new ArrayList<>();
        for (long[] r : sorted) {
            if (!out.isEmpty() && out.get(out.size() - 1)[1] > r[0]) {
                throw new IllegalArgumentException("overlapping trajectory ranges [" + out.get(out.size() - 1)[0]
                        + ", " + out.get(out.size() - 1)[1] + ") and [" + r[0] + ", " + r[1] + ")");
            }
            if (!out.isEmpty() && out.get(out.size() - 1)[1] == r[0]) {
                out.get(out.size() - 1)[1] = r[1];
            } else {
                out.add(r);
            }
        }
        return List.copyOf(out);
    }
}
