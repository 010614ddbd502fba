package qtm.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import qtm.ensemble.Streams;
import qtm.model.Approach;
import qtm.model.Bath;
import qtm.model.FluxModel;
import qtm.model.Machine;
import qtm.model.MachinePresets;
import qtm.model.Model;
import qtm.model.TimeGrid;
import qtm.model.TwoQubits;

/**
 * The general engine on the two-qubit presets (their machine form, {@link MachinePresets}) against today's
 * {@link JumpTrajectories} on the models themselves, statistically: independent ensembles, and at every grid point
 * after t = 0 each of the 16 coordinates of the mean |ψ⟩⟨ψ| differs by at most 4 SE of the difference,
 * √(SE₁² + SE₂²); so do the mean heats into the two baths. A family of 5 × 16 + 2 = 82 per model at k = 4 (about
 * 5e-3 false alarms under the normal approximation; fixed seeds). Coordinates that vanish in both by symmetry have an
 * SE of rounding size, hence a floor of 1e-12.
 */
class MachineVersusTwoQubitTest {
    private static final int TRAJECTORIES = 6000;
    private static final double K = 4.0;
    private static final double FLOOR = 1e-12;

    static List<Model> models() {
        List<Model> out = new ArrayList<>(NoJumpPropagatorTest.models());
        out.add(new FluxModel(1, 0.02, new Bath(0.2, 0.03), new Bath(0.6, 0.02), Approach.GLOBAL, 1));
        return out;
    }

    @ParameterizedTest
    @MethodSource("models")
    void generalPathAgreesWithTheTwoQubitEngine(Model model) {
        Machine machine = MachinePresets.of(model);
        TimeGrid grid = new TimeGrid(600, 6);
        var rho0 = TwoQubits.basisState("01");
        RhoSums today = new RhoSums(4, grid.points(), 2);
        JumpTrajectories old = new JumpTrajectories(model, rho0, grid);
        for (int n = 0; n < TRAJECTORIES; n++) {
            old.run(Streams.forTrajectory(41, n), today);
        }
        RhoSums general = new RhoSums(4, grid.points(), 2);
        MachineTrajectories engine = new MachineTrajectories(machine.hamiltonian(), machine.channels(), rho0, grid);
        for (int n = 0; n < TRAJECTORIES; n++) {
            engine.run(Streams.forTrajectory(43, n), general);
        }
        String name = model.type() + " " + model.approach();
        for (int k = 1; k < grid.points(); k++) {
            for (int c = 0; c < 16; c++) {
                double diff = general.mean(k, c) - today.mean(k, c);
                double se = Math.hypot(general.se(k, c), today.se(k, c));
                assertTrue(Math.abs(diff) <= K * se + FLOOR, name + ": t = " + grid.time(k) + ", coordinate " + c
                        + ": general " + general.mean(k, c) + ", today " + today.mean(k, c) + ", SE " + se);
            }
        }
        for (int b = 0; b < 2; b++) {
            double diff = general.heatMean(b) - today.heatMean(b);
            double se = Math.hypot(general.heatSe(b), today.heatSe(b));
            assertTrue(Math.abs(diff) <= K * se + FLOOR, name + ": heat into bath " + b + ": general "
                    + general.heatMean(b) + ", today " + today.heatMean(b) + ", SE " + se);
        }
    }
}
