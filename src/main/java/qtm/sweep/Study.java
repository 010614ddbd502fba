package qtm.sweep;

import qtm.model.Model;
import qtm.sweep.CouplingOptimizer;
import qtm.sweep.SweepPlan;

/**
 * A scenario read for steady-state studies (optimize, threshold, sweep): the machine, how to optimise its couplings,
 * and optionally a sweep. The time grid and initial state of a dynamics scenario are not needed here and are ignored.
 *
 * @param name short name, used for the output directory
 * @param description one line saying what the study shows
 * @param file the file it came from
 * @param model the machine: kind, E, U, temperatures, couplings
 * @param optimizer the {@code optimize} section
 * @param sweep the {@code sweep} section, or null if there is none
 */
public record Study(String name, String description, String file, Model model, CouplingOptimizer optimizer,
        SweepPlan sweep) {
}
