package qtm.observe;

import java.util.ArrayList;
import java.util.List;
import qtm.exact.MachineWaitingTimes;
import qtm.exact.Spectrum;
import qtm.exact.WaitingPair;
import qtm.exact.WaitingTimes;
import qtm.exact.WaitingTimes.Pair;
import qtm.model.Machine;
import qtm.model.MachineChannel;
import qtm.model.Model;
import qtm.model.Side;
import qtm.model.TimeGrid;

/**
 * Per trajectory, histograms of the waiting times of ordered pairs of baths: a two-qubit model's three {@link Pair}s
 * (cold→cold, hot→hot, cold→hot), a machine's every ordered pair whose starting bath jumps in the steady state
 * ({@link MachineWaitingTimes#pairs}; of channels on request, {@link WaitingLaws}, the same law). Each counted
 * jump (ν ≠ 0; on a machine, of a channel whose count is nonzero) of the starting bath in the window [t_burn, t_end −
 * τ_max] opens an interval, which the next counted jump of the bath waited for closes; so no interval is censored, and one
 * that is not closed within τ_max (or by t_end) goes to the overflow bin. A final-only quantity of integers: per pair
 * the counts in each bin, the overflow, the number of starts N, and the products C_i·C_j (i &lt; j) and C_i·N once per
 * trajectory, which with the sums of squares give the full covariance of the ratio-of-means estimates C̄_i / N̄
 * (intervals in one trajectory are correlated, so trajectories, not intervals, are the independent samples).
 *
 * <p>The plan comes from the exact solution, so it is the same in every run of a scenario: t_burn = ln(1000)/gap
 * (the initial state's trace is then at most 1e-3 of its start), at most t_end/2; per pair τ_max where the exact
 * stationary survival falls to 1e-3, at most (t_end − t_burn)/2 so that the window is at least as long; and
 * {@link #BINS} bins of equal exact probability below τ_max. Equal-probability bins give every bin the same expected
 * count, so the normal approximation behind the χ² holds equally well in each, and none is starved in the tail; the
 * edges are written into the slot names, so ensembles with other bins never merge.
 */
public final class WaitingHistogram implements FinalQuantity {
    /** The name in files. */
    public static final String NAME = "waiting_times";
    /** Bins per pair below τ_max. */
    public static final int BINS = 16;
    /** The stationary survival at τ_max. */
    public static final double FLOOR = 1e-3;
    /**
     * The most states of a machine whose waiting times are recorded (a qutrit and two qubits; two qutrits). The exact
     * laws cost per pair one eigendecomposition of the d²×d² generator and a few of its exponentials, growing as d⁶:
     * measured on one core, under 2 s for the plan and 0.5 s for the verdict of three baths (nine pairs) at d = 8 and
     * about 3 s and 1 s for two baths at d = 12, but 20 s each for three baths at d = 16, and hours at d = 32.
     */
    public static final int MAX_DIMENSION = 12;
    /** Burn-in in relaxation times 1/gap: the initial state's weight has decayed to 1e-3. */
    public static final double BURN_IN = Math.log(1e3);

    /**
     * One pair's histogram.
     *
     * @param pair which jumps
     * @param edges upper bin edges, the last one τ_max
     * @param windowStart t_burn
     * @param windowEnd t_end − τ_max
     * @param first index of its first slot
     */
    public record Plan(WaitingPair pair, double[] edges, double windowStart, double windowEnd, int first) {
        /** @return the number of bins below τ_max */
        public int bins() {
            return edges.length;
        }

        /** @return the slot of bin b (b = bins() is the overflow) */
        public int bin(int b) {
            return first + b;
        }

        /** @return the slot of the number of starts */
        public int starts() {
            return first + edges.length + 1;
        }

        /** @return the slot of C_i·C_j, i &lt; j */
        public int product(int i, int j) {
            // Row i holds j = i+1 … bins−1: (bins−1) + (bins−2) + … before row i.
            int b = edges.length;
            return starts() + 1 + i * (2 * b - i - 1) / 2 + (j - i - 1);
        }

        /** @return the slot of C_i·N */
        public int withStarts(int i) {
            int b = edges.length;
            return starts() + 1 + b * (b - 1) / 2 + i;
        }

        /** @return the number of slots */
        int width() {
            int b = edges.length;
            return b + 2 + b * (b - 1) / 2 + b;
        }
    }

    private final List<Plan> plans;
    private final List<String> slots;
    private final double[] quanta;
    /** Per channel, its bath if its jumps are counted, else −1; null: a jump is counted when it moves energy. */
    private final int[] counted;
    private final List<WaitingTimes> exact;

    private WaitingHistogram(List<Plan> plans, double[] productQuantum, int[] counted, List<WaitingTimes> exact) {
        this.plans = List.copyOf(plans);
        this.counted = counted;
        this.exact = List.copyOf(exact);
        List<String> names = new ArrayList<>();
        List<Double> q = new ArrayList<>();
        for (int p = 0; p < plans.size(); p++) {
            Plan plan = plans.get(p);
            String k = plan.pair().key();
            for (int b = 0; b < plan.bins(); b++) {
                names.add(k + "_bin" + b + "<" + Double.toHexString(plan.edges()[b]));
                q.add(1.0);
            }
            names.add(k + "_overflow");
            q.add(1.0);
            names.add(k + "_starts[" + Double.toHexString(plan.windowStart()) + ","
                    + Double.toHexString(plan.windowEnd()) + "]");
            q.add(1.0);
            for (int i = 0; i < plan.bins(); i++) {
                for (int j = i + 1; j < plan.bins(); j++) {
                    names.add(k + "_bin" + i + "*bin" + j);
                    q.add(productQuantum[p]);
                }
            }
            for (int i = 0; i < plan.bins(); i++) {
                names.add(k + "_bin" + i + "*starts");
                q.add(productQuantum[p]);
            }
        }
        slots = List.copyOf(names);
        quanta = q.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Why an ensemble of an engine without jumps (the diffusive engine, issue 29) has no waiting times. */
    public static final String NO_JUMPS = "the diffusive engine records no jumps";

    /**
     * @param model the machine
     * @param grid the output grid
     * @return null if the waiting times can be recorded, else why not
     */
    public static String absence(Model model, TimeGrid grid) {
        return WaitingLaws.presets(model) instanceof String why ? why : null;
    }

    /**
     * @param model the machine
     * @param grid the output grid
     * @return the quantity, or null when {@link #absence} gives a reason
     */
    public static WaitingHistogram of(Model model, TimeGrid grid) {
        if (!(WaitingLaws.presets(model) instanceof List<?> exact)) {
            return null;
        }
        return build(exact.stream().map(WaitingTimes.class::cast).toList(), Spectrum.gap(model), grid, null);
    }

    /**
     * @param machine a machine with a unique steady state
     * @return null if the waiting times between its baths can be recorded, else why not
     */
    public static String absence(Machine machine) {
        return WaitingLaws.absence(machine, false);
    }

    /**
     * @param machine a machine with a unique steady state
     * @param byChannel between ordered pairs of channels ({@code observe.waiting: channels}) rather than of baths
     * @return null if the waiting times can be recorded, else why not
     */
    public static String absence(Machine machine, boolean byChannel) {
        return WaitingLaws.absence(machine, byChannel);
    }

    /**
     * Every ordered pair of a machine's baths whose starting bath jumps in the steady state.
     *
     * @param machine a machine with a unique steady state
     * @param channels its channels, in the engine's order (a jump's channel index says whether it is counted)
     * @param grid the output grid
     * @return the quantity, or null when {@link #absence(Machine)} gives a reason
     */
    public static WaitingHistogram of(Machine machine, List<MachineChannel> channels, TimeGrid grid) {
        return of(machine, channels, grid, false);
    }

    /**
     * Every ordered pair of a machine's baths, or with {@code byChannel} of its channels
     * ({@link qtm.exact.ChannelWaitingTimes}), whose starting one jumps in the steady state.
     *
     * @param machine a machine with a unique steady state
     * @param channels its channels, in the engine's order ({@code machine.channels()})
     * @param grid the output grid
     * @param byChannel between channels rather than baths
     * @return the quantity, or null when {@link #absence(Machine, boolean)} gives a reason
     */
    public static WaitingHistogram of(Machine machine, List<MachineChannel> channels, TimeGrid grid,
            boolean byChannel) {
        WaitingLaws.Laws laws = WaitingLaws.laws(machine, channels, byChannel);
        return laws == null ? null : build(laws.exact(), laws.gap(), grid, laws.counted());
    }

    /** Histograms planned from given laws as the baths' are, for {@link DetectedWaitingHistogram} (recorder unused). */
    static WaitingHistogram planned(List<WaitingTimes> exact, double gap, TimeGrid grid) {
        return build(exact, gap, grid, null);
    }

    private static WaitingHistogram build(List<WaitingTimes> exact, double gap, TimeGrid grid, int[] counted) {
        double end = grid.end();
        double burn = Math.min(BURN_IN / gap, end / 2);
        List<Plan> plans = new ArrayList<>();
        double[] productQuantum = new double[exact.size()];
        int first = 0;
        for (int p = 0; p < exact.size(); p++) {
            WaitingTimes w = exact.get(p);
            double[] edges = w.edges(BINS, FLOOR, (end - burn) / 2);
            double tauMax = edges[edges.length - 1];
            Plan plan = new Plan(w.pair(), edges, burn, end - tauMax, first);
            plans.add(plan);
            first += plan.width();
            // Products are bounded by N², N the starts in one trajectory; eight times the stationary mean plus a
            // margin leaves room for a run that starts far from ρ∞. Kept to 24 bits, as bounded values are.
            double starts = 8 * w.startRate() * (plan.windowEnd() - plan.windowStart()) + 256;
            productQuantum[p] = Math.max(1.0, Quantity.quantumFor(starts * starts));
        }
        return new WaitingHistogram(plans, productQuantum, counted, exact);
    }

    /**
     * @return the exact laws the plans were made from, one per plan in order: what the verdict compares with, kept
     *     so that it need not build them again
     */
    public List<WaitingTimes> exact() {
        return exact;
    }

    /** @return the pairs' plans */
    public List<Plan> plans() {
        return plans;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> slots() {
        return slots;
    }

    @Override
    public double quantum(int slot) {
        return quanta[slot];
    }

    @Override
    public FinalRecorder recorder() {
        Waits w = waits();
        return new FinalRecorder() {
            @Override
            public void begin() {
                w.begin();
            }

            @Override
            public void jump(int channel, int bath, double energy, double time) {
                // A machine's channels say whether they count; a two-qubit model's jump counts if it moves energy.
                int counts = counted != null ? counted[channel] : energy != 0 ? bath : -1;
                if (counts >= 0) {
                    w.jump(counts, time);
                }
            }

            @Override
            public void end(double[] re, double[] im, double[] out, int o) {
                w.write(out, o);
            }
        };
    }

    /** @return a new per-trajectory tally of the waits, for this histogram's plans (mutable; one per thread) */
    public Waits waits() {
        return new Waits(plans.toArray(new Plan[0]));
    }

    /**
     * One trajectory's waits: the intervals still open, and the counts per bin of those closed. Mutable, one per
     * thread; shared by the recorder and the benchmark's hand-written loop, so that both count the same way.
     */
    public static final class Waits {
        private final Plan[] plan;
        private final long[][] counts;
        private final double[][] open;
        private final int[] opened;

        private Waits(Plan[] plan) {
            this.plan = plan;
            int n = plan.length;
            counts = new long[n][];
            open = new double[n][16];
            opened = new int[n];
            for (int p = 0; p < n; p++) {
                counts[p] = new long[plan[p].bins() + 2];
            }
        }

        /** A new trajectory starts. */
        public void begin() {
            for (int p = 0; p < plan.length; p++) {
                java.util.Arrays.fill(counts[p], 0);
                opened[p] = 0;
            }
        }

        /**
         * A counted jump (ν ≠ 0) of a two-qubit model.
         *
         * @param side its bath
         * @param time when
         */
        public void jump(Side side, double time) {
            jump(side.bath(), time);
        }

        /**
         * A counted jump (ν ≠ 0).
         *
         * @param bath its bath's index (a channel's, when the pairs are channels')
         * @param time when
         */
        public void jump(int bath, double time) {
            for (int p = 0; p < plan.length; p++) {
                Plan x = plan[p];
                // Close first: for cold→cold the jump that ends one interval starts the next.
                if (bath == x.pair().to()) {
                    for (int i = 0; i < opened[p]; i++) {
                        counts[p][bin(x.edges(), time - open[p][i])]++;
                    }
                    opened[p] = 0;
                }
                if (bath == x.pair().from() && time >= x.windowStart() && time <= x.windowEnd()) {
                    if (opened[p] == open[p].length) {
                        open[p] = java.util.Arrays.copyOf(open[p], 2 * opened[p]);
                    }
                    open[p][opened[p]++] = time;
                    counts[p][x.bins() + 1]++;
                }
            }
        }

        /**
         * The trajectory has ended: writes the histogram's slots.
         *
         * @param out where to write
         * @param o index of the histogram's first slot in {@code out}
         */
        public void write(double[] out, int o) {
            for (int p = 0; p < plan.length; p++) {
                Plan x = plan[p];
                long[] c = counts[p];
                int b = x.bins();
                // Still open at t_end: not closed within t_end − t_start ≥ τ_max.
                c[b] += opened[p];
                opened[p] = 0;
                int base = o + x.first();
                for (int i = 0; i <= b + 1; i++) {
                    out[base + i] = c[i];
                }
                double starts = c[b + 1];
                for (int i = 0; i < b; i++) {
                    for (int j = i + 1; j < b; j++) {
                        out[o + x.product(i, j)] = (double) c[i] * c[j];
                    }
                    out[o + x.withStarts(i)] = c[i] * starts;
                }
            }
        }
    }

    /** The bin of τ: b with edges[b−1] ≤ τ &lt; edges[b], or edges.length (overflow). */
    static int bin(double[] edges, double tau) {
        int lo = 0;
        int hi = edges.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (tau < edges[mid]) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }
}
