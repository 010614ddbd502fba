package qtm.observe;

import java.util.ArrayList;
import java.util.List;
import qtm.model.Machine;
import qtm.model.MachineChannel;
import qtm.model.Model;
import qtm.model.Side;
import qtm.model.TimeGrid;

/**
 * Heat currents by counting: the energy the jumps move into bath k during the bin (t_{k−1}, t_k], divided by the bin
 * width. Each bath's channels carry a few distinct quanta (E; E and E + U in the double dot), so the quantity records
 * integers: per bath the net number of quanta of each size (ν = +1 into the bath, −1 out of it) and the number of
 * energy-moving jumps, which decides when the estimate rests on a handful of events. With one size of quantum per
 * bath the current is a scaled mean; with two it is a linear function of two means whose SE comes from the
 * jackknife, so only then is the quantity batched.
 */
public final class HeatCount extends IntegerCounts implements JumpQuantity {
    /** Its name in saved ensembles. */
    public static final String NAME = "heat_count";
    private final double binWidth;
    private final BathQuanta quanta;
    private final double[][] sizes;
    private final int[] first;
    private final int[] moves;
    private final boolean batched;

    /**
     * @param model the machine
     * @param grid the output grid (its step is the bin width)
     */
    public HeatCount(Model model, TimeGrid grid) {
        this(new BathQuanta(model), grid);
    }

    /**
     * A machine's, bath by bath in its order (issue 24).
     *
     * @param machine the machine
     * @param channels its channels, in the engine's order
     * @param grid the output grid (its step is the bin width)
     */
    public HeatCount(Machine machine, List<MachineChannel> channels, TimeGrid grid) {
        this(new BathQuanta(machine, channels), grid);
    }

    private HeatCount(BathQuanta quanta, TimeGrid grid) {
        super(NAME, true);
        this.binWidth = grid.step();
        this.quanta = quanta;
        int baths = quanta.names().size();
        this.sizes = new double[baths][];
        this.first = new int[baths];
        this.moves = new int[baths];
        boolean two = false;
        for (int s = 0; s < baths; s++) {
            String key = quanta.names().get(s);
            sizes[s] = quanta.sizes(s);
            first[s] = slots.size();
            for (int c = 0; c < sizes[s].length; c++) {
                slots.add("quanta_" + key + "_" + c);
            }
            moves[s] = slots.size();
            slots.add("moves_" + key);
            two |= sizes[s].length > 1;
        }
        this.batched = two;
    }

    /**
     * @param side a bath
     * @return how many sizes of quantum its channels move
     */
    public int sizes(Side side) {
        return sizes[side.bath()].length;
    }

    /**
     * @param side a bath
     * @param size index of a size of quantum, below {@link #sizes(Side)}
     * @return the slot of its net number of quanta of that size
     */
    public int quantaSlot(Side side, int size) {
        return first[side.bath()] + size;
    }

    /**
     * @param side a bath
     * @return the slot of its number of energy-moving jumps
     */
    public int movesSlot(Side side) {
        return moves[side.bath()];
    }

    @Override
    public boolean batched() {
        return batched;
    }

    @Override
    public List<Column> columns() {
        List<Column> c = new ArrayList<>();
        for (int s = 0; s < sizes.length; s++) {
            String name = Estimates.heatCount(quanta.names().get(s));
            double[] e = sizes[s];
            int f = first[s];
            if (e.length == 1) {
                c.add(new Column.Mean(name, f, e[0] / binWidth, Column.Rare.COUNT, moves[s]));
            } else if (e.length == 0) {
                c.add(new Column.Mean(name, moves[s], 0, Column.Rare.COUNT, moves[s]));
            } else {
                double w = binWidth;
                c.add(new Column.OfMean(name, v -> {
                    double q = 0;
                    for (int i = 0; i < e.length; i++) {
                        q += e[i] * v[f + i];
                    }
                    return q / w;
                }, new int[0], false, moves[s]));
            }
        }
        return c;
    }

    @Override
    public JumpRecorder recorder() {
        BathQuanta q = quanta;
        int[] base = first.clone();
        int[] move = moves.clone();
        return (channel, bath, energy, time, out, o) -> {
            if (energy == 0) {
                return;
            }
            out.bin(o + base[bath] + q.index(bath, energy), direction(energy));
            out.bin(o + move[bath], 1);
        };
    }
}
