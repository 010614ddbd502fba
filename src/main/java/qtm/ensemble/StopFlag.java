package qtm.ensemble;

/** Raised once to stop every worker, even inside a trajectory; the first reason raised wins. */
final class StopFlag {
    private volatile StopReason reason;

    boolean raised() {
        return reason != null;
    }

    synchronized void raise(StopReason r) {
        if (reason == null) {
            reason = r;
        }
    }

    StopReason reason() {
        return reason;
    }
}
