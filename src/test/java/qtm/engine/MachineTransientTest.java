package qtm.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import qtm.ensemble.Streams;
import qtm.math.Ops;
import qtm.model.Machine;
import qtm.model.TimeGrid;

/**
 * The general engine's ensemble against the exact transient of the Lindblad equation ({@link ExactMachine}: e^{Lt}
 * and ∫₀ᵗρ by a matrix exponential, not stochastic): on the three-qubit chain c–m–h from |000⟩ and on a qubit–qutrit
 * machine (density coupling, bosonic and reset baths) from |00⟩, every one of the d² real coordinates of the final
 * mean of |ψ⟩⟨ψ| is within 4 SE of ρ(t_end), and the mean heat per bath, summed from the jumps, within 4 SE of
 * ∫₀ᵗ of the exact heat current Σ_j heat_j γ_j Tr(A_j†A_j ρ). The family is d² + (number of baths) comparisons per
 * machine (66 for the chain, 38 for the qutrit machine) at k = 4: about 4e-3 and 2.4e-3 false alarms under the normal
 * approximation, with fixed seeds. Coordinates that vanish in every trajectory by symmetry (coherences between
 * excitation numbers) have an SE of rounding size, so the bound has a floor of 1e-12.
 */
class MachineTransientTest {
    private static final int TRAJECTORIES = 6000;
    private static final double K = 4.0;
    private static final double FLOOR = 1e-12;

    static Stream<Arguments> machines() {
        return Stream.of(Arguments.of("three-qubit chain", TestMachines.testChain(), 60.0),
                Arguments.of("qubit-qutrit", TestMachines.qutrit(), 60.0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("machines")
    void finalStateAndHeatMatchTheExactTransient(String name, Machine machine, double end) {
        int d = machine.dimension();
        ZMatrixRMaj rho0 = Ops.unit(d, 0, 0);
        TimeGrid grid = new TimeGrid(end, 7);
        MachineTrajectories engine = new MachineTrajectories(machine.hamiltonian(), machine.channels(), rho0, grid);
        RhoSums sums = new RhoSums(d, grid.points(), machine.baths().size());
        for (int n = 0; n < TRAJECTORIES; n++) {
            engine.run(Streams.forTrajectory(29, n), sums);
        }
        assertEquals(TRAJECTORIES, sums.trajectories());
        ExactMachine exact = new ExactMachine(machine.hamiltonian(), machine.channels());
        double[] rho = exact.evolved(rho0, end);
        int last = grid.points() - 1;
        int moved = 0;
        for (int c = 0; c < d * d; c++) {
            double mean = sums.mean(last, c);
            double se = sums.se(last, c);
            assertTrue(Math.abs(mean - rho[c]) <= K * se + FLOOR, name + ": coordinate " + c + " = " + mean + " ± "
                    + se + ", exact " + rho[c]);
            if (se > 1e-3) {
                moved++;
            }
        }
        assertTrue(moved >= d, name + ": only " + moved + " coordinates vary; the check would be empty");
        for (int b = 0; b < machine.baths().size(); b++) {
            double q = exact.heat(rho0, end, b);
            double mean = sums.heatMean(b);
            double se = sums.heatSe(b);
            assertTrue(se > 0, name + ": no heat moved into bath " + b);
            assertTrue(Math.abs(mean - q) <= K * se, name + ": heat into bath " + b + " = " + mean + " ± " + se
                    + ", exact " + q);
        }
    }
}
