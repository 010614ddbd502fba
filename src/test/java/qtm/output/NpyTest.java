package qtm.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The .npy header against the NPY format specification, version 1.0 (numpy.lib.format): magic string, version,
 * little-endian uint16 header length, a Python dict literal with exactly the keys descr, fortran_order and shape,
 * padded with spaces and ended by a newline so that magic + length + header is a multiple of 64 bytes.
 */
class NpyTest {
    @Test
    void headerFollowsTheSpecification() {
        for (long rows : new long[] {0, 1, 9, 10, 123_456, Long.MAX_VALUE}) {
            byte[] h = Npy.header(rows);
            assertEquals(0x93, h[0] & 0xff);
            assertEquals("NUMPY", new String(h, 1, 5, StandardCharsets.US_ASCII));
            assertEquals(1, h[6], "major version");
            assertEquals(0, h[7], "minor version");
            int length = (h[8] & 0xff) | (h[9] & 0xff) << 8;
            assertEquals(h.length, 10 + length, "HEADER_LEN counts every byte after itself up to the data");
            assertEquals(0, h.length % 64, "the data start 64-byte aligned");
            assertEquals('\n', h[h.length - 1]);
            String text = new String(h, 10, length, StandardCharsets.ISO_8859_1);
            String dict = "{'descr': [('index', '<i8'), ('time', '<f8'), ('bath', '|u1'), ('channel', '<i2'), "
                    + "('nu', '|i1'), ('energy', '<f8')], 'fortran_order': False, 'shape': (" + rows + ",), }";
            assertTrue(text.startsWith(dict), text);
            assertTrue(text.substring(dict.length(), text.length() - 1).chars().allMatch(c -> c == ' '),
                    "only spaces pad the dict");
            assertTrue(text.chars().allMatch(c -> c >= 0x20 && c < 0x7f || c == '\n'), "the header is ASCII");
        }
    }

    /** numpy.save reserves room for 21 digits of the shape, so the header can be rewritten in place; so does qtm. */
    @Test
    void headerLengthDoesNotDependOnTheCount() {
        assertEquals(192, Npy.header(0).length);
        assertEquals(192, Npy.header(Long.MAX_VALUE).length);
        assertTrue(Arrays.equals(Arrays.copyOf(Npy.header(5), 10), Arrays.copyOf(Npy.header(50_000), 10)));
    }

    @Test
    void rowSizeIsThePackedDtype() {
        assertEquals(8 + 8 + 1 + 2 + 1 + 8, Npy.ROW_BYTES);
    }
}
