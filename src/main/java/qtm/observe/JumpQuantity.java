package qtm.observe;

/**
 * A quantity whose numbers are 0 at t = 0 and change only at jumps (counts): its recorder reports the changes as
 * {@link Changes}, and the rows are filled in from them, with the same sums as if every row had been written.
 */
public non-sealed interface JumpQuantity extends Quantity {
    @Override
    JumpRecorder recorder();
}
