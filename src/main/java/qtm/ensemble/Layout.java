package qtm.ensemble;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import qtm.model.TimeGrid;
import qtm.observe.Column;
import qtm.observe.FinalQuantity;
import qtm.observe.Quantity;

/**
 * Where each quantity's numbers sit in the flat sums of an ensemble: the time-series quantities side by side in one
 * row of {@link #width()} numbers per grid point (point-major, so one state touches one contiguous row), then the
 * final-only quantities once. The batched quantities' numbers also have a place in each jackknife batch's row of
 * {@link #batchWidth()}. Immutable.
 */
public final class Layout {
    private final List<Quantity> quantities;
    private final TimeGrid grid;
    private final int[] offset;
    private final int[] batchOffset;
    private final int width;
    private final int finalWidth;
    private final int batchWidth;
    private final double[] inverseQuantum;
    private final double[] quantum;
    private final int[] batchSlot;
    /** Computed once: merges compare it for every pair of results. */
    private List<String> signature;

    /**
     * A column and the index of the quantity that offers it.
     *
     * @param quantity the quantity's index
     * @param column the column
     */
    record Located(int quantity, Column column) {
    }

    private final LinkedHashMap<String, Located> columns = new LinkedHashMap<>();

    /** @return every column of every quantity by name, in output order (do not modify) */
    java.util.Map<String, Located> columns() {
        return columns;
    }

    /**
     * @param quantities what is recorded, in order
     * @param grid the output grid
     * @throws IllegalArgumentException if a final-only quantity is batched or a quantum is not a power of two
     */
    public Layout(List<Quantity> quantities, TimeGrid grid) {
        this.quantities = List.copyOf(quantities);
        this.grid = grid;
        // Once: a quantity builds its column list anew on every call, and estimates are looked up by name per point.
        for (int q = 0; q < this.quantities.size(); q++) {
            for (Column c : this.quantities.get(q).columns()) {
                columns.putIfAbsent(c.name(), new Located(q, c));
            }
        }
        int n = quantities.size();
        offset = new int[n];
        batchOffset = new int[n];
        int w = 0;
        int f = 0;
        int b = 0;
        for (int q = 0; q < n; q++) {
            Quantity x = quantities.get(q);
            int size = x.slots().size();
            if (x instanceof FinalQuantity) {
                if (x.batched()) {
                    throw new IllegalArgumentException(x.name() + ": a final-only quantity cannot be batched");
                }
                offset[q] = f;
                f += size;
            } else {
                offset[q] = w;
                w += size;
                batchOffset[q] = x.batched() ? b : -1;
                b += x.batched() ? size : 0;
            }
        }
        width = w;
        finalWidth = f;
        batchWidth = b;
        quantum = new double[w + f];
        batchSlot = new int[w];
        java.util.Arrays.fill(batchSlot, -1);
        for (int q = 0; q < n; q++) {
            Quantity x = quantities.get(q);
            int base = x instanceof FinalQuantity ? w + offset[q] : offset[q];
            int size = x.slots().size();
            for (int i = 0; i < size; i++) {
                double u = x.quantum(i);
                if (!(u > 0) || Math.getExponent(u) < Double.MIN_EXPONENT || u != Math.scalb(1.0, Math.getExponent(u))) {
                    throw new IllegalArgumentException(x.name() + ": quantum of slot " + i + " is not a power of two");
                }
                quantum[base + i] = u;
                if (!(x instanceof FinalQuantity) && x.batched()) {
                    batchSlot[offset[q] + i] = batchOffset[q] + i;
                }
            }
        }
        inverseQuantum = new double[quantum.length];
        for (int i = 0; i < quantum.length; i++) {
            inverseQuantum[i] = 1 / quantum[i];
        }
    }

    /** @return the quantities, in order */
    public List<Quantity> quantities() {
        return quantities;
    }

    TimeGrid grid() {
        return grid;
    }

    /** @return numbers per grid point of the time-series quantities */
    public int width() {
        return width;
    }

    /** @return numbers of the final-only quantities */
    public int finalWidth() {
        return finalWidth;
    }

    /** @return batched numbers per grid point */
    int batchWidth() {
        return batchWidth;
    }

    /** @return the length of the flat sums: points × width, then the final-only numbers */
    int size() {
        return grid.points() * width + finalWidth;
    }

    /**
     * @param q index of the quantity
     * @param k grid point (ignored for a final-only quantity)
     * @param slot its slot
     * @return index into the flat sums
     */
    int index(int q, int k, int slot) {
        Quantity x = quantities.get(q);
        return (x instanceof FinalQuantity) ? grid.points() * width + offset[q] + slot : k * width + offset[q] + slot;
    }

    /** @return index into a batch's sums, or −1 if the quantity is not batched */
    int batchIndex(int q, int k, int slot) {
        return batchOffset[q] < 0 ? -1 : k * batchWidth + batchOffset[q] + slot;
    }

    /**
     * @param q index of the quantity
     * @return the position of its first number: in a row for a time-series quantity, among the final-only numbers
     *     for a final-only one
     */
    public int offset(int q) {
        return offset[q];
    }

    /** @return for each position in a time-series row, its position in a batch row, or −1 */
    int[] batchSlots() {
        return batchSlot;
    }

    /** @return 1/quantum for each row position, then for each final-only number */
    public double[] inverseQuanta() {
        return inverseQuantum;
    }

    /**
     * @param index into the flat sums
     * @return the quantum of that number
     */
    double quantum(int index) {
        return index < grid.points() * width ? quantum[index % width] : quantum[index - grid.points() * width + width];
    }

    /**
     * @param name a quantity's name
     * @return its index, or −1
     */
    int find(String name) {
        for (int q = 0; q < quantities.size(); q++) {
            if (quantities.get(q).name().equals(name)) {
                return q;
            }
        }
        return -1;
    }

    /** @return one line per quantity: name, rows, slots and quanta, the identity that saved ensembles must share */
    List<String> signature() {
        if (signature == null) {
            signature = List.copyOf(describe());
        }
        return signature;
    }

    private List<String> describe() {
        List<String> lines = new ArrayList<>();
        lines.add("grid " + Double.toHexString(grid.end()) + " " + grid.points());
        for (Quantity x : quantities) {
            StringBuilder s = new StringBuilder(x.name()).append(x instanceof FinalQuantity ? " final" : " series")
                    .append(x.batched() ? " batched" : "");
            List<String> slots = x.slots();
            for (int i = 0; i < slots.size(); i++) {
                s.append(' ').append(slots.get(i)).append('=').append(Double.toHexString(x.quantum(i)));
            }
            lines.add(s.toString());
        }
        return lines;
    }
}
