package qtm.sweep;

import java.util.List;
import qtm.model.Machine;
import qtm.model.MachinePresets;
import qtm.model.Model;
import qtm.model.Side;

/**
 * The validated model at one point of a key sweep: a preset or any machine. Built by whoever reads the scenario (the
 * sweep reads no files), and solved here exactly as {@code qtm steady} solves it.
 */
public sealed interface PointModel permits PointModel.Preset, PointModel.Custom {
    /**
     * @return the exact steady state and its observables
     * @throws IllegalArgumentException if the steady state is not unique
     */
    SteadyOutcome steady();

    /** @return the site names, in order */
    List<String> sites();

    /** @return the sites' numbers of levels */
    int[] dims();

    /** @return the bath names, in the order of {@link SteadyOutcome#heat()} */
    List<String> baths();

    /**
     * One of the presets reset, flux and dqd.
     *
     * @param model the preset
     */
    record Preset(Model model) implements PointModel {
        @Override
        public SteadyOutcome steady() {
            return SteadyOutcome.of(model, null);
        }

        @Override
        public List<String> sites() {
            return MachinePresets.SITES;
        }

        @Override
        public int[] dims() {
            return new int[] {2, 2};
        }

        @Override
        public List<String> baths() {
            return List.of(Side.COLD.key(), Side.HOT.key());
        }
    }

    /**
     * A {@code model.type: machine}.
     *
     * @param machine the machine
     */
    record Custom(Machine machine) implements PointModel {
        @Override
        public SteadyOutcome steady() {
            return SteadyOutcome.of(machine, null);
        }

        @Override
        public List<String> sites() {
            return machine.siteNames();
        }

        @Override
        public int[] dims() {
            return machine.dimensions();
        }

        @Override
        public List<String> baths() {
            return machine.bathNames();
        }
    }
}
