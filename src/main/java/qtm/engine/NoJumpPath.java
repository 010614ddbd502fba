package qtm.engine;

/**
 * The no-jump evolution as {@link MachineTrajectories} drives it, in coordinates of the path's own choosing (issue 24):
 * the general Schur path ({@link WaitingTime} on a {@link SchurPropagator}) or a modal one where H_eff has a
 * well-conditioned eigenbasis ({@link ModalPropagator}). Implementations are mutable workspaces for one thread and
 * allocate nothing per call.
 */
interface NoJumpPath {
    /** Coordinates of ψ. */
    void toInternal(double[] psiRe, double[] psiIm, double[] vRe, double[] vIm);

    /** ψ of the coordinates v. */
    void toBasis(double[] vRe, double[] vIm, double[] psiRe, double[] psiIm);

    /** @return ‖ψ‖² of the coordinates v */
    double norm2(double[] vRe, double[] vIm);

    /**
     * Advances v by span or to the time the survival ‖ψ‖² falls to u, whichever comes first. The engine calls it
     * from a normalised ψ only (after a grid point's renormalisation, a jump, or the initial draw), so the survival
     * starts at 1 to rounding and the fast paths need not evaluate it.
     *
     * @param span the time to advance by, ≥ 0 and at most the grid step
     * @param vRe real parts of the coordinates of a normalised ψ, advanced in place
     * @param vIm imaginary parts
     * @param u the threshold, in (0, 1]
     * @return the time of the crossing in [0, span], with v advanced to it; or −1 if there is none, with v advanced
     *     by the span
     */
    double advance(double[] vRe, double[] vIm, double span, double u);
}
