package qtm.exact;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.ejml.data.DMatrixRMaj;
import qtm.exact.Liouvillian;
import qtm.model.Model;

/**
 * The Liouvillian's spectral gap: the slowest decay rate −max Re λ over the non-zero eigenvalues λ, which sets the
 * asymptotic relaxation D(ρ(t), ρ∞) ∝ e^{−gap·t}.
 */
public final class Spectrum {
    private Spectrum() {
    }

    /**
     * @param model the machine (with a unique steady state)
     * @return the gap, &gt; 0
     */
    public static double gap(Model model) {
        DMatrixRMaj l = new Liouvillian(model).matrix();
        double[][] a = new double[l.numRows][l.numCols];
        for (int i = 0; i < l.numRows; i++) {
            for (int j = 0; j < l.numCols; j++) {
                a[i][j] = l.get(i, j);
            }
        }
        double[] re = new EigenDecomposition(new Array2DRowRealMatrix(a, false)).getRealEigenvalues();
        java.util.Arrays.sort(re);
        // re[n-1] is the steady state's 0 (up to rounding); the next one is the slowest decay.
        return -re[re.length - 2];
    }
}
