package qtm.engine;

import java.util.List;
import org.ejml.data.ZMatrixRMaj;
import qtm.math.Hermitian;
import qtm.model.MonitoredChannel;

/**
 * One step of the diffusive (homodyne) unravelling (issue 29) given its Wiener increments, for a pure state (the
 * stochastic Schrödinger equation, every η = 1) or a conditional density matrix (the stochastic master equation).
 * The increments come from the caller, so that an order study can drive a coarse step with the sum of the fine steps'
 * increments.
 *
 * <p>The scheme is a Strang splitting of the exact unitary U = e^{−iHh/2} around the Rouchon–Ralph Kraus step with
 * its second-order term. With the measured increments ΔY_j = √η_j ⟨c_j + c_j†⟩ h + ΔW_j, the mean taken on Uψ (UρU†),
 * c_j = e^{−iφ_j} e^{iω_j t} L_j at the step's midpoint t, and B = Σ_j √η_j c_j ΔY_j,
 * <pre>
 *   K = I − ½ h Σ_j L_j†L_j + B + ½ B² − ½ h Σ_j η_j c_j²,
^ *   ψ ← UKUψ / ‖UKUψ‖,     ρ ← U(KρK† + h Σ_j (1 − η_j) L_j ρ L_j†)U† / Tr(…)   (ρ here already U ρ U†).
 * </pre>
 * The ρ step is a sum of congruences, so ρ stays positive and Hermitian whatever h; the ψ step keeps the norm by
 * construction. H is applied exactly because the machines' energies exceed their rates tenfold or more: a Kraus step
 * with I − iHh in K (Rouchon–Ralph's own form) has a weak error of order ‖H‖²h t, which at these ratios dominates
 * everything else. With c_j taken at the midpoint, U c_j(t) U† is exactly the interaction picture's operator where
 * L_j is an eigenoperator of H, whose e^{−iω_j t} the local oscillator's e^{iω_j t} cancels: the step then need not
 * resolve the Bohr frequencies, only the rates and, for local channels under a coupling, the rotation that is left
 * in the oscillator's frame ({@link OscillatorFrame}).
 * Read on the unnormalised state, whose noise coefficients L_jψ̃ are linear, ½B² − ½hΣηc² is exactly
 * Milstein's correction ½Σ_{jk} c_j c_k (ΔW_jΔW_k − δ_jk h) up to terms of order h·ΔW of mean zero, and the splitting
 * adds only such terms and O(h³) ones, so the scheme has <b>weak order 1</b>, and <b>strong order 1</b> where the
 * channels commute ([L_j, L_k] = 0: one channel per bath, say a bath at zero temperature, whose absorption channel
 * has rate 0). Where they do not (a bath at T &gt; 0 has both A_ω and A_ω†), the Lévy areas ½[c_j, c_k]A_jk that
 * Milstein's scheme would need are missing and the strong order falls to 1/2, with a constant proportional to the
 * commutators; the weak order stays 1 ({@code qtm.run.DiffusiveOrders} measures both).
 *
 * <p>Not thread-safe: the workspaces are fields, reused for every step, so a step allocates nothing (the half-step
 * unitary is recomputed, without allocating, only when h changes).
 */
public final class HomodyneStep {
    private final int n;
    private final int channels;
    /** Σ_j L_j†L_j, dense row-major, and sparse for the ψ step. */
    private final double[] gRe;
    private final double[] gIm;
    private final SparseComplex g;
    private final double[][] lRe;
    private final double[][] lIm;
    private final double[][] l2Re;
    private final double[][] l2Im;
    private final SparseComplex[] l;
    /** Per channel, the flat indices of L_j's non-zero entries. */
    private final int[][] nonZero;
    private final double[] omega;
    private final double[] phase;
    private final double[] sqrtEta;
    private final double[] eta;
    /** H's eigenvalues and eigenvectors (columns of the real embedding), for e^{−iHh/2} at any h. */
    private final double[] levels;
    private final double[][] vectors;
    /** e^{−iHh/2} for the last h stepped. */
    private final double[] uRe;
    private final double[] uIm;
    private double halfStep = Double.NaN;
    /** Per channel, the step's β_j = √η_j θ_j ΔY_j and θ_j² = e^{2i(ω_j t − φ_j)}. */
    private final double[] betaRe;
    private final double[] betaIm;
    private final double[] theta2Re;
    private final double[] theta2Im;
    private final double[][] vRe;
    private final double[][] vIm;
    private final double[] aRe;
    private final double[] aIm;
    private final double[] bRe;
    private final double[] bIm;
    private final double[] cRe;
    private final double[] cIm;
    private final double[] mRe;
    private final double[] mIm;
    /** The ψ step's vectors: Uψ, Bψ, B²ψ − hΣηc²ψ, and a product. */
    private final double[] xRe;
    private final double[] xIm;
    private final double[] yRe;
    private final double[] yIm;
    private final double[] wRe;
    private final double[] wIm;
    private final double[] pRe;
    private final double[] pIm;

    /**
     * @param hamiltonian H, d×d Hermitian
     * @param monitored the channels, each d×d
     * @throws IllegalArgumentException on mismatched dimensions
     */
    public HomodyneStep(ZMatrixRMaj hamiltonian, List<MonitoredChannel> monitored) {
        this.n = hamiltonian.numRows;
        this.channels = monitored.size();
        this.gRe = new double[n * n];
        this.gIm = new double[n * n];
        this.lRe = new double[channels][];
        this.lIm = new double[channels][];
        this.l2Re = new double[channels][n * n];
        this.l2Im = new double[channels][n * n];
        this.l = new SparseComplex[channels];
        this.nonZero = new int[channels][];
        this.omega = new double[channels];
        this.phase = new double[channels];
        this.sqrtEta = new double[channels];
        this.eta = new double[channels];
        double[] adjRe = new double[n * n];
        double[] adjIm = new double[n * n];
        double[] prodRe = new double[n * n];
        double[] prodIm = new double[n * n];
        for (int j = 0; j < channels; j++) {
            MonitoredChannel c = monitored.get(j);
            if (c.operator().numRows != n) {
                throw new IllegalArgumentException("channel " + j + " is " + c.operator().numRows + "x"
                        + c.operator().numRows + ", H is " + n + "x" + n);
            }
            double[][] parts = ComplexMatrices.split(c.operator());
            lRe[j] = parts[0];
            lIm[j] = parts[1];
            l[j] = new SparseComplex(n, lRe[j], lIm[j]);
            nonZero[j] = nonZero(lRe[j], lIm[j]);
            ComplexMatrices.multiply(n, lRe[j], lIm[j], lRe[j], lIm[j], l2Re[j], l2Im[j]);
            ComplexMatrices.adjoint(n, lRe[j], lIm[j], adjRe, adjIm);
            ComplexMatrices.multiply(n, adjRe, adjIm, lRe[j], lIm[j], prodRe, prodIm);
            for (int k = 0; k < n * n; k++) {
                gRe[k] += prodRe[k];
                gIm[k] += prodIm[k];
            }
            omega[j] = c.frequency();
            phase[j] = c.phase();
            eta[j] = c.efficiency();
            sqrtEta[j] = Math.sqrt(c.efficiency());
        }
        this.g = new SparseComplex(n, gRe, gIm);
        Hermitian.Eigen eigen = Hermitian.embedded(hamiltonian);
        this.levels = eigen.values();
        this.vectors = eigen.v();
        this.uRe = new double[n * n];
        this.uIm = new double[n * n];
        this.betaRe = new double[channels];
        this.betaIm = new double[channels];
        this.theta2Re = new double[channels];
        this.theta2Im = new double[channels];
        this.vRe = new double[channels][n];
        this.vIm = new double[channels][n];
        this.aRe = new double[n * n];
        this.aIm = new double[n * n];
        this.bRe = new double[n * n];
        this.bIm = new double[n * n];
        this.cRe = new double[n * n];
        this.cIm = new double[n * n];
        this.mRe = new double[n * n];
        this.mIm = new double[n * n];
        this.xRe = new double[n];
        this.xIm = new double[n];
        this.yRe = new double[n];
        this.yIm = new double[n];
        this.wRe = new double[n];
        this.wIm = new double[n];
        this.pRe = new double[n];
        this.pIm = new double[n];
    }

    /** @return d, the dimension of the states it steps */
    public int dimension() {
        return n;
    }

    /** @return the number of monitored channels, the length of the increment arrays */
    public int channels() {
        return channels;
    }

    /**
     * One step of the stochastic Schrödinger equation. Meant for η = 1 on every channel (a pure conditional state);
     * the efficiencies enter the measured increments as in the mixed step.
     *
     * @param re real parts of ψ, normalised; overwritten with the new normalised state
     * @param im imaginary parts
     * @param t the step's start time
     * @param h the step's length, &gt; 0
     * @param dW the Wiener increments, one per channel, each N(0, h)
     * @param dY receives the measured increments √η ⟨c + c†⟩ h + ΔW
     */
    public void pure(double[] re, double[] im, double t, double h, double[] dW, double[] dY) {
        halfStep(h);
        ComplexMatrices.apply(n, uRe, uIm, re, im, xRe, xIm);
        double mid = t + 0.5 * h;
        for (int j = 0; j < channels; j++) {
            l[j].apply(xRe, xIm, vRe[j], vIm[j]);
            double sRe = 0;
            double sIm = 0;
            for (int i = 0; i < n; i++) {
                sRe += xRe[i] * vRe[j][i] + xIm[i] * vIm[j][i];
                sIm += xRe[i] * vIm[j][i] - xIm[i] * vRe[j][i];
            }
            increment(j, mid, h, sRe, sIm, dW, dY);
        }
        // y = Bx; w = B(Bx) − h Σ η θ² L(Lx); Kx = x − ½ h G x + y + w/2.
        java.util.Arrays.fill(yRe, 0.0);
        java.util.Arrays.fill(yIm, 0.0);
        for (int j = 0; j < channels; j++) {
            axpy(betaRe[j], betaIm[j], vRe[j], vIm[j], yRe, yIm);
        }
        java.util.Arrays.fill(wRe, 0.0);
        java.util.Arrays.fill(wIm, 0.0);
        for (int j = 0; j < channels; j++) {
            l[j].apply(yRe, yIm, pRe, pIm);
            axpy(betaRe[j], betaIm[j], pRe, pIm, wRe, wIm);
            l[j].apply(vRe[j], vIm[j], pRe, pIm);
            axpy(-h * eta[j] * theta2Re[j], -h * eta[j] * theta2Im[j], pRe, pIm, wRe, wIm);
        }
        g.apply(xRe, xIm, pRe, pIm);
        for (int i = 0; i < n; i++) {
            xRe[i] += -0.5 * h * pRe[i] + yRe[i] + 0.5 * wRe[i];
            xIm[i] += -0.5 * h * pIm[i] + yIm[i] + 0.5 * wIm[i];
        }
        ComplexMatrices.apply(n, uRe, uIm, xRe, xIm, re, im);
        double f = 1 / Math.sqrt(ComplexMatrices.norm2(re, im));
        for (int i = 0; i < n; i++) {
            re[i] *= f;
            im[i] *= f;
        }
    }

    /**
     * One step of the stochastic master equation.
     *
     * @param re real parts of ρ, d×d row-major, unit trace; overwritten with the new ρ
     * @param im imaginary parts
     * @param t the step's start time
     * @param h the step's length, &gt; 0
     * @param dW the Wiener increments, one per channel, each N(0, h)
     * @param dY receives the measured increments √η ⟨c + c†⟩ h + ΔW
     */
    public void mixed(double[] re, double[] im, double t, double h, double[] dW, double[] dY) {
        halfStep(h);
        conjugate(uRe, uIm, re, im, re, im);
        double mid = t + 0.5 * h;
        // a = B
        java.util.Arrays.fill(aRe, 0.0);
        java.util.Arrays.fill(aIm, 0.0);
        for (int j = 0; j < channels; j++) {
            double sRe = 0;
            double sIm = 0;
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < n; k++) {
                    double zRe = lRe[j][i * n + k];
                    double zIm = lIm[j][i * n + k];
                    sRe += zRe * re[k * n + i] - zIm * im[k * n + i];
                    sIm += zRe * im[k * n + i] + zIm * re[k * n + i];
                }
            }
            increment(j, mid, h, sRe, sIm, dW, dY);
            axpy(betaRe[j], betaIm[j], lRe[j], lIm[j], aRe, aIm);
        }
        ComplexMatrices.multiply(n, aRe, aIm, aRe, aIm, bRe, bIm);
        for (int k = 0; k < n * n; k++) {
            mRe[k] = aRe[k] + 0.5 * bRe[k] - 0.5 * h * gRe[k];
            mIm[k] = aIm[k] + 0.5 * bIm[k] - 0.5 * h * gIm[k];
        }
        for (int i = 0; i < n; i++) {
            mRe[i * n + i] += 1.0;
        }
        for (int j = 0; j < channels; j++) {
            axpy(-0.5 * h * eta[j] * theta2Re[j], -0.5 * h * eta[j] * theta2Im[j], l2Re[j], l2Im[j], mRe, mIm);
        }
        // c = KρK†, then the unwatched part of every channel.
        conjugate(mRe, mIm, re, im, cRe, cIm);
        for (int j = 0; j < channels; j++) {
            double lost = h * (1 - eta[j]);
            if (lost > 0) {
                addSandwich(j, lost, re, im, cRe, cIm);
            }
        }
        conjugate(uRe, uIm, cRe, cIm, cRe, cIm);
        double trace = 0;
        for (int i = 0; i < n; i++) {
            trace += cRe[i * n + i];
        }
        double f = 1 / trace;
        // Hermitian by construction; averaging with the adjoint removes the rounding that would otherwise accumulate.
        for (int i = 0; i < n; i++) {
            for (int k = i; k < n; k++) {
                double r = 0.5 * f * (cRe[i * n + k] + cRe[k * n + i]);
                double s = 0.5 * f * (cIm[i * n + k] - cIm[k * n + i]);
                re[i * n + k] = r;
                im[i * n + k] = s;
                re[k * n + i] = r;
                im[k * n + i] = -s;
            }
        }
    }

    /**
     * e^{−iHh/2} = cos(Hh/2) − i sin(Hh/2) into u, from the real embedding's eigenpairs, where each complex
     * eigenvector appears twice (as x + iy and as i(x + iy)), hence the ½.
     */
    private void halfStep(double h) {
        if (h == halfStep) {
            return;
        }
        java.util.Arrays.fill(uRe, 0.0);
        java.util.Arrays.fill(uIm, 0.0);
        for (int k = 0; k < levels.length; k++) {
            double cos = 0.5 * Math.cos(0.5 * h * levels[k]);
            double sin = -0.5 * Math.sin(0.5 * h * levels[k]);
            for (int i = 0; i < n; i++) {
                double xr = vectors[i][k];
                double xi = vectors[n + i][k];
                // (cos + i sin) · x_i · conj(x_m)
                double pr = cos * xr - sin * xi;
                double pi = cos * xi + sin * xr;
                for (int m = 0; m < n; m++) {
                    double yr = vectors[m][k];
                    double yi = -vectors[n + m][k];
                    uRe[i * n + m] += pr * yr - pi * yi;
                    uIm[i * n + m] += pr * yi + pi * yr;
                }
            }
        }
        halfStep = h;
    }

    /** Channel j's measured increment from s = ⟨L_j⟩, its β_j = √η θ_j ΔY_j and θ_j². */
    private void increment(int j, double t, double h, double sRe, double sIm, double[] dW, double[] dY) {
        double angle = omega[j] * t - phase[j];
        double thRe = Math.cos(angle);
        double thIm = Math.sin(angle);
        double mean = 2 * (thRe * sRe - thIm * sIm);
        double y = sqrtEta[j] * mean * h + dW[j];
        dY[j] = y;
        betaRe[j] = sqrtEta[j] * thRe * y;
        betaIm[j] = sqrtEta[j] * thIm * y;
        theta2Re[j] = thRe * thRe - thIm * thIm;
        theta2Im[j] = 2 * thRe * thIm;
    }

    /** y += (aRe + i aIm)·x over x's length. */
    private static void axpy(double aRe, double aIm, double[] xRe, double[] xIm, double[] yRe, double[] yIm) {
        if (aRe == 0 && aIm == 0) {
            return;
        }
        for (int i = 0; i < xRe.length; i++) {
            yRe[i] += aRe * xRe[i] - aIm * xIm[i];
            yIm[i] += aRe * xIm[i] + aIm * xRe[i];
        }
    }

    /**
     * out += f·L_j r L_j†, over L_j's non-zero entries only (a local channel has d/2 of d², so this costs (d/2)²
     * products where the dense sandwich costs 2d³).
     */
    private void addSandwich(int j, double f, double[] rRe, double[] rIm, double[] outRe, double[] outIm) {
        double[] xRe = lRe[j];
        double[] xIm = lIm[j];
        for (int p : nonZero[j]) {
            int a = p / n;
            int b = p % n;
            for (int q : nonZero[j]) {
                int c = q / n;
                int e = q % n;
                // L_ab ρ_be conj(L_ce) into out_ac
                double tRe = xRe[p] * rRe[b * n + e] - xIm[p] * rIm[b * n + e];
                double tIm = xRe[p] * rIm[b * n + e] + xIm[p] * rRe[b * n + e];
                outRe[a * n + c] += f * (tRe * xRe[q] + tIm * xIm[q]);
                outIm[a * n + c] += f * (tIm * xRe[q] - tRe * xIm[q]);
            }
        }
    }

    private static int[] nonZero(double[] re, double[] im) {
        return java.util.stream.IntStream.range(0, re.length).filter(p -> re[p] != 0 || im[p] != 0).toArray();
    }

    /** out = k·r·k†, through the workspace a (b when r is a); out may be r. */
    private void conjugate(double[] kRe, double[] kIm, double[] rRe, double[] rIm, double[] outRe, double[] outIm) {
        double[] tRe = rRe == aRe ? bRe : aRe;
        double[] tIm = rRe == aRe ? bIm : aIm;
        ComplexMatrices.multiply(n, kRe, kIm, rRe, rIm, tRe, tIm);
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                double sRe = 0;
                double sIm = 0;
                for (int m = 0; m < n; m++) {
                    double pRe = tRe[i * n + m];
                    double pIm = tIm[i * n + m];
                    double qRe = kRe[k * n + m];
                    double qIm = -kIm[k * n + m];
                    sRe += pRe * qRe - pIm * qIm;
                    sIm += pRe * qIm + pIm * qRe;
                }
                outRe[i * n + k] = sRe;
                outIm[i * n + k] = sIm;
            }
        }
    }
}
