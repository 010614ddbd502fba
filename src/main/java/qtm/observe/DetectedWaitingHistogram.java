package qtm.observe;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import qtm.exact.DetectedCounting;
import qtm.exact.MachineExact;
import qtm.exact.Spectrum;
import qtm.exact.WaitingTimes;
import qtm.model.Detection;
import qtm.model.Machine;
import qtm.model.Model;
import qtm.model.Side;
import qtm.model.TimeGrid;

/**
 * Per trajectory, the histogram of the waiting times between consecutive clicks of each imperfect detector (issue
 * 28): a click is a kept counted jump of its bath or a dark click of either sign. Misses and dark clicks are drawn as
 * {@link DetectedCounts} draws them, from a {@link DetectorDraws} handed the same stream ({@link Randomised}), so the
 * clicks binned here are those the detected counts of the same trajectory hold. The bins, burn-in and window are
 * {@link WaitingHistogram}'s, planned from the exact law of the detected clicks ({@link DetectedCounting#waiting}):
 * each click after the burn-in opens an interval that the detector's next click closes. The detected clicks are not a
 * renewal process, so what is binned is the law of consecutive intervals in the steady state, w(τ) = Tr[𝒥 e^{(L−𝒥)τ}
 * 𝒥 ρ∞] / Tr[𝒥 ρ∞], not that of one interval given the earlier ones.
 */
public final class DetectedWaitingHistogram implements FinalQuantity {
    /** The name in files. */
    public static final String NAME = "detected_waiting_times";

    private final WaitingHistogram plans;
    private final DetectedCounts counts;
    /** Per detector (in the detection's order), its bath's index. */
    private final int[] bathOf;

    private DetectedWaitingHistogram(WaitingHistogram plans, DetectedCounts counts, int[] bathOf) {
        this.plans = plans;
        this.counts = counts;
        this.bathOf = bathOf;
    }

    /**
     * @param model a preset
     * @param counts its detected counts, whose draws these clicks share
     * @param detection its detectors
     * @param grid the output grid
     * @return the histograms, or null where a detector never clicks in the steady state
     */
    public static DetectedWaitingHistogram of(Model model, DetectedCounts counts, Detection detection,
            TimeGrid grid) {
        List<WaitingTimes> laws = new ArrayList<>();
        int[] bathOf = new int[counts.baths().size()];
        for (int d = 0; d < bathOf.length; d++) {
            Side side = Side.COLD.key().equals(counts.baths().get(d)) ? Side.COLD : Side.HOT;
            bathOf[d] = side.bath();
            try {
                laws.add(DetectedCounting.waiting(model, side, detection.of(side.key())));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return new DetectedWaitingHistogram(WaitingHistogram.planned(laws, Spectrum.gap(model), grid), counts,
                bathOf);
    }

    /**
     * @param machine a machine with a unique steady state, of at most {@link WaitingHistogram#MAX_DIMENSION} states
     * @param counts its detected counts, whose draws these clicks share
     * @param detection its detectors
     * @param grid the output grid
     * @return the histograms, or null where the machine is too large or a detector never clicks in the steady state
     */
    public static DetectedWaitingHistogram of(Machine machine, DetectedCounts counts, Detection detection,
            TimeGrid grid) {
        if (machine.dimension() > WaitingHistogram.MAX_DIMENSION) {
            return null;
        }
        MachineExact exact = new MachineExact(machine);
        List<WaitingTimes> laws = new ArrayList<>();
        int[] bathOf = new int[counts.baths().size()];
        for (int d = 0; d < bathOf.length; d++) {
            bathOf[d] = machine.bathNames().indexOf(counts.baths().get(d));
            try {
                laws.add(DetectedCounting.waiting(exact, bathOf[d], detection.of(counts.baths().get(d))));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return new DetectedWaitingHistogram(WaitingHistogram.planned(laws, exact.gap(), grid), counts, bathOf);
    }

    /** @return the detectors' plans, in the detection's order (pair bath → bath) */
    public List<WaitingHistogram.Plan> plans() {
        return plans.plans();
    }

    /** @return the exact laws of the detected clicks the plans were made from, one per plan */
    public List<WaitingTimes> exact() {
        return plans.exact();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> slots() {
        return plans.slots();
    }

    @Override
    public double quantum(int slot) {
        return plans.quantum(slot);
    }

    @Override
    public FinalRecorder recorder() {
        return new Clicks();
    }

    /** One thread's detectors: their clicks, in time order per detector, into the waits. */
    private final class Clicks implements FinalRecorder, Randomised {
        private final DetectorDraws draws = counts.draws();
        private final WaitingHistogram.Waits waits = plans.waits();

        @Override
        public void stream(UniformRandomProvider rng) {
            draws.stream(rng);
        }

        @Override
        public void begin() {
            waits.begin();
            draws.begin();
        }

        @Override
        public void jump(int channel, int bath, double energy, double time) {
            dark(time);
            int d = counts.detectorOf(channel, bath);
            // Drawn for every jump DetectedCounts draws for, so that both see the same misses; a click needs a count.
            if (d >= 0 && draws.kept(d) && counts.count(channel) != 0) {
                waits.jump(bathOf[d], time);
            }
        }

        /** The dark clicks before t, each a click of its detector's bath. */
        private void dark(double t) {
            for (int d = 0; d < bathOf.length; d++) {
                while (draws.nextDark(d) < t) {
                    waits.jump(bathOf[d], draws.nextDark(d));
                    draws.takeDark(d);
                }
            }
        }

        @Override
        public void end(double[] re, double[] im, double[] out, int o) {
            dark(Double.POSITIVE_INFINITY);
            waits.write(out, o);
        }
    }
}
