package qtm.engine;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.ZMatrixRMaj;
import qtm.model.Approach;
import qtm.model.Jump;
import qtm.model.Model;
import qtm.model.TwoQubits;

/**
 * The basis a trajectory propagates in when its channels are global: the eigenstates |00⟩, |+⟩, |−⟩, |11⟩ of H with
 * |±⟩ = (|01⟩ ± |10⟩)/√2, in that order. There H is diagonal, each global channel (a Bohr component of a bath's
 * coupling) maps one eigenstate to one other, and Σγ_j A_j†A_j, which commutes with H, is diagonal too; in the
 * computational basis it is not (its {|01⟩, |10⟩} block is [[a, b], [b, a]]). So the same closed forms hold there
 * with no coupling left: pure decay between jumps, a jump a relabelling with real weights. The matrix is real,
 * symmetric and its own inverse. Immutable.
 */
final class EigenBasis {
    private static final double R = Math.sqrt(0.5);
    /** Row-major: column b is the b-th eigenvector in the computational basis. */
    private static final double[] U = {
        1, 0, 0, 0,
        0, R, R, 0,
        0, R, -R, 0,
        0, 0, 0, 1};

    private EigenBasis() {
    }

    /**
     * @param model the machine
     * @return whether the engine should work in the eigenbasis: global channels with g &gt; 0 (at g = 0 the
     *     computational basis is an eigenbasis already, and the one the global channels are partial permutations in)
     */
    static boolean needed(Model model) {
        return model.approach() == Approach.GLOBAL && model.g() != 0;
    }

    /**
     * @param a a 4×4 operator in the computational basis
     * @return U a U (U = U† = U⁻¹), with entries within 1e-15 of 0, ±1/2, ±1/√2 or ±1 set to them, so that a
     *     channel's zeros are exact zeros and its table is a partial permutation
     */
    static ZMatrixRMaj operator(ZMatrixRMaj a) {
        ZMatrixRMaj out = new ZMatrixRMaj(4, 4);
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                double re = 0;
                double im = 0;
                for (int k = 0; k < 4; k++) {
                    for (int l = 0; l < 4; l++) {
                        double w = U[4 * i + k] * U[4 * l + j];
                        re += w * a.getReal(k, l);
                        im += w * a.getImag(k, l);
                    }
                }
                out.set(i, j, tidy(re), tidy(im));
            }
        }
        return out;
    }

    private static double tidy(double x) {
        for (double exact : new double[] {0, 0.5, -0.5, R, -R, 1, -1}) {
            if (Math.abs(x - exact) < 1e-15) {
                return exact;
            }
        }
        return x;
    }

    /**
     * @param jumps channels in the computational basis
     * @return the same channels with their operators in the eigenbasis
     */
    static List<Jump> jumps(List<Jump> jumps) {
        List<Jump> out = new ArrayList<>(jumps.size());
        for (Jump j : jumps) {
            out.add(new Jump(j.side(), operator(j.operator()), j.rate(), j.energy(), j.label()));
        }
        return out;
    }

    /**
     * out = U ψ: eigenbasis amplitudes to computational ones (and, U being its own inverse, back).
     *
     * @param re real parts
     * @param im imaginary parts
     * @param outRe result real parts (must not alias re)
     * @param outIm result imaginary parts (must not alias im)
     */
    static void transform(double[] re, double[] im, double[] outRe, double[] outIm) {
        outRe[0] = re[0];
        outIm[0] = im[0];
        outRe[TwoQubits.I01] = R * (re[1] + re[2]);
        outIm[TwoQubits.I01] = R * (im[1] + im[2]);
        outRe[TwoQubits.I10] = R * (re[1] - re[2]);
        outIm[TwoQubits.I10] = R * (im[1] - im[2]);
        outRe[3] = re[3];
        outIm[3] = im[3];
    }
}
