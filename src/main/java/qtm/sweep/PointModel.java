package qtm.sweep;

import java.util.List;
import java.util.function.Supplier;
import qtm.exact.Fluctuations;
import qtm.exact.MachineCounting;
import qtm.exact.MachineExact;
import qtm.exact.MachineFluctuations;
import qtm.model.Machine;
import qtm.model.MachinePresets;
import qtm.model.Model;
import qtm.model.Side;

/**
 * The validated model at one point of a key sweep: a preset or any machine. Built by whoever reads the scenario (the
 * sweep reads no files), and solved here exactly as {@code qtm steady} solves it.
 *
 * @param sites the site names, in order
 * @param dims the sites' numbers of levels
 * @param baths the bath names, in the order of {@link SteadyOutcome#heat()}
 * @param solve its exact steady state and observables (throws IllegalArgumentException if not unique)
 * @param count its exact stationary counting statistics, every bath in the order of {@code baths}, as
 *     {@code qtm fcs} computes them; null where the caller gives none
 */
public record PointModel(List<String> sites, int[] dims, List<String> baths, Supplier<SteadyOutcome> solve,
        Supplier<MachineFluctuations> count) {
    /**
     * A point without counting statistics.
     *
     * @param sites the site names, in order
     * @param dims the sites' numbers of levels
     * @param baths the bath names
     * @param solve its exact steady state and observables
     */
    public PointModel(List<String> sites, int[] dims, List<String> baths, Supplier<SteadyOutcome> solve) {
        this(sites, dims, baths, solve, null);
    }

    /**
     * @param model one of the presets reset, flux and dqd (the double dot's global form included)
     * @return its point, solved as {@code steady} solves a preset
     */
    public static PointModel of(Model model) {
        return new PointModel(MachinePresets.SITES, new int[] {2, 2}, List.of(Side.COLD.key(), Side.HOT.key()),
                () -> SteadyOutcome.of(model, null), () -> MachineFluctuations.of(Fluctuations.of(model)));
    }

    /**
     * @param machine a {@code model.type: machine}
     * @return its point
     */
    public static PointModel of(Machine machine) {
        return new PointModel(machine.siteNames(), machine.dimensions(), machine.bathNames(),
                () -> SteadyOutcome.of(machine, null),
                () -> new MachineCounting(new MachineExact(machine)).fluctuations());
    }

    /**
     * @return the exact steady state and its observables
     * @throws IllegalArgumentException if the steady state is not unique
     */
    public SteadyOutcome steady() {
        return solve.get();
    }

    /**
     * @return the exact stationary counting statistics of every bath (NaN where a noise is lost in rounding)
     * @throws IllegalArgumentException if the steady state is not unique
     * @throws IllegalStateException if this point was built without them
     */
    public MachineFluctuations counting() {
        if (count == null) {
            throw new IllegalStateException("this point has no counting statistics");
        }
        return count.get();
    }
}
