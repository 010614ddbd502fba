package qtm.engine;

import java.util.List;
import org.ejml.data.ZMatrixRMaj;
import qtm.model.MachineChannel;

/**
 * A machine's jump operators as lists of their non-zero entries, with what each jump means for its bath. A machine's
 * operators are sparse (a ladder operator on one site has at most d − d/n_site entries, a reset |n⟩⟨m| on a site
 * d/n_site), so the Born weights γ_j‖A_jψ‖² of all channels cost far less than dense products. Immutable.
 */
final class ChannelOperators {
    private final int n;
    private final int[] start;
    private final int[] row;
    private final int[] col;
    private final double[] re;
    private final double[] im;
    private final double[] rate;
    private final int[] bath;
    private final double[] heat;
    private final int[] count;

    /**
     * @param n the dimension d
     * @param channels the channels, each d×d
     * @throws IllegalArgumentException if an operator is not d×d
     */
    ChannelOperators(int n, List<MachineChannel> channels) {
        this.n = n;
        int size = channels.size();
        this.start = new int[size + 1];
        this.rate = new double[size];
        this.bath = new int[size];
        this.heat = new double[size];
        this.count = new int[size];
        int entries = 0;
        for (int j = 0; j < size; j++) {
            ZMatrixRMaj a = channels.get(j).operator();
            if (a.numRows != n || a.numCols != n) {
                throw new IllegalArgumentException("channel " + channels.get(j).label() + " is " + a.numRows + "x"
                        + a.numCols + ", H is " + n + "x" + n);
            }
            entries += nonZeros(a);
        }
        this.row = new int[entries];
        this.col = new int[entries];
        this.re = new double[entries];
        this.im = new double[entries];
        int e = 0;
        for (int j = 0; j < size; j++) {
            MachineChannel c = channels.get(j);
            start[j] = e;
            rate[j] = c.rate();
            bath[j] = c.bath();
            heat[j] = c.heat();
            count[j] = c.count();
            ZMatrixRMaj a = c.operator();
            for (int r = 0; r < n; r++) {
                for (int k = 0; k < n; k++) {
                    if (a.getReal(r, k) != 0 || a.getImag(r, k) != 0) {
                        row[e] = r;
                        col[e] = k;
                        re[e] = a.getReal(r, k);
                        im[e] = a.getImag(r, k);
                        e++;
                    }
                }
            }
        }
        start[size] = e;
    }

    private static int nonZeros(ZMatrixRMaj a) {
        int count = 0;
        for (int k = 0; k < a.data.length; k += 2) {
            if (a.data[k] != 0 || a.data[k + 1] != 0) {
                count++;
            }
        }
        return count;
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
     * @param scratchRe d doubles, overwritten
     * @param scratchIm d doubles, overwritten
     * @param out one weight per channel, overwritten
     * @return their sum
     */
    double weights(double[] psiRe, double[] psiIm, double[] scratchRe, double[] scratchIm, double[] out) {
        double total = 0;
        for (int j = 0; j < out.length; j++) {
            out[j] = rate[j] > 0 ? rate[j] * apply(j, psiRe, psiIm, scratchRe, scratchIm) : 0.0;
            total += out[j];
        }
        return total;
    }

    /**
     * out = A_j ψ.
     *
     * @return ‖out‖²
     */
    double apply(int j, double[] psiRe, double[] psiIm, double[] outRe, double[] outIm) {
        for (int i = 0; i < n; i++) {
            outRe[i] = 0;
            outIm[i] = 0;
        }
        for (int e = start[j]; e < start[j + 1]; e++) {
            int r = row[e];
            int k = col[e];
            outRe[r] += re[e] * psiRe[k] - im[e] * psiIm[k];
            outIm[r] += re[e] * psiIm[k] + im[e] * psiRe[k];
        }
        double norm2 = 0;
        for (int i = 0; i < n; i++) {
            norm2 += outRe[i] * outRe[i] + outIm[i] * outIm[i];
        }
        return norm2;
    }

    /** @return channel j's bath index */
    int bath(int j) {
        return bath[j];
    }

    /** @return the heat one jump of channel j moves into its bath */
    double heat(int j) {
        return heat[j];
    }

    /** @return channel j's count, −1, 0 or +1 */
    int count(int j) {
        return count[j];
    }
}
