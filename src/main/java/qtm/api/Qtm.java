package qtm.api;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.ZMatrixRMaj;
import qtm.engine.EngineKind;
import qtm.ensemble.EnsembleResult;
import qtm.ensemble.EnsembleRunner;
import qtm.ensemble.EnsembleSettings;
import qtm.exact.SteadyState;
import qtm.exact.Transient;
import qtm.model.Model;
import qtm.model.TimeGrid;
import qtm.model.TwoQubits;
import qtm.observe.Quantities;
import qtm.observe.Quantity;
import qtm.observe.Snapshot;

/**
 * The entry point for scripting a study in Java. From a scenario (a file, or a name such as {@code machine-qutrit}:
 * {@link #scenario}) the API does what the command line does: {@link Scenario#steady} (ρ∞ and every observable,
 * {@link ExactState}), {@link Scenario#evolve} (the transient), {@link Scenario#counting} (counting statistics),
 * {@link Scenario#ensemble} (ensembles with their verdict, {@link RunResult}), {@link Sweeps} (exact and Monte Carlo
 * sweeps over a key) and {@link Ensembles} (saving and merging). Built in code, any machine's or preset's exact state
 * is {@link ExactState#of}; a preset's transient and ensembles without verdict are here: models are the records of
 * {@code qtm.model} ({@code new ResetModel(1, 1.6e-3, new Bath(0, 1e-2), new Bath(Double.POSITIVE_INFINITY,
 * 1.1e-3))}), states are given by their basis label ("00", "01", "10", "11", |n_cold n_hot⟩) and returned as
 * {@link Snapshot}s, and {@link #ensemble} returns an {@link EnsembleResult} whose estimates come with standard
 * errors. See the guide's "Java API" chapter, src/site/markdown/java-api.md, for complete programs.
 */
public final class Qtm {
    private Qtm() {
    }

    /**
     * @param nameOrPath a scenario file, or the name of one in {@code ./scenarios} or shipped with qtm
     *     ({@link Scenario#shipped})
     * @return the scenario, to override ({@link Scenario#set}) and compute
     */
    public static Scenario scenario(String nameOrPath) {
        return Scenario.of(nameOrPath);
    }

    /**
     * @param model the machine
     * @return its exact steady state's observables (t = ∞)
     * @throws IllegalArgumentException if the steady state is not unique
     */
    public static Snapshot steadyState(Model model) {
        return Snapshot.of(model, Double.POSITIVE_INFINITY, SteadyState.of(model));
    }

    /**
     * @param model the machine
     * @param initial basis label of the initial state
     * @param grid the output grid
     * @return the exact ρ(t)'s observables on every grid point
     */
    public static List<Snapshot> evolve(Model model, String initial, TimeGrid grid) {
        List<ZMatrixRMaj> states = new Transient(model, grid).evolve(TwoQubits.basisState(initial));
        List<Snapshot> out = new ArrayList<>(states.size());
        for (int k = 0; k < states.size(); k++) {
            out.add(Snapshot.of(model, grid.time(k), states.get(k)));
        }
        return out;
    }

    /**
     * @param model the machine
     * @param initial basis label of the initial state
     * @param grid the output grid
     * @return a builder of a quantum-jump ensemble with the standard quantities, seed 1 and all cores
     */
    public static Ensemble ensemble(Model model, String initial, TimeGrid grid) {
        return new Ensemble(model, initial, grid, EngineKind.TRAJECTORIES, 1.0, Quantities.standard(model,
                TwoQubits.basisState(initial), grid), 1,
                Runtime.getRuntime().availableProcessors());
    }

    /**
     * An ensemble to run: immutable, each {@code with…} returns a changed copy.
     *
     * @param model the machine
     * @param initial basis label of the initial state
     * @param grid the output grid
     * @param engine quantum-jump trajectories or the collision model
     * @param dt the collision step (used by the collision model only)
     * @param quantities what to record
     * @param seed the seed
     * @param threads worker threads (the result does not depend on them)
     */
    public record Ensemble(Model model, String initial, TimeGrid grid, EngineKind engine, double dt,
            List<Quantity> quantities, long seed, int threads) {
        /** Copies the list. */
        public Ensemble {
            quantities = List.copyOf(quantities);
        }

        /**
         * @param dt the collision step
         * @return the collision model at that step instead of quantum jumps
         */
        public Ensemble collision(double dt) {
            return new Ensemble(model, initial, grid, EngineKind.COLLISION, dt, quantities, seed, threads);
        }

        /**
         * @param chosen the quantities to record instead of the standard set
         * @return the changed ensemble
         */
        public Ensemble observing(Quantity... chosen) {
            return new Ensemble(model, initial, grid, engine, dt, List.of(chosen), seed, threads);
        }

        /**
         * @param s the seed
         * @return the changed ensemble
         */
        public Ensemble seed(long s) {
            return new Ensemble(model, initial, grid, engine, dt, quantities, s, threads);
        }

        /**
         * @param n the number of trajectories
         * @return the result over the trajectory indices [0, n)
         */
        public EnsembleResult run(long n) {
            ZMatrixRMaj rho0 = TwoQubits.basisState(initial);
            return EnsembleRunner.run(() -> engine.create(model, rho0, grid, dt), quantities, grid,
                    EnsembleSettings.count(n, seed, threads));
        }
    }
}
