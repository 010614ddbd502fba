package qtm.output;

import java.nio.charset.StandardCharsets;

/**
 * The NumPy {@code .npy} format, version 1.0, for the jump records: a one-dimensional array of a packed structured
 * dtype, little-endian, as {@code numpy.save} writes it, so {@code numpy.load(file)} reads it with no arguments and
 * {@code pandas.DataFrame(numpy.load(file))} makes a table of it.
 *
 * <p>The file is the magic {@code \x93NUMPY}, the version bytes 1 and 0, the header length as a little-endian
 * uint16, then the header: the Python literal of a dict with the keys {@code descr}, {@code fortran_order} and
 * {@code shape}, padded with spaces and ended by a newline so that the data start at a multiple of 64 bytes. Like
 * {@code numpy.save}, the header reserves room for a shape of 21 digits, so its length does not depend on the row
 * count and a writer can rewrite it in place once the count is known.
 */
public final class Npy {
    /** The dtype, in the field order of a row. */
    public static final String DESCR = "[('index', '<i8'), ('time', '<f8'), ('bath', '|u1'), ('channel', '<i2'), "
            + "('nu', '|i1'), ('energy', '<f8')]";
    /** Bytes per row: 8 + 8 + 1 + 2 + 1 + 8. */
    public static final int ROW_BYTES = 28;
    private static final int ALIGN = 64;
    /** numpy's GROWTH_AXIS_MAX_DIGITS: room reserved in the header for the length of a growing axis. */
    private static final int GROWTH_DIGITS = 21;
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0};

    private Npy() {
    }

    /**
     * @param rows the array's length
     * @return the bytes before the data
     */
    public static byte[] header(long rows) {
        if (rows < 0) {
            throw new IllegalArgumentException("rows must be >= 0, got " + rows);
        }
        String count = Long.toString(rows);
        String dict = "{'descr': " + DESCR + ", 'fortran_order': False, 'shape': (" + count + ",), }"
                + " ".repeat(GROWTH_DIGITS - count.length());
        int length = dict.length() + 1;
        // As numpy: a header already aligned still gets a full ALIGN of padding.
        int pad = ALIGN - (MAGIC.length + 2 + length) % ALIGN;
        int total = length + pad;
        byte[] out = new byte[MAGIC.length + 2 + total];
        System.arraycopy(MAGIC, 0, out, 0, MAGIC.length);
        out[MAGIC.length] = (byte) (total & 0xff);
        out[MAGIC.length + 1] = (byte) (total >>> 8);
        byte[] text = (dict + " ".repeat(pad) + "\n").getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(text, 0, out, MAGIC.length + 2, text.length);
        return out;
    }
}
