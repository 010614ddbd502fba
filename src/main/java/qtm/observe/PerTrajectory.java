package qtm.observe;

import java.util.List;

/**
 * A state quantity of one number in [0, 1] per trajectory and grid point, written from the pure state, whose mean is
 * its one column: the pure-state concurrence, the fidelity with a target. Subclasses give the name, the column and
 * the recorder.
 */
abstract class PerTrajectory implements StateQuantity {
    private final String name;

    PerTrajectory(String name) {
        this.name = name;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final List<String> slots() {
        return List.of(name);
    }

    @Override
    public final double quantum(int slot) {
        return Quantity.quantumFor(1);
    }

    @Override
    public final boolean batched() {
        return false;
    }
}
