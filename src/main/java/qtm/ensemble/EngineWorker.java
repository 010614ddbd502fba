package qtm.ensemble;

import qtm.engine.Engine;

/** The runner's worker: an engine feeding a {@link Tally}, and a {@link JumpTee} for the recorded indices. */
final class EngineWorker implements Worker {
    private final Engine engine;
    private final Tally tally;
    private final JumpTee tee;
    private final long seed;
    private final long recordBelow;
    private final StopFlag stop;

    EngineWorker(Engine engine, Layout layout, long seed, StopFlag stop, long recordBelow) {
        this.engine = engine;
        this.tally = new Tally(layout, stop);
        this.tee = recordBelow > 0 ? new JumpTee(tally) : null;
        this.seed = seed;
        this.recordBelow = recordBelow;
        this.stop = stop;
    }

    @Override
    public int stepSize() {
        return tally.stepSize();
    }

    @Override
    public boolean fill(Block b, long from, long to) {
        tally.into(b);
        // One comparison per trajectory is all that records cost a run without them (recordBelow = 0).
        long teeTo = Math.min(to, recordBelow);
        if (from < teeTo && b.jumps == null) {
            b.jumps = new JumpBuffer();
        }
        boolean detectors = tally.randomised();
        for (long i = from; i < to; i++) {
            if (detectors) {
                tally.streams(seed, i);
            }
            engine.run(Streams.forTrajectory(seed, i), i < teeTo ? tee.next(i, b.jumps) : tally);
            if (stop.raised()) {
                return false;
            }
        }
        tally.settle();
        return true;
    }
}
