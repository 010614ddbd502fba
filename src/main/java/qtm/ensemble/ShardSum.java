package qtm.ensemble;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What some shards hold of one ensemble: their merged sums and each index range with the shard directory it came
 * from. Shards are summed as they come (in any order: the sums are exact); overlapping parts are not summed but kept,
 * so that the overlap can be reported, with its owners, once all are read.
 */
public final class ShardSum {
    private final EnsembleResult sum;
    private final List<long[]> ranges = new ArrayList<>();
    private final List<Path> owners = new ArrayList<>();

    private ShardSum(EnsembleResult sum) {
        this.sum = sum;
    }

    /**
     * @param r one shard's result of the ensemble, or null if it has none
     * @param dir its shard directory
     * @return its part
     */
    public static ShardSum of(EnsembleResult r, Path dir) {
        ShardSum p = new ShardSum(r);
        if (r != null) {
            for (long[] x : r.ranges()) {
                p.ranges.add(x);
                p.owners.add(dir);
            }
        }
        return p;
    }

    /**
     * @param o another part
     * @return both, summed unless their ranges overlap
     */
    public ShardSum plus(ShardSum o) {
        List<long[]> both = new ArrayList<>(ranges);
        both.addAll(o.ranges);
        // Overlapping parts are not summed (merge refuses them); the overlap is reported once all are read.
        boolean clash = Ranges.overlap(both) != null;
        ShardSum p = new ShardSum(sum == null ? o.sum : o.sum == null || clash ? sum : sum.merge(o.sum));
        p.ranges.addAll(both);
        p.owners.addAll(owners);
        p.owners.addAll(o.owners);
        return p;
    }

    /** @return the summed result, or null if no shard holds any of the ensemble */
    public EnsembleResult sum() {
        return sum;
    }

    /** @return every shard's index ranges */
    public List<long[]> ranges() {
        return ranges;
    }

    /**
     * @param range one of {@link #ranges()} (the same array)
     * @return the directory of the shard that holds it
     */
    public Path owner(long[] range) {
        for (int i = 0; i < ranges.size(); i++) {
            if (ranges.get(i) == range) {
                return owners.get(i);
            }
        }
        throw new IllegalStateException("no owner");
    }
}
