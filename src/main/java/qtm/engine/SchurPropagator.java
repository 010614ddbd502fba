package qtm.engine;

import java.util.List;
import org.ejml.data.ZMatrixRMaj;
import qtm.model.MachineChannel;

/**
 * The no-jump propagator e^{−iH_eff t} of any machine, H_eff = H − (i/2)Γ with Γ = Σ_j γ_j A_j†A_j, through the
 * complex Schur form H_eff = Q T Q† ({@link ComplexSchur}): e^{−iH_eff t} = Q e^{−iTt} Q†, and in the coordinates
 * v = Q†ψ the survival probability is ‖e^{−iTt}v‖², because Q is unitary. H_eff is time-independent, so all of this is
 * closed form; nothing is integrated.
 *
 * <p>The exponentials of the triangular T are taken by scaling and squaring, which needs no eigenvector and so stays
 * exact at exceptional points, where T has equal diagonal entries and a Schur–Parlett recurrence would divide by
 * their difference. A ladder e^{−iT h_k}, h_k = Δt/2^k for k = 0 … K, is computed once, with K the first level at
 * which h_K‖T‖₁ ≤ 1/16: level 0 is the grid step, the others let the waiting-time search halve its bracket with one
 * triangular product each, and below h_K a Taylor polynomial in t is exact to rounding ({@link WaitingTime}).
 *
 * <p>Memory: the ladder holds 16(K + 1)d² bytes (K ≈ log₂(16‖H_eff‖₁Δt), typically 10 to 16), independent of the
 * number of grid points. Immutable.
 */
final class SchurPropagator {
    /** The ladder stops once h‖T‖₁ is at most this, where a Taylor polynomial is accurate. */
    static final double TAYLOR_RADIUS = 1.0 / 16;
    private static final int MAX_LEVELS = 60;
    private static final int TERMS = 20;

    private final int n;
    private final ComplexSchur schur;
    /** Q†ΓQ, Hermitian: d‖v‖²/dt = −⟨v|Q†ΓQ|v⟩. */
    private final double[] gRe;
    private final double[] gIm;
    private final double[] h;
    private final double[][] ladderRe;
    private final double[][] ladderIm;

    /**
     * @param hamiltonian H, d×d Hermitian
     * @param channels the channels, each d×d
     * @param step the grid step Δt, finite and &gt; 0
     * @throws IllegalArgumentException on mismatched dimensions or a non-finite entry
     */
    SchurPropagator(ZMatrixRMaj hamiltonian, List<MachineChannel> channels, double step) {
        this.n = hamiltonian.numRows;
        if (hamiltonian.numCols != n) {
            throw new IllegalArgumentException("H must be square");
        }
        if (!(step > 0) || !Double.isFinite(step)) {
            throw new IllegalArgumentException("step must be finite and > 0, got " + step);
        }
        double[] decayRe = new double[n * n];
        double[] decayIm = new double[n * n];
        for (MachineChannel c : channels) {
            addDecay(c, decayRe, decayIm);
        }
        double[] aRe = new double[n * n];
        double[] aIm = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                // H − (i/2)Γ: −(i/2)(x + iy) = y/2 − (i/2)x
                aRe[i * n + j] = hamiltonian.getReal(i, j) + 0.5 * decayIm[i * n + j];
                aIm[i * n + j] = hamiltonian.getImag(i, j) - 0.5 * decayRe[i * n + j];
            }
        }
        this.schur = ComplexSchur.of(n, aRe, aIm);
        this.gRe = new double[n * n];
        this.gIm = new double[n * n];
        conjugate(decayRe, decayIm, gRe, gIm);
        double norm = ComplexMatrices.norm1(n, schur.tRe, schur.tIm);
        int levels = 0;
        while (levels < MAX_LEVELS && Math.scalb(step, -levels) * norm > TAYLOR_RADIUS) {
            levels++;
        }
        this.h = new double[levels + 1];
        this.ladderRe = new double[levels + 1][];
        this.ladderIm = new double[levels + 1][];
        for (int k = 0; k <= levels; k++) {
            h[k] = Math.scalb(step, -k);
            ladderRe[k] = new double[n * n];
            ladderIm[k] = new double[n * n];
            expTriangular(h[k], ladderRe[k], ladderIm[k]);
        }
    }

    private void addDecay(MachineChannel c, double[] re, double[] im) {
        ZMatrixRMaj a = c.operator();
        if (a.numRows != n) {
            throw new IllegalArgumentException("channel " + c.label() + " is " + a.numRows + "x" + a.numCols
                    + ", H is " + n + "x" + n);
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double sRe = 0;
                double sIm = 0;
                for (int m = 0; m < n; m++) {
                    // conj(A_mi) A_mj
                    double xRe = a.getReal(m, i);
                    double xIm = a.getImag(m, i);
                    double yRe = a.getReal(m, j);
                    double yIm = a.getImag(m, j);
                    sRe += xRe * yRe + xIm * yIm;
                    sIm += xRe * yIm - xIm * yRe;
                }
                re[i * n + j] += c.rate() * sRe;
                im[i * n + j] += c.rate() * sIm;
            }
        }
    }

    /** out = Q† M Q. */
    private void conjugate(double[] mRe, double[] mIm, double[] outRe, double[] outIm) {
        double[] tmpRe = new double[n * n];
        double[] tmpIm = new double[n * n];
        ComplexMatrices.multiply(n, mRe, mIm, schur.qRe, schur.qIm, tmpRe, tmpIm);
        double[] qhRe = new double[n * n];
        double[] qhIm = new double[n * n];
        ComplexMatrices.adjoint(n, schur.qRe, schur.qIm, qhRe, qhIm);
        ComplexMatrices.multiply(n, qhRe, qhIm, tmpRe, tmpIm, outRe, outIm);
    }

    /** e^{−iTt} by scaling and squaring, into out (upper triangular, as T is). */
    private void expTriangular(double t, double[] outRe, double[] outIm) {
        int nn = n * n;
        double[] xRe = new double[nn];
        double[] xIm = new double[nn];
        for (int k = 0; k < nn; k++) {
            // −iTt
            xRe[k] = t * schur.tIm[k];
            xIm[k] = -t * schur.tRe[k];
        }
        double norm = ComplexMatrices.norm1(n, xRe, xIm);
        int squarings = norm <= 0.5 ? 0 : (int) Math.ceil(Math.log(norm / 0.5) / Math.log(2));
        double f = Math.scalb(1.0, -squarings);
        for (int k = 0; k < nn; k++) {
            xRe[k] *= f;
            xIm[k] *= f;
        }
        // e^X − I is summed and squared as (I + M)² − I = 2M + M², as in qtm.math.MatrixExp, so that the small part
        // of a propagator near I is not rounded away before the squarings amplify it.
        double[] mRe = new double[nn];
        double[] mIm = new double[nn];
        double[] termRe = new double[nn];
        double[] termIm = new double[nn];
        double[] nextRe = new double[nn];
        double[] nextIm = new double[nn];
        for (int i = 0; i < n; i++) {
            termRe[i * n + i] = 1.0;
        }
        for (int k = 1; k <= TERMS; k++) {
            ComplexMatrices.multiply(n, termRe, termIm, xRe, xIm, nextRe, nextIm);
            for (int p = 0; p < nn; p++) {
                termRe[p] = nextRe[p] / k;
                termIm[p] = nextIm[p] / k;
                mRe[p] += termRe[p];
                mIm[p] += termIm[p];
            }
        }
        for (int s = 0; s < squarings; s++) {
            ComplexMatrices.multiply(n, mRe, mIm, mRe, mIm, nextRe, nextIm);
            for (int p = 0; p < nn; p++) {
                mRe[p] = nextRe[p] + 2 * mRe[p];
                mIm[p] = nextIm[p] + 2 * mIm[p];
            }
        }
        for (int p = 0; p < nn; p++) {
            outRe[p] = mRe[p];
            outIm[p] = mIm[p];
        }
        for (int i = 0; i < n; i++) {
            outRe[i * n + i] += 1.0;
        }
    }

    /** @return the Schur form of H_eff, for checks */
    ComplexSchur schur() {
        return schur;
    }

    /** @return ‖Q†ΓQ‖₁, an upper bound on the eigenvalues of Γ = Σγ A†A, the fastest rate the survival falls at */
    double fastestDecay() {
        return ComplexMatrices.norm1(n, gRe, gIm);
    }

    /**
     * Whether Σγ A†A is a multiple cI of the identity on the whole space, judged on Q†ΓQ against its own scale ‖Γ‖₁
     * (not against ‖H_eff‖, whose level offsets say nothing about the rates): only then is the survival e^{−ct} from
     * every state.
     *
     * @return c, or NaN where Γ is not ∝ I
     */
    double uniformDecay() {
        double scale = fastestDecay();
        double tolerance = ModalPropagator.UNIFORM_TOLERANCE * n * scale;
        double c = 0;
        for (int i = 0; i < n; i++) {
            c += gRe[i * n + i];
        }
        c /= n;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double x = Math.hypot(gRe[i * n + j] - (i == j ? c : 0), gIm[i * n + j]);
                if (!(x <= tolerance)) {
                    return Double.NaN;
                }
            }
        }
        return Math.max(0.0, c);
    }

    /** @return d */
    int dimension() {
        return n;
    }

    /** @return K, the finest ladder level */
    int finest() {
        return h.length - 1;
    }

    /**
     * @param k ladder level
     * @return h_k = Δt/2^k
     */
    double span(int k) {
        return h[k];
    }

    /**
     * The dense propagator in the computational basis, for checks and for callers that need it at one time.
     *
     * @param t time, finite and ≥ 0
     * @return a new d×d matrix e^{−iH_eff t}
     */
    ZMatrixRMaj propagator(double t) {
        double[] eRe = new double[n * n];
        double[] eIm = new double[n * n];
        expTriangular(t, eRe, eIm);
        double[][] qe = ComplexMatrices.withBasis(n, schur.qRe, schur.qIm, eRe, eIm, true);
        double[][] qeq = ComplexMatrices.withBasis(n, schur.qRe, schur.qIm, qe[0], qe[1], false);
        ZMatrixRMaj out = new ZMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                out.set(i, j, qeq[0][i * n + j], qeq[1][i * n + j]);
            }
        }
        return out;
    }

    /**
     * out = e^{−iT h_k} v, a triangular product.
     *
     * @param k ladder level
     * @return ‖out‖²
     */
    double step(int k, double[] vRe, double[] vIm, double[] outRe, double[] outIm) {
        double[] pRe = ladderRe[k];
        double[] pIm = ladderIm[k];
        double norm2 = 0;
        for (int i = 0; i < n; i++) {
            double sRe = 0;
            double sIm = 0;
            int row = i * n;
            for (int j = i; j < n; j++) {
                double aRe = pRe[row + j];
                double aIm = pIm[row + j];
                sRe += aRe * vRe[j] - aIm * vIm[j];
                sIm += aRe * vIm[j] + aIm * vRe[j];
            }
            outRe[i] = sRe;
            outIm[i] = sIm;
            norm2 += sRe * sRe + sIm * sIm;
        }
        return norm2;
    }

    /** out = −i·s·T v, a triangular product (the Taylor terms of e^{−iTs}). */
    void generator(double s, double[] vRe, double[] vIm, double[] outRe, double[] outIm) {
        ComplexMatrices.apply(n, true, schur.tRe, schur.tIm, vRe, vIm, outRe, outIm);
        for (int i = 0; i < n; i++) {
            // −i s (a + ib) = s b − i s a
            double re = outRe[i];
            outRe[i] = s * outIm[i];
            outIm[i] = -s * re;
        }
    }

    /**
     * The loss rate of the norm: −d‖v‖²/dt = ⟨v|Q†ΓQ|v⟩ = ⟨ψ|Σγ A†A|ψ⟩.
     *
     * @return the rate, ≥ 0 up to rounding
     */
    double decay(double[] vRe, double[] vIm) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            double rowRe = 0;
            double rowIm = 0;
            int row = i * n;
            for (int j = 0; j < n; j++) {
                rowRe += gRe[row + j] * vRe[j] - gIm[row + j] * vIm[j];
                rowIm += gRe[row + j] * vIm[j] + gIm[row + j] * vRe[j];
            }
            s += vRe[i] * rowRe + vIm[i] * rowIm;
        }
        return s;
    }

    /** ψ = Q v. */
    void toBasis(double[] vRe, double[] vIm, double[] outRe, double[] outIm) {
        ComplexMatrices.apply(n, schur.qRe, schur.qIm, vRe, vIm, outRe, outIm);
    }

    /** v = Q†ψ. */
    void toSchur(double[] psiRe, double[] psiIm, double[] outRe, double[] outIm) {
        double[] qRe = schur.qRe;
        double[] qIm = schur.qIm;
        for (int j = 0; j < n; j++) {
            outRe[j] = 0;
            outIm[j] = 0;
        }
        for (int i = 0; i < n; i++) {
            int row = i * n;
            double pRe = psiRe[i];
            double pIm = psiIm[i];
            for (int j = 0; j < n; j++) {
                // conj(Q_ij) ψ_i
                outRe[j] += qRe[row + j] * pRe + qIm[row + j] * pIm;
                outIm[j] += qRe[row + j] * pIm - qIm[row + j] * pRe;
            }
        }
    }
}
