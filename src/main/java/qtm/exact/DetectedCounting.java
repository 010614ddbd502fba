package qtm.exact;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import qtm.exact.CountingStatistics.Jump;
import qtm.exact.CountingStatistics.Parts;
import qtm.exact.CountingStatistics.Weight;
import qtm.model.Detection;
import qtm.model.Detection.Detector;
import qtm.model.Machine;
import qtm.model.MachinePresets;
import qtm.model.Model;
import qtm.model.Side;

/**
 * Counting statistics as an imperfect detector sees them (issue 28). Each jump of the bath is detected with
 * probability η, and dark clicks come at rate θ, ±1 (or ±ω₁ of heat, ω₁ the first gap of the bath's site) with
 * probability ½ each; the pair of state and detected count is Markov, with the tilted generator
 * L + Σ_j η(e^{s w_j} − 1) J_j + (θ/2)(e^{s ω} + e^{−s ω} − 2), ω = 1 for the count and ω₁ for the heat. That is the
 * true counting problem with each counted term J_j scaled by η and two more terms, (θ/2)·1 of weight +ω and of
 * weight −ω, so {@link CountingStatistics} gives its cumulants unchanged. The waiting time between detected clicks is
 * {@link WaitingTimes}' with the bath's counted term 𝒥 = η Σ_j J_j + θ·1.
 */
public final class DetectedCounting {
    private DetectedCounting() {
    }

    /**
     * @param model a preset
     * @param side the bath
     * @param weight quanta or heat
     * @param detector the bath's detector
     * @return the statistics of its detected count
     */
    public static CountingStatistics of(Model model, Side side, Weight weight, Detector detector) {
        double dark = weight == Weight.QUANTA ? 1 : darkHeat(model);
        return new CountingStatistics(detected(PresetCounting.parts(model, side, weight), detector, dark));
    }

    /**
     * @param counting a machine's counting statistics
     * @param bath the bath's index
     * @param weight quanta or heat
     * @param detector the bath's detector
     * @return the statistics of its detected count
     */
    public static CountingStatistics of(MachineCounting counting, int bath, Weight weight, Detector detector) {
        Machine m = counting.exact().machine();
        double dark = weight == Weight.QUANTA ? 1 : darkHeat(m, bath);
        return new CountingStatistics(detected(counting.parts(bath, weight), detector, dark));
    }

    /**
     * @param model a preset
     * @return the heat ω₁ a dark click of either bath carries (its sign is the click's)
     */
    public static double darkHeat(Model model) {
        return model.energy();
    }

    /**
     * @param machine a machine
     * @param bath the bath's index
     * @return the heat ω₁ a dark click of the bath carries, the first gap of its site (its sign is the click's)
     */
    public static double darkHeat(Machine machine, int bath) {
        return machine.site(machine.baths().get(bath)).gap();
    }

    /**
     * The detected problem from the true one. The current is η times the true one (a preset's from the coupling;
     * a machine's ⟨L'⟩, whose dark terms cancel exactly, being added first into zero). Thinning and dark clicks make a
     * bounded count unbounded, so the shortcut of a bounded count holds only for a perfect detector. Its odd
     * cumulants stay 0, where the perturbation series would return rounding: by the law of total cumulance over the
     * choices to detect, the thinned third cumulant is η³κ₃(N) + 3η²(1−η)Cov(N, Σw²) + η(1−η)(1−2η)⟨Σw³⟩, whose
     * first term is bounded for a bounded N, the second grows at most as √t, and the third is ⟨N⟩ for a count of ±1
     * and 0 per unit time for the heat of a site alone with its one bath (detailed balance); dark clicks add nothing
     * odd. Detailed balance itself survives thinning and dark clicks (they treat +1 and −1 alike), so at equilibrium
     * the odd cumulants still vanish.
     */
    static Parts detected(Parts truth, Detector d, double dark) {
        double eta = d.efficiency();
        List<Jump> jumps = new ArrayList<>();
        if (d.darkRate() > 0) {
            int n = truth.basis().size();
            DMatrixRMaj half = CommonOps_DDRM.identity(n);
            CommonOps_DDRM.scale(d.darkRate() / 2, half);
            jumps.add(new Jump(dark, half));
            jumps.add(new Jump(-dark, half));
        }
        for (Jump j : truth.jumps()) {
            DMatrixRMaj term = j.term().copy();
            CommonOps_DDRM.scale(eta, term);
            jumps.add(new Jump(j.nu(), term));
        }
        boolean bounded = truth.uncoupled();
        return new Parts(truth.basis(), truth.generator(), jumps, truth.weight(), truth.steady(),
                bounded ? 0.0 : eta * truth.current(), bounded && d.perfect(), bounded || truth.equilibrium());
    }

    /**
     * @param model a preset
     * @param detection its detectors
     * @return the detected statistics of both baths, cold first
     */
    public static DetectedFluctuations fluctuations(Model model, Detection detection) {
        List<Detector> detectors = new ArrayList<>();
        List<Fluctuations.Bath> baths = new ArrayList<>();
        for (Side side : Side.values()) {
            Detector d = detection.of(side.key());
            detectors.add(d);
            baths.add(new Fluctuations.Bath(of(model, side, Weight.QUANTA, d).stationary(),
                    of(model, side, Weight.HEAT, d).stationary()));
        }
        return new DetectedFluctuations(MachinePresets.BATHS, detectors, baths);
    }

    /**
     * @param counting a machine's counting statistics
     * @param detection its detectors
     * @return the detected statistics of every bath, in bath order
     */
    public static DetectedFluctuations fluctuations(MachineCounting counting, Detection detection) {
        List<String> names = counting.exact().machine().bathNames();
        List<Detector> detectors = new ArrayList<>();
        List<Fluctuations.Bath> baths = new ArrayList<>();
        for (int k = 0; k < names.size(); k++) {
            Detector d = detection.of(names.get(k));
            detectors.add(d);
            baths.add(new Fluctuations.Bath(of(counting, k, Weight.QUANTA, d).stationary(),
                    of(counting, k, Weight.HEAT, d).stationary()));
        }
        return new DetectedFluctuations(names, detectors, baths);
    }

    /**
     * The distribution of the time between consecutive detected clicks of a preset's bath in the steady state:
     * w(τ) = Tr[𝒥 e^{(L−𝒥)τ} 𝒥 ρ∞] / Tr[𝒥 ρ∞], 𝒥 = η Σ_j J_j + θ·1.
     *
     * @param model a preset, with a unique steady state
     * @param side the bath
     * @param detector its detector
     * @return the distribution ({@link WaitingTimes#density(double[])} on a grid, {@link WaitingTimes#mean()}, …)
     * @throws IllegalArgumentException if no click ever happens in the steady state
     */
    public static WaitingTimes waiting(Model model, Side side, Detector detector) {
        return waiting(WaitingSource.of(model), side.bath(), detector);
    }

    /**
     * As {@link #waiting(Model, Side, Detector)} for a machine's bath.
     *
     * @param exact the machine's exact layer
     * @param bath the bath's index
     * @param detector its detector
     * @return the distribution
     * @throws IllegalArgumentException if no click ever happens in the steady state
     */
    public static WaitingTimes waiting(MachineExact exact, int bath, Detector detector) {
        return waiting(WaitingSource.of(exact), bath, detector);
    }

    private static WaitingTimes waiting(WaitingSource source, int bath, Detector d) {
        WaitingSource detected = source.detected(bath, d.efficiency(), d.darkRate());
        String name = source.bath(bath);
        return new WaitingTimes(detected, new WaitingPair(bath, bath, name + "_" + name));
    }
}
