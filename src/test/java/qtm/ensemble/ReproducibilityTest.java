package qtm.ensemble;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import qtm.engine.EngineKind;
import qtm.model.Side;
import qtm.model.TimeGrid;
import qtm.model.TwoQubits;

/** The same seed gives bit-identical ensembles on 1, 2 and 4 threads. */
class ReproducibilityTest {
    @ParameterizedTest
    // The diffusive engine watches the flux model's bosonic baths only: DiffusiveTrajectoriesTest, issue 29.
    @EnumSource(value = EngineKind.class, mode = org.junit.jupiter.params.provider.EnumSource.Mode.EXCLUDE,
            names = "DIFFUSIVE")
    void resultsDoNotDependOnTheThreadCount(EngineKind kind) {
        TimeGrid grid = new TimeGrid(500, 21);
        ZMatrixRMaj rho0 = TwoQubits.basisState("01");
        EnsembleResult[] r = new EnsembleResult[3];
        int[] threads = {1, 2, 4};
        for (int i = 0; i < 3; i++) {
            r[i] = EnsembleRunner.run(() -> kind.create(Fixtures.DQD, rho0, grid, 1.0), Fixtures.DQD, rho0, grid,
                    EnsembleSettings.count(3001, 42, threads[i]));
        }
        for (int i = 1; i < 3; i++) {
            assertEquals(r[0].trajectories(), r[i].trajectories());
            for (int k = 0; k < grid.points(); k++) {
                for (String c : r[0].columns()) {
                    assertEquals(bits(r[0].estimate(c, k).mean()), bits(r[i].estimate(c, k).mean()), "mean " + k + "," + c);
                    assertEquals(bits(r[0].estimate(c, k).se()), bits(r[i].estimate(c, k).se()), "se " + k + "," + c);
                }
            }
            int last = grid.points() - 1;
            assertEquals(bits(r[0].concurrence(last).se()), bits(r[i].concurrence(last).se()));
            assertEquals(bits(r[0].heatCount(last, Side.HOT).mean()), bits(r[i].heatCount(last, Side.HOT).mean()));
        }
    }

    private static long bits(double x) {
        return Double.doubleToRawLongBits(x);
    }
}
