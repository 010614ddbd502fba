package qtm.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import qtm.math.Ops;
import qtm.model.Bath;
import qtm.model.DotModel;
import qtm.model.FluxModel;
import qtm.model.Model;
import qtm.model.ResetModel;
import qtm.model.TimeGrid;
import qtm.model.TwoQubits;

/** The exact collision map approaches the master equation with an O(Δt) error: the log-log slope is 1.0 ± 0.15. */
class CollisionConvergenceTest {
    static List<Model> models() {
        return List.of(
                new ResetModel(1, 1.6e-2, new Bath(0, 1e-1), new Bath(Double.POSITIVE_INFINITY, 1.1e-2)),
                new FluxModel(1, 1.6e-2, new Bath(0, 1e-1), new Bath(2, 2e-2)),
                new DotModel(1, 5e-2, 2, new Bath(0, 1e-1), new Bath(5, 1e-1)));
    }

    @ParameterizedTest
    @MethodSource("models")
    void errorAgainstTheMasterEquationIsFirstOrderInDt(Model model) {
        TimeGrid grid = new TimeGrid(100, 11);
        ZMatrixRMaj rho0 = TwoQubits.basisState("01");
        List<ZMatrixRMaj> me = new Transient(model, grid).evolve(rho0);
        double[] dts = {0.4, 0.2, 0.1, 0.05, 0.025};
        double[] x = new double[dts.length];
        double[] y = new double[dts.length];
        for (int i = 0; i < dts.length; i++) {
            List<ZMatrixRMaj> map = new CollisionMap(model, grid, dts[i]).evolve(rho0);
            double err = 0;
            for (int k = 0; k < grid.points(); k++) {
                err = Math.max(err, Ops.maxAbsDiff(map.get(k), me.get(k)));
            }
            x[i] = Math.log(dts[i]);
            y[i] = Math.log(err);
        }
        double mx = 0;
        double my = 0;
        for (int i = 0; i < x.length; i++) {
            mx += x[i] / x.length;
            my += y[i] / x.length;
        }
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        assertEquals(1.0, sxy / sxx, 0.15, model.type());
    }
}
