package qtm.observe;

import qtm.model.Side;

/** The recorder of a {@link JumpQuantity}: never sees a state, reports what each jump changes in the rows to come. */
public non-sealed interface JumpRecorder extends Recorder {
    /**
     * A jump into (or, with negative energy, out of) a bath.
     *
     * @param channel index of the channel in the model's jump list
     * @param bath index of the bath (of a two-qubit model: {@link Side#bath()})
     * @param energy energy moved from the qubits into the bath
     * @param time when
     * @param out where to report the changes
     * @param offset index of the quantity's first number in the row
     */
    void jump(int channel, int bath, double energy, double time, Changes out, int offset);
}
