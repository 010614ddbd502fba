package qtm.run;

import java.util.List;
import org.ejml.data.ZMatrixRMaj;
import qtm.math.HermitianBasis;
import qtm.stats.Estimate;

/** How far one state lies from another, in the Hermitian coordinates: the collision model's bias. */
final class Bias {
    private static final HermitianBasis BASIS = new HermitianBasis(4);

    private Bias() {
    }

    /**
     * @param a states on the grid
     * @param b states on the same grid
     * @return the largest |a − b| over the grid and the Hermitian coordinates
     */
    static double overGrid(List<ZMatrixRMaj> a, List<ZMatrixRMaj> b) {
        double bias = 0;
        for (int k = 0; k < a.size(); k++) {
            bias = Math.max(bias, max(a.get(k), b.get(k), null).mean());
        }
        return bias;
    }

    /** The largest |a − b| over the Hermitian coordinates, with the SE (if given) of the coordinate attaining it. */
    static Estimate max(ZMatrixRMaj a, ZMatrixRMaj b, double[] se) {
        // A machine's states may be of any dimension; the presets' are 4 x 4.
        HermitianBasis basis = a.numRows == 4 ? BASIS : new HermitianBasis(a.numRows);
        double[] x = basis.coordinates(a, new double[basis.size()]);
        double[] y = basis.coordinates(b, new double[basis.size()]);
        int arg = 0;
        for (int i = 1; i < x.length; i++) {
            if (Math.abs(x[i] - y[i]) > Math.abs(x[arg] - y[arg])) {
                arg = i;
            }
        }
        return new Estimate(Math.abs(x[arg] - y[arg]), se == null ? 0 : se[arg]);
    }
}
