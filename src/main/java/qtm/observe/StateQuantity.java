package qtm.observe;

/**
 * A quantity with one row per grid point, written from the trajectory's normalised state at that point (ρ
 * coordinates, concurrence, heat by the formula, switching work); its recorder may also hear the jumps and
 * collisions in between.
 */
public non-sealed interface StateQuantity extends Quantity {
    @Override
    StateRecorder recorder();
}
