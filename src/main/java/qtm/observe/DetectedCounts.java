package qtm.observe;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import qtm.model.Detection;
import qtm.model.Jump;
import qtm.model.Machine;
import qtm.model.MachineChannel;
import qtm.model.Model;
import qtm.model.Side;
import qtm.model.TimeGrid;

/**
 * The counts an imperfect detector sees (issue 28): per bath listed in the scenario's {@code detection}, the detected
 * count N_det_k(t), each of the bath's jumps (counted ν = ±1 by the sign of the energy it moves) kept independently with
 * probability η, plus dark clicks of a Poisson process of rate θ, each +1 or −1 with probability ½. It records N_det_k,
 * its square and whether the detector has clicked yet, so that the mean, variance and Fano factor of N_det_k(t) sit
 * beside those of the true count. The misses and the clicks are drawn from the stream the ensemble gives it
 * ({@link Randomised}), never from the engine's, and only for a detector that is not perfect.
 */
public final class DetectedCounts implements StateQuantity {
    /** Its name in saved ensembles. */
    public static final String NAME = "detected_counts";
    private final List<String> names;
    private final double[] efficiency;
    private final double[] darkRate;
    /** Per bath index: the index among the detected baths, or −1 where the bath has no detector. */
    private final int[] detector;
    private final double[] times;
    /** Per channel, in the engine's order: its count ν = +1, −1 or 0. */
    private final int[] counts;
    private final List<String> slots = new ArrayList<>();
    private final List<Double> units = new ArrayList<>();

    private DetectedCounts(List<String> baths, double[] jumpRates, int[] counts, Detection detection, TimeGrid grid) {
        this.counts = counts;
        List<String> listed = new ArrayList<>(detection.detectors().keySet());
        this.names = List.copyOf(listed);
        this.efficiency = new double[listed.size()];
        this.darkRate = new double[listed.size()];
        this.detector = new int[baths.size()];
        java.util.Arrays.fill(detector, -1);
        for (int d = 0; d < listed.size(); d++) {
            int bath = baths.indexOf(listed.get(d));
            Detection.Detector x = detection.of(listed.get(d));
            detector[bath] = d;
            efficiency[d] = x.efficiency();
            darkRate[d] = x.darkRate();
            // A Poisson bound on the bath's jumps and the dark clicks, as BathQuanta bounds the true counts.
            double mu = (jumpRates[bath] + darkRate[d]) * grid.end();
            double bound = mu + 12 * Math.sqrt(mu) + 64;
            String k = listed.get(d);
            add("detected_" + k, bound);
            add("detected_" + k + "_sq", bound * bound);
            add("clicked_" + k, 1);
        }
        this.times = new double[grid.points()];
        for (int i = 0; i < times.length; i++) {
            times[i] = grid.time(i);
        }
    }

    private void add(String slot, double bound) {
        slots.add(slot);
        units.add(Math.max(1.0, Quantity.quantumFor(bound)));
    }

    /**
     * @param model a preset
     * @param detection its detectors
     * @param grid the output grid
     * @return the detected counts of the baths the detection lists
     */
    public static DetectedCounts of(Model model, Detection detection, TimeGrid grid) {
        double[] rates = new double[2];
        int[] counts = new int[model.jumps().size()];
        for (int c = 0; c < counts.length; c++) {
            Jump j = model.jumps().get(c);
            counts[c] = (int) Math.signum(j.energy());
            if (counts[c] != 0) {
                rates[j.side().bath()] += j.rate();
            }
        }
        return new DetectedCounts(List.of(Side.COLD.key(), Side.HOT.key()), rates, counts, detection, grid);
    }

    /**
     * @param machine a machine
     * @param channels its channels, in the engine's order
     * @param detection its detectors
     * @param grid the output grid
     * @return the detected counts of the baths the detection lists
     */
    public static DetectedCounts of(Machine machine, List<MachineChannel> channels, Detection detection,
            TimeGrid grid) {
        double[] rates = new double[machine.bathNames().size()];
        int[] counts = new int[channels.size()];
        for (int i = 0; i < counts.length; i++) {
            MachineChannel c = channels.get(i);
            // The count is the sign of the energy moved, not of the heat: a lead's electron at ω = μ moves no heat.
            counts[i] = c.count();
            if (counts[i] != 0) {
                rates[c.bath()] += c.rate();
            }
        }
        return new DetectedCounts(machine.bathNames(), rates, counts, detection, grid);
    }

    /** @return new draws of these detectors, for one thread's recorder */
    DetectorDraws draws() {
        return new DetectorDraws(efficiency, darkRate, times[times.length - 1]);
    }

    /**
     * @param channel a channel's index in the engine's order
     * @param bath its bath's index
     * @return the index of the bath's detector, or −1 where the bath has none or the channel counts nothing
     */
    int detectorOf(int channel, int bath) {
        return bath < detector.length && counts[channel] != 0 ? detector[bath] : -1;
    }

    /**
     * @param channel a channel's index in the engine's order
     * @return its count ν
     */
    int count(int channel) {
        return counts[channel];
    }

    /** @return the detected baths' names, in the order the detection lists them */
    public List<String> baths() {
        return names;
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
        return units.get(slot);
    }

    @Override
    public boolean batched() {
        return true;
    }

    /**
     * @param bath a detected bath's name
     * @return the column of the mean detected count: {@code detected_count_<bath>}
     */
    public static String count(String bath) {
        return "detected_count_" + bath;
    }

    /**
     * @param bath a detected bath's name
     * @return the column of its variance: {@code detected_count_<bath>_var}
     */
    public static String variance(String bath) {
        return count(bath) + "_var";
    }

    /**
     * @param bath a detected bath's name
     * @return the column of its Fano factor, variance over |mean|: {@code detected_fano_<bath>}
     */
    public static String fano(String bath) {
        return "detected_fano_" + bath;
    }

    @Override
    public List<Column> columns() {
        List<Column> c = new ArrayList<>();
        for (int d = 0; d < names.size(); d++) {
            int n = 3 * d;
            int sq = n + 1;
            int clicked = n + 2;
            String k = names.get(d);
            c.add(new Column.Mean(count(k), n, 1, Column.Rare.COUNT, clicked));
            c.add(new Column.OfMean(variance(k), v -> v[sq] - v[n] * v[n], new int[0], false, clicked));
            c.add(new Column.OfMean(fano(k), v -> (v[sq] - v[n] * v[n]) / Math.abs(v[n]), new int[0], false,
                    clicked));
        }
        return c;
    }

    @Override
    public StateRecorder recorder() {
        return new Detector();
    }

    /** One thread's detectors: the running detected counts, from the draws a {@link DetectorDraws} makes. */
    private final class Detector implements StateRecorder, Randomised {
        private final long[] count = new long[names.size()];
        private final boolean[] clicked = new boolean[names.size()];
        private final DetectorDraws draws = draws();

        @Override
        public void stream(UniformRandomProvider rng) {
            draws.stream(rng);
        }

        @Override
        public void begin() {
            java.util.Arrays.fill(count, 0);
            java.util.Arrays.fill(clicked, false);
            draws.begin();
        }

        @Override
        public void jump(int channel, int bath, double energy, double time) {
            int d = detectorOf(channel, bath);
            if (d < 0 || !draws.kept(d)) {
                return;
            }
            count[d] += counts[channel];
            clicked[d] = true;
        }

        @Override
        public void state(int k, double[] re, double[] im, double[] out, int offset) {
            for (int d = 0; d < count.length; d++) {
                // Dark clicks come from no jump: those up to t_k join the count before its row is written.
                count[d] += draws.darkUpTo(d, times[k]);
                double n = count[d];
                out[offset + 3 * d] = n;
                out[offset + 3 * d + 1] = n * n;
                out[offset + 3 * d + 2] = clicked[d] || draws.darkSeen(d) ? 1 : 0;
            }
        }
    }
}
