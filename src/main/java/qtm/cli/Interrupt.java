package qtm.cli;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Turns Ctrl-C (SIGINT) and SIGTERM into a request to stop, so a long run can finish the trajectories in flight and
 * write what it has, instead of the JVM dying with half a result. A second signal of either kind exits at once (the
 * staging directory it leaves is removed by a later run, which sees this process gone).
 */
final class Interrupt implements AutoCloseable {
    /** Exit status of a run stopped by SIGINT, as shells report it (128 + 2). */
    static final int EXIT = 130;
    /** Exit status of a run stopped by SIGTERM, as shells report it (128 + 15). */
    static final int EXIT_TERM = 143;
    /** The exit status the first signal asks for; 0 while none came. */
    private final AtomicInteger requested = new AtomicInteger();
    private final Map<String, SignalHandler> previous = new HashMap<>();

    private Interrupt() {
    }

    /**
     * Installs the handlers for this process.
     *
     * @return the interrupt, whose {@link #requested()} turns true on the first SIGINT or SIGTERM
     */
    static Interrupt install() {
        Interrupt i = new Interrupt();
        i.handle("INT", EXIT);
        i.handle("TERM", EXIT_TERM);
        return i;
    }

    private void handle(String name, int status) {
        try {
            previous.put(name, Signal.handle(new Signal(name), s -> {
                if (!requested.compareAndSet(0, status)) {
                    Runtime.getRuntime().halt(status);
                }
            }));
        } catch (IllegalArgumentException e) {
            // No such signal here or it is reserved (e.g. with -Xrs): runs simply cannot be stopped by it.
        }
    }

    /** Puts back the handlers that were there before, so the JVM reacts to signals as usual after the run. */
    @Override
    public void close() {
        previous.forEach((name, h) -> Signal.handle(new Signal(name), h));
        previous.clear();
    }

    /** @return whether a stop was requested */
    boolean requested() {
        return requested.get() != 0;
    }

    /** @return the exit status of a run that was stopped: 130 after SIGINT, 143 after SIGTERM */
    int exitStatus() {
        int s = requested.get();
        return s == 0 ? EXIT : s;
    }
}
