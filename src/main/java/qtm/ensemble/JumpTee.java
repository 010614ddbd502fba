package qtm.ensemble;

import qtm.engine.TrajectoryObserver;
import qtm.model.Side;

/**
 * Passes a recorded trajectory's events to the worker's {@link Tally} and copies its jumps into the block's
 * {@link JumpBuffer}. Only trajectories below the record limit see it: the others are fed to the tally directly, so a
 * run without records does no extra work per event.
 */
final class JumpTee implements TrajectoryObserver {
    private final Tally tally;
    private JumpBuffer into;
    private long index;

    JumpTee(Tally tally) {
        this.tally = tally;
    }

    /** The next trajectory is {@code trajectory}, recorded into {@code buffer}. */
    JumpTee next(long trajectory, JumpBuffer buffer) {
        index = trajectory;
        into = buffer;
        return this;
    }

    @Override
    public void begin() {
        into.rewind();
        tally.begin();
    }

    @Override
    public void state(int k, double[] re, double[] im) {
        tally.state(k, re, im);
    }

    @Override
    public void mixed(int k, double[] re, double[] im) {
        tally.mixed(k, re, im);
    }

    @Override
    public void homodyne(int step, double[] increments) {
        tally.homodyne(step, increments);
    }

    @Override
    public void jump(int channel, int bath, double energy, double time) {
        tally.jump(channel, bath, energy, time);
        into.add(index, channel, bath, energy, time);
    }

    @Override
    public void collided(Side side, double[] re, double[] im) {
        tally.collided(side, re, im);
    }

    @Override
    public void collided(int bath, double[] re, double[] im) {
        tally.collided(bath, re, im);
    }

    @Override
    public boolean hearsCollisions() {
        return tally.hearsCollisions();
    }

    @Override
    public void end() {
        tally.end();
        into.seal();
    }

    @Override
    public boolean cancelled() {
        return tally.cancelled();
    }
}
