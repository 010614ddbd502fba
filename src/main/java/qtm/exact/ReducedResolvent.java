package qtm.exact;

import java.util.function.UnaryOperator;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import qtm.math.RealVectors;

/**
 * The Drazin inverse of a generator K at its simple eigenvalue 0 with right vector ρ∞ and left vector ⟨1| (the
 * trace), D = (K + |ρ∞⟩⟨1|)⁻¹ − |ρ∞⟩⟨1|, which the perturbation theory of the counting eigenvalue needs: K = L for
 * the master equation ({@link CountingStatistics}), K = 1 − M_0 for the collision map's one step
 * ({@link CollisionCumulants}). The same rank-one shift, with any vector of unit trace in place of ρ∞, finds the
 * fixed point itself. Works on vectors in Hermitian coordinates.
 */
final class ReducedResolvent {
    private ReducedResolvent() {
    }

    /**
     * The LU solver of K + |v⟩⟨1|.
     *
     * @param k the generator (not changed)
     * @param v the right vector
     * @param trace ⟨1|
     * @return the solver, or null if the shifted matrix is singular (the eigenvalue 0 is not simple)
     */
    static LinearSolverDense<DMatrixRMaj> shifted(DMatrixRMaj k, double[] v, double[] trace) {
        int n = k.numRows;
        DMatrixRMaj shifted = k.copy();
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                shifted.add(r, c, v[r] * trace[c]);
            }
        }
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.lu(n);
        return solver.setA(shifted) ? solver : null;
    }

    /**
     * @param solver the solver of K + |ρ∞⟩⟨1| from {@link #shifted}
     * @param rho ρ∞
     * @param trace ⟨1|
     * @return b ↦ D b
     */
    static UnaryOperator<double[]> drazin(LinearSolverDense<DMatrixRMaj> solver, double[] rho, double[] trace) {
        int n = rho.length;
        return b -> {
            DMatrixRMaj x = new DMatrixRMaj(n, 1);
            solver.solve(DMatrixRMaj.wrap(n, 1, b.clone()), x);
            double tb = RealVectors.dot(trace, b);
            double[] out = x.data.clone();
            for (int i = 0; i < n; i++) {
                out[i] -= rho[i] * tb;
            }
            return out;
        };
    }

    /**
     * @param trace ⟨1|
     * @param x a superoperator
     * @param v a vector
     * @return ⟨1|X|v⟩ = Tr X v, the expectation the perturbation series is written in
     */
    static double traceOf(double[] trace, DMatrixRMaj x, double[] v) {
        return RealVectors.dot(trace, RealVectors.mult(x, v));
    }

    /**
     * The sum of terms that nearly cancel, NaN where it is below {@link CountingStatistics#RESOLUTION} of the sum of
     * their sizes: there it is rounding, not physics, and is never reported as a number that could be of either sign.
     *
     * @param terms the terms
     * @return their sum, or NaN
     */
    static double resolvedSum(double[] terms) {
        double sum = 0;
        double scale = 0;
        for (double x : terms) {
            sum += x;
            scale += Math.abs(x);
        }
        return resolved(sum, scale);
    }

    /**
     * @param value a difference of terms
     * @param scale the sum of the terms' sizes
     * @return value, or NaN where it is below {@link CountingStatistics#RESOLUTION} of scale (or not a number)
     */
    static double resolved(double value, double scale) {
        return Math.abs(value) >= CountingStatistics.RESOLUTION * scale ? value : Double.NaN;
    }
}
