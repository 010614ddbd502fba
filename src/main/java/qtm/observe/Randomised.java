package qtm.observe;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * A recorder that draws random numbers of its own (a detector's misses and dark clicks, issue 28). The ensemble hands
 * it a stream independent of the engine's before each trajectory, derived from the run's seed and the trajectory's
 * index alone, so that the engine's draws, and with them every other number of the run, are those of a run without it.
 */
public interface Randomised {
    /**
     * The stream of the trajectory about to begin; called before {@link Recorder#begin()}.
     *
     * @param rng the generator (the recorder's until the next call)
     */
    void stream(UniformRandomProvider rng);
}
