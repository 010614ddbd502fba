package qtm.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.ejml.data.ZMatrixRMaj;
import qtm.exact.SteadyState;
import qtm.model.Model;
import qtm.observe.Heat;
import qtm.observe.Observables;

/**
 * A heat map of the steady-state concurrence over two parameters (for example T_c and T_h) at the scenario's fixed
 * couplings: nothing is optimised, so it shows where one given machine works. Points with T_h &lt; T_c are kept (they
 * are the same machine run backwards, and separable or not on their own merits).
 *
 * @param x the horizontal parameter
 * @param y the vertical parameter
 */
public record ConcurrenceMap(Axis x, Axis y) implements SweepPlan {
    /** The CSV columns. */
    public static final List<String> COLUMNS = List.of("Tc", "Th", "U", "concurrence", "signed", "purity",
            "heat_cold", "heat_hot");

    /** @throws IllegalArgumentException if both axes are the same parameter */
    public ConcurrenceMap {
        if (x.key() == y.key()) {
            throw new IllegalArgumentException("the two axes of a map must be different parameters");
        }
    }

    @Override
    public SweepTable run(Model model, CouplingOptimizer optimizer) {
        double[] xs = x.values();
        double[] ys = y.values();
        List<double[]> rows = IntStream.range(0, xs.length * ys.length).parallel()
                .mapToObj(k -> point(y.key().set(x.key().set(model, xs[k / ys.length]), ys[k % ys.length])))
                .toList();
        return new SweepTable(COLUMNS, new ArrayList<>(rows), List.of(new SweepTable.Chart("",
                "steady-state concurrence at fixed couplings", x.key().key(), "concurrence", y.key().key(), x.log(),
                y.log(), true, false)));
    }

    private static double[] point(Model m) {
        ZMatrixRMaj rho = SteadyState.of(m);
        Heat q = Heat.steady(m, rho);
        double s = Observables.signedConcurrenceX(rho);
        return new double[] {m.cold().temperature(), m.hot().temperature(), m.coulomb(), Math.max(0, s), s,
            Observables.purity(rho), q.cold(), q.hot()};
    }
}
