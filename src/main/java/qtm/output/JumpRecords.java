package qtm.output;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import qtm.ensemble.JumpBuffer;
import qtm.ensemble.JumpSink;
import qtm.model.Jump;
import qtm.model.MachineChannel;

/**
 * The jump records of a run's first K trajectories: for each engine {@code jumps-ENGINE.csv} and the same rows as
 * {@code jumps-ENGINE.npy} (see {@link Npy}), streamed to disk as blocks commit, and {@code jumps.json}, which says
 * which trajectory indices each file covers (a trajectory without jumps has no row, so the rows alone do not say).
 * Rows are in index order and, within a trajectory, in time order.
 */
public final class JumpRecords implements Closeable {
    /** The index of the records. */
    public static final String INDEX = "jumps.json";
    /** Largest K: records grow with K times the jumps per trajectory (28 bytes per jump in .npy, ~45 in CSV). */
    public static final long MAX_RECORDS = 10_000_000;
    /** The CSV header. */
    public static final String CSV_HEADER = "index,time,bath,channel,label,nu,energy";

    private final Path dir;
    private final long limit;
    private final Channels channels;
    private final String[] labels;
    private final Map<String, JumpFile> open = new LinkedHashMap<>();
    private final Map<String, Coverage> done = new LinkedHashMap<>();

    /**
     * What one engine's records cover.
     *
     * @param ranges the trajectory indices [from, to) recorded, ascending and disjoint
     * @param jumps the number of rows
     */
    public record Coverage(List<long[]> ranges, long jumps) {
    }

    /**
     * What a directory's {@link #INDEX} says.
     *
     * @param limit K
     * @param engines each engine's coverage, in run order
     */
    public record Index(long limit, Map<String, Coverage> engines) {
    }

    /**
     * What the records say of each channel: its label, the name of each bath by index, and each channel's ν, the
     * sign of the energy it moves into its bath (a machine's count N_k, which for a fermionic lead follows the energy
     * ω, not the heat ω − μ).
     *
     * @param labels each channel's label
     * @param baths each bath's name, by index
     * @param nu each channel's ν: +1, −1 or 0
     */
    public record Channels(List<String> labels, List<String> baths, int[] nu) {
        /** Copies the lists and the array. */
        public Channels {
            labels = List.copyOf(labels);
            baths = List.copyOf(baths);
            nu = nu.clone();
        }

        /**
         * @param jumps a two-qubit model's channels
         * @return their description: baths cold and hot, ν the sign of each channel's energy
         */
        public static Channels of(List<Jump> jumps) {
            return new Channels(jumps.stream().map(Jump::label).toList(), List.of("cold", "hot"),
                    jumps.stream().mapToInt(j -> (int) Math.signum(j.energy())).toArray());
        }

        /**
         * @param baths a machine's bath names
         * @param channels its channels, in the engine's order
         * @return their description: ν each channel's count
         */
        public static Channels of(List<String> baths, List<MachineChannel> channels) {
            return new Channels(channels.stream().map(MachineChannel::label).toList(), baths,
                    channels.stream().mapToInt(MachineChannel::count).toArray());
        }
    }

    /**
     * @param dir the (staging) directory to write into
     * @param limit K ≥ 1: trajectories with index &lt; K are recorded
     * @param jumps the model's channels, whose labels the CSV names
     */
    public JumpRecords(Path dir, long limit, List<Jump> jumps) {
        this(dir, limit, Channels.of(jumps));
    }

    /**
     * @param dir the (staging) directory to write into
     * @param limit K ≥ 1: trajectories with index &lt; K are recorded
     * @param channels the channels, whose labels, baths and ν the records carry
     */
    public JumpRecords(Path dir, long limit, Channels channels) {
        if (limit < 1) {
            throw new IllegalArgumentException("record limit must be >= 1, got " + limit);
        }
        this.dir = dir;
        this.limit = limit;
        this.channels = channels;
        this.labels = channels.labels().toArray(String[]::new);
    }

    /** @return the channels the records describe */
    public Channels channels() {
        return channels;
    }

    /**
     * @param engine engine name
     * @return its CSV file name
     */
    public static String csvName(String engine) {
        return "jumps-" + engine + ".csv";
    }

    /**
     * @param engine engine name
     * @return its NumPy file name
     */
    public static String npyName(String engine) {
        return "jumps-" + engine + ".npy";
    }

    /**
     * Opens one engine's two files.
     *
     * @param engine engine name
     * @return the sink the ensemble runner feeds
     * @throws UncheckedIOException if the files cannot be created
     */
    public JumpSink sink(String engine) {
        JumpFile f = file(engine);
        return new JumpSink() {
            @Override
            public long limit() {
                return limit;
            }

            @Override
            public void accept(JumpBuffer b) {
                try {
                    for (int i = 0; i < b.size(); i++) {
                        int c = b.channel(i);
                        f.row(b.index(i), b.time(i), b.bath(i), c, channels.nu()[c], b.energy(i));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    private JumpFile file(String engine) {
        if (open.containsKey(engine) || done.containsKey(engine)) {
            throw new IllegalStateException("records of " + engine + " already opened");
        }
        try {
            JumpFile f = new JumpFile(dir, engine, labels, channels.baths());
            open.put(engine, f);
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Closes one engine's files.
     *
     * @param engine engine name
     * @param ranges the index ranges of the ensemble as kept; the records cover their part below K
     * @throws IOException on write failure
     */
    public void finish(String engine, List<long[]> ranges) throws IOException {
        JumpFile f = open.remove(engine);
        if (f == null) {
            // No trajectories were run for it (an ensemble read back whole): nothing to record.
            return;
        }
        List<long[]> covered = new ArrayList<>();
        for (long[] r : ranges) {
            long to = Math.min(r[1], limit);
            if (r[0] < to) {
                add(covered, r[0], to);
            }
        }
        f.close();
        done.put(engine, new Coverage(covered, f.rows()));
    }

    private static void add(List<long[]> ranges, long from, long to) {
        if (!ranges.isEmpty() && ranges.get(ranges.size() - 1)[1] == from) {
            ranges.get(ranges.size() - 1)[1] = to;
        } else {
            ranges.add(new long[] {from, to});
        }
    }

    /**
     * Writes {@link #INDEX} for the engines finished so far.
     *
     * @throws IOException on write failure
     */
    public void writeIndex() throws IOException {
        JumpIndex.write(dir, limit, done);
    }

    /**
     * @param dir a run or shard directory
     * @return what its {@link #INDEX} says, or null when it has none (a run without records)
     * @throws IOException if it exists but cannot be read
     * @throws IllegalArgumentException if it is not a record index
     */
    public static Index readIndex(Path dir) throws IOException {
        return JumpIndex.read(dir);
    }

    /**
     * Opens an engine's files for a merge: {@link #append} then adds the shards' rows, in index order.
     *
     * @param engine engine name
     */
    public void openForMerge(String engine) {
        file(engine);
    }

    /**
     * Copies a shard's rows of one engine onto the end of the open files.
     *
     * @param engine engine name
     * @param shard the shard directory
     * @param coverage what its index says it holds of that engine
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException if it is not what the index says (damaged, or out of index order)
     */
    public void append(String engine, Path shard, Coverage coverage) throws IOException {
        JumpFile f = open.get(engine);
        Path npy = shard.resolve(npyName(engine));
        long rows = coverage.jumps();
        byte[] header = Npy.header(rows);
        if (!Files.isRegularFile(npy) || Files.size(npy) != header.length + rows * Npy.ROW_BYTES) {
            throw new IllegalArgumentException(npy.getFileName() + " is missing or not the size its " + INDEX
                    + " says (" + rows + " rows)");
        }
        try (FileChannel in = FileChannel.open(npy, StandardOpenOption.READ)) {
            ByteBuffer h = ByteBuffer.allocate(header.length);
            readFully(in, h);
            if (!java.util.Arrays.equals(h.array(), header)) {
                throw new IllegalArgumentException(npy.getFileName() + " does not start with the header qtm writes");
            }
            ByteBuffer b = ByteBuffer.allocate(Npy.ROW_BYTES * 4096).order(ByteOrder.LITTLE_ENDIAN);
            long left = rows;
            while (left > 0) {
                int n = (int) Math.min(left, 4096);
                b.clear().limit(n * Npy.ROW_BYTES);
                readFully(in, b);
                b.flip();
                for (int i = 0; i < n; i++) {
                    long index = b.getLong();
                    double time = b.getDouble();
                    int bath = b.get();
                    int channel = b.getShort();
                    int nu = b.get();
                    double energy = b.getDouble();
                    if (!inside(coverage.ranges(), index) || index < f.lastIndex() || (bath < 0 || bath >= channels.baths().size())
                            || channel < 0 || channel >= labels.length || nu < -1 || nu > 1) {
                        throw new IllegalArgumentException(npy.getFileName() + " holds a row (trajectory " + index
                                + ") outside what its " + INDEX + " says or out of index order");
                    }
                    f.row(index, time, bath, channel, nu, energy);
                }
                left -= n;
            }
        }
    }

    private static boolean inside(List<long[]> ranges, long index) {
        for (long[] r : ranges) {
            if (r[0] <= index && index < r[1]) {
                return true;
            }
        }
        return false;
    }

    /**
     * Ends a merge of one engine.
     *
     * @param engine engine name
     * @param ranges the union of the shards' coverage
     * @throws IOException on write failure
     */
    public void finishMerge(String engine, List<long[]> ranges) throws IOException {
        JumpFile f = open.remove(engine);
        f.close();
        List<long[]> sorted = new ArrayList<>(ranges);
        sorted.sort(java.util.Comparator.comparingLong(r -> r[0]));
        List<long[]> covered = new ArrayList<>();
        for (long[] r : sorted) {
            add(covered, r[0], r[1]);
        }
        done.put(engine, new Coverage(covered, f.rows()));
    }

    /**
     * Copies the records an earlier run wrote (its index and the files it names) into a new output, unchanged: an
     * extension keeps them.
     *
     * @param from the earlier run's directory
     * @param to the new (staging) directory
     * @throws IOException on failure
     * @throws IllegalArgumentException if its index cannot be read
     */
    public static void carry(Path from, Path to) throws IOException {
        // Read (and so checked to be a regular file) before it is copied: copying a FIFO would never end.
        Index index = readIndex(from);
        if (index == null) {
            return;
        }
        Files.copy(from.resolve(INDEX), to.resolve(INDEX));
        for (String engine : index.engines().keySet()) {
            for (String name : new String[] {csvName(engine), npyName(engine)}) {
                if (Files.isRegularFile(from.resolve(name))) {
                    Files.copy(from.resolve(name), to.resolve(name));
                }
            }
        }
    }

    private static void readFully(FileChannel in, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            if (in.read(b) < 0) {
                throw new IllegalArgumentException("file ends early");
            }
        }
    }

    /** Closes files still open (after a failure); what they hold is then incomplete and staged for removal. */
    @Override
    public void close() throws IOException {
        for (JumpFile f : open.values()) {
            f.close();
        }
        open.clear();
    }
}
