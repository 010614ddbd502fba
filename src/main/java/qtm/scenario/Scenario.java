package qtm.scenario;

import org.ejml.data.ZMatrixRMaj;
import qtm.model.Approach;
import qtm.model.Detection;
import qtm.model.DotModel;
import qtm.model.Machine;
import qtm.model.MachinePresets;
import qtm.model.Model;
import qtm.model.TimeGrid;

/**
 * A validated scenario: the machine, where it starts and the output grid.
 *
 * @param name short name, used for the output directory
 * @param description one line saying what the scenario shows
 * @param file the file it came from
 * @param model the preset model; null for a machine described in full ({@code type: machine}, issue 24), which
 *        only {@link ScenarioReader#readAny} returns
 * @param initial the initial density matrix, d×d
 * @param time the output grid (null only when read for a command that needs none)
 * @param source the parsed document after overrides, for echoing into outputs
 * @param simulation engines, ensemble size and collision step for {@code qtm run}
 * @param machine the machine form of every model: the description itself, or a preset's
 *        ({@link MachinePresets#of}); null only for the double dot in the global approach, whose Jordan–Wigner
 *        parity is not a machine
 * @param target the normalised target ket of {@code observe.target} as a d×1 column, whose fidelity ⟨t|ρ|t⟩ the
 *        commands report; null without one
 */
public record Scenario(String name, String description, String file, Model model, ZMatrixRMaj initial, TimeGrid time,
        Node source, Simulation simulation, Machine machine, ZMatrixRMaj target) {
    /**
     * A preset's scenario, with its machine form derived from the model.
     *
     * @param name short name
     * @param description one line
     * @param file the file it came from
     * @param model the preset model
     * @param initial the initial density matrix
     * @param time the output grid, or null
     * @param source the parsed document
     * @param simulation the run settings
     */
    public Scenario(String name, String description, String file, Model model, ZMatrixRMaj initial, TimeGrid time,
            Node source, Simulation simulation) {
        this(name, description, file, model, initial, time, source, simulation, machineOf(model), null);
    }

    private static Machine machineOf(Model model) {
        if (model == null || model instanceof DotModel && model.approach() == Approach.GLOBAL) {
            return null;
        }
        return MachinePresets.of(model);
    }

    /**
     * The imperfect detectors of {@code detection} (issue 28), read again from {@link #source()}, where the readers
     * have already checked them.
     *
     * @return the detectors by bath name, or null when the scenario has no {@code detection} (or no source)
     */
    public Detection detection() {
        return source == null ? null : DetectionReader.read(source, isMachine() ? machine.bathNames() : MachinePresets.BATHS);
    }

    /**
     * The diffusive engine's step and phases ({@code diffusive}, issue 29), read again from {@link #source()}, where
     * the readers have already checked them.
     *
     * @return the settings; {@link Diffusive#DEFAULT} without the section (or without a source)
     */
    public Diffusive diffusive() {
        if (source == null) {
            return Diffusive.DEFAULT;
        }
        return DiffusiveReader.read(source, isMachine() ? DiffusiveReader.baths(machine)
                : DiffusiveReader.baths(model), simulation.engines());
    }

    /**
     * @return whether a machine's collision runs book the heat and switching work of every collision
     *     ({@code observe.collision_work}, read again from {@link #source()}, where the readers have checked it)
     */
    public boolean collisionWork() {
        return source != null && TargetReader.collisionWork(source);
    }

    /**
     * @return whether a machine's runs record the waiting times between ordered pairs of channels rather than of
     *     baths ({@code observe.waiting: channels}, read again from {@link #source()}, where the readers have checked
     *     it)
     */
    public boolean waitingByChannel() {
        return source != null && TargetReader.waitingByChannel(source);
    }

    /** @return whether this is a machine described in full ({@code model.type: machine}) rather than a preset */
    public boolean isMachine() {
        return model == null;
    }
}
