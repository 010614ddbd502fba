package qtm.ensemble;

/** Raised once to stop every worker, even inside a trajectory; the first reason raised wins. */
public final class StopFlag {
    private volatile StopReason reason;

    /** @return whether a stop was raised: a worker then ends its block and returns */
    public boolean raised() {
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
