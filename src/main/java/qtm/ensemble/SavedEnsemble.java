package qtm.ensemble;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;
import qtm.model.TimeGrid;
import qtm.observe.Quantity;

/**
 * The file {@code ensemble-<engine>.qtme}: one {@link EnsembleResult} with every sum exact, for machines (merging,
 * extending), not for reading. Gzip-compressed big-endian binary, format {@value #FORMAT}:
 *
 * <pre>
 * "QTME" · int format · str qtm version · str engine · str scenario · long seed
 * int lines · str... quantity signature (grid, then per quantity: name, kind, slots with hex quanta)
 * int ranges · (long from, long to)... · long trajectories · long[32] batch counts
 * long[size] Σq hi · long[size] Σq lo · long[size] Σq² hi · long[size] Σq² lo · 32 × long[points·batched] batch Σq
 * </pre>
 *
 * where {@code str} is an int byte count and UTF-8 bytes. The identity that two files must share to be merged is
 * (format, qtm version, engine, scenario, seed) and the quantity signature; the trajectory count is not part of it.
 * The same data gives the same bytes (gzip records no time here).
 */
public final class SavedEnsemble {
    /** Format version. */
    public static final int FORMAT = 1;
    private static final byte[] MAGIC = {'Q', 'T', 'M', 'E'};
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
        try (OutputStream os = Files.newOutputStream(file);
                DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(
                        new GZIPOutputStream(os, 1 << 16)))) {
            out.write(MAGIC);
            out.writeInt(FORMAT);
            str(out, identity.qtmVersion());
            str(out, identity.engine());
            str(out, identity.scenario());
            out.writeLong(identity.seed());
            List<String> sig = r.layout().signature();
            out.writeInt(sig.size());
            for (String s : sig) {
                str(out, s);
            }
            List<long[]> ranges = r.ranges();
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
        }
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
        try (InputStream is = Files.newInputStream(file);
                DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(new GZIPInputStream(is, 1 << 16)))) {
            byte[] magic = new byte[4];
            in.readFully(magic);
            if (!java.util.Arrays.equals(magic, MAGIC)) {
                throw new Mismatch("not a saved qtm ensemble");
            }
            int format = in.readInt();
            if (format != FORMAT) {
                throw new Mismatch("format version " + format + ", this qtm reads version " + FORMAT);
            }
            Identity id = new Identity(str(in), str(in), str(in), in.readLong());
            int lines = in.readInt();
            List<String> sig = new ArrayList<>();
            for (int i = 0; i < lines && i < 10_000; i++) {
                sig.add(str(in));
            }
            if (!sig.equals(layout.signature())) {
                throw new Mismatch("it records other quantities or another time grid", id);
            }
            int n = in.readInt();
            if (n < 0 || n > 1_000_000) {
                throw new Mismatch("damaged (range count " + n + ")");
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
                batch[b] = longs(in, grid.points() * layout.batchWidth());
            }
            long covered = 0;
            for (long[] x : ranges) {
                covered += x[1] - x[0];
            }
            if (covered != count || in.read() != -1) {
                throw new Mismatch("damaged (its ranges hold " + covered + " trajectories, its sums " + count + ")");
            }
            try {
                return new Loaded(id, new EnsembleResult(layout, count, ranges, sh, sl, qh, ql, batch, batchCount,
                        StopReason.TRAJECTORIES, 0));
            } catch (IllegalArgumentException e) {
                throw new Mismatch("damaged (" + e.getMessage() + ")");
            }
        } catch (EOFException | ZipException e) {
            throw new Mismatch("truncated or not a saved qtm ensemble");
        }
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
            return "it was written by qtm " + found.qtmVersion() + ", this is qtm " + expected.qtmVersion();
        }
        if (!expected.engine().equals(found.engine())) {
            return "it holds engine " + found.engine() + ", not " + expected.engine();
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

    private static String str(DataInputStream in) throws IOException, Mismatch {
        int n = in.readInt();
        if (n < 0 || n > 64 << 20) {
            throw new Mismatch("damaged (string of " + n + " bytes)");
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
