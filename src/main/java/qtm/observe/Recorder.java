package qtm.observe;

/**
 * The mutable part of a {@link Quantity}: consumes one trajectory's events and writes its numbers. One kind per kind
 * of quantity, each with only the calls that kind receives. Belongs to one thread.
 */
public sealed interface Recorder permits StateRecorder, JumpRecorder, FinalRecorder {
    /** A new trajectory starts (nothing to reset by default). */
    default void begin() {
    }
}
