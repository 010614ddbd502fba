package qtm.observe;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The histogram of the detected count N_det_k at the final time (issue 28), per bath its {@link DetectedCounts}
 * detects, binned as {@link CountHistogram} bins the true count: per trajectory a 1 in the bin its detected count
 * falls in. Its recorder makes the same draws as the time series' ({@link DetectorDraws}, from a generator in the
 * same state), so the two describe the same clicks.
 */
public final class DetectedHistogram implements FinalQuantity {
    /** Its name in saved ensembles. */
    public static final String NAME = "detected_histogram";
    private final DetectedCounts counts;
    private final List<CountHistogram.Bins> bins;
    private final int[] offsets;
    private final List<String> slots = new ArrayList<>();

    /**
     * @param counts the detected counts it bins at the final time
     * @param bins per detected bath, in the order of {@link DetectedCounts#baths()}
     */
    public DetectedHistogram(DetectedCounts counts, List<CountHistogram.Bins> bins) {
        if (bins.size() != counts.baths().size()) {
            throw new IllegalArgumentException("one set of bins per detected bath");
        }
        this.counts = counts;
        this.bins = List.copyOf(bins);
        this.offsets = new int[bins.size()];
        for (int d = 0; d < bins.size(); d++) {
            offsets[d] = slots.size();
            CountHistogram.Bins b = bins.get(d);
            String k = counts.baths().get(d);
            slots.add("final_detected_" + k + "_below_" + b.first());
            for (int i = 0; i <= b.count(); i++) {
                slots.add("final_detected_" + k + "_from_" + (b.first() + (long) i * b.width()));
            }
        }
    }

    /** Inner bins at most, as for the true counts' histogram. */
    private static final int MOST = 48;

    /**
     * A preset's: per detected bath, bins around the exact detected mean ± 7 sd at the final time.
     *
     * @param model the preset
     * @param counts its detected counts
     * @param detection its detectors
     * @param rho0 the initial state
     * @param grid the output grid
     * @return the histogram
     */
    public static DetectedHistogram of(qtm.model.Model model, DetectedCounts counts, qtm.model.Detection detection,
            org.ejml.data.ZMatrixRMaj rho0, qtm.model.TimeGrid grid) {
        List<CountHistogram.Bins> bins = new ArrayList<>();
        for (String k : counts.baths()) {
            qtm.model.Side side = qtm.model.Side.COLD.key().equals(k) ? qtm.model.Side.COLD : qtm.model.Side.HOT;
            double[] m = qtm.exact.DetectedCounting.of(model, side, qtm.exact.CountingStatistics.Weight.QUANTA,
                    detection.of(k)).moments(rho0, grid.end(), 2);
            bins.add(CountHistogram.Bins.around(m[0], Math.sqrt(Math.max(0, m[1] - m[0] * m[0])), MOST));
        }
        return new DetectedHistogram(counts, bins);
    }

    /**
     * A machine's: per detected bath, bins around the exact detected mean ± 7 sd at the final time of the master
     * equation's detected tilted generator, as {@link MachineCounts} places the true counts' bins.
     *
     * @param machine the machine
     * @param counts its detected counts
     * @param detection its detectors
     * @param rho0 the initial state
     * @param grid the output grid
     * @return the histogram
     */
    public static DetectedHistogram of(qtm.model.Machine machine, DetectedCounts counts,
            qtm.model.Detection detection, org.ejml.data.ZMatrixRMaj rho0, qtm.model.TimeGrid grid) {
        qtm.exact.MachineCounting counting = new qtm.exact.MachineCounting(new qtm.exact.MachineExact(machine));
        List<CountHistogram.Bins> bins = new ArrayList<>();
        for (String k : counts.baths()) {
            double[] m = qtm.exact.DetectedCounting.of(counting, machine.bathNames().indexOf(k),
                    qtm.exact.CountingStatistics.Weight.QUANTA, detection.of(k)).moments(rho0, grid.end(), 2);
            bins.add(CountHistogram.Bins.around(m[0], Math.sqrt(Math.max(0, m[1] - m[0] * m[0])), MOST));
        }
        return new DetectedHistogram(counts, bins);
    }

    /**
     * @param d index of the detected bath
     * @return its bins
     */
    public CountHistogram.Bins bins(int d) {
        return bins.get(d);
    }

    /**
     * @param d index of the detected bath
     * @return the index of its first slot (its "below" bin)
     */
    public int offset(int d) {
        return offsets[d];
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> slots() {
        return List.copyOf(slots);
    }

    @Override
    public double quantum(int slot) {
        return 1;
    }

    @Override
    public FinalRecorder recorder() {
        return new Binner();
    }

    /** One thread's detected counts, binned at the end. */
    private final class Binner implements FinalRecorder, Randomised {
        private final long[] count = new long[bins.size()];
        private final DetectorDraws draws = counts.draws();

        @Override
        public void stream(UniformRandomProvider rng) {
            draws.stream(rng);
        }

        @Override
        public void begin() {
            java.util.Arrays.fill(count, 0);
            draws.begin();
        }

        @Override
        public void jump(int channel, int bath, double energy, double time) {
            int d = counts.detectorOf(channel, bath);
            if (d >= 0 && draws.kept(d)) {
                count[d] += counts.count(channel);
            }
        }

        @Override
        public void end(double[] re, double[] im, double[] out, int o) {
            for (int i = 0; i < slots.size(); i++) {
                out[o + i] = 0;
            }
            for (int d = 0; d < count.length; d++) {
                count[d] += draws.darkUpTo(d, Double.POSITIVE_INFINITY);
                out[o + offsets[d] + bins.get(d).slot(count[d])] = 1;
            }
        }
    }
}
