package qtm.output;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import qtm.input.InputException;

/**
 * The shards' jump records merged into one run's: each shard's {@link JumpRecords#INDEX} read and checked against
 * the others, then each engine's records concatenated in index order. Errors name the shard directory as the
 * command-line argument DIR (exit 2).
 */
public final class JumpMerge {
    private static final String WHERE = "command line";

    private JumpMerge() {
    }

    /**
     * Each shard's jump-record index, in the order of {@code dirs}, or null when no shard has records.
     *
     * @param dirs the shard directories
     * @return their indexes, or null
     * @throws InputException (exit 2) if one is damaged, or the shards were run with different --records
     */
    public static List<JumpRecords.Index> indexes(List<Path> dirs) {
        List<JumpRecords.Index> out = new ArrayList<>();
        int with = -1;
        int without = -1;
        for (int i = 0; i < dirs.size(); i++) {
            JumpRecords.Index x;
            try {
                x = JumpRecords.readIndex(dirs.get(i));
            } catch (IOException | IllegalArgumentException e) {
                throw new InputException(WHERE, "DIR", dirs.get(i).resolve(JumpRecords.INDEX).toString(),
                        "cannot be read as a jump-record index (" + e.getMessage() + ")");
            }
            out.add(x);
            if (x == null) {
                without = i;
            } else {
                with = i;
                if (x.limit() != firstLimit(out)) {
                    throw new InputException(WHERE, "DIR", dirs.get(i).toString(), "cannot be merged: its jump "
                            + "records are of the first " + x.limit() + " trajectories, another shard's of the "
                            + "first " + firstLimit(out) + "; run every shard with the same --records");
                }
            }
        }
        if (with < 0) {
            return null;
        }
        if (without >= 0) {
            throw new InputException(WHERE, "DIR", dirs.get(without).toString(), "cannot be merged: it holds no "
                    + "jump records (" + JumpRecords.INDEX + ") but " + dirs.get(with) + " does; run every shard "
                    + "with the same --records");
        }
        return out;
    }

    private static long firstLimit(List<JumpRecords.Index> indexes) {
        return indexes.stream().filter(x -> x != null).findFirst().orElseThrow().limit();
    }

    /**
     * Concatenates the shards' jump records of each engine in index order into the merged output.
     *
     * @param channels the channels, whose labels, baths and ν the records carry
     * @param engines the engines of the run, in run order
     * @param dirs the shard directories
     * @param indexes their indexes ({@link #indexes}, not null)
     * @param staging the merged output's directory
     * @throws InputException (exit 2) if a shard's records do not match its index
     * @throws IOException on read or write failure
     */
    public static void merge(JumpRecords.Channels channels, List<String> engines, List<Path> dirs,
            List<JumpRecords.Index> indexes, Path staging) throws IOException {
        try (JumpRecords merged = new JumpRecords(staging, indexes.get(0).limit(), channels)) {
            for (String engine : engines) {
                List<Integer> holders = new ArrayList<>();
                List<long[]> ranges = new ArrayList<>();
                for (int i = 0; i < indexes.size(); i++) {
                    JumpRecords.Coverage c = indexes.get(i).engines().get(engine);
                    if (c != null) {
                        ranges.addAll(c.ranges());
                        if (!c.ranges().isEmpty()) {
                            holders.add(i);
                        }
                    }
                }
                if (holders.isEmpty() && indexes.stream().noneMatch(x -> x.engines().containsKey(engine))) {
                    continue;
                }
                holders.sort(Comparator.comparingLong(i -> indexes.get(i).engines().get(engine).ranges()
                        .get(0)[0]));
                merged.openForMerge(engine);
                for (int i : holders) {
                    try {
                        merged.append(engine, dirs.get(i), indexes.get(i).engines().get(engine));
                    } catch (IllegalArgumentException e) {
                        throw new InputException(WHERE, "DIR", dirs.get(i).toString(), "cannot be merged: "
                                + e.getMessage());
                    }
                }
                merged.finishMerge(engine, ranges);
            }
            merged.writeIndex();
        }
    }
}
