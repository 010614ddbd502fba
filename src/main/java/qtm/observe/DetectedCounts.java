package qtm.observe;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import qtm.exact.DetectedCounting;
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
 * probability η, plus dark clicks of a Poisson process of rate θ, each +1 or −1 with probability ½; and the detected
 * heat Q_det_k(t), each kept jump carrying the heat its channel moves into the bath and each dark click ±ω₁ (the
 * first gap of the bath's site, {@link DetectedCounting#darkHeat}) with its sign. It records N_det_k, Q_det_k, their
 * squares and whether the detector has clicked yet, so that the mean, variance and Fano factor of N_det_k(t) and the
 * mean and variance of Q_det_k(t) sit beside those of the true count and heat. The misses and the clicks are drawn from the stream the ensemble gives it
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
    /** Per channel, in the engine's order: the heat one jump moves into its bath. */
    private final double[] heats;
    /** Per detector: the heat ω₁ of one dark click. */
    private final double[] darkHeat;
    /** Slots per detector: N, N², clicked, Q, Q². */
    private static final int STRIDE = 5;
    private final List<String> slots = new ArrayList<>();
    private final List<Double> units = new ArrayList<>();

    private DetectedCounts(List<String> baths, double[] jumpRates, int[] counts, double[] heats, int[] bathOf,
            double[] dark, Detection detection, TimeGrid grid) {
        this.counts = counts;
        this.heats = heats;
        List<String> listed = new ArrayList<>(detection.detectors().keySet());
        this.names = List.copyOf(listed);
        this.efficiency = new double[listed.size()];
        this.darkRate = new double[listed.size()];
        this.darkHeat = new double[listed.size()];
        this.detector = new int[baths.size()];
        java.util.Arrays.fill(detector, -1);
        for (int d = 0; d < listed.size(); d++) {
            int bath = baths.indexOf(listed.get(d));
            Detection.Detector x = detection.of(listed.get(d));
            detector[bath] = d;
            efficiency[d] = x.efficiency();
            darkRate[d] = x.darkRate();
            darkHeat[d] = dark[bath];
            double largest = Math.abs(dark[bath]);
            for (int c = 0; c < counts.length; c++) {
                largest = bathOf[c] == bath ? Math.max(largest, Math.abs(heats[c])) : largest;
            }
            // A Poisson bound on the bath's jumps and the dark clicks, as BathQuanta bounds the true counts.
            double mu = (jumpRates[bath] + darkRate[d]) * grid.end();
            double bound = mu + 12 * Math.sqrt(mu) + 64;
            String k = listed.get(d);
            add("detected_" + k, bound);
            add("detected_" + k + "_sq", bound * bound);
            add("clicked_" + k, 1);
            addHeat("detected_heat_" + k, bound * largest);
            addHeat("detected_heat_" + k + "_sq", bound * largest * bound * largest);
        }
        this.times = new double[grid.points()];
        for (int i = 0; i < times.length; i++) {
            times[i] = grid.time(i);
        }
    }

    /** A count's slot: integers, kept exactly (unit 1) while they fit in 24 bits. */
    private void add(String slot, double bound) {
        slots.add(slot);
        units.add(Math.max(1.0, Quantity.quantumFor(bound)));
    }

    /** A heat's slot: a sum of channel heats and ±ω₁, not an integer, kept to 24 bits of its bound. */
    private void addHeat(String slot, double bound) {
        slots.add(slot);
        units.add(Quantity.quantumFor(bound));
    }

    /**
     * @param model a preset
     * @param detection its detectors
     * @param grid the output grid
     * @return the detected counts of the baths the detection lists
     */
    public static DetectedCounts of(Model model, Detection detection, TimeGrid grid) {
        int n = model.jumps().size();
        int[] counts = new int[n];
        double[] heats = new double[n];
        int[] baths = new int[n];
        for (int c = 0; c < n; c++) {
            Jump j = model.jumps().get(c);
            counts[c] = (int) Math.signum(j.energy());
            heats[c] = j.energy();
            baths[c] = j.side().bath();
        }
        double dark = DetectedCounting.darkHeat(model);
        return new DetectedCounts(List.of(Side.COLD.key(), Side.HOT.key()), rates(model.jumps().stream()
                .mapToDouble(Jump::rate).toArray(), baths, counts, heats, 2), counts, heats, baths,
                new double[] {dark, dark}, detection, grid);
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
        int n = channels.size();
        int[] counts = new int[n];
        double[] heats = new double[n];
        int[] baths = new int[n];
        double[] rate = new double[n];
        for (int i = 0; i < n; i++) {
            MachineChannel c = channels.get(i);
            // The count is the sign of the energy moved, not of the heat: a lead's electron at ω = μ moves no heat.
            counts[i] = c.count();
            heats[i] = c.heat();
            baths[i] = c.bath();
            rate[i] = c.rate();
        }
        int m = machine.bathNames().size();
        double[] dark = new double[m];
        for (int k = 0; k < m; k++) {
            dark[k] = DetectedCounting.darkHeat(machine, k);
        }
        return new DetectedCounts(machine.bathNames(), rates(rate, baths, counts, heats, m), counts, heats, baths,
                dark, detection, grid);
    }

    /** Per bath, the total rate of the jumps a detector may click at: those that move a count or heat. */
    private static double[] rates(double[] rate, int[] baths, int[] counts, double[] heats, int m) {
        double[] out = new double[m];
        for (int c = 0; c < rate.length; c++) {
            if (counts[c] != 0 || heats[c] != 0) {
                out[baths[c]] += rate[c];
            }
        }
        return out;
    }

    /** @return new draws of these detectors, for one thread's recorder */
    DetectorDraws draws() {
        return new DetectorDraws(efficiency, darkRate, times[times.length - 1]);
    }

    /**
     * @param channel a channel's index in the engine's order
     * @param bath its bath's index
     * @return the index of the bath's detector, or −1 where the bath has none or the channel moves neither a count
     *     nor heat (no click to see)
     */
    int detectorOf(int channel, int bath) {
        return bath < detector.length && (counts[channel] != 0 || heats[channel] != 0) ? detector[bath] : -1;
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

    /**
     * @param bath a detected bath's name
     * @return the column of the mean detected heat: {@code detected_energy_<bath>}
     */
    public static String energy(String bath) {
        return "detected_energy_" + bath;
    }

    /**
     * @param bath a detected bath's name
     * @return the column of its variance: {@code detected_energy_<bath>_var}
     */
    public static String energyVariance(String bath) {
        return energy(bath) + "_var";
    }

    @Override
    public List<Column> columns() {
        List<Column> c = new ArrayList<>();
        for (int d = 0; d < names.size(); d++) {
            int n = STRIDE * d;
            int sq = n + 1;
            int clicked = n + 2;
            int q = n + 3;
            int qq = n + 4;
            String k = names.get(d);
            c.add(new Column.Mean(count(k), n, 1, Column.Rare.COUNT, clicked));
            c.add(new Column.OfMean(variance(k), v -> v[sq] - v[n] * v[n], new int[0], false, clicked));
            c.add(new Column.OfMean(fano(k), v -> (v[sq] - v[n] * v[n]) / Math.abs(v[n]), new int[0], false,
                    clicked));
            c.add(new Column.Mean(energy(k), q, 1, Column.Rare.COUNT, clicked));
            c.add(new Column.OfMean(energyVariance(k), v -> v[qq] - v[q] * v[q], new int[0], false, clicked));
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
        private final double[] heat = new double[names.size()];
        private final boolean[] clicked = new boolean[names.size()];
        private final DetectorDraws draws = draws();

        @Override
        public void stream(UniformRandomProvider rng) {
            draws.stream(rng);
        }

        @Override
        public void begin() {
            java.util.Arrays.fill(count, 0);
            java.util.Arrays.fill(heat, 0);
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
            heat[d] += heats[channel];
            clicked[d] = true;
        }

        @Override
        public void state(int k, double[] re, double[] im, double[] out, int offset) {
            for (int d = 0; d < count.length; d++) {
                // Dark clicks come from no jump: those up to t_k join the count before its row is written.
                int dark = draws.darkUpTo(d, times[k]);
                count[d] += dark;
                heat[d] += dark * darkHeat[d];
                double n = count[d];
                int o = offset + STRIDE * d;
                out[o] = n;
                out[o + 1] = n * n;
                out[o + 2] = clicked[d] || draws.darkSeen(d) ? 1 : 0;
                out[o + 3] = heat[d];
                out[o + 4] = heat[d] * heat[d];
            }
        }
    }
}
