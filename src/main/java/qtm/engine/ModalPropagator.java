package qtm.engine;

/**
 * The no-jump evolution of a machine whose H_eff is diagonalisable with a well-conditioned eigenvector basis, taken
 * from its Schur form H_eff = Q T Q† (issue 24's fast paths beside the general {@link SchurPropagator}): T = Y Λ Y⁻¹
 * with Y unit upper triangular (back-substitution on T), so with P = QY and the modal coordinates w = P⁻¹ψ,
 * e^{−iH_eff t}ψ = P e^{−iΛt} w: d complex exponentials instead of a matrix exponential, and the survival probability
 * ‖e^{−iH_eff t}ψ‖² = a†Ga with a = e^{−iΛt}w and G = Y†Y, a closed form the waiting time is root-found on.
 *
 * <p>Three kinds, cheapest first:
 * <ul>
 * <li>{@link Kind#UNIFORM}: Σγ A†A = ΓI on the whole space (the reset model), asked of Σγ A†A itself, so that H_eff
 * is normal and every eigenvalue has the same imaginary part −Γ/2: the survival is
 * ‖w‖²e^{−Γt} and the waiting time is drawn directly, ln(‖w‖²/u)/Γ.</li>
 * <li>{@link Kind#DIAGONAL}: H_eff normal, decay rates g_k = −2 Im λ_k not all equal: the survival is the sum of d
 * decaying exponentials Σ|w_k|²e^{−g_k t}, whose logarithm is convex; Newton's method on it.</li>
 * <li>{@link Kind#MODAL}: H_eff not normal but its eigenvector matrix Y has condition number ‖Y‖₁‖Y⁻¹‖₁ at most
 * {@value #MAX_CONDITION} (so the modal form loses at most about two digits to rounding); the survival a†Ga has cross
 * terms, and the root is found by Newton's method safeguarded by bisection, with dN/dt = a†Da, D = i(Λ̄G − GΛ).</li>
 * </ul>
 * Where Y is singular or ill-conditioned, at and near an exceptional point where H_eff is defective, {@link #of}
 * returns null and the engine keeps the Schur path, whose scaling and squaring needs no eigenvector.
 *
 * <p>A segment costs d complex products with factors from {@link SegmentFactors}; a waiting-time search a few Newton
 * steps of those and one pass over G (none in the diagonal kinds). Mutable workspace for one thread; no allocation.
 */
final class ModalPropagator implements NoJumpPath {
    /** Which closed form the survival probability has. */
    enum Kind {
        UNIFORM, DIAGONAL, MODAL
    }

    /** Largest ‖Y‖₁‖Y⁻¹‖₁ accepted: the modal form's rounding is about this times that of the Schur form. */
    static final double MAX_CONDITION = 100;
    /** T counts as diagonal when every strictly upper entry is at most this times ‖T‖₁ (a few roundings). */
    static final double DIAGONAL_TOLERANCE = 16 * 0x1p-52;
    /** Σγ A†A counts as cI when every entry of Q†(Σγ A†A − cI)Q is at most this times d‖Σγ A†A‖₁ (a few roundings). */
    static final double UNIFORM_TOLERANCE = 16 * 0x1p-52;
    private static final double TIME_TOLERANCE = 1e-12;
    private static final int MAX_ITERATIONS = 200;

    /** The bracket of the jump-time search, reused so that no search allocates. */
    private final Bracket bracket = new Bracket();
    private final int n;
    private final Kind kind;
    private final double step;
    private final double[] lamRe;
    private final double[] lamIm;
    /** g_k = −2 Im λ_k, the decay rate of mode k's weight. */
    private final double[] rate;
    private final double uniformRate;
    private final double[] pRe;
    private final double[] pIm;
    private final double[] piRe;
    private final double[] piIm;
    /** P and P⁻¹ by their blocks (H's conserved sectors), for the products of every grid point and jump. */
    private final BlockComplex fromModes;
    private final BlockComplex toModes;
    private final double[] gRe;
    private final double[] gIm;
    private final double[] dRe;
    private final double[] dIm;
    /** e^{−ΓΔt} for the uniform kind. */
    private final double uniformStepDecay;
    /** An upper bound on the eigenvalues of Σγ A†A, the fastest the survival can fall: ‖Σγ A†A‖₁. */
    private final double fastest;
    /** e^{−fastest·Δt}: a threshold below it cannot be crossed within a whole step from a normalised state. */
    private final double safeStep;
    private final double[] aRe;
    private final double[] aIm;
    /** The factors of each segment of a trajectory, up to a global phase. */
    private final SegmentFactors segments;
    /** dN/dt at the last {@link #evaluate}. */
    private double slope;

    private ModalPropagator(int n, Kind kind, double step, double fastest, double uniform, double[] lamRe,
            double[] lamIm, double[] pRe, double[] pIm, double[] piRe, double[] piIm, double[] yRe, double[] yIm) {
        this.n = n;
        this.kind = kind;
        this.step = step;
        this.lamRe = lamRe;
        this.lamIm = lamIm;
        this.rate = new double[n];
        for (int k = 0; k < n; k++) {
            rate[k] = Math.max(0.0, -2 * lamIm[k]);
        }
        this.uniformRate = kind == Kind.UNIFORM ? uniform : Double.NaN;
        this.pRe = pRe;
        this.pIm = pIm;
        this.piRe = piRe;
        this.piIm = piIm;
        this.fromModes = new BlockComplex(n, pRe, pIm);
        this.toModes = new BlockComplex(n, piRe, piIm);
        this.gRe = new double[n * n];
        this.gIm = new double[n * n];
        this.dRe = new double[n * n];
        this.dIm = new double[n * n];
        for (int k = 0; k < n; k++) {
            for (int l = 0; l < n; l++) {
                double sRe = 0;
                double sIm = 0;
                for (int m = 0; m < n; m++) {
                    // conj(Y_mk) Y_ml
                    sRe += yRe[m * n + k] * yRe[m * n + l] + yIm[m * n + k] * yIm[m * n + l];
                    sIm += yRe[m * n + k] * yIm[m * n + l] - yIm[m * n + k] * yRe[m * n + l];
                }
                gRe[k * n + l] = sRe;
                gIm[k * n + l] = sIm;
                // i(conj λ_k − λ_l) G_kl, with c = conj λ_k − λ_l = (re_k − re_l) − i(im_k + im_l)
                double cRe = lamRe[k] - lamRe[l];
                double cIm = -(lamIm[k] + lamIm[l]);
                double xRe = cRe * sRe - cIm * sIm;
                double xIm = cRe * sIm + cIm * sRe;
                dRe[k * n + l] = -xIm;
                dIm[k * n + l] = xRe;
            }
        }
        this.uniformStepDecay = Math.exp(-uniformRate * step);
        this.fastest = fastest;
        this.safeStep = Math.exp(-fastest * step);
        this.aRe = new double[n];
        this.aIm = new double[n];
        this.segments = new SegmentFactors(lamRe, lamIm, uniformRate, step);
    }

    /**
     * @param schur the Schur form of H_eff
     * @param step the grid step Δt, finite and &gt; 0
     * @param fastest an upper bound on the eigenvalues of Σγ A†A (its induced 1-norm, say)
     * @param uniform c where Σγ A†A = cI on the whole space ({@link SchurPropagator#uniformDecay}), else NaN
     * @return the modal evolution, or null where H_eff is defective or its eigenvectors are ill-conditioned
     */
    static ModalPropagator of(ComplexSchur schur, double step, double fastest, double uniform) {
        int n = schur.n;
        double[] tRe = schur.tRe;
        double[] tIm = schur.tIm;
        double norm = ComplexMatrices.norm1(n, tRe, tIm);
        double[] lamRe = new double[n];
        double[] lamIm = new double[n];
        double off = 0;
        for (int i = 0; i < n; i++) {
            lamRe[i] = tRe[i * n + i];
            lamIm[i] = tIm[i * n + i];
            for (int j = i + 1; j < n; j++) {
                off = Math.max(off, Math.hypot(tRe[i * n + j], tIm[i * n + j]));
            }
        }
        double[] yRe = new double[n * n];
        double[] yIm = new double[n * n];
        double[] yiRe = new double[n * n];
        double[] yiIm = new double[n * n];
        Kind kind;
        if (off <= DIAGONAL_TOLERANCE * norm) {
            for (int i = 0; i < n; i++) {
                yRe[i * n + i] = 1.0;
                yiRe[i * n + i] = 1.0;
            }
            // Equal Im λ_k to a tolerance of ‖H_eff‖ would lump a slow decay with none where the levels sit far from
            // 0; the uniform draw needs Σγ A†A = cI, asked of Σγ A†A itself.
            kind = Double.isNaN(uniform) ? Kind.DIAGONAL : Kind.UNIFORM;
        } else {
            if (!ComplexMatrices.eigenvectors(n, tRe, tIm, yRe, yIm)
                    || !ComplexMatrices.unitInverse(n, yRe, yIm, yiRe, yiIm)) {
                return null;
            }
            double condition = ComplexMatrices.norm1(n, yRe, yIm) * ComplexMatrices.norm1(n, yiRe, yiIm);
            if (!(condition <= MAX_CONDITION)) {
                return null;
            }
            kind = Kind.MODAL;
        }
        // P = Q·Y and its inverse Y⁻¹·Q†: ψ = P w and w = P⁻¹ ψ.
        double[][] p = ComplexMatrices.withBasis(n, schur.qRe, schur.qIm, yRe, yIm, true);
        double[][] pi = ComplexMatrices.withBasis(n, schur.qRe, schur.qIm, yiRe, yiIm, false);
        return new ModalPropagator(n, kind, step, fastest, uniform, lamRe, lamIm, p[0], p[1], pi[0], pi[1], yRe, yIm);
    }

    /** @return which closed form the survival has */
    Kind kind() {
        return kind;
    }

    /** e^{−iλ_k t} for every k. */
    private void factors(double t, double[] outRe, double[] outIm) {
        // Every mode of the uniform kind decays alike: one exponential.
        double common = kind == Kind.UNIFORM ? Math.exp(-0.5 * uniformRate * t) : Double.NaN;
        for (int k = 0; k < n; k++) {
            double m = kind == Kind.UNIFORM ? common : Math.exp(lamIm[k] * t);
            double phase = lamRe[k] * t;
            outRe[k] = m * Math.cos(phase);
            outIm[k] = -m * Math.sin(phase);
        }
    }

    @Override
    public void toInternal(double[] psiRe, double[] psiIm, double[] wRe, double[] wIm) {
        toModes.apply(psiRe, psiIm, wRe, wIm);
    }

    @Override
    public void toBasis(double[] wRe, double[] wIm, double[] psiRe, double[] psiIm) {
        fromModes.apply(wRe, wIm, psiRe, psiIm);
    }

    /** @return e^{−ΓΔt}, the survival over a whole step of every state, for the uniform kind; NaN otherwise */
    double uniformStepDecay() {
        return kind == Kind.UNIFORM ? uniformStepDecay : Double.NaN;
    }

    @Override
    public double norm2(double[] wRe, double[] wIm) {
        if (kind != Kind.MODAL) {
            double s = 0;
            for (int k = 0; k < n; k++) {
                s += wRe[k] * wRe[k] + wIm[k] * wIm[k];
            }
            return s;
        }
        return quadratic(gRe, gIm, wRe, wIm);
    }

    /** x†Mx for a Hermitian M, from its upper triangle. */
    private double quadratic(double[] mRe, double[] mIm, double[] xRe, double[] xIm) {
        double s = 0;
        for (int k = 0; k < n; k++) {
            int row = k * n;
            double rRe = 0;
            double rIm = 0;
            for (int l = k + 1; l < n; l++) {
                rRe += mRe[row + l] * xRe[l] - mIm[row + l] * xIm[l];
                rIm += mRe[row + l] * xIm[l] + mIm[row + l] * xRe[l];
            }
            // |x_k|² M_kk + 2 Re(conj(x_k) r)
            s += mRe[row + k] * (xRe[k] * xRe[k] + xIm[k] * xIm[k]) + 2 * (xRe[k] * rRe + xIm[k] * rIm);
        }
        return s;
    }

    @Override
    public double advance(double[] wRe, double[] wIm, double span, double u) {
        boolean whole = span == step;
        if (kind == Kind.UNIFORM) {
            if (whole && uniformStepDecay > u) {
                move(wRe, wIm, span, true);
                return -1;
            }
            double tau = uniformRate > 0 ? -Math.log(u) / uniformRate : Double.POSITIVE_INFINITY;
            if (tau > span) {
                move(wRe, wIm, span, whole);
                return -1;
            }
            tau = Math.max(0.0, tau);
            move(wRe, wIm, tau, false);
            segments.keepRest(span, whole, tau);
            return tau;
        }
        // d‖ψ‖²/dt = −⟨ψ|Σγ A†A|ψ⟩ ≥ −fastest‖ψ‖²: from a normalised state the survival stays above
        // e^{−fastest·span}, so a threshold below it is not crossed and the norm need not be evaluated.
        // (On the rest after a jump, whose factors are known, the closed form is cheaper than the bound.)
        if (whole ? u < safeStep : !segments.known(span, false) && u < Math.exp(-fastest * span)) {
            move(wRe, wIm, span, whole);
            return -1;
        }
        double end = ends(wRe, wIm, span, whole);
        if (end > u) {
            if (kind == Kind.MODAL) {
                // a already holds e^{−iΛ span} w.
                System.arraycopy(aRe, 0, wRe, 0, n);
                System.arraycopy(aIm, 0, wIm, 0, n);
            } else {
                move(wRe, wIm, span, whole);
            }
            return -1;
        }
        double target = Math.log(u);
        bracket.reset(0, span);
        double logN0 = 0;
        double x = bracket.inside(span * (logN0 - target) / (logN0 - Math.log(end)));
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double nx = evaluate(wRe, wIm, x);
            double g = Math.log(nx) - target;
            bracket.narrow(x, g);
            double s = slope / nx;
            double delta = s < 0 ? -g / s : Double.NaN;
            if (Math.abs(delta) <= TIME_TOLERANCE || bracket.width() <= TIME_TOLERANCE) {
                if (kind == Kind.MODAL) {
                    // The last evaluation left a = F(x)w, with F(x) selected.
                    System.arraycopy(aRe, 0, wRe, 0, n);
                    System.arraycopy(aIm, 0, wIm, 0, n);
                } else {
                    move(wRe, wIm, x, false);
                }
                segments.keepRest(span, whole, x);
                return x;
            }
            x = bracket.next(x, delta);
        }
        throw new IllegalStateException("jump-time search did not converge");
    }

    /** @return N(span), without its derivative; for the modal kind a is left at e^{−iΛ span} w */
    private double ends(double[] wRe, double[] wIm, double span, boolean whole) {
        if (kind == Kind.MODAL) {
            phases(wRe, wIm, span, whole);
            return quadratic(gRe, gIm, aRe, aIm);
        }
        double s = 0;
        boolean known = segments.known(span, whole);
        if (known) {
            segments.select(span, whole);
        }
        double[] fRe = segments.re();
        double[] fIm = segments.im();
        for (int k = 0; k < n; k++) {
            double p = wRe[k] * wRe[k] + wIm[k] * wIm[k];
            s += p * (known ? fRe[k] * fRe[k] + fIm[k] * fIm[k] : Math.exp(-rate[k] * span));
        }
        return s;
    }

    /** a = e^{−iΛt} w, with the factors left selected. */
    private void phases(double[] wRe, double[] wIm, double t, boolean whole) {
        segments.select(t, whole);
        double[] factorRe = segments.re();
        double[] factorIm = segments.im();
        for (int k = 0; k < n; k++) {
            aRe[k] = wRe[k] * factorRe[k] - wIm[k] * factorIm[k];
            aIm[k] = wRe[k] * factorIm[k] + wIm[k] * factorRe[k];
        }
    }

    /** w ← e^{−iΛt} w, with the factors left selected. */
    private void move(double[] wRe, double[] wIm, double t, boolean whole) {
        segments.select(t, whole);
        double[] factorRe = segments.re();
        double[] factorIm = segments.im();
        for (int k = 0; k < n; k++) {
            double re = wRe[k] * factorRe[k] - wIm[k] * factorIm[k];
            wIm[k] = wRe[k] * factorIm[k] + wIm[k] * factorRe[k];
            wRe[k] = re;
        }
    }

    /** @return N(t) = ‖e^{−iH_eff t}ψ‖², with {@link #slope} set to dN/dt (and a to e^{−iΛt} w, modal kind) */
    private double evaluate(double[] wRe, double[] wIm, double t) {
        if (kind != Kind.MODAL) {
            double s = 0;
            double ds = 0;
            for (int k = 0; k < n; k++) {
                double p = (wRe[k] * wRe[k] + wIm[k] * wIm[k]) * Math.exp(-rate[k] * t);
                s += p;
                ds -= rate[k] * p;
            }
            slope = ds;
            return s;
        }
        phases(wRe, wIm, t, false);
        slope = quadratic(dRe, dIm, aRe, aIm);
        return quadratic(gRe, gIm, aRe, aIm);
    }

    /**
     * The dense propagator P e^{−iΛt} P⁻¹ in the computational basis, for checks.
     *
     * @param t time ≥ 0
     * @return a new d×d matrix, re then im, row-major
     */
    double[][] propagator(double t) {
        return propagator(t, false);
    }

    /**
     * @param t time ≥ 0
     * @param unitary whether to leave out every mode's decay, e^{−i Re(λ_k) t} only: for the uniform kind, whose
     *     modes all decay alike, the unitary part of the no-jump evolution (H's own)
     * @return a new d×d matrix, re then im, row-major
     */
    double[][] propagator(double t, boolean unitary) {
        double[] fRe = new double[n];
        double[] fIm = new double[n];
        factors(t, fRe, fIm);
        for (int k = 0; unitary && k < n; k++) {
            fRe[k] = Math.cos(lamRe[k] * t);
            fIm[k] = -Math.sin(lamRe[k] * t);
        }
        // P·diag(F)·P⁻¹; exact zeros of P stay exact.
        double[] sRe = new double[n * n];
        double[] sIm = new double[n * n];
        for (int i = 0; i < n * n; i++) {
            int k = i % n;
            sRe[i] = pRe[i] * fRe[k] - pIm[i] * fIm[k];
            sIm[i] = pRe[i] * fIm[k] + pIm[i] * fRe[k];
        }
        double[] re = new double[n * n];
        double[] im = new double[n * n];
        ComplexMatrices.multiply(n, sRe, sIm, piRe, piIm, re, im);
        return new double[][] {re, im};
    }
}
