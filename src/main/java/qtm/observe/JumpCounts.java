package qtm.observe;

import java.util.List;
import qtm.model.Side;

/** The number of jumps of each bath's channels in the bin (t_{k−1}, t_k], whatever the energy they move. */
public final class JumpCounts implements Quantity {
    @Override
    public String name() {
        return "jumps";
    }

    @Override
    public List<String> slots() {
        return List.of("jumps_cold", "jumps_hot");
    }

    @Override
    public boolean binned() {
        return true;
    }

    @Override
    public double quantum(int slot) {
        return 1;
    }

    @Override
    public boolean batched() {
        return false;
    }

    @Override
    public List<Column> columns() {
        return List.of(new Column.Mean("jumps_cold", 0, 1, Column.Rare.COUNT, 0),
                new Column.Mean("jumps_hot", 1, 1, Column.Rare.COUNT, 1));
    }

    @Override
    public boolean jumpDriven() {
        return true;
    }

    @Override
    public Recorder recorder() {
        return new Recorder() {
            @Override
            public void state(int k, double[] re, double[] im, double[] out, int o) {
                throw new UnsupportedOperationException("jump-driven");
            }

            @Override
            public void jump(int channel, Side side, double energy, double time, Changes out, int o) {
                out.bin(side == Side.COLD ? o : o + 1, 1);
            }
        };
    }
}
