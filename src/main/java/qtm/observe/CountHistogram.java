package qtm.observe;

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
    private final Bins[] bins = new Bins[2];

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
        super(NAME, false);
        bins[0] = cold;
        bins[1] = hot;
        for (Side side : Side.values()) {
            Bins b = bins[side.ordinal()];
            slots.add("final_net_" + side.key() + "_below_" + b.first());
            for (int i = 0; i <= b.count(); i++) {
                slots.add("final_net_" + side.key() + "_from_" + (b.first() + (long) i * b.width()));
            }
        }
    }

    /**
     * @param side a bath
     * @return its bins
     */
    public Bins bins(Side side) {
        return bins[side.ordinal()];
    }

    /**
     * @param side a bath
     * @return the index of its first slot (its "below" bin)
     */
    public int offset(Side side) {
        return side == Side.COLD ? 0 : bins[0].slots();
    }

    @Override
    public FinalRecorder recorder() {
        Bins cold = bins[0];
        Bins hot = bins[1];
        int hotOffset = cold.slots();
        int width = cold.slots() + hot.slots();
        return new FinalRecorder() {
            private long netCold;
            private long netHot;

            @Override
            public void begin() {
                netCold = 0;
                netHot = 0;
            }

            @Override
            public void end(double[] re, double[] im, double[] out, int o) {
                for (int i = 0; i < width; i++) {
                    out[o + i] = 0;
                }
                out[o + cold.slot(netCold)] = 1;
                out[o + hotOffset + hot.slot(netHot)] = 1;
            }

            @Override
            public void jump(int channel, int bath, double energy, double time) {
                if (energy == 0) {
                    return;
                }
                int nu = direction(energy);
                if (bath == Side.COLD.bath()) {
                    netCold += nu;
                } else {
                    netHot += nu;
                }
            }
        };
    }
}
