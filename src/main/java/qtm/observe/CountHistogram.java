package qtm.observe;

import java.util.List;
import qtm.model.Machine;
import qtm.model.MachineChannel;
import qtm.model.Side;

/**
 * The histogram of N_k at the final time, the net number of quanta each bath received over the whole run: per
 * trajectory a 1 in the bin its count falls in. The bins are fixed before the run (from the exact mean and spread, so
 * that every shard and extension of a scenario uses the same): {@code width} consecutive integers each from
 * {@code first} on, with one bin below and one above for the tails. Integer counts: merges are exact.
 */
public final class CountHistogram extends IntegerCounts implements FinalQuantity {
    /** Its name in saved ensembles. */
    public static final String NAME = "count_histogram";
    private final List<String> names;
    private final Bins[] bins;
    private final int[] offsets;
    /** Reads a machine's channels; null for a preset, whose jumps count the sign of their energy. */
    private final CountedQuanta quanta;

    /**
     * The bins of one bath: below {@code first}, then {@code count} bins of {@code width} integers, then above.
     *
     * @param first smallest value of the first inner bin
     * @param width integers per inner bin, ≥ 1
     * @param count inner bins, ≥ 1
     */
    public record Bins(long first, int width, int count) {
        /** @return slots: below, the inner bins, above */
        public int slots() {
            return count + 2;
        }

        /**
         * @param n a count
         * @return its slot
         */
        public int slot(long n) {
            if (n < first) {
                return 0;
            }
            long b = (n - first) / width;
            return b >= count ? count + 1 : 1 + (int) b;
        }

        /**
         * Bins that cover mean ± 7 standard deviations with at most {@code most} inner bins.
         *
         * @param mean the exact mean
         * @param sd the exact standard deviation
         * @param most the largest number of inner bins
         * @return the bins
         */
        public static Bins around(double mean, double sd, int most) {
            long lo = (long) Math.floor(mean - 7 * sd) - 1;
            long hi = (long) Math.ceil(mean + 7 * sd) + 1;
            long span = hi - lo + 1;
            int width = (int) Math.max(1, (span + most - 1) / most);
            return new Bins(lo, width, (int) ((span + width - 1) / width));
        }
    }

    /**
     * @param cold the bins of N_c
     * @param hot the bins of N_h
     */
    public CountHistogram(Bins cold, Bins hot) {
        this(List.of(Side.COLD.key(), Side.HOT.key()), List.of(cold, hot), null);
    }

    /**
     * A machine's, bath by bath in its order (issue 25): each jump counts {@link MachineChannel#count()} of its
     * channel.
     *
     * @param machine the machine
     * @param channels its channels, in the engine's order
     * @param bins the bins of each bath's N_k, in bath order
     */
    public CountHistogram(Machine machine, List<MachineChannel> channels, List<Bins> bins) {
        this(machine.bathNames(), bins, CountedQuanta.of(machine, channels));
    }

    private CountHistogram(List<String> names, List<Bins> bins, CountedQuanta quanta) {
        super(NAME, false);
        if (bins.size() != names.size()) {
            throw new IllegalArgumentException(names.size() + " baths but bins for " + bins.size());
        }
        this.names = List.copyOf(names);
        this.bins = bins.toArray(new Bins[0]);
        this.quanta = quanta;
        this.offsets = new int[names.size()];
        for (int k = 0; k < names.size(); k++) {
            Bins b = this.bins[k];
            offsets[k] = slots.size();
            slots.add("final_net_" + names.get(k) + "_below_" + b.first());
            for (int i = 0; i <= b.count(); i++) {
                slots.add("final_net_" + names.get(k) + "_from_" + (b.first() + (long) i * b.width()));
            }
        }
    }

    /** @return the number of baths counted */
    public int baths() {
        return bins.length;
    }

    /**
     * @param bath a bath's index
     * @return its name
     */
    public String bathName(int bath) {
        return names.get(bath);
    }

    /**
     * @param side a bath
     * @return its bins
     */
    public Bins bins(Side side) {
        return bins[side.ordinal()];
    }

    /**
     * @param bath a bath's index
     * @return its bins
     */
    public Bins bins(int bath) {
        return bins[bath];
    }

    /**
     * @param side a bath
     * @return the index of its first slot (its "below" bin)
     */
    public int offset(Side side) {
        return offsets[side.ordinal()];
    }

    /**
     * @param bath a bath's index
     * @return the index of its first slot (its "below" bin)
     */
    public int offset(int bath) {
        return offsets[bath];
    }

    @Override
    public FinalRecorder recorder() {
        Bins[] b = bins.clone();
        int[] at = offsets.clone();
        int width = slots.size();
        CountedQuanta q = quanta;
        return new FinalRecorder() {
            private final long[] net = new long[b.length];

            @Override
            public void begin() {
                java.util.Arrays.fill(net, 0);
            }

            @Override
            public void end(double[] re, double[] im, double[] out, int o) {
                for (int i = 0; i < width; i++) {
                    out[o + i] = 0;
                }
                for (int k = 0; k < b.length; k++) {
                    out[o + at[k] + b[k].slot(net[k])] = 1;
                }
            }

            @Override
            public void jump(int channel, int bath, double energy, double time) {
                int nu = q == null ? energy == 0 ? 0 : direction(energy) : q.nu(channel, energy);
                net[bath] += nu;
            }
        };
    }
}
