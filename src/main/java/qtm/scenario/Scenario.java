package qtm.scenario;

import org.ejml.data.ZMatrixRMaj;
import qtm.model.Model;
import qtm.model.TimeGrid;

/**
 * A validated scenario: the machine, where it starts and the output grid.
 *
 * @param name short name, used for the output directory
 * @param description one line saying what the scenario shows
 * @param file the file it came from
 * @param model the machine
 * @param initial the initial density matrix
 * @param time the output grid (null only when read for a command that needs none)
 * @param source the parsed document after overrides, for echoing into outputs
 * @param simulation engines, ensemble size and collision step for {@code qtm run}
 */
public record Scenario(String name, String description, String file, Model model, ZMatrixRMaj initial, TimeGrid time,
        Node source, Simulation simulation) {
}
