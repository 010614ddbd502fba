package qtm.verify;

import java.util.List;
import org.ejml.data.ZMatrixRMaj;
import qtm.engine.EngineKind;
import qtm.ensemble.EnsembleResult;
import qtm.exact.CollisionMap;
import qtm.model.Collision;
import qtm.model.Model;
import qtm.model.TimeGrid;
import qtm.observe.WaitingHistogram;

/**
 * Everything one engine's ensemble is judged against, chosen once by its kind: the quantum-jump trajectories against
 * the master equation, the collision engine against its own exact discrete-time map (its ρ(t), its tilted map's
 * counting statistics and its heat and work bookkeeping). The one place of the judging that tells the kinds apart,
 * so that the run's loop asks a reference instead of branching on the engine.
 */
public sealed interface EngineReference permits EngineReference.MasterEquation, EngineReference.CollisionMapReference {
    /** @return the exact ρ(t) on the grid */
    List<ZMatrixRMaj> states();

    /** @return the exact counting statistics, or null where none is computed */
    CountingReference counting();

    /** @return the reference in words: "master equation" or "exact collision map (Δt = …)" */
    String name();

    /** @return whether the reference differs from the master equation, so that its bias against it is worth telling */
    boolean ownReference();

    /**
     * The waiting-time verdict, or why there is none.
     *
     * @param r the ensemble
     * @param model the machine
     * @param grid the grid
     * @param rho0 the initial state
     * @return the verdict and null, or null and the reason
     */
    Waiting waiting(EnsembleResult r, Model model, TimeGrid grid, ZMatrixRMaj rho0);

    /**
     * @param r the ensemble
     * @return the heat, work and entropy bookkeeping of each collision against the exact map, or null where the
     *     engine has no collisions
     */
    CollisionBookkeeping.Result bookkeeping(EnsembleResult r);

    /** @return the collision step the engine took (its rates and probabilities), or null for an engine without one */
    Collision collision();

    /**
     * A waiting-time verdict, or why there is none.
     *
     * @param result the verdict, or null
     * @param absence why there is none, or null
     */
    record Waiting(WaitingVerdict.Result result, String absence) {
    }

    /**
     * @param kind the engine
     * @param model the machine
     * @param rho0 the initial state
     * @param grid the output grid
     * @param dt the collision step (for the collision engine)
     * @param master the master equation's ρ(t) on the grid, already computed
     * @param masterCounting its counting statistics, or null
     * @return the reference of that engine
     */
    static EngineReference of(EngineKind kind, Model model, ZMatrixRMaj rho0, TimeGrid grid, double dt,
            List<ZMatrixRMaj> master, CountingReference masterCounting) {
        return switch (kind) {
            case TRAJECTORIES -> new MasterEquation(master, masterCounting);
            // Homodyne records count no jumps: the master equation judges ρ̄ alone.
            case DIFFUSIVE -> new MasterEquation(master, null);
            case COLLISION -> new CollisionMapReference(model, rho0, grid, dt,
                    new CollisionMap(model, grid, dt).evolve(rho0),
                    CountingReference.collision(model, rho0, grid, dt));
        };
    }

    /**
     * The master equation, for quantum-jump trajectories.
     *
     * @param states its ρ(t)
     * @param counting its counting statistics, or null
     */
    record MasterEquation(List<ZMatrixRMaj> states, CountingReference counting) implements EngineReference {
        @Override
        public String name() {
            return References.name(EngineKind.TRAJECTORIES, Double.NaN);
        }

        @Override
        public boolean ownReference() {
            return false;
        }

        @Override
        public Waiting waiting(EnsembleResult r, Model model, TimeGrid grid, ZMatrixRMaj rho0) {
            WaitingHistogram histogram = r.recorded(WaitingHistogram.class);
            if (histogram == null) {
                String why = WaitingHistogram.absence(model, grid);
                return new Waiting(null, "not recorded: " + (why == null ? WaitingHistogram.NO_JUMPS : why));
            } else if (r.trajectories() < 2) {
                return new Waiting(null, "not judged: fewer than two trajectories");
            }
            return new Waiting(WaitingVerdict.of(r, histogram, model, rho0), null);
        }

        @Override
        public CollisionBookkeeping.Result bookkeeping(EnsembleResult r) {
            return null;
        }

        @Override
        public Collision collision() {
            return null;
        }
    }

    /**
     * The exact discrete-time collision map at the engine's Δt, for the collision engine.
     *
     * @param model the machine
     * @param rho0 the initial state
     * @param grid the grid
     * @param dt the collision step
     * @param states the map's ρ(t)
     * @param counting the tilted map's counting statistics
     */
    record CollisionMapReference(Model model, ZMatrixRMaj rho0, TimeGrid grid, double dt, List<ZMatrixRMaj> states,
            CountingReference counting) implements EngineReference {
        @Override
        public String name() {
            return References.name(EngineKind.COLLISION, dt);
        }

        @Override
        public boolean ownReference() {
            return true;
        }

        @Override
        public Waiting waiting(EnsembleResult r, Model model, TimeGrid grid, ZMatrixRMaj rho0) {
            return new Waiting(null,
                    "not judged: no exact discrete-time waiting-time distribution for the collision model");
        }

        @Override
        public CollisionBookkeeping.Result bookkeeping(EnsembleResult r) {
            return CollisionBookkeeping.of(model, rho0, grid, dt, r, counting);
        }

        @Override
        public Collision collision() {
            return Collision.of(model, grid, dt);
        }
    }
}
