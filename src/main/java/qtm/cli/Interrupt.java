package qtm.cli;

import java.util.concurrent.atomic.AtomicBoolean;
import sun.misc.Signal;

/**
 * Turns Ctrl-C (SIGINT) into a request to stop, so a long run can finish the trajectories in flight and write what
 * it has, instead of the JVM dying with half a result. A second Ctrl-C exits at once.
 */
final class Interrupt {
    /** Exit status of a run stopped by SIGINT, as shells report it (128 + 2). */
    static final int EXIT = 130;
    private final AtomicBoolean requested = new AtomicBoolean();

    private Interrupt() {
    }

    /**
     * Installs the handler for this process.
     *
     * @return the interrupt, whose {@link #requested()} turns true on the first SIGINT
     */
    static Interrupt install() {
        Interrupt i = new Interrupt();
        try {
            Signal.handle(new Signal("INT"), s -> {
                if (!i.requested.compareAndSet(false, true)) {
                    Runtime.getRuntime().halt(EXIT);
                }
            });
        } catch (IllegalArgumentException e) {
            // No SIGINT on this platform or it is reserved (e.g. with -Xrs): runs simply cannot be interrupted.
        }
        return i;
    }

    /** @return whether a stop was requested */
    boolean requested() {
        return requested.get();
    }
}
