package qtm.exact;

/**
 * The four terms of a homodyne two-time correlation C_jk (issue 29, {@link HomodyneExact}): L_j or L_j† at the later
 * time, which carries e^{±iω_j τ}, and L_k ρ∞ (carrying e^{iω_k t}) or ρ∞ L_k† (e^{−iω_k t}) at the earlier one,
 * with the local oscillator's phase e^{∓iφ} of each factor.
 */
enum HomodyneTerm {
    /** L_j at t + τ, L_k ρ∞ at t: e^{−2iφ} e^{i(ω_j + ω_k)t} e^{iω_j τ}. */
    LL(1, true, -2),
    /** L_j, ρ∞ L_k†: e^{i(ω_j − ω_k)t} e^{iω_j τ}. */
    LR(1, false, 0),
    /** L_j†, L_k ρ∞: e^{−i(ω_j − ω_k)t} e^{−iω_j τ}. */
    DL(-1, true, 0),
    /** L_j†, ρ∞ L_k†: e^{2iφ} e^{−i(ω_j + ω_k)t} e^{−iω_j τ}. */
    DR(-1, false, 2);

    private final int sign;
    private final boolean left;
    private final int phase;

    HomodyneTerm(int sign, boolean left, int phase) {
        this.sign = sign;
        this.left = left;
        this.phase = phase;
    }

    /** @return +1 if L_j is at the later time (e^{iω_j τ}), −1 if L_j† */
    int sign() {
        return sign;
    }

    /** @return whether the earlier factor is L_k ρ∞ (else ρ∞ L_k†) */
    boolean left() {
        return left;
    }

    /** @return the multiple of φ in the term's oscillator phase e^{i·phase·φ} */
    int phase() {
        return phase;
    }

    /**
     * @param wj ω_j
     * @param wk ω_k
     * @return the frequency of the term in the absolute time t
     */
    double absolute(double wj, double wk) {
        return sign * wj + (left ? wk : -wk);
    }
}
