package qtm.engine;

import java.util.List;
import org.ejml.data.ZMatrixRMaj;
import qtm.exact.Transient;
import qtm.model.Model;
import qtm.model.TimeGrid;

/** The engines by their scenario names, each with the exact solution its ensemble must converge to. */
public enum EngineKind {
    /** Quantum-jump trajectories; exact reference: the master equation. */
    TRAJECTORIES("trajectories") {
        @Override
        public Engine create(Model model, ZMatrixRMaj rho0, TimeGrid grid, double dt) {
            return new JumpTrajectories(model, rho0, grid);
        }

        @Override
        public List<ZMatrixRMaj> exact(Model model, ZMatrixRMaj rho0, TimeGrid grid, double dt) {
            return new Transient(model, grid).evolve(rho0);
        }
    },
    /** The discrete collision model; exact reference: the discrete-time map at the same Δt. */
    COLLISION("collision") {
        @Override
        public Engine create(Model model, ZMatrixRMaj rho0, TimeGrid grid, double dt) {
            return new CollisionEngine(model, rho0, grid, dt);
        }

        @Override
        public List<ZMatrixRMaj> exact(Model model, ZMatrixRMaj rho0, TimeGrid grid, double dt) {
            return new CollisionMap(model, grid, dt).evolve(rho0);
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
     * @param dt collision step (ignored by trajectories)
     * @return the engine
     */
    public abstract Engine create(Model model, ZMatrixRMaj rho0, TimeGrid grid, double dt);

    /**
     * The deterministic solution this engine's ensemble mean converges to.
     *
     * @param model the machine
     * @param rho0 initial density matrix
     * @param grid output grid
     * @param dt collision step (ignored by trajectories)
     * @return states on the grid
     */
    public abstract List<ZMatrixRMaj> exact(Model model, ZMatrixRMaj rho0, TimeGrid grid, double dt);

    /**
     * @param key "trajectories" or "collision"
     * @return the kind
     * @throws IllegalArgumentException for any other name
     */
    public static EngineKind of(String key) {
        for (EngineKind k : values()) {
            if (k.key.equals(key)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown engine '" + key + "'; expected trajectories or collision");
    }
}
