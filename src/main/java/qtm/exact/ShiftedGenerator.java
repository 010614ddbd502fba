package qtm.exact;

import java.util.HashMap;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import qtm.math.HermitianBasis;
import qtm.math.MatrixExp;
import qtm.math.RealVectors;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * A generator L in Hermitian coordinates acting on complex combinations U + iW of Hermitian matrices (what a
 * non-Hermitian operand such as A ρ∞ is), written as the real vector [u; w] of length 2n: L + iΩ is then the real
 * block matrix [[L, −Ω], [Ω, L]]. It gives the reduced resolvent −(L + iΩ)⁻¹(1 − P) by one LU solve of
 * L + P + iΩ (P = |ρ∞⟩⟨1|, which makes the system regular even at Ω = 0 and keeps the solution traceless), and the
 * bin integral ∫₀^Δ e^{(L + iΩ)s} ds by the exponential of an augmented matrix. Issue 29 (homodyne references).
 */
final class ShiftedGenerator {
    private final DMatrixRMaj l;
    private final HermitianBasis basis;
    private final double[] rho;
    private final double[] trace;
    private final int n;
    private final Map<Double, LinearSolverDense<DMatrixRMaj>> solvers = new HashMap<>();

    /**
     * @param l the generator, n×n in the basis's coordinates
     * @param basis the coordinates
     * @param rho the steady state's coordinates (unit trace)
     */
    ShiftedGenerator(DMatrixRMaj l, HermitianBasis basis, double[] rho) {
        this.l = l;
        this.basis = basis;
        this.rho = rho;
        this.trace = basis.traceFunctional();
        this.n = l.numRows;
    }

    /** @return the number of real coordinates of a Hermitian matrix, n */
    int size() {
        return n;
    }

    /**
     * @param y a complex vector [u; w]
     * @param omega Ω
     * @return ∫₀^∞ e^{iΩτ} (e^{Lτ} − P) y dτ = −(L + iΩ)⁻¹ (1 − P) y, as [u; w]
     */
    double[] resolvent(double[] y, double omega) {
        double[] b = new double[2 * n];
        double tu = 0;
        double tw = 0;
        for (int i = 0; i < n; i++) {
            tu += trace[i] * y[i];
            tw += trace[i] * y[n + i];
        }
        for (int i = 0; i < n; i++) {
            b[i] = -(y[i] - rho[i] * tu);
            b[n + i] = -(y[n + i] - rho[i] * tw);
        }
        return solve(b, omega);
    }

    /**
     * @param y a complex vector [u; w]
     * @return (1 − P) y, its traceless part along ρ∞
     */
    double[] project(double[] y) {
        double[] out = y.clone();
        double tu = 0;
        double tw = 0;
        for (int i = 0; i < n; i++) {
            tu += trace[i] * y[i];
            tw += trace[i] * y[n + i];
        }
        for (int i = 0; i < n; i++) {
            out[i] -= rho[i] * tu;
            out[n + i] -= rho[i] * tw;
        }
        return out;
    }

    /** The unit-trace null vector of L: (L + |v⟩⟨1|) x = v with v = 1/d, then one step of refinement. */
    static double[] steady(DMatrixRMaj l, HermitianBasis basis) {
        int n = basis.size();
        double[] trace = basis.traceFunctional();
        double[] v = new double[n];
        for (int i = 0; i < basis.dimension(); i++) {
            v[i] = 1.0 / basis.dimension();
        }
        LinearSolverDense<DMatrixRMaj> s = ReducedResolvent.shifted(l, v, trace);
        if (s == null) {
            throw new IllegalArgumentException("the steady state is not unique");
        }
        DMatrixRMaj x = new DMatrixRMaj(n, 1);
        s.solve(DMatrixRMaj.wrap(n, 1, v.clone()), x);
        double[] lx = RealVectors.mult(l, x.data);
        double tx = RealVectors.dot(trace, x.data);
        double[] residual = new double[n];
        for (int i = 0; i < n; i++) {
            residual[i] = v[i] - lx[i] - v[i] * tx;
        }
        DMatrixRMaj dx = new DMatrixRMaj(n, 1);
        s.solve(DMatrixRMaj.wrap(n, 1, residual), dx);
        CommonOps_DDRM.addEquals(x, dx);
        return x.data;
    }

    /**
     * @param b a right-hand side [u; w] (not changed)
     * @param omega Ω
     * @return x with (L + P + iΩ) x = b
     */
    double[] solve(double[] b, double omega) {
        LinearSolverDense<DMatrixRMaj> s = solvers.computeIfAbsent(omega, this::factor);
        DMatrixRMaj x = new DMatrixRMaj(2 * n, 1);
        s.solve(DMatrixRMaj.wrap(2 * n, 1, b.clone()), x);
        return x.data;
    }

    private LinearSolverDense<DMatrixRMaj> factor(double omega) {
        DMatrixRMaj m = new DMatrixRMaj(2 * n, 2 * n);
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                double x = l.get(r, c) + rho[r] * trace[c];
                m.set(r, c, x);
                m.set(n + r, n + c, x);
            }
            m.set(r, n + r, -omega);
            m.set(n + r, r, omega);
        }
        LinearSolverDense<DMatrixRMaj> s = LinearSolverFactory_DDRM.lu(2 * n);
        if (!s.setA(m)) {
            throw new IllegalArgumentException("L + P + i" + omega + " is singular: the steady state is not unique");
        }
        return s;
    }

    /**
     * The bin integral ∫₀^Δ e^{(L + iΩ)s} ds, the top-right block of exp([[B, 1], [0, 0]]Δ) with B the real 2n×2n
     * form of L + iΩ: exact to the exponential's rounding, no quadrature.
     *
     * @param omega Ω
     * @param delta Δ
     * @return the 2n×2n real matrix
     */
    DMatrixRMaj binIntegral(double omega, double delta) {
        int m = 2 * n;
        DMatrixRMaj a = new DMatrixRMaj(2 * m, 2 * m);
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                a.set(r, c, l.get(r, c) * delta);
                a.set(n + r, n + c, l.get(r, c) * delta);
            }
            a.set(r, n + r, -omega * delta);
            a.set(n + r, r, omega * delta);
        }
        for (int i = 0; i < m; i++) {
            a.set(i, m + i, delta);
        }
        DMatrixRMaj e = MatrixExp.exp(a);
        DMatrixRMaj out = new DMatrixRMaj(m, m);
        for (int r = 0; r < m; r++) {
            for (int c = 0; c < m; c++) {
                out.set(r, c, e.get(r, m + c));
            }
        }
        return out;
    }

    /**
     * @param rho0 a d×d state
     * @param t a time
     * @return e^{Lt} ρ0 (new matrix)
     */
    ZMatrixRMaj evolve(ZMatrixRMaj rho0, double t) {
        DMatrixRMaj e = l.copy();
        CommonOps_DDRM.scale(t, e);
        double[] v = RealVectors.mult(MatrixExp.exp(e), basis.coordinates(rho0, new double[n]));
        return basis.matrix(v, new ZMatrixRMaj(basis.dimension(), basis.dimension()));
    }

    /**
     * @param state a d×d Hermitian matrix
     * @return ‖state − ρ∞‖₁
     */
    double distance(ZMatrixRMaj state) {
        ZMatrixRMaj diff = state.copy();
        ZMatrixRMaj steady = basis.matrix(rho, new ZMatrixRMaj(basis.dimension(), basis.dimension()));
        for (int i = 0; i < diff.data.length; i++) {
            diff.data[i] -= steady.data[i];
        }
        double sum = 0;
        for (double e : qtm.math.Hermitian.eigenvalues(diff)) {
            sum += Math.abs(e);
        }
        return sum;
    }

    /**
     * @param y any d×d matrix
     * @return [u; w], the coordinates of its Hermitian parts, y = U + iW
     */
    double[] vector(ZMatrixRMaj y) {
        int d = basis.dimension();
        ZMatrixRMaj u = new ZMatrixRMaj(d, d);
        ZMatrixRMaj w = new ZMatrixRMaj(d, d);
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double are = y.getReal(i, j);
                double aim = y.getImag(i, j);
                double bre = y.getReal(j, i);
                double bim = -y.getImag(j, i);
                // U = (Y + Y†)/2, W = (Y − Y†)/(2i).
                u.set(i, j, 0.5 * (are + bre), 0.5 * (aim + bim));
                w.set(i, j, 0.5 * (aim - bim), -0.5 * (are - bre));
            }
        }
        double[] out = new double[2 * n];
        double[] part = new double[n];
        basis.coordinates(u, part);
        System.arraycopy(part, 0, out, 0, n);
        basis.coordinates(w, part);
        System.arraycopy(part, 0, out, n, n);
        return out;
    }

    /**
     * The functional of Tr[X ·] on these coordinates: Tr[X Σ v_m B_m] = Σ v_m (f_m + i g_m).
     *
     * @param x a d×d operator
     * @return {f, g}
     */
    double[][] functional(ZMatrixRMaj x) {
        double[] f = new double[n];
        double[] g = new double[n];
        int d = basis.dimension();
        for (int m = 0; m < n; m++) {
            ZMatrixRMaj b = basis.element(m);
            double re = 0;
            double im = 0;
            for (int i = 0; i < d; i++) {
                for (int k = 0; k < d; k++) {
                    double xr = x.getReal(i, k);
                    double xi = x.getImag(i, k);
                    double br = b.getReal(k, i);
                    double bi = b.getImag(k, i);
                    re += xr * br - xi * bi;
                    im += xr * bi + xi * br;
                }
            }
            f[m] = re;
            g[m] = im;
        }
        return new double[][] {f, g};
    }

    /**
     * @param fg a functional from {@link #functional}
     * @param z a complex vector [u; w]
     * @return Tr[X (U + iW)] as {re, im}
     */
    static double[] apply(double[][] fg, double[] z) {
        double[] f = fg[0];
        double[] g = fg[1];
        int n = f.length;
        double re = 0;
        double im = 0;
        for (int m = 0; m < n; m++) {
            re += f[m] * z[m] - g[m] * z[n + m];
            im += g[m] * z[m] + f[m] * z[n + m];
        }
        return new double[] {re, im};
    }
}
