package qtm.exact;

import org.ejml.data.ZMatrixRMaj;
import qtm.math.Ops;
import qtm.model.Machine;
import qtm.model.MachineCollision;
import qtm.model.MachineReset;
import qtm.model.MachineSwap;

/**
 * One collision of {@link MachineCollision} as a unitary V on the system and a fresh ancilla A (index s·d_A + a), with
 * A's initial populations (A starts diagonal and thermal for the energies it books): what
 * {@link MachineCollisionThermodynamics} books.
 *
 * <ul>
 * <li>A swap's ancilla is a qubit of quantum ε (ω, or ω − μ for a fermionic lead), V = e^{−iθG}
 * ({@link MachineSwap#unitary()}), its populations (1 − q, q) with q the Gibbs occupation of ε at T.</li>
 * <li>A reset's ancilla is a zero-energy coin in diag(1 − p, p) times a copy of the site in its Gibbs state τ (levels
 * E_x − E_0), and V the SWAP of site and copy controlled by the coin: a permutation of basis states, kept as one, so
 * that a reset costs O(D²) on the joint space of dimension D = 2·d·d_site.</li>
 * </ul>
 *
 * @param bath the bath's index
 * @param d the ancilla's dimension
 * @param unitary V for a swap, null for a reset
 * @param permutation for a reset, V|x⟩ = |permutation[x]⟩; null for a swap
 * @param ancilla the ancilla's initial populations
 * @param logAncilla their logarithms from the Gibbs form (finite where a population underflows, −∞ where it is 0)
 * @param energies the ancilla's level energies, whose change is the heat
 * @param temperature T_k
 */
record MachineCollisionJoint(int bath, int d, ZMatrixRMaj unitary, int[] permutation, double[] ancilla,
        double[] logAncilla, double[] energies, double temperature) {

    static MachineCollisionJoint of(Machine machine, MachineCollision.Event e) {
        double t = machine.baths().get(e.bath()).temperature();
        if (e instanceof MachineSwap w) {
            double[] energies = {0, w.quantum()};
            return new MachineCollisionJoint(w.bath(), 2, w.unitary(), null,
                    new double[] {1 - w.excited(), w.excited()}, logGibbs(energies, t), energies, t);
        }
        MachineReset r = (MachineReset) e;
        int ds = r.levels();
        double[] levels = machine.sites().get(r.site()).levels();
        double[] copy = new double[ds];
        for (int x = 0; x < ds; x++) {
            copy[x] = levels[x] - levels[0];
        }
        double[] logTau = logGibbs(copy, t);
        double[] tau = r.tau();
        double p = r.probability();
        double[] pops = new double[2 * ds];
        double[] logs = new double[2 * ds];
        double[] energies = new double[2 * ds];
        for (int x = 0; x < ds; x++) {
            pops[x] = (1 - p) * tau[x];
            pops[ds + x] = p * tau[x];
            logs[x] = Math.log1p(-p) + logTau[x];
            logs[ds + x] = Math.log(p) + logTau[x];
            energies[x] = copy[x];
            energies[ds + x] = copy[x];
        }
        return new MachineCollisionJoint(r.bath(), 2 * ds, null, swapPermutation(r), pops, logs, energies, t);
    }

    /** Controlled SWAP: coin 1 exchanges the site's level n with the copy's level x. */
    private static int[] swapPermutation(MachineReset r) {
        int[] dims = r.space().dims();
        int stride = 1;
        for (int j = dims.length - 1; j > r.site(); j--) {
            stride *= dims[j];
        }
        int ds = r.levels();
        int da = 2 * ds;
        int dim = r.space().dimension();
        int[] to = new int[dim * da];
        for (int s = 0; s < dim; s++) {
            int n = s / stride % ds;
            for (int a = 0; a < da; a++) {
                to[s * da + a] = s * da + a;
            }
            for (int x = 0; x < ds; x++) {
                int swapped = s + (x - n) * stride;
                to[s * da + ds + x] = swapped * da + ds + n;
            }
        }
        return to;
    }

    /**
     * ln of the Gibbs populations of levels e at T: −(e_x − e_min)/T − ln Σ e^{−(e_y − e_min)/T}, finite where a
     * population underflows; at T = 0 the lowest level(s) shared equally and −∞ elsewhere; at T = ∞ uniform.
     */
    static double[] logGibbs(double[] e, double t) {
        int n = e.length;
        double[] out = new double[n];
        if (Double.isInfinite(t)) {
            java.util.Arrays.fill(out, -Math.log(n));
            return out;
        }
        double min = Double.POSITIVE_INFINITY;
        for (double x : e) {
            min = Math.min(min, x);
        }
        if (t == 0) {
            int ground = 0;
            for (double x : e) {
                ground += x == min ? 1 : 0;
            }
            for (int i = 0; i < n; i++) {
                out[i] = e[i] == min ? -Math.log(ground) : Double.NEGATIVE_INFINITY;
            }
            return out;
        }
        double z = 0;
        for (double x : e) {
            z += Math.exp(-(x - min) / t);
        }
        double lz = Math.log(z);
        for (int i = 0; i < n; i++) {
            out[i] = -(e[i] - min) / t - lz;
        }
        return out;
    }

    /**
     * V(ρ_S⊗ρ_A)V†, with its system part written into {@code system}.
     *
     * @param rho the system's state before the collision
     * @param system overwritten with the system's state after it
     * @return the joint state after it
     */
    ZMatrixRMaj apply(ZMatrixRMaj rho, ZMatrixRMaj system) {
        ZMatrixRMaj joint;
        if (unitary != null) {
            ZMatrixRMaj a = new ZMatrixRMaj(d, d);
            for (int i = 0; i < d; i++) {
                a.set(i, i, ancilla[i], 0);
            }
            joint = Ops.mult(Ops.mult(unitary, Ops.kron(rho, a)), Ops.dagger(unitary));
        } else {
            int n = rho.numRows;
            joint = new ZMatrixRMaj(n * d, n * d);
            for (int s = 0; s < n; s++) {
                for (int t = 0; t < n; t++) {
                    for (int a = 0; a < d; a++) {
                        joint.set(permutation[s * d + a], permutation[t * d + a], rho.getReal(s, t) * ancilla[a],
                                rho.getImag(s, t) * ancilla[a]);
                    }
                }
            }
        }
        CollisionUnitary.partialTrace(joint, d, true, system);
        return joint;
    }

    /**
     * The ancilla's energy change, its initial populations weighted by Tr ρ_S (as {@link CollisionUnitary#heat}
     * does, so that rounding in the trace does not enter as heat).
     *
     * @param joint the joint state after the collision
     * @param trace Tr ρ_S before it
     * @return Q_k
     */
    double heat(ZMatrixRMaj joint, double trace) {
        int s = joint.numRows / d;
        double q = 0;
        for (int x = 0; x < d; x++) {
            if (energies[x] == 0) {
                continue;
            }
            double p = 0;
            for (int i = 0; i < s; i++) {
                p += joint.getReal(i * d + x, i * d + x);
            }
            q += energies[x] * (p - trace * ancilla[x]);
        }
        return q;
    }
}
