package qtm.output;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** One engine's CSV and .npy, written row by row; the .npy header is rewritten with the row count at the end. */
final class JumpFile {
    private final BufferedWriter csv;
    private final FileChannel npy;
    private final ByteBuffer buf = ByteBuffer.allocate(Npy.ROW_BYTES * 4096).order(ByteOrder.LITTLE_ENDIAN);
    private final String[] labels;
    private final String[] baths;
    private final StringBuilder line = new StringBuilder();
    private long rows;
    private long lastIndex;
    private boolean closed;

    JumpFile(Path dir, String engine, String[] labels, java.util.List<String> baths) throws IOException {
        this.labels = labels;
        this.baths = baths.toArray(String[]::new);
        csv = Files.newBufferedWriter(dir.resolve(JumpRecords.csvName(engine)), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        npy = FileChannel.open(dir.resolve(JumpRecords.npyName(engine)), StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE);
        csv.write(JumpRecords.CSV_HEADER);
        csv.write('\n');
        // Its length does not depend on the count (Npy), so the final header fits over this one.
        writeFully(ByteBuffer.wrap(Npy.header(0)));
    }

    /** @return the rows written so far */
    long rows() {
        return rows;
    }

    /** @return the trajectory index of the last row written */
    long lastIndex() {
        return lastIndex;
    }

    void row(long index, double time, int bath, int channel, int nu, double energy) throws IOException {
        lastIndex = index;
        rows++;
        if (buf.remaining() < Npy.ROW_BYTES) {
            flushNpy();
        }
        buf.putLong(index).putDouble(time).put((byte) bath).putShort((short) channel).put((byte) nu)
                .putDouble(energy);
        line.setLength(0);
        line.append(index).append(',').append(time).append(',').append(baths[bath]).append(',')
                .append(channel).append(',').append(csvText(labels[channel])).append(',').append(nu).append(',')
                .append(energy).append('\n');
        csv.append(line);
    }

    private void flushNpy() throws IOException {
        buf.flip();
        writeFully(buf);
        buf.clear();
    }

    private void writeFully(ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            npy.write(b);
        }
    }

    void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try (csv; npy) {
            flushNpy();
            npy.position(0);
            writeFully(ByteBuffer.wrap(Npy.header(rows)));
        }
    }

    private static String csvText(String s) {
        return s.indexOf(',') < 0 && s.indexOf('"') < 0 ? s : '"' + s.replace("\"", "\"\"") + '"';
    }
}
