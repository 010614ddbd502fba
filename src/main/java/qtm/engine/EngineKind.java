package qtm.engine;

import org.ejml.data.ZMatrixRMaj;
import qtm.model.Model;
import qtm.model.TimeGrid;

/** The engines by their scenario names. The exact solution each must converge to is {@code qtm.verify.References}. */
public enum EngineKind {
    /** Quantum-jump trajectories. */
    TRAJECTORIES("trajectories") {
        @Override
        public Engine create(Model model, ZMatrixRMaj rho0, TimeGrid grid, double dt) {
            return new JumpTrajectories(model, rho0, grid);
        }
    },
    /** The discrete collision model. */
    COLLISION("collision") {
        @Override
        public Engine create(Model model, ZMatrixRMaj rho0, TimeGrid grid, double dt) {
            return new CollisionEngine(model, rho0, grid, dt);
        }

        @Override
        public Engine create(Model model, ZMatrixRMaj rho0, TimeGrid grid, double dt, String sampling) {
            return new CollisionEngine(model, rho0, grid, dt, sampling == null
                    ? CollisionEngine.Sampling.defaultFor(model) : CollisionEngine.Sampling.of(sampling));
        }
    },
    /**
     * Homodyne (diffusive) trajectories (issue 29), every channel watched at phase 0 by a perfect detector; dt is
     * shortened to divide the grid step ({@link DiffusiveTrajectories#stepFor}). Other phases and efficiencies:
     * {@link DiffusiveTrajectories#of}.
     */
    DIFFUSIVE("diffusive") {
        @Override
        public Engine create(Model model, ZMatrixRMaj rho0, TimeGrid grid, double dt) {
            return DiffusiveTrajectories.of(model, rho0, grid, DiffusiveTrajectories.stepFor(grid, dt),
                    new double[2], new double[] {1, 1});
        }
    };

    private final String key;

    EngineKind(String key) {
        this.key = key;
    }

    /** @return the name used in scenarios and output files */
    public String key() {
        return key;
    }

    /**
     * A new engine instance (own workspaces; one per thread).
     *
     * @param model the machine
     * @param rho0 initial density matrix
     * @param grid output grid
     * @param dt collision or diffusive step (ignored by trajectories)
     * @return the engine
     */
    public abstract Engine create(Model model, ZMatrixRMaj rho0, TimeGrid grid, double dt);

    /**
     * A new engine instance with a chosen collision sampling.
     *
     * @param model the machine
     * @param rho0 initial density matrix
     * @param grid output grid
     * @param dt collision step (ignored by trajectories)
     * @param sampling the collision model's "events" or "steps", null for the model's default (ignored by
     *     trajectories)
     * @return the engine
     */
    public Engine create(Model model, ZMatrixRMaj rho0, TimeGrid grid, double dt, String sampling) {
        return create(model, rho0, grid, dt);
    }


    /**
     * @param key "trajectories", "collision" or "diffusive"
     * @return the kind
     * @throws IllegalArgumentException for any other name
     */
    public static EngineKind of(String key) {
        for (EngineKind k : values()) {
            if (k.key.equals(key)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown engine '" + qtm.input.Quote.of(key) + "'; expected trajectories, collision or diffusive");
    }
}
