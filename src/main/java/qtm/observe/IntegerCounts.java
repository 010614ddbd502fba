package qtm.observe;

import java.util.ArrayList;
import java.util.List;

/**
 * What the counting quantities ({@link HeatCount}, {@link JumpCounts}, {@link NetCounts}, {@link CountHistogram})
 * share: a name, slots that hold whole numbers of events (quantum 1, so that their sums are exact integers), plain
 * means unless a subclass needs the batches, and the direction ν of a counted jump.
 */
abstract class IntegerCounts {
    /** The slot names, filled in by the subclass's constructor. */
    protected final List<String> slots = new ArrayList<>();
    private final String name;
    private final boolean binned;

    /**
     * @param name the quantity's name
     * @param binned whether its rows are bins (t_{k−1}, t_k]
     */
    IntegerCounts(String name, boolean binned) {
        this.name = name;
        this.binned = binned;
    }

    /** @return the name that identifies it in saved ensembles and output files */
    public String name() {
        return name;
    }

    /** @return the names of the numbers it records per row, in order */
    public List<String> slots() {
        return List.copyOf(slots);
    }

    /** @return whether its rows are bins */
    public boolean binned() {
        return binned;
    }

    /**
     * @param slot index into {@link #slots()}
     * @return 1: counts are integers
     */
    public double quantum(int slot) {
        return 1;
    }

    /** @return false: its estimates are plain means */
    public boolean batched() {
        return false;
    }

    /**
     * @param energy a jump's energy, ≠ 0
     * @return ν: +1 for a quantum into the bath, −1 for one out of it
     */
    static int direction(double energy) {
        return energy > 0 ? 1 : -1;
    }
}
