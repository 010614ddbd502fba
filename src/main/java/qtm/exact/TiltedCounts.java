package qtm.exact;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;
import qtm.exact.CountingStatistics.Distribution;
import qtm.exact.CountingStatistics.Jump;
import qtm.math.HermitianBasis;
import qtm.math.ComplexExp;
import qtm.math.MatrixExp;

/**
 * The generating function p(χ) = Tr e^{L(iχ)t} ρ0 of a count, sampled for its Fourier inversion: the part of
 * {@link CountingStatistics} that exponentiates the tilted generator L(iχ) = L + Σ_j (e^{iχν_j} − 1) J_j, one
 * 2n × 2n real exponential per sample (an n × n complex one on the machines' conjugate path). The samples are
 * independent and are computed in parallel (each is the same number as it would be alone).
 */
final class TiltedCounts {
    private final HermitianBasis basis;
    private final DMatrixRMaj generator;
    private final List<Jump> jumps;

    TiltedCounts(HermitianBasis basis, DMatrixRMaj generator, List<Jump> jumps) {
        this.basis = basis;
        this.generator = generator;
        this.jumps = jumps;
    }

    /**
     * @param rho0 the initial state
     * @param t the time
     * @param first the smallest n
     * @param size the number of samples M
     * @param conjugate whether p(−χ) is taken as the conjugate of p(χ); the machines' path, which also exponentiates
     *     in complex arithmetic (half the work of the real form). Without it each sample is the 2n × 2n real
     *     exponential, whose bits the presets' pinned outputs hold.
     * @return P(N = n, t) for n = first … first + M − 1
     */
    Distribution distribution(ZMatrixRMaj rho0, double t, long first, int size, boolean conjugate) {
        int n = basis.size();
        double[] x0 = basis.coordinates(rho0, new double[n]);
        double[] trace = basis.traceFunctional();
        if (conjugate) {
            return FourierInversion.invert(first, size, true, chi -> {
                ZMatrixRMaj e = ComplexExp.exp(complexTilted(chi, t));
                double[] z = new double[2];
                for (int r = 0; r < n; r++) {
                    double vr = 0;
                    double vi = 0;
                    for (int c = 0; c < n; c++) {
                        int i = 2 * (r * n + c);
                        vr += e.data[i] * x0[c];
                        vi += e.data[i + 1] * x0[c];
                    }
                    z[0] += trace[r] * vr;
                    z[1] += trace[r] * vi;
                }
                return z;
            }, true);
        }
        return FourierInversion.invert(first, size, false, chi -> {
            DMatrixRMaj e = MatrixExp.exp(tilted(chi, t));
            double[] z = new double[2];
            for (int r = 0; r < n; r++) {
                double vr = 0;
                double vi = 0;
                for (int c = 0; c < n; c++) {
                    vr += e.get(r, c) * x0[c];
                    vi += e.get(n + r, c) * x0[c];
                }
                z[0] += trace[r] * vr;
                z[1] += trace[r] * vi;
            }
            return z;
        }, true);
    }

    /** L(iχ)t. */
    private ZMatrixRMaj complexTilted(double chi, double t) {
        DMatrixRMaj real = tilted(chi, t);
        int n = basis.size();
        ZMatrixRMaj out = new ZMatrixRMaj(n, n);
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                out.set(r, c, real.get(r, c), real.get(n + r, c));
            }
        }
        return out;
    }

    /** L(iχ)t as the real matrix [[Re, −Im], [Im, Re]]. */
    private DMatrixRMaj tilted(double chi, double t) {
        int n = basis.size();
        DMatrixRMaj big = new DMatrixRMaj(2 * n, 2 * n);
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                double a = generator.get(r, c);
                double b = 0;
                for (Jump j : jumps) {
                    a += (Math.cos(chi * j.nu()) - 1) * j.term().get(r, c);
                    b += Math.sin(chi * j.nu()) * j.term().get(r, c);
                }
                big.set(r, c, t * a);
                big.set(n + r, n + c, t * a);
                big.set(r, n + c, -t * b);
                big.set(n + r, c, t * b);
            }
        }
        return big;
    }
}
