package qtm.testing;

import java.util.List;
import org.ejml.data.ZMatrixRMaj;
import org.ejml.dense.row.CommonOps_ZDRM;

/**
 * The master equation dρ/dt = −i[H, ρ] + Σ_j (L_jρL_j† − ½{L_j†L_j, ρ}) integrated by classical Runge–Kutta at a
 * small fixed step, written from scratch as the tests' independent reference (issue 29): at step τ its error is of
 * order (‖L‖τ)⁴ t/τ, about 1e-12 at τ = 1e-3 and the rates the tests use.
 */
public final class LindbladRk4 {
    private LindbladRk4() {
    }

    /**
     * @param h H, d×d
     * @param ls the jump operators L_j (rates included)
     * @param rho0 ρ(0)
     * @param end t
     * @param tau the Runge–Kutta step, shortened to divide t
     * @return ρ(t), a new matrix
     */
    public static ZMatrixRMaj evolve(ZMatrixRMaj h, List<ZMatrixRMaj> ls, ZMatrixRMaj rho0, double end, double tau) {
        ZMatrixRMaj rho = rho0.copy();
        int steps = (int) Math.ceil(end / tau - 1e-9);
        double dt = end / steps;
        for (int s = 0; s < steps; s++) {
            ZMatrixRMaj k1 = lindblad(h, ls, rho);
            ZMatrixRMaj k2 = lindblad(h, ls, plus(rho, k1, dt / 2));
            ZMatrixRMaj k3 = lindblad(h, ls, plus(rho, k2, dt / 2));
            ZMatrixRMaj k4 = lindblad(h, ls, plus(rho, k3, dt));
            for (int e = 0; e < rho.data.length; e++) {
                rho.data[e] += dt / 6 * (k1.data[e] + 2 * k2.data[e] + 2 * k3.data[e] + k4.data[e]);
            }
        }
        return rho;
    }

    /**
     * @param h H
     * @param ls the jump operators
     * @param rho ρ
     * @return dρ/dt
     */
    public static ZMatrixRMaj lindblad(ZMatrixRMaj h, List<ZMatrixRMaj> ls, ZMatrixRMaj rho) {
        int d = h.numRows;
        ZMatrixRMaj out = new ZMatrixRMaj(d, d);
        ZMatrixRMaj comm = plus(mult(h, rho), mult(rho, h), -1);
        // −i(x + iy) = y − ix
        for (int e = 0; e < out.data.length; e += 2) {
            out.data[e] = comm.data[e + 1];
            out.data[e + 1] = -comm.data[e];
        }
        for (ZMatrixRMaj l : ls) {
            ZMatrixRMaj ld = new ZMatrixRMaj(d, d);
            CommonOps_ZDRM.transposeConjugate(l, ld);
            ZMatrixRMaj ll = mult(ld, l);
            ZMatrixRMaj anti = plus(mult(ll, rho), mult(rho, ll), 1);
            ZMatrixRMaj term = plus(mult(mult(l, rho), ld), anti, -0.5);
            for (int e = 0; e < out.data.length; e++) {
                out.data[e] += term.data[e];
            }
        }
        return out;
    }

    private static ZMatrixRMaj plus(ZMatrixRMaj a, ZMatrixRMaj b, double f) {
        ZMatrixRMaj c = a.copy();
        for (int e = 0; e < c.data.length; e++) {
            c.data[e] += f * b.data[e];
        }
        return c;
    }

    private static ZMatrixRMaj mult(ZMatrixRMaj a, ZMatrixRMaj b) {
        ZMatrixRMaj c = new ZMatrixRMaj(a.numRows, b.numCols);
        CommonOps_ZDRM.mult(a, b, c);
        return c;
    }
}
