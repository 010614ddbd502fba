package qtm.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import qtm.math.Ops;
import qtm.model.Approach;
import qtm.model.Bath;
import qtm.model.DotModel;
import qtm.model.FluxModel;
import qtm.model.MachinePresets;
import qtm.model.Model;
import qtm.model.ResetModel;
import qtm.model.Side;
import qtm.model.TimeGrid;
import qtm.model.TwoQubits;

/**
 * Issue 25: the presets' machine forms ({@link MachinePresets#of}) give the presets' collision map
 * ({@link CollisionMap}) and bookkeeping ({@link CollisionThermodynamics}) to 1e-10 wherever the two definitions
 * coincide: the reset model, the local flux qubits (with a spectral exponent too) and the local double dot with
 * U &gt; 0, whose E and E + U channels are the machine's two Bohr components of X.
 */
class MachineCollisionPresetsTest {
    static List<Model> presets() {
        return List.of(
                new ResetModel(1, 1.6e-2, new Bath(0.5, 1e-1), new Bath(Double.POSITIVE_INFINITY, 1.1e-2)),
                new ResetModel(1.3, 4e-3, new Bath(0, 2e-2), new Bath(3, 5e-2)),
                new FluxModel(1, 1.6e-2, new Bath(0.3, 8e-2), new Bath(2, 2e-2)),
                new FluxModel(1.2, 1e-2, new Bath(0, 5e-2), new Bath(4, 1.5e-2), Approach.LOCAL, 1.0),
                new DotModel(1, 5e-2, 2, new Bath(0.5, 8e-2), new Bath(5, 8e-2)),
                new DotModel(0.8, 2e-2, 0.5, new Bath(0, 4e-2), new Bath(Double.POSITIVE_INFINITY, 3e-2)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void theMachineFormGivesThePresetsCollisionMap(Model model) {
        TimeGrid grid = new TimeGrid(60, 7);
        double dt = 2.5;
        for (String ket : List.of("01", "11")) {
            ZMatrixRMaj rho0 = TwoQubits.basisState(ket);
            List<ZMatrixRMaj> preset = new CollisionMap(model, grid, dt).evolve(rho0);
            List<ZMatrixRMaj> machine = new MachineCollisionMap(MachinePresets.of(model), grid, dt).evolve(rho0);
            for (int k = 0; k < grid.points(); k++) {
                assertEquals(0, Ops.maxAbsDiff(preset.get(k), machine.get(k)), 1e-10, model.type() + " from " + ket
                        + ", point " + k);
            }
            assertTrue(Ops.maxAbsDiff(preset.get(grid.points() - 1), rho0) > 1e-2, "the state moves");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void theMachineFormBooksThePresetsHeatWorkAndEntropy(Model model) {
        TimeGrid grid = new TimeGrid(30, 4);
        double dt = 2.5;
        ZMatrixRMaj rho0 = MachineCollisionMapTest.randomState(new java.util.SplittableRandom(3), 4);
        CollisionThermodynamics.Series preset = new CollisionThermodynamics(model, grid, dt).evolve(rho0);
        MachineCollisionThermodynamics.Series machine =
                new MachineCollisionThermodynamics(MachinePresets.of(model), grid, dt).evolve(rho0);
        for (Side side : Side.values()) {
            int b = side.ordinal();
            for (int k = 0; k < grid.points(); k++) {
                String at = model.type() + " " + side.key() + " point " + k;
                assertEquals(preset.heat()[b][k], machine.heat()[b][k], 1e-10, at + ": heat");
                assertEquals(preset.work()[b][k], machine.work()[b][k], 1e-10, at + ": work");
                double s = preset.entropy()[b][k];
                if (Double.isInfinite(s)) {
                    assertEquals(s, machine.entropy()[b][k], at + ": entropy production");
                } else {
                    assertEquals(s, machine.entropy()[b][k], 1e-10, at + ": entropy production");
                }
            }
        }
        ZMatrixRMaj last = preset.states().get(grid.points() - 1);
        assertEquals(0, Ops.maxAbsDiff(last, machine.states().get(grid.points() - 1)), 1e-10);
    }

    @Test
    void theSteadyRatesOfTheMachineFormAreThePresets() {
        for (Model model : presets()) {
            TimeGrid grid = new TimeGrid(5, 2);
            CollisionThermodynamics.Rates preset = new CollisionThermodynamics(model, grid, 2.5).steady();
            MachineCollisionThermodynamics.Rates machine =
                    new MachineCollisionThermodynamics(MachinePresets.of(model), grid, 2.5).steady();
            assertEquals(0, Ops.maxAbsDiff(preset.state(), machine.state()), 1e-10, model.type() + ": fixed point");
            for (int b = 0; b < 2; b++) {
                double scale = Math.max(Math.abs(preset.heat()[0]), Math.abs(preset.heat()[1]));
                assertEquals(preset.heat()[b], machine.heat()[b], 1e-9 * scale, model.type() + ": heat " + b);
                assertEquals(preset.work()[b], machine.work()[b], 1e-9 * scale, model.type() + ": work " + b);
            }
        }
    }
}
