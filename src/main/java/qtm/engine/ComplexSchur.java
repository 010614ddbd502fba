package qtm.engine;

/**
 * The complex Schur form A = Q T Q† of a small dense complex matrix (Q unitary, T upper triangular), by Householder
 * reduction to Hessenberg form and the single-shift QR algorithm with Wilkinson shifts and Givens rotations.
 *
 * <p>Why Schur and not eigenvectors: H_eff = H − (i/2)Σγ A†A is not normal, and at an exceptional point (two
 * eigenvalues and their eigenvectors coalesce, as on the flux-optimum machine near g ≈ 2e-3) it is defective, so an
 * eigenvector basis is singular or ill-conditioned there. A unitary Q is always perfectly conditioned; the coupling
 * that a Jordan block carries stays in the strictly upper part of T, where the exponential of T takes it into account
 * exactly. EJML has no complex eigen or Schur solver, and the project adds no dependency, hence this class.
 *
 * <p>Matrices are n×n, row-major, with real and imaginary parts in separate arrays. Immutable.
 */
final class ComplexSchur {
    private static final double EPS = 0x1p-52;
    private static final int ITERATIONS_PER_EIGENVALUE = 60;

    /** n. */
    final int n;
    /** Q, unitary. */
    final double[] qRe;
    final double[] qIm;
    /** T, upper triangular (entries below the diagonal are exactly 0). */
    final double[] tRe;
    final double[] tIm;

    private ComplexSchur(int n, double[] qRe, double[] qIm, double[] tRe, double[] tIm) {
        this.n = n;
        this.qRe = qRe;
        this.qIm = qIm;
        this.tRe = tRe;
        this.tIm = tIm;
    }

    /**
     * @param n the dimension
     * @param aRe real parts of A (row-major, not modified)
     * @param aIm imaginary parts of A
     * @return its Schur form
     * @throws IllegalArgumentException if A has a non-finite entry
     * @throws IllegalStateException if the QR iteration does not converge
     */
    static ComplexSchur of(int n, double[] aRe, double[] aIm) {
        for (int k = 0; k < n * n; k++) {
            if (!Double.isFinite(aRe[k]) || !Double.isFinite(aIm[k])) {
                throw new IllegalArgumentException("matrix has a non-finite entry");
            }
        }
        double[] hRe = aRe.clone();
        double[] hIm = aIm.clone();
        double[] qRe = new double[n * n];
        double[] qIm = new double[n * n];
        for (int i = 0; i < n; i++) {
            qRe[i * n + i] = 1.0;
        }
        hessenberg(n, hRe, hIm, qRe, qIm);
        qr(n, hRe, hIm, qRe, qIm);
        for (int i = 1; i < n; i++) {
            for (int j = 0; j < i; j++) {
                hRe[i * n + j] = 0.0;
                hIm[i * n + j] = 0.0;
            }
        }
        return new ComplexSchur(n, qRe, qIm, hRe, hIm);
    }

    /** Householder reflections I − 2vv† on rows and columns k+1…n−1, accumulated into Q. */
    private static void hessenberg(int n, double[] hRe, double[] hIm, double[] qRe, double[] qIm) {
        double[] vRe = new double[n];
        double[] vIm = new double[n];
        for (int k = 0; k < n - 2; k++) {
            double norm2 = 0;
            for (int i = k + 1; i < n; i++) {
                norm2 += hRe[i * n + k] * hRe[i * n + k] + hIm[i * n + k] * hIm[i * n + k];
            }
            double norm = Math.sqrt(norm2);
            if (norm == 0) {
                continue;
            }
            double x0Re = hRe[(k + 1) * n + k];
            double x0Im = hIm[(k + 1) * n + k];
            double x0Abs = Math.hypot(x0Re, x0Im);
            // α = −e^{i arg x0}‖x‖, so that v = x − αe₁ suffers no cancellation.
            double phRe = x0Abs == 0 ? 1.0 : x0Re / x0Abs;
            double phIm = x0Abs == 0 ? 0.0 : x0Im / x0Abs;
            double vnorm2 = 0;
            for (int i = k + 1; i < n; i++) {
                vRe[i] = hRe[i * n + k];
                vIm[i] = hIm[i * n + k];
            }
            vRe[k + 1] += phRe * norm;
            vIm[k + 1] += phIm * norm;
            for (int i = k + 1; i < n; i++) {
                vnorm2 += vRe[i] * vRe[i] + vIm[i] * vIm[i];
            }
            double f = 1 / Math.sqrt(vnorm2);
            for (int i = k + 1; i < n; i++) {
                vRe[i] *= f;
                vIm[i] *= f;
            }
            reflectRows(n, k + 1, vRe, vIm, hRe, hIm);
            reflectColumns(n, k + 1, vRe, vIm, hRe, hIm);
            reflectColumns(n, k + 1, vRe, vIm, qRe, qIm);
        }
    }

    /** M ← (I − 2vv†)M on rows from…n−1. */
    private static void reflectRows(int n, int from, double[] vRe, double[] vIm, double[] mRe, double[] mIm) {
        for (int j = 0; j < n; j++) {
            double sRe = 0;
            double sIm = 0;
            for (int i = from; i < n; i++) {
                // conj(v_i) m_ij
                sRe += vRe[i] * mRe[i * n + j] + vIm[i] * mIm[i * n + j];
                sIm += vRe[i] * mIm[i * n + j] - vIm[i] * mRe[i * n + j];
            }
            for (int i = from; i < n; i++) {
                mRe[i * n + j] -= 2 * (vRe[i] * sRe - vIm[i] * sIm);
                mIm[i * n + j] -= 2 * (vRe[i] * sIm + vIm[i] * sRe);
            }
        }
    }

    /** M ← M(I − 2vv†) on columns from…n−1. */
    private static void reflectColumns(int n, int from, double[] vRe, double[] vIm, double[] mRe, double[] mIm) {
        for (int i = 0; i < n; i++) {
            double sRe = 0;
            double sIm = 0;
            for (int j = from; j < n; j++) {
                sRe += mRe[i * n + j] * vRe[j] - mIm[i * n + j] * vIm[j];
                sIm += mRe[i * n + j] * vIm[j] + mIm[i * n + j] * vRe[j];
            }
            for (int j = from; j < n; j++) {
                // s conj(v_j)
                mRe[i * n + j] -= 2 * (sRe * vRe[j] + sIm * vIm[j]);
                mIm[i * n + j] -= 2 * (sIm * vRe[j] - sRe * vIm[j]);
            }
        }
    }

    private static double abs1(double re, double im) {
        return Math.abs(re) + Math.abs(im);
    }

    /** Shifted QR sweeps on the Hessenberg matrix until every subdiagonal entry is negligible. */
    private static void qr(int n, double[] hRe, double[] hIm, double[] qRe, double[] qIm) {
        double scale = 0;
        for (int k = 0; k < n * n; k++) {
            scale = Math.max(scale, abs1(hRe[k], hIm[k]));
        }
        int hi = n - 1;
        int iterations = 0;
        int total = 0;
        double[] shift = new double[2];
        while (hi > 0) {
            int l = hi;
            while (l > 0) {
                int s = l * n + l - 1;
                double near = abs1(hRe[s - n], hIm[s - n]) + abs1(hRe[s + 1], hIm[s + 1]);
                if (abs1(hRe[s], hIm[s]) <= EPS * (near == 0 ? scale : near)) {
                    hRe[s] = 0;
                    hIm[s] = 0;
                    break;
                }
                l--;
            }
            if (l == hi) {
                hi--;
                iterations = 0;
                continue;
            }
            if (++total > ITERATIONS_PER_EIGENVALUE * n) {
                throw new IllegalStateException("complex Schur: QR iteration did not converge");
            }
            iterations++;
            wilkinson(n, hi, hRe, hIm, shift);
            if (iterations % 11 == 0) {
                // An exceptional shift breaks the rare cycles of the Wilkinson shift.
                int s = hi * n + hi - 1;
                shift[0] = hRe[hi * n + hi] + 0.75 * abs1(hRe[s], hIm[s]);
                shift[1] = hIm[hi * n + hi];
            }
            sweep(n, l, hi, shift[0], shift[1], hRe, hIm, qRe, qIm);
        }
    }

    /** The eigenvalue of the trailing 2×2 block of rows hi−1, hi nearer its last diagonal entry, into out. */
    private static void wilkinson(int n, int hi, double[] hRe, double[] hIm, double[] out) {
        int a = (hi - 1) * n + hi - 1;
        int b = a + 1;
        int c = hi * n + hi - 1;
        int d = c + 1;
        double pRe = 0.5 * (hRe[a] - hRe[d]);
        double pIm = 0.5 * (hIm[a] - hIm[d]);
        double bcRe = hRe[b] * hRe[c] - hIm[b] * hIm[c];
        double bcIm = hRe[b] * hIm[c] + hIm[b] * hRe[c];
        // disc = sqrt(p² + bc), signed so that |p + disc| is the larger root; then λ = d − bc/(p + disc).
        double zRe = pRe * pRe - pIm * pIm + bcRe;
        double zIm = 2 * pRe * pIm + bcIm;
        double r = Math.hypot(zRe, zIm);
        double sRe = Math.sqrt(0.5 * (r + zRe));
        double sIm = Math.copySign(Math.sqrt(0.5 * Math.max(0, r - zRe)), zIm);
        if (pRe * sRe + pIm * sIm < 0) {
            sRe = -sRe;
            sIm = -sIm;
        }
        double denRe = pRe + sRe;
        double denIm = pIm + sIm;
        double den2 = denRe * denRe + denIm * denIm;
        out[0] = hRe[d];
        out[1] = hIm[d];
        if (den2 > 0) {
            out[0] -= (bcRe * denRe + bcIm * denIm) / den2;
            out[1] -= (bcIm * denRe - bcRe * denIm) / den2;
        }
    }

    /** One implicit single-shift QR step on rows and columns l…hi, applied to all of H and Q. */
    private static void sweep(int n, int l, int hi, double muRe, double muIm, double[] hRe, double[] hIm,
            double[] qRe, double[] qIm) {
        double xRe = hRe[l * n + l] - muRe;
        double xIm = hIm[l * n + l] - muIm;
        double yRe = hRe[(l + 1) * n + l];
        double yIm = hIm[(l + 1) * n + l];
        for (int k = l; k < hi; k++) {
            // G = [[c, s], [−conj(s), c]] with c real maps (x, y) to (r, 0).
            double ax = Math.hypot(xRe, xIm);
            double nrm = Math.hypot(ax, Math.hypot(yRe, yIm));
            double c;
            double sRe;
            double sIm;
            if (nrm == 0) {
                c = 1;
                sRe = 0;
                sIm = 0;
            } else if (ax == 0) {
                c = 0;
                sRe = yRe / nrm;
                sIm = -yIm / nrm;
            } else {
                c = ax / nrm;
                double uRe = xRe / ax;
                double uIm = xIm / ax;
                // s = (x/|x|) conj(y) / nrm
                sRe = (uRe * yRe + uIm * yIm) / nrm;
                sIm = (uIm * yRe - uRe * yIm) / nrm;
            }
            rotateRows(n, k, Math.max(l, k - 1), c, sRe, sIm, hRe, hIm);
            rotateColumns(n, k, Math.min(k + 2, hi) + 1, c, sRe, sIm, hRe, hIm);
            rotateColumns(n, k, n, c, sRe, sIm, qRe, qIm);
            if (k < hi - 1) {
                xRe = hRe[(k + 1) * n + k];
                xIm = hIm[(k + 1) * n + k];
                yRe = hRe[(k + 2) * n + k];
                yIm = hIm[(k + 2) * n + k];
            }
        }
    }

    /** Rows k, k+1 ← G·(rows k, k+1) on columns from…n−1. */
    private static void rotateRows(int n, int k, int from, double c, double sRe, double sIm, double[] mRe,
            double[] mIm) {
        for (int j = from; j < n; j++) {
            int p = k * n + j;
            int q = p + n;
            double aRe = mRe[p];
            double aIm = mIm[p];
            double bRe = mRe[q];
            double bIm = mIm[q];
            mRe[p] = c * aRe + sRe * bRe - sIm * bIm;
            mIm[p] = c * aIm + sRe * bIm + sIm * bRe;
            // −conj(s) a + c b
            mRe[q] = -(sRe * aRe + sIm * aIm) + c * bRe;
            mIm[q] = -(sRe * aIm - sIm * aRe) + c * bIm;
        }
    }

    /** Columns k, k+1 ← (columns k, k+1)·G† on rows 0…rows−1. */
    private static void rotateColumns(int n, int k, int rows, double c, double sRe, double sIm, double[] mRe,
            double[] mIm) {
        for (int i = 0; i < rows; i++) {
            int p = i * n + k;
            int q = p + 1;
            double aRe = mRe[p];
            double aIm = mIm[p];
            double bRe = mRe[q];
            double bIm = mIm[q];
            // a c + b conj(s)
            mRe[p] = aRe * c + bRe * sRe + bIm * sIm;
            mIm[p] = aIm * c + bIm * sRe - bRe * sIm;
            // −a s + b c
            mRe[q] = -(aRe * sRe - aIm * sIm) + bRe * c;
            mIm[q] = -(aRe * sIm + aIm * sRe) + bIm * c;
        }
    }
}
