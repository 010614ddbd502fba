package qtm.observe;

import java.util.List;
import qtm.model.Side;

/** The number of jumps of each bath's channels in the bin (t_{k−1}, t_k], whatever the energy they move. */
public final class JumpCounts extends IntegerCounts implements JumpQuantity {
    /** Its name in saved ensembles. */
    public static final String NAME = "jumps";

    /** The jump counts of both baths. */
    public JumpCounts() {
        super(NAME, true);
        for (Side side : Side.values()) {
            slots.add(Estimates.jumps(side));
        }
    }

    /**
     * @param side a bath
     * @return the slot of its count
     */
    public int slot(Side side) {
        return side.ordinal();
    }

    @Override
    public List<Column> columns() {
        return Column.perSide(side -> new Column.Mean(Estimates.jumps(side), slot(side), 1,
                Column.Rare.COUNT, slot(side)));
    }

    @Override
    public JumpRecorder recorder() {
        return (channel, bath, energy, time, out, o) -> out.bin(o + slot(Side.of(bath)), 1);
    }
}
