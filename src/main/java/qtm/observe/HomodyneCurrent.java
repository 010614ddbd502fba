package qtm.observe;

import java.util.ArrayList;
import java.util.List;
import qtm.model.TimeGrid;

/**
 * Each bath's integrated homodyne current per bin (issue 29): (1/Δ) Σ_{steps in the bin} Σ_{j∈b} dY_j, with the
 * diffusive engine's measured increments; row 0 holds no bin and is 0. Its columns {@code homodyne_<bath>} are plain
 * means, judged against the exact (1/Δ) ∫_bin Σ √η Tr[(c_j + c_j†) ρ(t)] dt.
 *
 * <p>The rows are written from the increments alone: {@link StateRecorder#state} and {@link StateRecorder#mixed} only
 * copy the bin's sum out, so the quantity works alike for pure and mixed conditional states. The engine delivers the
 * increments of every step that ends at or before t_k before it reports grid point k (step s ends at s·dt and falls
 * in bin ⌈s·dt/Δ⌉).
 */
public final class HomodyneCurrent implements StateQuantity {
    /** Its name in saved ensembles. */
    public static final String NAME = "homodyne";
    private final List<String> baths;
    private final int[] channelBath;
    private final int stepsPerBin;
    private final double delta;
    private final double[] quanta;

    /**
     * @param baths the baths' names, in bath order
     * @param channelBath the bath of each monitored channel, in the engine's channel order
     * @param meanBound per bath, a bound on |mean current| (2√η Σ_{j∈b} ‖√γ_j A_j‖ will do)
     * @param grid the output grid
     * @param dt the engine's step, which divides the grid's step
     * @throws IllegalArgumentException if dt does not divide the grid step, or a channel's bath is out of range
     */
    public HomodyneCurrent(List<String> baths, int[] channelBath, double[] meanBound, TimeGrid grid, double dt) {
        this.baths = List.copyOf(baths);
        this.channelBath = channelBath.clone();
        this.delta = grid.step();
        this.stepsPerBin = stepsPer(delta, dt);
        int[] per = new int[baths.size()];
        for (int b : channelBath) {
            if (b < 0 || b >= per.length) {
                throw new IllegalArgumentException("channel bath " + b + " out of range");
            }
            per[b]++;
        }
        quanta = new double[baths.size()];
        for (int b = 0; b < quanta.length; b++) {
            // The bin's shot noise has SD √(K_b/Δ): eight of them bound it but for 1 bin in 1e15.
            quanta[b] = Quantity.quantumFor(8 * Math.sqrt(per[b] / delta) + meanBound[b]);
        }
    }

    /**
     * @param span a duration that whole steps fill
     * @param dt the step
     * @return span/dt, a whole number
     * @throws IllegalArgumentException if it is not one (to 1e-9)
     */
    static int stepsPer(double span, double dt) {
        long m = Math.round(span / dt);
        if (m < 1 || Math.abs(m * dt - span) > 1e-9 * span) {
            throw new IllegalArgumentException("the step " + dt + " does not divide " + span);
        }
        return Math.toIntExact(m);
    }

    /**
     * @param bath a bath's name
     * @return its column, {@code homodyne_<bath>}
     */
    public static String column(String bath) {
        return "homodyne_" + bath;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> slots() {
        return baths.stream().map(HomodyneCurrent::column).toList();
    }

    @Override
    public boolean binned() {
        return true;
    }

    @Override
    public double quantum(int slot) {
        return quanta[slot];
    }

    @Override
    public boolean batched() {
        return false;
    }

    @Override
    public List<Column> columns() {
        List<Column> c = new ArrayList<>();
        for (int b = 0; b < baths.size(); b++) {
            c.add(Column.Mean.of(column(baths.get(b)), b));
        }
        return c;
    }

    @Override
    public StateRecorder recorder() {
        return new Recorder();
    }

    /** Sums the increments of the bin in progress; a grid point copies them out and starts the next bin. */
    private final class Recorder implements StateRecorder {
        private final double[] sum = new double[baths.size()];
        /** The bin whose increments {@link #sum} holds. */
        private int bin = 1;

        @Override
        public void begin() {
            java.util.Arrays.fill(sum, 0);
            bin = 1;
        }

        @Override
        public void homodyne(int step, double[] increments) {
            int b = (step - 1) / stepsPerBin + 1;
            if (b != bin) {
                // A bin whose grid point was not reported (the engine's contract says it is): never mix two bins.
                java.util.Arrays.fill(sum, 0);
                bin = b;
            }
            for (int j = 0; j < increments.length; j++) {
                sum[channelBath[j]] += increments[j];
            }
        }

        @Override
        public void state(int k, double[] re, double[] im, double[] out, int offset) {
            write(k, out, offset);
        }

        @Override
        public void mixed(int k, double[] re, double[] im, double[] out, int offset) {
            write(k, out, offset);
        }

        private void write(int k, double[] out, int offset) {
            for (int b = 0; b < sum.length; b++) {
                out[offset + b] = k > 0 && bin == k ? sum[b] / delta : 0;
            }
            if (k > 0) {
                java.util.Arrays.fill(sum, 0);
                bin = k + 1;
            }
        }
    }
}
