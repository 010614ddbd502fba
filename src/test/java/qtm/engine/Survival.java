package qtm.engine;

import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import qtm.math.MatrixExp;
import qtm.model.Jump;
import qtm.model.Model;

/** Exact no-jump evolution for tests, by the matrix exponential of the real 8×8 form of −iH_eff (lab frame). */
final class Survival {
    private final DMatrixRMaj generator = new DMatrixRMaj(8, 8);

    Survival(Model model) {
        ZMatrixRMaj h = model.hamiltonian();
        double[] d = new double[4];
        for (Jump j : model.jumps()) {
            for (int c = 0; c < 4; c++) {
                for (int r = 0; r < 4; r++) {
                    d[c] += j.rate() * j.operator().getReal(r, c) * j.operator().getReal(r, c);
                }
            }
        }
        // −iH_eff = (−D/2 + H_im) + i(−H_re): real part A, imaginary part B, embedded as [[A, −B], [B, A]].
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                double a = h.getImag(i, j) - (i == j ? d[i] / 2 : 0);
                double b = -h.getReal(i, j);
                generator.set(i, j, a);
                generator.set(4 + i, 4 + j, a);
                generator.set(i, 4 + j, -b);
                generator.set(4 + i, j, b);
            }
        }
    }

    /** ψ̃(t) = e^{−iH_eff t}ψ as [re; im]. */
    double[] evolve(double[] re, double[] im, double t) {
        DMatrixRMaj g = generator.copy();
        CommonOps_DDRM.scale(t, g);
        DMatrixRMaj u = MatrixExp.exp(g);
        DMatrixRMaj v = new DMatrixRMaj(8, 1);
        for (int i = 0; i < 4; i++) {
            v.set(i, 0, re[i]);
            v.set(4 + i, 0, im[i]);
        }
        DMatrixRMaj out = new DMatrixRMaj(8, 1);
        CommonOps_DDRM.mult(u, v, out);
        return out.data;
    }

    /** ‖ψ̃(t)‖². */
    double survival(double[] re, double[] im, double t) {
        double s = 0;
        for (double x : evolve(re, im, t)) {
            s += x * x;
        }
        return s;
    }
}
