package qtm.verify;

import java.util.List;
import org.ejml.data.ZMatrixRMaj;
import qtm.engine.EngineKind;
import qtm.exact.CollisionMap;
import qtm.exact.Transient;
import qtm.model.Model;
import qtm.model.TimeGrid;

/** The exact solution each engine's ensemble must converge to: the judge, kept apart from the engines it judges. */
public final class References {
    private References() {
    }

    /**
     * @param kind the engine
     * @param model the machine
     * @param rho0 initial density matrix
     * @param grid output grid
     * @param dt the collision step (for the collision model)
     * @return the master equation's ρ(t) for quantum-jump and diffusive trajectories; the exact discrete-time collision map at the
     *     same Δt for the collision model
     */
    public static List<ZMatrixRMaj> of(EngineKind kind, Model model, ZMatrixRMaj rho0, TimeGrid grid, double dt) {
        return kind != EngineKind.COLLISION ? new Transient(model, grid).evolve(rho0)
                : new CollisionMap(model, grid, dt).evolve(rho0);
    }

    /**
     * @param kind the engine
     * @param dt the collision step it ran with (for the collision model)
     * @return what {@link #of} gives it, in words: "master equation" or "exact collision map (Δt = …)"
     */
    public static String name(EngineKind kind, double dt) {
        return kind != EngineKind.COLLISION ? "master equation"
                : "exact collision map (Δt = " + new java.math.BigDecimal(String.format(java.util.Locale.ROOT, "%.4g", dt))
                        .stripTrailingZeros().toPlainString() + ")";
    }
}
