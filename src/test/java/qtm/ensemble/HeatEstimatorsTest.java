package qtm.ensemble;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import qtm.engine.EngineKind;
import qtm.exact.SteadyState;
import qtm.model.Model;
import qtm.model.Side;
import qtm.model.TimeGrid;
import qtm.observe.Heat;
import qtm.stats.Estimate;

/**
 * Started in the steady state, heat by counting jumps (energy per bin ÷ bin width) and heat by the formula from ρ̄
 * estimate the same constant current: they agree with each other within 4 SE of their difference and each with the
 * exact steady current within 4 of its own SE, at several well-separated bins.
 */
class HeatEstimatorsTest {
    static java.util.List<Model> models() {
        return java.util.List.of(Fixtures.RESET, Fixtures.FLUX, Fixtures.DQD);
    }

    @ParameterizedTest
    @MethodSource("models")
    void countingAndFormulaAgree(Model model) {
        ZMatrixRMaj steady = SteadyState.of(model);
        Heat exact = Heat.of(model, steady);
        TimeGrid grid = new TimeGrid(2000, 5);
        EnsembleResult r = EnsembleRunner.run(() -> EngineKind.TRAJECTORIES.create(model, steady, grid, 0), model, steady,
                grid, EnsembleSettings.count(20_000, 99, 2));
        for (int k = 1; k < grid.points(); k++) {
            for (Side side : Side.values()) {
                Estimate count = r.heatCount(k, side);
                Estimate formula = r.heatFormula(k, side);
                double q = exact.get(side);
                String where = model.type() + " " + side + " bin " + k + ": count " + count + " formula " + formula
                        + " exact " + q;
                assertTrue(Math.abs(count.mean() - q) <= 4 * count.se(), where);
                assertTrue(Math.abs(formula.mean() - q) <= 4 * formula.se() + 1e-15, where);
                double both = Math.hypot(count.se(), formula.se());
                assertTrue(Math.abs(count.mean() - formula.mean()) <= 4 * both, where);
            }
        }
    }
}
