package qtm.observe;

import java.util.List;
import qtm.model.Model;
import qtm.model.TimeGrid;

/** The registry of observed quantities: the set every {@code qtm run} records. */
public final class Quantities {
    private Quantities() {
    }

    /**
     * @param model the machine
     * @param grid the output grid
     * @return ρ̄ coordinates, pure-state concurrence, heat by the formula, heat by counting, jump counts, and the
     *     final-time products for the χ², in output order; then the waiting-time histograms where they can be
     *     recorded ({@link WaitingHistogram#absence})
     */
    public static List<Quantity> standard(Model model, TimeGrid grid) {
        List<Quantity> out = new java.util.ArrayList<>(List.of(new RhoElements(), new PureConcurrence(),
                new HeatFormula(model), new HeatCount(model, grid), new JumpCounts(), new FinalProducts()));
        WaitingHistogram waiting = WaitingHistogram.of(model, grid);
        if (waiting != null) {
            out.add(waiting);
        }
        return List.copyOf(out);
    }
}
