package qtm.ensemble;

import qtm.model.Bath;
import qtm.model.DotModel;
import qtm.model.FluxModel;
import qtm.model.Model;
import qtm.model.ResetModel;

/** The three scenario machines, as in scenarios/*.yaml. */
final class Fixtures {
    static final Model RESET = new ResetModel(1, 1.6e-3, new Bath(0, 1e-2), new Bath(Double.POSITIVE_INFINITY, 1.1e-3));
    static final Model FLUX = new FluxModel(1, 1.6e-3, new Bath(0, 1e-2), new Bath(100, 1e-5));
    static final Model DQD = new DotModel(1, 5e-3, 20, new Bath(0, 1e-2), new Bath(5, 1e-2));

    private Fixtures() {
    }
}
