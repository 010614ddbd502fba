package qtm.exact;

import org.ejml.data.ZMatrixRMaj;
import qtm.math.Ops;
import qtm.model.Channels;
import qtm.model.Collision;
import qtm.model.Model;
import qtm.model.Side;
import qtm.model.Thermal;
import qtm.model.TwoQubits;

/**
 * One collision of {@link Collision} as a unitary V on the system and a fresh ancilla A (index s·d + a), with A's
 * initial populations (A starts diagonal): what {@link CollisionThermodynamics} books. Built here from the generators,
 * independently of the Kraus operators that {@link CollisionMap} applies, so that the reduced states also check those.
 *
 * @param side the bath
 * @param d the ancilla's dimension
 * @param unitary V
 * @param unitaryDagger V†
 * @param ancilla the ancilla's initial populations
 * @param logAncilla their logarithms, from the Gibbs form (finite where a population underflows)
 * @param energies the ancilla's level energies
 * @param temperature T_k
 */
record CollisionUnitary(Side side, int d, ZMatrixRMaj unitary, ZMatrixRMaj unitaryDagger, double[] ancilla,
        double[] logAncilla, double[] energies, double temperature) {

    /** The controlled SWAP of qubit k with a qubit ancilla, controlled by the coin: a permutation of S⊗coin⊗qubit. */
    static CollisionUnitary reset(Model model, Collision.Reset r) {
        Side side = r.side();
        double p = r.probability();
        // τ_k's populations each to full relative precision (not r and 1 − r): ln ρ_A enters the relative entropy,
        // and 1 − r by subtraction loses its digits where E/T_k is large.
        double t = model.bath(side).temperature();
        double g = Thermal.fermiHole(model.energy(), t);
        double x = Thermal.fermi(model.energy(), t);
        int n = TwoQubits.DIM * 4;
        ZMatrixRMaj v = new ZMatrixRMaj(n, n);
        int bit = side == Side.COLD ? 2 : 1;
        for (int s = 0; s < TwoQubits.DIM; s++) {
            for (int coin = 0; coin < 2; coin++) {
                for (int q = 0; q < 2; q++) {
                    int from = 4 * s + 2 * coin + q;
                    int to = from;
                    if (coin == 1) {
                        int own = (s & bit) != 0 ? 1 : 0;
                        int swapped = (s & ~bit) | (q == 1 ? bit : 0);
                        to = 4 * swapped + 2 + own;
                    }
                    v.set(to, from, 1, 0);
                }
            }
        }
        double[] ancilla = {(1 - p) * g, (1 - p) * x, p * g, p * x};
        double e = model.energy();
        double[] thermal = logThermal(e, t);
        double stay = Math.log1p(-p);
        double coin = Math.log(p);
        double[] logs = {stay + thermal[0], stay + thermal[1], coin + thermal[0], coin + thermal[1]};
        return new CollisionUnitary(side, 4, v, Ops.dagger(v), ancilla, logs, new double[] {0, e, 0, e}, t);
    }

    /**
     * e^{−iθG} for the generator G = L⊗a† + L†⊗a. G² = LL†⊗a†a + L†L⊗aa† is a projector Π (L is a partial
     * permutation, so LL† and L†L are projectors, and the two terms live on orthogonal ancilla states), hence G³ = G
     * and e^{−iθG} = 1 − Π + cos θ Π − i sin θ G exactly: a unitary to rounding, whose bookkeeping of ΔE_S + Q_k does
     * not drift over 10⁴ steps the way a numerical spectral decomposition's 1e-13 non-unitarity does.
     */
    static CollisionUnitary swap(Model model, Channels ch, Collision.Swap w) {
        ZMatrixRMaj l = ch.jump(w.down()).operator();
        ZMatrixRMaj raise = Ops.unit(2, 1, 0);
        ZMatrixRMaj gen = Ops.add(1.0, Ops.kron(l, raise), 1.0, Ops.kron(Ops.dagger(l), Ops.dagger(raise)));
        ZMatrixRMaj projector = Ops.mult(gen, gen);
        if (Ops.maxAbsDiff(Ops.mult(projector, gen), gen) != 0) {
            throw new IllegalArgumentException("channel " + ch.jump(w.down()).label() + ": G^3 != G");
        }
        double cos = w.cos();
        double sin = Math.sqrt(w.sin2());
        int n = gen.numRows;
        ZMatrixRMaj v = new ZMatrixRMaj(n, n);
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                double pi = projector.getReal(r, c);
                v.set(r, c, (r == c ? 1 : 0) - (1 - cos) * pi, -sin * gen.getReal(r, c));
            }
        }
        double q = w.excited();
        Side side = ch.side(w.down());
        double omega = ch.energy(w.down());
        double t = model.bath(side).temperature();
        return new CollisionUnitary(side, 2, v, Ops.dagger(v), new double[] {1 - q, q}, logThermal(omega, t),
                new double[] {0, omega}, t);
    }

    /**
     * ln of the populations of a qubit of quantum ω thermal at T, (−ln(1 + e^{−ω/T}), −ω/T − ln(1 + e^{−ω/T})):
     * the excited one stays finite where e^{−ω/T} itself underflows; −∞ at T = 0, ln ½ at T = ∞.
     */
    private static double[] logThermal(double omega, double t) {
        if (Double.isInfinite(t)) {
            return new double[] {-Math.log(2), -Math.log(2)};
        }
        if (t == 0) {
            return new double[] {0, Double.NEGATIVE_INFINITY};
        }
        double x = omega / t;
        double z = Math.log1p(Math.exp(-x));
        return new double[] {-z, -x - z};
    }

    /**
     * V(ρ_S⊗ρ_A)V†, with its system part written into {@code system}.
     *
     * @param rho the system's state before the collision
     * @param system overwritten with the system's state after it
     * @return the joint state after it
     */
    ZMatrixRMaj apply(ZMatrixRMaj rho, ZMatrixRMaj system) {
        ZMatrixRMaj a = new ZMatrixRMaj(d, d);
        for (int i = 0; i < d; i++) {
            a.set(i, i, ancilla[i], 0);
        }
        ZMatrixRMaj joint = Ops.mult(Ops.mult(unitary, Ops.kron(rho, a)), unitaryDagger);
        partialTrace(joint, d, true, system);
        return joint;
    }

    /**
     * The ancilla's energy change: its energies are diagonal, so only ρ_A′'s diagonal enters. Its initial
     * populations are weighted by Tr ρ_S, which rounding moves off 1 by ~1e-13 over 10⁴ steps: without that, ω q
     * times the drift would enter every collision's heat and the work ΔE_S + Q_k would drift by as much.
     *
     * @param joint the joint state after the collision
     * @param trace Tr ρ_S before it
     * @return Q_k
     */
    double heat(ZMatrixRMaj joint, double trace) {
        double q = 0;
        for (int x = 0; x < d; x++) {
            double p = 0;
            for (int s = 0; s < TwoQubits.DIM; s++) {
                p += joint.getReal(s * d + x, s * d + x);
            }
            q += energies[x] * (p - trace * ancilla[x]);
        }
        return q;
    }

    /**
     * One factor of a joint state (index s·d + a) traced out.
     *
     * @param joint the joint state
     * @param d the ancilla's dimension
     * @param keepSystem true for ρ_S = Tr_A, false for ρ_A = Tr_S
     * @param out overwritten with the reduced state, reshaped to fit
     * @return out
     */
    static ZMatrixRMaj partialTrace(ZMatrixRMaj joint, int d, boolean keepSystem, ZMatrixRMaj out) {
        int s = joint.numRows / d;
        int kept = keepSystem ? s : d;
        int traced = keepSystem ? d : s;
        out.reshape(kept, kept);
        for (int i = 0; i < kept; i++) {
            for (int j = 0; j < kept; j++) {
                double re = 0;
                double im = 0;
                for (int k = 0; k < traced; k++) {
                    int r = keepSystem ? i * d + k : k * d + i;
                    int c = keepSystem ? j * d + k : k * d + j;
                    re += joint.getReal(r, c);
                    im += joint.getImag(r, c);
                }
                out.set(i, j, re, im);
            }
        }
        return out;
    }
}
