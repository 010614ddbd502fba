package qtm.sweep;

import qtm.model.Machine;

/**
 * A machine's steady-state study (issue 25): the local–global comparison along a g_scale.
 *
 * @param name short name, used for the output directory and file names
 * @param description one line saying what the study shows
 * @param file the file it came from
 * @param machine the machine at g_scale = 1
 * @param plan the g_scale grid
 */
public record MachineStudy(String name, String description, String file, Machine machine, MachineLocalGlobal plan) {
    /** @return the table, every point solved */
    public SweepTable run() {
        return plan.run(machine);
    }
}
