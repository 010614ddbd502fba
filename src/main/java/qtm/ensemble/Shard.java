package qtm.ensemble;

/**
 * Shard {@code index} of {@code count}: the contiguous trajectory indices [⌊iT/N⌋, ⌊(i+1)T/N⌋) of an ensemble of T.
 * Any layout of shards gives the same merged result, since every trajectory's stream is fixed by the seed and its
 * index ({@link Streams}) and sums merge exactly.
 *
 * @param index I, from 0 to N − 1
 * @param count N, ≥ 1
 */
public record Shard(int index, int count) {
    /** Most shards of one ensemble. */
    public static final int MAX = 100_000;

    /** @throws IllegalArgumentException unless 0 ≤ index &lt; count ≤ {@link #MAX} */
    public Shard {
        if (count < 1 || count > MAX || index < 0 || index >= count) {
            throw new IllegalArgumentException("expected I/N with 0 <= I < N <= " + MAX + ", got " + index + "/" + count);
        }
    }

    /**
     * @param text "I/N"
     * @return the shard
     * @throws IllegalArgumentException if malformed or out of range
     */
    public static Shard parse(String text) {
        if (text == null || !text.matches("[0-9]{1,9}/[0-9]{1,9}")) {
            throw new IllegalArgumentException("expected I/N, two whole numbers with 0 <= I < N <= " + MAX);
        }
        int slash = text.indexOf('/');
        return new Shard(Integer.parseInt(text.substring(0, slash)), Integer.parseInt(text.substring(slash + 1)));
    }

    /**
     * @param total the ensemble's trajectories T
     * @return [from, to) of this shard
     */
    public long[] range(long total) {
        return new long[] {split(total, index), split(total, index + 1)};
    }

    /** ⌊iT/N⌋ without overflow for T up to 10^12 and N up to 10^5. */
    private long split(long total, int i) {
        return total / count * i + total % count * i / count;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
