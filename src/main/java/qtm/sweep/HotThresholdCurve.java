package qtm.sweep;

import java.util.Arrays;
import java.util.List;
import qtm.model.Model;

/**
 * Fig. 2(d): the smallest T_h that gives entanglement, as a function of T_c, with the couplings optimised. The points
 * are independent and run in parallel. A T_c with no entanglement even at T_h = hotMax gets T_h = +∞.
 *
 * @param x the T_c grid
 * @param hotMax the largest T_h considered (inf where the model allows it)
 * @param relativeAccuracy Brent's relative accuracy on T_h
 */
public record HotThresholdCurve(Axis x, double hotMax, double relativeAccuracy) implements SweepPlan {
    /** The CSV columns. */
    public static final List<String> COLUMNS = List.of("Tc", "Th_threshold");

    /** @throws IllegalArgumentException unless the axis is T_c */
    public HotThresholdCurve {
        if (x.key() != Knob.TC) {
            throw new IllegalArgumentException("a hot-threshold curve runs over Tc");
        }
    }

    @Override
    public SweepTable run(Model template, CouplingOptimizer optimizer) {
        // Couplings are optimised: see OptimumCurves.
        Model model = Knob.withoutRates(template);
        Thresholds thresholds = new Thresholds(optimizer, relativeAccuracy);
        List<double[]> rows = Arrays.stream(x.values()).parallel()
                .mapToObj(tc -> new double[] {tc, thresholds.hot(Knob.TC.set(model, tc), hotMax)})
                .toList();
        return new SweepTable(COLUMNS, rows, List.of(new SweepTable.Chart("", "threshold Th for entanglement vs Tc "
                + "(couplings optimised)", "Tc", "Th_threshold", null, x.log(), true, false, false)));
    }
}
