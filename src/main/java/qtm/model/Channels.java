package qtm.model;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.ZMatrixRMaj;

/**
 * Lindblad channels in the form the engines use: every bare operator is a partial permutation (each row and column
 * holds at most one entry), so A|ψ⟩ is a relabelling of amplitudes and ‖Aψ‖² a sum of a few |ψ_i|². The local
 * channels' entries are all 1 and take the paths below that multiply by nothing; the global channels, written in the
 * eigenbasis of H (where each Bohr component maps one eigenstate to one other), carry real entries such as ±1/√2, and
 * the dot's parity string gives −1 even between basis states. Immutable and shared between threads.
 */
public final class Channels {
    private final Jump[] jumps;
    private final int[] start;
    private final int[] from;
    private final int[] to;
    // Copies of the record fields in flat arrays, read in the jump loop.
    private final double[] rates;
    private final double[] energies;
    private final Side[] sides;
    /** Whether every channel has one or two transitions, and their source states (−1: none). */
    private final boolean small;
    private final int[] first;
    private final int[] second;
    /** Each transition's entry, or null when every entry is 1; and its square. */
    private final double[] entry;
    private final double[] entry2;

    private Channels(List<Jump> jumps) {
        this.jumps = jumps.toArray(new Jump[0]);
        this.rates = new double[this.jumps.length];
        this.energies = new double[this.jumps.length];
        this.sides = new Side[this.jumps.length];
        for (int j = 0; j < this.jumps.length; j++) {
            rates[j] = this.jumps[j].rate();
            energies[j] = this.jumps[j].energy();
            sides[j] = this.jumps[j].side();
        }
        this.start = new int[this.jumps.length + 1];
        List<int[]> pairs = new ArrayList<>();
        List<Double> entries = new ArrayList<>();
        boolean unit = true;
        for (int j = 0; j < this.jumps.length; j++) {
            ZMatrixRMaj a = this.jumps[j].operator();
            boolean[] usedRow = new boolean[a.numRows];
            for (int c = 0; c < a.numCols; c++) {
                for (int r = 0; r < a.numRows; r++) {
                    double re = a.getReal(r, c);
                    double im = a.getImag(r, c);
                    if (re == 0 && im == 0) {
                        continue;
                    }
                    if (im != 0 || usedRow[r] || pairs.size() > start[j] && pairs.get(pairs.size() - 1)[0] == c) {
                        throw new IllegalArgumentException("channel " + this.jumps[j].label()
                                + " is not a partial permutation with real entries; the engines need that form");
                    }
                    usedRow[r] = true;
                    pairs.add(new int[] {c, r});
                    entries.add(re);
                    unit &= re == 1;
                }
            }
            start[j + 1] = pairs.size();
        }
        from = new int[pairs.size()];
        to = new int[pairs.size()];
        entry = unit ? null : new double[pairs.size()];
        entry2 = unit ? null : new double[pairs.size()];
        for (int m = 0; m < pairs.size(); m++) {
            from[m] = pairs.get(m)[0];
            to[m] = pairs.get(m)[1];
            if (!unit) {
                entry[m] = entries.get(m);
                entry2[m] = entry[m] * entry[m];
            }
        }
        first = new int[this.jumps.length];
        second = new int[this.jumps.length];
        boolean fewTransitions = true;
        for (int j = 0; j < this.jumps.length; j++) {
            int n = start[j + 1] - start[j];
            fewTransitions &= n >= 1 && n <= 2;
            first[j] = n >= 1 ? from[start[j]] : -1;
            second[j] = n == 2 ? from[start[j] + 1] : -1;
        }
        this.small = fewTransitions && unit;
    }

    /**
     * @param jumps channels (zero-rate ones are kept; callers skip them)
     * @return the table
     * @throws IllegalArgumentException if an operator is not a partial permutation with real entries
     */
    public static Channels of(List<Jump> jumps) {
        return new Channels(jumps);
    }

    /** @return number of channels */
    public int size() {
        return jumps.length;
    }

    /**
     * @param j channel index
     * @return the channel
     */
    public Jump jump(int j) {
        return jumps[j];
    }

    /**
     * @param j channel index
     * @return γ_j
     */
    public double rate(int j) {
        return rates[j];
    }

    /**
     * @param j channel index
     * @return the bath of channel j
     */
    public Side side(int j) {
        return sides[j];
    }

    /**
     * @param j channel index
     * @return energy moved into the bath by one jump of channel j
     */
    public double energy(int j) {
        return energies[j];
    }

    /**
     * ‖A_j ψ‖² for the bare operator.
     *
     * @param j channel index
     * @param re real parts of ψ
     * @param im imaginary parts of ψ
     * @return the squared norm
     */
    public double weight(int j, double[] re, double[] im) {
        if (small) {
            // As the loop below sums them, without its variable bounds: this is called twice per collision step.
            int a = first[j];
            int b = second[j];
            double w = 0 + (re[a] * re[a] + im[a] * im[a]);
            return b < 0 ? w : w + (re[b] * re[b] + im[b] * im[b]);
        }
        double w = 0;
        for (int m = start[j]; m < start[j + 1]; m++) {
            int c = from[m];
            double p = re[c] * re[c] + im[c] * im[c];
            w += entry == null ? p : entry2[m] * p;
        }
        return w;
    }

    /**
     * γ_j‖A_jψ‖² of every channel, from the four populations computed once: the same sums, in the same order, as
     * {@link #weight} times the rate, without squaring an amplitude once per channel that reads it.
     *
     * @param re real parts of ψ
     * @param im imaginary parts of ψ
     * @param populations workspace of length 4, overwritten
     * @param out one weight per channel, overwritten
     * @return their sum
     */
    public double weights(double[] re, double[] im, double[] populations, double[] out) {
        for (int c = 0; c < 4; c++) {
            populations[c] = re[c] * re[c] + im[c] * im[c];
        }
        if (this.small) {
            // Every channel has one or two transitions: the same sums (0 + p is p) without the inner loop, whose
            // variable bounds the JIT kept, per channel per jump.
            double total = 0;
            for (int j = 0; j < rates.length; j++) {
                double w = (populations[first[j]] + (second[j] < 0 ? 0 : populations[second[j]])) * rates[j];
                out[j] = w;
                total += w;
            }
            return total;
        }
        double total = 0;
        for (int j = 0; j < rates.length; j++) {
            double w = 0;
            for (int m = start[j]; m < start[j + 1]; m++) {
                w += entry == null ? populations[from[m]] : entry2[m] * populations[from[m]];
            }
            w *= rates[j];
            out[j] = w;
            total += w;
        }
        return total;
    }

    /**
     * out = A_j ψ (bare operator, not normalised).
     *
     * @param j channel index
     * @param re real parts of ψ
     * @param im imaginary parts of ψ
     * @param outRe real parts of the result, overwritten (must not alias re)
     * @param outIm imaginary parts of the result, overwritten (must not alias im)
     */
    public void apply(int j, double[] re, double[] im, double[] outRe, double[] outIm) {
        for (int i = 0; i < outRe.length; i++) {
            outRe[i] = 0.0;
            outIm[i] = 0.0;
        }
        if (entry == null) {
            for (int m = start[j]; m < start[j + 1]; m++) {
                outRe[to[m]] = re[from[m]];
                outIm[to[m]] = im[from[m]];
            }
            return;
        }
        for (int m = start[j]; m < start[j + 1]; m++) {
            outRe[to[m]] = entry[m] * re[from[m]];
            outIm[to[m]] = entry[m] * im[from[m]];
        }
    }

    /**
     * Multiplies the amplitudes of the states that channel j acts on (its domain, the support of A_j†A_j) by f.
     *
     * @param j channel index
     * @param f factor
     * @param re real parts, updated
     * @param im imaginary parts, updated
     */
    public void scaleDomain(int j, double f, double[] re, double[] im) {
        for (int m = start[j]; m < start[j + 1]; m++) {
            re[from[m]] *= f;
            im[from[m]] *= f;
        }
    }

    /**
     * The transitions of channel j as (from, to) basis indices.
     *
     * @param j channel index
     * @return a new array of {from, to} pairs
     * @throws IllegalStateException if the channels' entries are not all 1 (the pairs alone would not say them)
     */
    public int[][] transitions(int j) {
        if (entry != null) {
            throw new IllegalStateException("the channels have entries other than 1; transitions() lists unit ones");
        }
        int[][] t = new int[start[j + 1] - start[j]][];
        for (int m = start[j]; m < start[j + 1]; m++) {
            t[m - start[j]] = new int[] {from[m], to[m]};
        }
        return t;
    }

    /**
     * The diagonal of Σ_j γ_j A_j†A_j (diagonal because each A_j is a partial permutation).
     *
     * @return a new array of 4 decay rates
     */
    public double[] decay() {
        double[] d = new double[4];
        for (int j = 0; j < jumps.length; j++) {
            for (int m = start[j]; m < start[j + 1]; m++) {
                d[from[m]] += entry == null ? jumps[j].rate() : jumps[j].rate() * entry2[m];
            }
        }
        return d;
    }

    /** @return true if every entry is 1 (the local channels), so that a jump only relabels amplitudes */
    public boolean unitEntries() {
        return entry == null;
    }

    /**
     * Checks that each channel moves every basis state it acts on by the same bare energy, equal to the channel's
     * energy, so that in the interaction picture of the diagonal of H a jump is a global phase.
     *
     * @param levels diagonal of H
     * @throws IllegalArgumentException if a channel mixes transition energies
     */
    public void requireUniformEnergies(double[] levels) {
        for (int j = 0; j < jumps.length; j++) {
            for (int m = start[j]; m < start[j + 1]; m++) {
                double moved = levels[from[m]] - levels[to[m]];
                double scale = Math.max(1.0, Math.abs(moved));
                if (Math.abs(moved - jumps[j].energy()) > 1e-9 * scale) {
                    throw new IllegalArgumentException("channel " + jumps[j].label() + " moves energy " + moved
                            + " on one transition but is labelled " + jumps[j].energy());
                }
            }
        }
    }
}
