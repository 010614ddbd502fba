package qtm.engine;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;
import qtm.math.HermitianBasis;
import qtm.math.MatrixExp;
import qtm.math.Ops;
import qtm.model.MachineChannel;

/**
 * Exact references for the general jump engine's tests, by dense matrix exponentials that share nothing with it: the
 * no-jump propagator as e^{M} of the real 2d×2d form of −iH_eff t, and the transient ρ(t) and the integrated heat
 * current from the Lindblad generator in {@link HermitianBasis} coordinates (the same sum as the test helper
 * {@code qtm.model.MachineLiouvillian}, which is package-private to {@code qtm.model}), with ∫₀ᵗρ by Van Loan's
 * augmented exponential.
 */
final class ExactMachine {
    private final int d;
    private final ZMatrixRMaj h;
    private final List<MachineChannel> channels;
    private final HermitianBasis basis;
    /** L in {@link HermitianBasis} coordinates, built on first use: the no-jump checks do not need it. */
    private DMatrixRMaj generator;

    ExactMachine(ZMatrixRMaj h, List<MachineChannel> channels) {
        this.d = h.numRows;
        this.h = h;
        this.channels = channels;
        this.basis = new HermitianBasis(d);
    }

    private DMatrixRMaj generator() {
        if (generator != null) {
            return generator;
        }
        int n = basis.size();
        generator = new DMatrixRMaj(n, n);
        double[] column = new double[n];
        for (int c = 0; c < n; c++) {
            ZMatrixRMaj rho = basis.element(c);
            ZMatrixRMaj out = Ops.scale(0, -1, Ops.commutator(h, rho));
            for (MachineChannel j : channels) {
                ZMatrixRMaj a = j.operator();
                ZMatrixRMaj ad = Ops.dagger(a);
                out = Ops.add(1, out, j.rate(),
                        Ops.add(1, Ops.mult(a, rho, ad), -0.5, Ops.anticommutator(Ops.mult(ad, a), rho)));
            }
            basis.coordinates(out, column);
            for (int r = 0; r < n; r++) {
                generator.set(r, c, column[r]);
            }
        }
        return generator;
    }

    HermitianBasis basis() {
        return basis;
    }

    /** Γ = Σ γ A†A. */
    ZMatrixRMaj decay() {
        ZMatrixRMaj g = new ZMatrixRMaj(d, d);
        for (MachineChannel j : channels) {
            g = Ops.add(1, g, j.rate(), Ops.mult(Ops.dagger(j.operator()), j.operator()));
        }
        return g;
    }

    /** e^{−iH_eff t} by the real embedding [[A, −B], [B, A]] of −iH_eff t = A + iB. */
    ZMatrixRMaj noJump(double t) {
        ZMatrixRMaj g = decay();
        DMatrixRMaj m = new DMatrixRMaj(2 * d, 2 * d);
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                // −i(H − (i/2)Γ) = −iH − Γ/2
                double a = t * (h.getImag(i, j) - 0.5 * g.getReal(i, j));
                double b = t * (-h.getReal(i, j) - 0.5 * g.getImag(i, j));
                m.set(i, j, a);
                m.set(d + i, d + j, a);
                m.set(i, d + j, -b);
                m.set(d + i, j, b);
            }
        }
        DMatrixRMaj e = MatrixExp.exp(m);
        ZMatrixRMaj out = new ZMatrixRMaj(d, d);
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                out.set(i, j, e.get(i, j), e.get(d + i, j));
            }
        }
        return out;
    }

    /** ‖e^{−iH_eff t}ψ‖². */
    double survival(double[] re, double[] im, double t) {
        ZMatrixRMaj u = noJump(t);
        double s = 0;
        for (int i = 0; i < d; i++) {
            double x = 0;
            double y = 0;
            for (int j = 0; j < d; j++) {
                x += u.getReal(i, j) * re[j] - u.getImag(i, j) * im[j];
                y += u.getReal(i, j) * im[j] + u.getImag(i, j) * re[j];
            }
            s += x * x + y * y;
        }
        return s;
    }

    /** Coordinates of ρ(t) = e^{Lt}ρ0. */
    double[] evolved(ZMatrixRMaj rho0, double t) {
        return augmented(rho0, t, false);
    }

    /** Coordinates of ∫₀ᵗ ρ(s) ds. */
    double[] integral(ZMatrixRMaj rho0, double t) {
        return augmented(rho0, t, true);
    }

    /** e^{[[Lt, x0 t], [0, 0]]}: its top-left block is e^{Lt}, its last column ∫₀ᵗ e^{Ls} x0 ds. */
    private double[] augmented(ZMatrixRMaj rho0, double t, boolean integral) {
        int n = basis.size();
        double[] x0 = basis.coordinates(rho0, new double[n]);
        DMatrixRMaj l = generator();
        DMatrixRMaj m = new DMatrixRMaj(n + 1, n + 1);
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                m.set(r, c, t * l.get(r, c));
            }
            m.set(r, n, t * x0[r]);
        }
        DMatrixRMaj e = MatrixExp.exp(m);
        double[] out = new double[n];
        for (int r = 0; r < n; r++) {
            if (integral) {
                out[r] = e.get(r, n);
            } else {
                double s = 0;
                for (int c = 0; c < n; c++) {
                    s += e.get(r, c) * x0[c];
                }
                out[r] = s;
            }
        }
        return out;
    }

    /** ∫₀ᵗ of the heat current into a bath, Σ_{j of it} heat_j γ_j Tr(A_j†A_j ∫ρ). */
    double heat(ZMatrixRMaj rho0, double t, int bath) {
        ZMatrixRMaj r = basis.matrix(integral(rho0, t), new ZMatrixRMaj(d, d));
        double q = 0;
        for (MachineChannel j : channels) {
            if (j.bath() == bath) {
                q += j.heat() * j.rate() * Ops.traceProductRe(Ops.mult(Ops.dagger(j.operator()), j.operator()), r);
            }
        }
        return q;
    }

}
