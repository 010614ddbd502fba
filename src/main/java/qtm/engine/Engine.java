package qtm.engine;

import org.apache.commons.rng.UniformRandomProvider;
import qtm.model.TimeGrid;

/**
 * A stochastic unravelling that produces one pure-state trajectory per call. An instance owns mutable workspaces, so it
 * belongs to one thread; make one per thread from an {@link EngineKind}.
 */
public interface Engine {
    /**
     * Runs one trajectory from a pure state drawn from the initial density matrix.
     *
     * @param rng the only source of randomness
     * @param observer receives the states on the grid and the jumps
     */
    void run(UniformRandomProvider rng, TrajectoryObserver observer);

    /** @return the output grid */
    TimeGrid grid();
}
