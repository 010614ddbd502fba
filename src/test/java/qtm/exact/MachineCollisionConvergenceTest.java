package qtm.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import qtm.math.Ops;
import qtm.model.Machine;
import qtm.model.TimeGrid;

/**
 * Issue 25: as Δt → 0 the collision map's fixed point approaches the master equation's steady state
 * ({@link MachineExact}) with an O(Δt) error: the log-log slope of the distance against Δt, fitted by least squares
 * over a factor 16 in Δt, is 1.0 ± 0.1.
 */
class MachineCollisionConvergenceTest {
    static List<Object[]> machines() {
        return MachineCollisionMapTest.machines();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("machines")
    void fixedPointApproachesTheSteadyStateAtFirstOrder(String name, Machine m, double strong) {
        ZMatrixRMaj exact = new MachineExact(m).steadyState();
        // From a step a quarter of the strong one (θ‖A‖ or p about 1/4 and below) down by factors of 2.
        double[] dts = new double[5];
        double[] x = new double[dts.length];
        double[] y = new double[dts.length];
        for (int i = 0; i < dts.length; i++) {
            dts[i] = strong / 4 / (1 << i);
            ZMatrixRMaj fixed = new MachineCollisionMap(m, new TimeGrid(dts[i], 2), dts[i]).steadyState();
            double distance = Ops.maxAbsDiff(fixed, exact);
            x[i] = Math.log(dts[i]);
            y[i] = Math.log(distance);
        }
        double slope = slope(x, y);
        assertEquals(1.0, slope, 0.1, name + ": log-log slope of |rho_map - rho_ME| against dt, ln distances "
                + java.util.Arrays.toString(y));
        assertTrue(Math.exp(y[y.length - 1]) < 1e-2, name + ": the smallest step is close");
    }

    /** The least-squares slope of y against x (Commons Math, as the presets' thermodynamics test fits). */
    static double slope(double[] x, double[] y) {
        SimpleRegression fit = new SimpleRegression();
        for (int i = 0; i < x.length; i++) {
            fit.addData(x[i], y[i]);
        }
        return fit.getSlope();
    }
}
