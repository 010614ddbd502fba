package qtm.ensemble;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;
import qtm.model.TimeGrid;
import qtm.observe.Quantity;
import qtm.input.Quote;

/**
 * The file {@code ensemble-<engine>.qtme}: one {@link EnsembleResult} with every sum exact, for machines (merging,
 * extending), not for reading. Gzip-compressed big-endian binary, format {@value #FORMAT}:
 *
 * <pre>
 * "QTME" · int format · long payload bytes · payload · int CRC32C of everything before it
 * payload: str qtm version · str engine · str scenario · long seed
 *   int lines · str... quantity signature (grid, then per quantity: name, kind, slots with hex quanta)
 *   int ranges · (long from, long to)... · long trajectories · long[32] batch counts
 *   long[size] Σq hi · long[size] Σq lo · long[size] Σq² hi · long[size] Σq² lo · 32 × long[points·batched] batch Σq
 * </pre>
 *
 * where {@code str} is an int byte count and UTF-8 bytes. Format 1 is the same without the payload length and the
 * checksum; it is still read. The identity that two files must share to be merged is (format, qtm version, engine,
 * scenario, seed) and the quantity signature; the trajectory count is not part of it. The same data gives the same
 * bytes (gzip records no time here).
 *
 * <p>Reading trusts nothing: the inflated size is bounded by what the header declares and the reader's quantities
 * allow (a gzip bomb is damaged, not a full heap), the checksum must match, and every invariant of the data
 * ({@link SavedChecks}) must hold, so that a hand-edited or damaged file is refused rather than merged into wrong
 * results.
 */
public final class SavedEnsemble {
    /** Format version written. */
    public static final int FORMAT = 2;
    /** The oldest format read. */
    private static final int OLDEST = 1;
    private static final byte[] MAGIC = {'Q', 'T', 'M', 'E'};
    /** Most bytes of the qtm version and of the engine label: short words, never more. */
    private static final int MAX_NAME = 1 << 10;
    /** Most bytes of the scenario as run (a scenario file has at most 1 MiB; its canonical JSON may be larger). */
    private static final int MAX_SCENARIO = 64 << 20;
    /** Most index ranges (a partial merge of {@link Shard#MAX} shards has fewer). */
    private static final int MAX_RANGES = 1_000_000;
    /** Magic, format and payload length. */
    private static final int HEAD = 16;
    /** The qtm version that writes and reads: the jar manifest's, or "dev" when run from classes. */
    public static final String QTM_VERSION = version();

    private static String version() {
        String v = SavedEnsemble.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    private SavedEnsemble() {
    }

    /**
     * What a saved ensemble belongs to.
     *
     * @param qtmVersion the qtm version that wrote it
     * @param engine the engine's label
     * @param scenario the scenario as run, without its {@code ensemble} section (canonical text)
     * @param seed the run's seed
     */
    public record Identity(String qtmVersion, String engine, String scenario, long seed) {
    }

    /**
     * A file read back.
     *
     * @param identity what it belongs to
     * @param result the data
     */
    public record Loaded(Identity identity, EnsembleResult result) {
    }

    /** A file that cannot be used: another format, identity or quantities, or damaged. */
    public static final class Mismatch extends Exception {
        private static final long serialVersionUID = 1L;
        /** The file's identity when it was read before the mismatch was found, else null. */
        private final transient Identity identity;

        Mismatch(String message) {
            this(message, null);
        }

        Mismatch(String message, Identity identity) {
            super(message);
            this.identity = identity;
        }

        /**
         * @return the identity the file carries, if the mismatch was found after reading it (its quantities are
         *     planned from the scenario, so another scenario usually records other quantities too, and the
         *     identity is the better reason); else null
         */
        public Identity identity() {
            return identity;
        }
    }

    /**
     * @param file where to write
     * @param identity what the result belongs to
     * @param r the result
     * @throws IOException on write failure
     */
    public static void write(Path file, Identity identity, EnsembleResult r) throws IOException {
        List<String> sig = r.layout().signature();
        List<long[]> ranges = r.ranges();
        long payload = payload(identity, sig, ranges.size(), r.layout());
        CheckedOutputStream checked;
        try (OutputStream os = Files.newOutputStream(file);
                DataOutputStream out = new DataOutputStream(checked = new CheckedOutputStream(
                        new BufferedOutputStream(new GZIPOutputStream(os, 1 << 16)), new CRC32C()))) {
            out.write(MAGIC);
            out.writeInt(FORMAT);
            out.writeLong(payload);
            str(out, identity.qtmVersion());
            str(out, identity.engine());
            str(out, identity.scenario());
            out.writeLong(identity.seed());
            out.writeInt(sig.size());
            for (String s : sig) {
                str(out, s);
            }
            out.writeInt(ranges.size());
            for (long[] x : ranges) {
                out.writeLong(x[0]);
                out.writeLong(x[1]);
            }
            out.writeLong(r.trajectories());
            longs(out, r.batchCounts());
            longs(out, r.sumHi());
            longs(out, r.sumLo());
            longs(out, r.squareHi());
            longs(out, r.squareLo());
            for (long[] b : r.batches()) {
                longs(out, b);
            }
            // size() saturates at 2^31 − 1: compare below that only (the length is computed, this guards the sum).
            if (HEAD + payload < Integer.MAX_VALUE && out.size() != HEAD + payload) {
                throw new IllegalStateException("saved ensemble of " + out.size() + " bytes, " + (HEAD + payload)
                        + " declared");
            }
            out.writeInt((int) checked.getChecksum().getValue());
        }
    }

    /** The payload's length in bytes: strings, signature and ranges as they are, the sums as the layout sizes them. */
    private static long payload(Identity id, List<String> sig, int ranges, Layout layout) {
        long n = strBytes(id.qtmVersion()) + strBytes(id.engine()) + strBytes(id.scenario()) + 8 + 4;
        for (String s : sig) {
            n += strBytes(s);
        }
        return n + 4 + 16L * ranges + data(layout);
    }

    /** Bytes from the trajectory count to the end of the batch sums. */
    private static long data(Layout layout) {
        return 8 + 8L * EnsembleResult.BATCHES + 32L * layout.size()
                + 8L * EnsembleResult.BATCHES * layout.grid().points() * layout.batchWidth();
    }

    private static long strBytes(String s) {
        return 4 + s.getBytes(StandardCharsets.UTF_8).length;
    }

    /**
     * Reads a file written by {@link #write}, for the given quantities on the given grid.
     *
     * @param file the file
     * @param quantities the quantities the caller records (their signature must match the file's)
     * @param grid the output grid
     * @return identity and data
     * @throws IOException if it cannot be read
     * @throws Mismatch if it is not a saved ensemble of this format and these quantities
     */
    public static Loaded read(Path file, List<Quantity> quantities, TimeGrid grid) throws IOException, Mismatch {
        Layout layout = new Layout(quantities, grid);
        // Only a regular file: a FIFO or device would block or never end.
        if (!Files.readAttributes(file, BasicFileAttributes.class).isRegularFile()) {
            throw new Mismatch("it is not a regular file (a directory, FIFO, socket or device); qtm reads only "
                    + "regular files");
        }
        // The most any file for these quantities can hold: the strings at their caps, the ranges at theirs.
        long most = 2 * MAX_NAME + MAX_SCENARIO + payload(new Identity("", "", "", 0), layout.signature(),
                MAX_RANGES, layout);
        CheckedInputStream checked;
        LimitedInput limited;
        try (InputStream is = Files.newInputStream(file);
                DataInputStream in = new DataInputStream(checked = new CheckedInputStream(limited = new LimitedInput(
                        new BufferedInputStream(new GZIPInputStream(is, 1 << 16), 1 << 16), 8 + most), new CRC32C()))) {
            byte[] magic = new byte[4];
            in.readFully(magic);
            if (!java.util.Arrays.equals(magic, MAGIC)) {
                throw new Mismatch("not a saved qtm ensemble");
            }
            int format = in.readInt();
            if (format < OLDEST || format > FORMAT) {
                throw new Mismatch("format version " + format + ", this qtm reads versions " + OLDEST + " to "
                        + FORMAT);
            }
            long declared = -1;
            if (format >= 2) {
                declared = in.readLong();
                if (declared < 0 || declared > most) {
                    throw damaged("its header declares " + declared + " bytes of data, at most " + most
                            + " fit its quantities");
                }
                limited.limit(HEAD + declared + 4);
            }
            Parts parts = payload(in, layout);
            if (declared >= 0) {
                if (limited.position() != HEAD + declared) {
                    throw damaged("its data is " + (limited.position() - HEAD) + " bytes, its header declares "
                            + declared);
                }
                int sum = (int) checked.getChecksum().getValue();
                if (in.readInt() != sum) {
                    throw damaged("its checksum does not match its contents");
                }
            }
            if (in.read() != -1) {
                throw damaged("it holds more after its end");
            }
            // Only now: the checksum says the bytes are what was written, the invariants that it made sense.
            return parts.checked(layout);
        } catch (EOFException | ZipException e) {
            throw new Mismatch("truncated or not a saved qtm ensemble");
        } catch (LimitedInput.Exceeded e) {
            throw damaged(e.getMessage());
        }
    }

    /** Everything after the header, as read. */
    private static Parts payload(DataInputStream in, Layout layout) throws IOException, Mismatch {
        Identity id = new Identity(str(in, MAX_NAME, "qtm version"), str(in, MAX_NAME, "engine"),
                str(in, MAX_SCENARIO, "scenario"), in.readLong());
        List<String> expected = layout.signature();
        if (in.readInt() != expected.size()) {
            throw new Mismatch("it records other quantities or another time grid", id);
        }
        for (String line : expected) {
            // Compared as read, so that a file of other quantities is never read whole.
            byte[] want = line.getBytes(StandardCharsets.UTF_8);
            int n = in.readInt();
            if (n != want.length) {
                throw new Mismatch("it records other quantities or another time grid", id);
            }
            byte[] got = new byte[n];
            in.readFully(got);
            if (!java.util.Arrays.equals(got, want)) {
                throw new Mismatch("it records other quantities or another time grid", id);
            }
        }
        int n = in.readInt();
        if (n < 0 || n > MAX_RANGES) {
            throw damaged("range count " + n + ", expected 0 to " + MAX_RANGES);
        }
        List<long[]> ranges = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ranges.add(new long[] {in.readLong(), in.readLong()});
        }
        long count = in.readLong();
        long[] batchCount = longs(in, EnsembleResult.BATCHES);
        int size = layout.size();
        long[] sh = longs(in, size);
        long[] sl = longs(in, size);
        long[] qh = longs(in, size);
        long[] ql = longs(in, size);
        long[][] batch = new long[EnsembleResult.BATCHES][];
        for (int b = 0; b < batch.length; b++) {
            batch[b] = longs(in, layout.grid().points() * layout.batchWidth());
        }
        return new Parts(id, ranges, count, batchCount, sh, sl, qh, ql, batch);
    }

    /** A file's data as read, before its invariants are checked. */
    private record Parts(Identity id, List<long[]> ranges, long count, long[] batchCount, long[] sh, long[] sl,
            long[] qh, long[] ql, long[][] batch) {
        /** @throws Mismatch (damaged) unless every invariant of {@link SavedChecks} holds */
        Loaded checked(Layout layout) throws Mismatch {
            String why = SavedChecks.ranges(ranges, count);
            if (why == null) {
                why = SavedChecks.batchCounts(ranges, batchCount);
            }
            if (why == null) {
                why = SavedChecks.sums(layout, count, sh, sl, qh, ql, batch, batchCount);
            }
            if (why != null) {
                throw damaged(why);
            }
            return new Loaded(id, new EnsembleResult(layout, count, ranges, sh, sl, qh, ql, batch, batchCount,
                    StopReason.TRAJECTORIES, 0));
        }
    }

    private static Mismatch damaged(String why) {
        return new Mismatch("damaged (" + why + ")");
    }

    /**
     * The one rule for merging and extending: the same format, qtm version, engine, scenario and seed.
     *
     * @param expected the identity of the run
     * @param found a file's
     * @return null if they match, else what differs
     */
    public static String mismatch(Identity expected, Identity found) {
        if (!expected.qtmVersion().equals(found.qtmVersion())) {
            return "it was written by qtm " + Quote.of(found.qtmVersion()) + ", this is qtm " + expected.qtmVersion();
        }
        if (!expected.engine().equals(found.engine())) {
            return "it holds engine " + Quote.of(found.engine()) + ", not " + expected.engine();
        }
        if (expected.seed() != found.seed()) {
            return "it was run with seed " + found.seed() + ", not " + expected.seed();
        }
        if (!expected.scenario().equals(found.scenario())) {
            return "it was run from another scenario (model, initial state, time grid or collision step differ)";
        }
        return null;
    }

    private static void str(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String str(DataInputStream in, int most, String what) throws IOException, Mismatch {
        int n = in.readInt();
        if (n < 0 || n > most) {
            throw damaged("its " + what + " is " + n + " bytes long, at most " + most + " allowed");
        }
        byte[] b = new byte[n];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    private static void longs(DataOutputStream out, long[] v) throws IOException {
        for (long x : v) {
            out.writeLong(x);
        }
    }

    /** In bulk: a merge of many shards reads millions of numbers, one readLong call each was most of its time. */
    private static long[] longs(DataInputStream in, int n) throws IOException {
        byte[] b = new byte[8 * n];
        in.readFully(b);
        long[] v = new long[n];
        java.nio.ByteBuffer.wrap(b).asLongBuffer().get(v);
        return v;
    }
}
