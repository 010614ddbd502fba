package qtm.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import qtm.ensemble.Streams;
import qtm.exact.MachineCollisionMap;
import qtm.exact.MachineCollisionThermodynamics;
import qtm.math.HermitianBasis;
import qtm.math.Ops;
import qtm.model.Approach;
import qtm.model.BathKind;
import qtm.model.Coupling;
import qtm.model.Ladder;
import qtm.model.Machine;
import qtm.model.MachineBath;
import qtm.model.Site;
import qtm.model.TimeGrid;
import qtm.scenario.ScenarioReader;

/**
 * Issue 25: the collision engine on a machine against its exact discrete map ({@code MachineCollisionMap}, itself
 * held to Kraus operators built from scratch), on its fast path ({@code CollisionBlocks}, 40,000 trajectories) and
 * collision by collision (4,000): every one of the d² coordinates of the mean of |ψ⟩⟨ψ| on every grid
 * point within 4 SE of the map's transient, and the heat into each bath summed from the jumps within 4 SE of the
 * exact cumulative ancilla energy ({@code MachineCollisionThermodynamics}). Fixed seeds; a family of (points − 1)·d²
 * + baths comparisons at k = 4 (about 6e-5 false alarms each under the normal approximation), each SE floored at
 * 1/N as the verdict floors it.
 */
class MachineCollisionEngineTest {
    private static final int TRAJECTORIES = 4000;
    private static final double K = 4.0;
    private static final double FLOOR = 1e-12;

    static Machine harmonicQutrit() {
        return new Machine(Approach.LOCAL,
                List.of(new Site("c", 0.0, 1.0), new Site("h", new double[] {0.0, 1.1, 2.2}, Ladder.HARMONIC)),
                List.of(new Coupling.Exchange("c", "h", 0.05), new Coupling.Density("c", "h", 0.3)),
                List.of(new MachineBath("cold", "c", BathKind.BOSONIC, 0.4, 0.03),
                        new MachineBath("hot", "h", BathKind.BOSONIC, 2.0, 0.02, 1.0, 0.0)));
    }

    static Machine scenario(String name) {
        return ScenarioReader.readAny(Path.of("scenarios", name + ".yaml"), List.of()).machine();
    }

    /** Each machine on both paths: the fast one (the default) with 10 times the trajectories, since it is cheap. */
    static Stream<Arguments> machines() {
        return Stream.of(true, false).flatMap(fast -> Stream.of(
                Arguments.of("harmonic qutrit", harmonicQutrit(), "02", 60.0, 3.0, fast),
                Arguments.of("machine-three-baths", scenario("machine-three-baths"), "001", 600.0, 10.0, fast),
                Arguments.of("machine-qutrit", scenario("machine-qutrit"), "12", 1000.0, 20.0, fast),
                // Both baths at T = 0: no ancilla starts excited, so a run of steps has one product (64 steps).
                Arguments.of("chain at T = 0", TestMachines.chain(0.05, 0.0, 0.04, 0.0, 0.02), "011", 200.0, 0.5,
                        fast)));
    }

    private static ZMatrixRMaj basisState(Machine m, String levels) {
        int index = 0;
        int[] dims = m.dimensions();
        for (int s = 0; s < dims.length; s++) {
            index = index * dims[s] + (levels.charAt(s) - '0');
        }
        return Ops.unit(m.dimension(), index, index);
    }

    @ParameterizedTest(name = "{0}, fast path {5}")
    @MethodSource("machines")
    void ensembleMatchesTheExactCollisionMap(String name, Machine m, String start, double end, double dt,
            boolean fast) {
        int d = m.dimension();
        ZMatrixRMaj rho0 = basisState(m, start);
        TimeGrid grid = new TimeGrid(end, 5);
        MachineCollisionEngine engine = fast ? new MachineCollisionEngine(m, rho0, grid, dt)
                : MachineCollisionEngine.collisionByCollision(m, rho0, grid, dt);
        int trajectories = fast ? 10 * TRAJECTORIES : TRAJECTORIES;
        RhoSums sums = new RhoSums(d, grid.points(), m.baths().size());
        for (int n = 0; n < trajectories; n++) {
            engine.run(Streams.forTrajectory(25, n), sums);
        }
        assertEquals(trajectories, sums.trajectories());
        List<ZMatrixRMaj> exact = new MachineCollisionMap(m, grid, dt).evolve(rho0);
        HermitianBasis basis = new HermitianBasis(d);
        int moved = 0;
        for (int k = 1; k < grid.points(); k++) {
            double[] x = basis.coordinates(exact.get(k), new double[d * d]);
            for (int c = 0; c < d * d; c++) {
                double mean = sums.mean(k, c);
                // An entry no trajectory visited has SE 0; the floor 1/N is the verdict's (a rare population
                // such as |111⟩ at 4e-5 is then judged against 4/N).
                double se = Math.max(sums.se(k, c), 1.0 / trajectories);
                assertTrue(Math.abs(mean - x[c]) <= K * se + FLOOR, name + ": point " + k + ", coordinate " + c
                        + " = " + mean + " ± " + se + ", exact " + x[c]);
                moved += sums.se(k, c) > 1e-3 ? 1 : 0;
            }
        }
        assertTrue(moved >= d, name + ": only " + moved + " coordinates vary; the check would be empty");
        double[][] heat = new MachineCollisionThermodynamics(m, grid, dt).evolve(rho0).heat();
        for (int b = 0; b < m.baths().size(); b++) {
            double q = heat[b][grid.points() - 1];
            double mean = sums.heatMean(b);
            double se = sums.heatSe(b);
            assertTrue(se > 0, name + ": no heat moved into bath " + b);
            assertTrue(Math.abs(mean - q) <= K * se, name + ": heat into bath " + b + " = " + mean + " ± " + se
                    + ", exact " + q);
        }
    }
}
