package qtm.output;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Tidy CSV: a header line, then one line per row. Numbers are written with {@link Double#toString(double)}, the
 * shortest text that reads back to the same double, so output is exact and byte-reproducible.
 */
public final class Csv {
    private Csv() {
    }

    /**
     * @param out destination
     * @param header column names
     * @param rows rows of values, each as long as the header
     * @throws IOException on write failure
     */
    public static void write(Writer out, String[] header, List<double[]> rows) throws IOException {
        out.write(String.join(",", header));
        out.write('\n');
        StringBuilder line = new StringBuilder();
        for (double[] row : rows) {
            line.setLength(0);
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    line.append(',');
                }
                line.append(row[i]);
            }
            line.append('\n');
            out.write(line.toString());
        }
    }
}
