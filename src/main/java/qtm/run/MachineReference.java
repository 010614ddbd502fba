package qtm.run;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ejml.data.ZMatrixRMaj;
import qtm.engine.EngineKind;
import qtm.exact.MachineCollisionIntervalHeat;
import qtm.exact.MachineCollisionMap;
import qtm.model.MachineCollision;
import qtm.scenario.Scenario;
import qtm.verify.References;

/**
 * What one engine's ensemble on a machine is judged against, chosen once by its kind, as the presets'
 * {@code EngineReference} chooses: the jump engine against the master equation, the collision engine against its own
 * exact discrete map ({@link MachineCollisionMap}) at the step it takes, its ρ(t) on the grid and the ancillas'
 * energy gain over the last bin ({@link MachineCollisionIntervalHeat}), the counterpart of the heat it counts there.
 *
 * @param name the reference in words: "master equation" or "exact collision map (Δt = …)"
 * @param states its exact ρ(t) on the grid
 * @param binHeat its exact heat into each bath averaged over the last bin, by bath name
 * @param collision the collision step taken, or null for the jump engine
 * @param biasMax the largest |ρ − ρ_master| over the grid and the Hermitian coordinates (0 for the master equation)
 */
public record MachineReference(String name, List<ZMatrixRMaj> states, Map<String, Double> binHeat,
        MachineCollision collision, double biasMax) {
    /** Copies the collections. */
    public MachineReference {
        states = List.copyOf(states);
        binHeat = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(binHeat));
    }

    /**
     * @param states the master equation's ρ(t) on the grid
     * @param binHeat its heat into each bath averaged over the last bin
     * @return the jump engine's reference
     */
    static MachineReference master(List<ZMatrixRMaj> states, Map<String, Double> binHeat) {
        return new MachineReference(References.name(EngineKind.TRAJECTORIES, Double.NaN), states, binHeat, null, 0);
    }

    /**
     * @param s a machine's scenario, its collision step already checked ({@link CollisionSteps#check})
     * @param master the master equation's ρ(t) on the grid, for the bias
     * @return the collision engine's reference at the scenario's step
     */
    static MachineReference collision(Scenario s, List<ZMatrixRMaj> master) {
        double dt = s.simulation().dt();
        MachineCollisionMap map = new MachineCollisionMap(s.machine(), s.time(), dt);
        List<ZMatrixRMaj> states = map.evolve(s.initial());
        double[] q = new MachineCollisionIntervalHeat(s.machine(), s.time(), dt)
                .perTime(states.get(states.size() - 2));
        Map<String, Double> binHeat = new LinkedHashMap<>();
        List<String> baths = s.machine().bathNames();
        for (int b = 0; b < q.length; b++) {
            binHeat.put(baths.get(b), q[b]);
        }
        MachineCollision step = map.collision();
        return new MachineReference(References.name(EngineKind.COLLISION, step.dt()), states, binHeat, step,
                Bias.overGrid(states, master));
    }
}
