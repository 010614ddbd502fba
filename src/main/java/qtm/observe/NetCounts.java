package qtm.observe;

import java.util.ArrayList;
import java.util.List;
import qtm.model.Machine;
import qtm.model.MachineChannel;
import qtm.model.Model;
import qtm.model.Side;
import qtm.model.TimeGrid;

/**
 * The counting statistics of each bath on the grid: N_k(t), the net number of quanta that moved into bath k during
 * [0, t] (ν = +1 into the bath, −1 out of it), and Q_k(t), the energy that moved with them. Per trajectory and grid
 * point it records the integers N_k, the number n_k of the larger quanta where the bath has two sizes (the double
 * dot's E + U, so that Q_k = E N_k + U n_k), their products, and whether the bath has moved any quantum (and any of
 * the larger) yet. The mean, variance and Fano factor of N_k(t) and Q_k(t) are functions of the means of these
 * numbers; the variances take the jackknife SE, so the quantity is batched. An estimate at a time when only a handful
 * of trajectories have moved a quantum is marked unreliable, by the rule for rare events; so is an estimate of Q_k
 * while the larger quanta are that rare: with U ≫ E a single E + U quantum outweighs many small ones, and before the
 * first few have been seen the sample variance has not met the term that dominates the exact one.
 */
public final class NetCounts extends IntegerCounts implements JumpQuantity {
    /** Its name in saved ensembles. */
    public static final String NAME = "net_counts";
    /**
     * The largest grid it is recorded on. Its 6 to 14 numbers per point are all kept per jackknife batch (32 longs
     * each, about 1.5 KB per point for the reset model), which would take a 100,001-point run past 1 GB of heap.
     */
    public static final int MAX_POINTS = 20_001;
    private final CountedQuanta quanta;
    private final List<Double> units = new ArrayList<>();
    /** Per bath: the slots of N, n, N², N·n, n², moved, moved a larger quantum (−1 where absent). */
    private final int[][] at;
    /**
     * Per bath with more than two sizes (the global double dot's E ± g and E + U ± g): the slots of n_i, N·n_i and
     * n_i·n_j (i ≤ j, row by row) of each larger size i = 1 … m; null where the bath has at most two.
     */
    private final int[][][] many;

    /**
     * @param model the machine
     * @param grid the output grid (its end bounds the counts, and so their fixed-point unit)
     */
    public NetCounts(Model model, TimeGrid grid) {
        this(CountedQuanta.of(model), grid);
    }

    /**
     * A machine's, bath by bath in its order (issue 25), its columns named by bath: {@code count_<bath>},
     * {@code energy_<bath>} and their variances.
     *
     * @param machine the machine
     * @param channels its channels, in the engine's order
     * @param grid the output grid
     */
    public NetCounts(Machine machine, List<MachineChannel> channels, TimeGrid grid) {
        this(CountedQuanta.of(machine, channels), grid);
    }

    private NetCounts(CountedQuanta quanta, TimeGrid grid) {
        super(NAME, false);
        this.quanta = quanta;
        int baths = quanta.names().size();
        at = new int[baths][7];
        many = new int[baths][][];
        String[] names = {"", "_big", "_sq", "_x_big", "_big_sq", "", "_big"};
        for (int s = 0; s < baths; s++) {
            String key = quanta.names().get(s);
            double bound = quanta.countBound(s, grid.end());
            int sizes = quanta.sizes(s).length;
            if (sizes > 2) {
                addMany(s, key, sizes - 1, bound);
                continue;
            }
            boolean two = sizes > 1;
            for (int i = 0; i < 7; i++) {
                boolean present = i == 0 || i == 2 || i == 5 || two;
                at[s][i] = present ? slots.size() : -1;
                if (present) {
                    slots.add((i >= 5 ? "moved_" : "net_") + key + names[i]);
                    // Counts are integers: unit 1 while the products stay below 2^24, else a coarser power of two.
                    double b = i >= 5 ? 1 : i < 2 ? bound : bound * bound;
                    units.add(Math.max(1.0, Quantity.quantumFor(b)));
                }
            }
        }
    }

    /** The slots of a bath with m + 1 sizes, in the order N, n_i, N², N·n_i, n_i·n_j, moved, moved a larger. */
    private void addMany(int s, String k, int m, double bound) {
        int[][] idx = new int[3][];
        java.util.function.BiConsumer<String, Double> add = (name, b) -> {
            slots.add(name);
            units.add(Math.max(1.0, Quantity.quantumFor(b)));
        };
        java.util.Arrays.fill(at[s], -1);
        at[s][0] = slots.size();
        add.accept("net_" + k, bound);
        idx[0] = new int[m];
        for (int i = 0; i < m; i++) {
            idx[0][i] = slots.size();
            add.accept("net_" + k + "_big" + (i + 1), bound);
        }
        at[s][2] = slots.size();
        add.accept("net_" + k + "_sq", bound * bound);
        idx[1] = new int[m];
        for (int i = 0; i < m; i++) {
            idx[1][i] = slots.size();
            add.accept("net_" + k + "_x_big" + (i + 1), bound * bound);
        }
        idx[2] = new int[m * m];
        for (int i = 0; i < m; i++) {
            for (int j = i; j < m; j++) {
                idx[2][i * m + j] = slots.size();
                idx[2][j * m + i] = slots.size();
                add.accept("net_" + k + "_big" + (i + 1) + "_x_big" + (j + 1), bound * bound);
            }
        }
        at[s][5] = slots.size();
        add.accept("moved_" + k, 1.0);
        at[s][6] = slots.size();
        add.accept("moved_" + k + "_big", 1.0);
        many[s] = idx;
    }

    @Override
    public double quantum(int slot) {
        return units.get(slot);
    }

    @Override
    public boolean batched() {
        return true;
    }

    @Override
    public List<Column> columns() {
        List<Column> c = new ArrayList<>();
        for (int s = 0; s < at.length; s++) {
            String side = quanta.names().get(s);
            int[] a = at[s];
            double[] e = quanta.sizes(s);
            double small = e.length == 0 ? 0 : e[0];
            double extra = e.length > 1 ? e[1] - e[0] : 0;
            int moved = a[5];
            c.add(new Column.Mean(Estimates.count(side), a[0], 1, Column.Rare.COUNT, moved));
            c.add(new Column.OfMean(Estimates.countVariance(side), v -> v[a[2]] - v[a[0]] * v[a[0]], new int[0], false,
                    moved));
            c.add(new Column.OfMean(Estimates.fano(side), v -> (v[a[2]] - v[a[0]] * v[a[0]]) / Math.abs(v[a[0]]),
                    new int[0], false, moved));
            if (many[s] != null) {
                int[][] idx = many[s];
                int m = idx[0].length;
                double[] extras = new double[m];
                for (int i = 0; i < m; i++) {
                    extras[i] = e[i + 1] - e[0];
                }
                c.add(new Column.OfMean(Estimates.energy(side), v -> {
                    double q = small * v[a[0]];
                    for (int i = 0; i < m; i++) {
                        q += extras[i] * v[idx[0][i]];
                    }
                    return q;
                }, new int[0], false, a[6]));
                c.add(new Column.OfMean(Estimates.energyVariance(side), v -> {
                    double q = small * small * (v[a[2]] - v[a[0]] * v[a[0]]);
                    for (int i = 0; i < m; i++) {
                        q += 2 * small * extras[i] * (v[idx[1][i]] - v[a[0]] * v[idx[0][i]]);
                        for (int j = 0; j < m; j++) {
                            q += extras[i] * extras[j] * (v[idx[2][i * m + j]] - v[idx[0][i]] * v[idx[0][j]]);
                        }
                    }
                    return q;
                }, new int[0], false, a[6]));
            } else if (a[1] < 0) {
                c.add(new Column.Mean(Estimates.energy(side), a[0], small, Column.Rare.COUNT, moved));
                c.add(new Column.OfMean(Estimates.energyVariance(side),
                        v -> small * small * (v[a[2]] - v[a[0]] * v[a[0]]), new int[0], false, moved));
            } else {
                c.add(new Column.OfMean(Estimates.energy(side), v -> small * v[a[0]] + extra * v[a[1]], new int[0], false,
                        a[6]));
                c.add(new Column.OfMean(Estimates.energyVariance(side), v -> small * small * (v[a[2]] - v[a[0]] * v[a[0]])
                        + 2 * small * extra * (v[a[3]] - v[a[0]] * v[a[1]])
                        + extra * extra * (v[a[4]] - v[a[1]] * v[a[1]]), new int[0], false, a[6]));
            }
        }
        return c;
    }

    /**
     * Q_k from the mean of this quantity's slots, as its {@code energy_k} column computes it: E·N_k, plus U·n_k where
     * the bath has a second size of quantum.
     *
     * @param side the bath
     * @param v the mean row of this quantity's slots
     * @param offset where they start in {@code v}
     * @return the mean energy moved into the bath
     */
    public double energy(Side side, double[] v, int offset) {
        return energy(side.bath(), v, offset);
    }

    /**
     * Q_k from the mean of this quantity's slots, for a bath of at most two sizes of quantum.
     *
     * @param bath the bath's index
     * @param v the mean row of this quantity's slots
     * @param offset where they start in {@code v}
     * @return the mean energy moved into the bath
     */
    public double energy(int bath, double[] v, int offset) {
        int[] a = at[bath];
        double[] e = quanta.sizes(bath);
        double small = e.length == 0 ? 0 : e[0];
        double extra = e.length > 1 ? e[1] - e[0] : 0;
        return small * v[offset + a[0]] + (a[1] < 0 ? 0 : extra * v[offset + a[1]]);
    }

    /** @return the number of baths counted */
    public int baths() {
        return at.length;
    }

    /**
     * @param bath a bath's index
     * @return its name, as its columns spell it
     */
    public String bathName(int bath) {
        return quanta.names().get(bath);
    }

    /**
     * @param side a bath
     * @return whether it has exactly two sizes of quantum, so that its larger quanta are counted apart (net_k_big)
     */
    public boolean twoSizes(Side side) {
        return twoSizes(side.bath());
    }

    /**
     * @param bath a bath's index
     * @return whether it has exactly two sizes of quantum, so that its larger quanta are counted apart (net_k_big)
     */
    public boolean twoSizes(int bath) {
        return at[bath][1] >= 0;
    }

    /**
     * @param side a bath
     * @return the slot of N_k
     */
    public int netSlot(Side side) {
        return at[side.ordinal()][0];
    }

    /**
     * @param side a bath
     * @return the slot of N_k²
     */
    public int squareSlot(Side side) {
        return at[side.ordinal()][2];
    }

    /**
     * @param side a bath
     * @return the slot of whether it has moved a quantum yet
     */
    public int movedSlot(Side side) {
        return at[side.ordinal()][5];
    }

    /**
     * The recorder: per bath N and its square, and where the bath has more sizes of quantum, every larger size's net
     * count and their products.
     */
    @Override
    public JumpRecorder recorder() {
        int baths = at.length;
        int[][] slot = new int[baths][];
        int[][][] idx = many.clone();
        long[][] big = new long[baths][];
        for (int s = 0; s < baths; s++) {
            slot[s] = at[s].clone();
            big[s] = new long[idx[s] == null ? 2 : idx[s][0].length + 1];
        }
        CountedQuanta q = quanta;
        return new JumpRecorder() {
            private final long[] net = new long[baths];

            @Override
            public void begin() {
                java.util.Arrays.fill(net, 0);
                for (long[] b : big) {
                    java.util.Arrays.fill(b, 0);
                }
            }

            @Override
            public void jump(int channel, int bath, double energy, double time, Changes out, int o) {
                int nu = q.nu(channel, energy);
                if (nu == 0) {
                    return;
                }
                int s = bath;
                int[] a = slot[s];
                double n = net[s] += nu;
                out.level(o + a[0], n);
                out.level(o + a[2], n * n);
                out.level(o + a[5], 1);
                int[][] x = idx[s];
                if (x != null) {
                    int size = q.index(channel, s, energy);
                    if (size > 0) {
                        big[s][size] += nu;
                        out.level(o + a[6], 1);
                    }
                    int m = x[0].length;
                    for (int i = 0; i < m; i++) {
                        double ni = big[s][i + 1];
                        out.level(o + x[0][i], ni);
                        out.level(o + x[1][i], n * ni);
                        for (int j = i; j < m; j++) {
                            out.level(o + x[2][i * m + j], ni * big[s][j + 1]);
                        }
                    }
                } else if (a[1] >= 0) {
                    if (q.index(channel, s, energy) == 1) {
                        big[s][1] += nu;
                        out.level(o + a[6], 1);
                    }
                    double m = big[s][1];
                    out.level(o + a[1], m);
                    out.level(o + a[3], n * m);
                    out.level(o + a[4], m * m);
                }
            }
        };
    }
}
