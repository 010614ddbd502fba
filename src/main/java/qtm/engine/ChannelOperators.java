package qtm.engine;

import java.util.List;
import org.ejml.data.ZMatrixRMaj;
import qtm.model.MachineChannel;

/**
 * A machine's jump operators as lists of their non-zero entries, with what each jump means for its bath. A machine's
 * operators are sparse (a ladder operator on one site has at most d − d/n_site entries, a reset |n⟩⟨m| on a site
 * d/n_site), so the Born weights γ_j‖A_jψ‖² of all channels cost far less than dense products. Where A_j†A_j is
 * diagonal, as it is for every channel of the local approach and every reset (each basis state has at most one
 * image and one preimage under a ladder's Bohr component or |n⟩⟨m|), the weight is Σ_i γ_j(A_j†A_j)_ii |ψ_i|²: the
 * populations are taken once per jump and each channel costs a few products, without applying its operator.
 * Mutable workspace for one thread (each engine builds its own); nothing is allocated per call.
 */
final class ChannelOperators {
    private final int n;
    private final SparseComplex[] operators;
    private final double[] rate;
    private final int[] bath;
    private final double[] heat;
    /**
     * The diagonals of γ_jA_j†A_j in one list, channel j's entries from diagonalStart[j] to diagonalStart[j + 1] − 1
     * (none for a channel of rate 0); a channel whose A†A is not diagonal is {@code general} and has none either.
     */
    private final int[] diagonalStart;
    private final int[] diagonalIndex;
    private final double[] diagonalValue;
    private final boolean[] general;
    private final double[] populations;
    private final double[] scratchRe;
    private final double[] scratchIm;

    /**
     * @param n the dimension d
     * @param channels the channels, each d×d
     * @throws IllegalArgumentException if an operator is not d×d
     */
    ChannelOperators(int n, List<MachineChannel> channels) {
        this.n = n;
        int size = channels.size();
        this.operators = new SparseComplex[size];
        this.rate = new double[size];
        this.bath = new int[size];
        this.heat = new double[size];
        this.general = new boolean[size];
        this.diagonalStart = new int[size + 1];
        double[][] diagonals = new double[size][];
        this.populations = new double[n];
        this.scratchRe = new double[n];
        this.scratchIm = new double[n];
        for (int j = 0; j < size; j++) {
            MachineChannel c = channels.get(j);
            ZMatrixRMaj a = c.operator();
            if (a.numRows != n || a.numCols != n) {
                throw new IllegalArgumentException("channel " + c.label() + " is " + a.numRows + "x" + a.numCols
                        + ", H is " + n + "x" + n);
            }
            operators[j] = SparseComplex.of(a);
            rate[j] = c.rate();
            bath[j] = c.bath();
            heat[j] = c.heat();
            diagonals[j] = diagonal(a);
            general[j] = c.rate() > 0 && diagonals[j] == null;
        }
        int entries = 0;
        for (int j = 0; j < size; j++) {
            for (int k = 0; rate[j] > 0 && diagonals[j] != null && k < n; k++) {
                entries += diagonals[j][k] != 0 ? 1 : 0;
            }
        }
        this.diagonalIndex = new int[entries];
        this.diagonalValue = new double[entries];
        int e = 0;
        for (int j = 0; j < size; j++) {
            diagonalStart[j] = e;
            for (int k = 0; rate[j] > 0 && diagonals[j] != null && k < n; k++) {
                if (diagonals[j][k] != 0) {
                    diagonalIndex[e] = k;
                    diagonalValue[e] = rate[j] * diagonals[j][k];
                    e++;
                }
            }
        }
        diagonalStart[size] = e;
    }

    /** @return the diagonal of A†A, or null if an off-diagonal entry is not exactly zero */
    private double[] diagonal(ZMatrixRMaj a) {
        double[] d = new double[n];
        for (int k = 0; k < n; k++) {
            for (int l = 0; l < n; l++) {
                // (A†A)_kl = Σ_i conj(A_ik) A_il
                double sRe = 0;
                double sIm = 0;
                for (int i = 0; i < n; i++) {
                    sRe += a.getReal(i, k) * a.getReal(i, l) + a.getImag(i, k) * a.getImag(i, l);
                    sIm += a.getReal(i, k) * a.getImag(i, l) - a.getImag(i, k) * a.getReal(i, l);
                }
                if (k == l) {
                    d[k] = sRe;
                } else if (sRe != 0 || sIm != 0) {
                    return null;
                }
            }
        }
        return d;
    }

    /** @return the number of channels */
    int size() {
        return rate.length;
    }

    /**
     * The Born weights γ_j‖A_jψ‖².
     *
     * @param psiRe real parts of ψ
     * @param psiIm imaginary parts
     * @param out one weight per channel, overwritten
     * @return their sum
     */
    double weights(double[] psiRe, double[] psiIm, double[] out) {
        for (int i = 0; i < n; i++) {
            populations[i] = psiRe[i] * psiRe[i] + psiIm[i] * psiIm[i];
        }
        double total = 0;
        for (int j = 0; j < out.length; j++) {
            double w = 0;
            for (int e = diagonalStart[j]; e < diagonalStart[j + 1]; e++) {
                w += diagonalValue[e] * populations[diagonalIndex[e]];
            }
            if (general[j]) {
                w = rate[j] * operators[j].applyNorm(psiRe, psiIm, scratchRe, scratchIm);
            }
            out[j] = w;
            total += w;
        }
        return total;
    }

    /** @return channel j's rate γ_j */
    double rate(int j) {
        return rate[j];
    }

    /** @return channel j's bath index */
    int bath(int j) {
        return bath[j];
    }

    /** @return the heat one jump of channel j moves into its bath */
    double heat(int j) {
        return heat[j];
    }
}
