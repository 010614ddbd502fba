package qtm.exact;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import qtm.math.HermitianBasis;
import qtm.math.MatrixExp;
import qtm.math.RealVectors;
import qtm.model.MachineChannel;

/**
 * The exact waiting times between the jumps of ordered pairs of a machine's channels (issue 25, "of channels on
 * request"): from a jump of channel a to the next jump of any channel, when that next jump is of channel b,
 * w_ab(τ) = Tr[J_b e^{(L−J)τ} J_a ρ∞] / Tr[J_a ρ∞], with J the jump terms of every channel of positive rate. Unlike
 * the baths' law ({@link WaitingTimes}, where other jumps may come in between), the next jump closes the interval
 * whatever its channel, so Σ_b ∫ w_ab = 1 − S_a(∞) and each w_ab is a sub-density. A channel is named as the jump
 * records name it ({@link MachineChannel#label()}), a pair by the two labels joined by "_". Bin probabilities come
 * from one exponential of the augmented matrix [[M, 1], [0, 0]]τ, whose corner is ∫₀^τ e^{Ms} ds (Van Loan), so no
 * inverse of the possibly singular M = L − J is needed. Immutable.
 */
public final class ChannelWaitingTimes {
    /**
     * Most ordered pairs of channels: each costs a d²×d² product per bin and a histogram per trajectory, and 256 pairs
     * are 16 channels that jump, more than any shipped machine has.
     */
    public static final int MAX_PAIRS = 256;
    private final HermitianBasis basis;
    /** M = L − J. */
    private final DMatrixRMaj free;
    private final double[] trace;
    /** Per channel of positive rate: its jump term. */
    private final List<DMatrixRMaj> terms = new ArrayList<>();
    private final List<Integer> channels = new ArrayList<>();
    private final List<String> labels = new ArrayList<>();
    /** Per channel of positive rate: J_a ρ∞, and its trace (the stationary rate). */
    private final List<double[]> starts = new ArrayList<>();
    private final double[] rates;
    private final List<WaitingPair> pairs = new ArrayList<>();

    /**
     * @param exact a machine's exact layer
     * @throws IllegalArgumentException if {@link #refusal} refuses the machine, or no channel jumps in the steady
     *     state
     */
    public ChannelWaitingTimes(MachineExact exact) {
        String refused = refusal(exact.machine());
        if (refused != null) {
            throw new IllegalArgumentException(refused);
        }
        basis = exact.basis();
        int n = basis.size();
        trace = basis.traceFunctional();
        free = exact.generator();
        double[] steady = basis.coordinates(exact.steadyState(), new double[n]);
        List<MachineChannel> all = exact.machine().channels();
        for (int c = 0; c < all.size(); c++) {
            MachineChannel ch = all.get(c);
            if (ch.rate() > 0) {
                DMatrixRMaj j = Liouvillian.jumpTerm(basis, ch.operator(), ch.rate());
                CommonOps_DDRM.subtractEquals(free, j);
                terms.add(j);
                channels.add(c);
                labels.add(ch.label());
                starts.add(RealVectors.mult(j, steady));
            }
        }
        rates = starts.stream().mapToDouble(v -> RealVectors.dot(trace, v)).toArray();
        int jumping = 0;
        for (double r : rates) {
            jumping += r > 0 ? 1 : 0;
        }
        if (jumping == 0) {
            throw new IllegalArgumentException("no channel jumps in the steady state");
        }
        for (int a = 0; a < terms.size(); a++) {
            if (rates[a] > 0) {
                for (int b = 0; b < terms.size(); b++) {
                    pairs.add(new WaitingPair(channels.get(a), channels.get(b), labels.get(a) + "_" + labels.get(b)));
                }
            }
        }
    }

    /**
     * Why a machine's channel pairs are not computed, before anything is built: more than {@link #MAX_PAIRS} ordered
     * pairs of its channels of positive rate (whether or not each jumps in the steady state, which only the steady
     * state would tell).
     *
     * @param machine the machine
     * @return the reason, naming the count and the bound, or null
     */
    public static String refusal(qtm.model.Machine machine) {
        long n = machine.channels().stream().filter(c -> c.rate() > 0).count();
        return n * n > MAX_PAIRS ? n + " channels of positive rate make " + n * n + " ordered pairs, more than the "
                + MAX_PAIRS + " allowed" : null;
    }

    /**
     * @return every ordered pair (a, b) of channels whose channel a jumps in the steady state, a the outer loop, in
     *     channel order; indices are into {@code Machine.channels()}
     */
    public List<WaitingPair> pairs() {
        return List.copyOf(pairs);
    }

    /**
     * @param channel a channel's index in {@code Machine.channels()}
     * @return Tr J_a ρ∞, its stationary jump rate (0 for a channel of rate 0)
     */
    public double rate(int channel) {
        int i = channels.indexOf(channel);
        return i < 0 ? 0 : rates[i];
    }

    /**
     * @param pair one of {@link #pairs()}
     * @param tau the waiting time, ≥ 0
     * @return w_ab(τ)
     */
    public double density(WaitingPair pair, double tau) {
        DMatrixRMaj m = free.copy();
        CommonOps_DDRM.scale(tau, m);
        return end(pair, RealVectors.mult(MatrixExp.exp(m), start(pair)));
    }

    /**
     * @param pair one of {@link #pairs()}
     * @param from the bin's start, ≥ 0
     * @param to its end, ≥ from
     * @return ∫ w_ab over [from, to]: the probability that the next jump after one of a is of b and comes then
     */
    public double probability(WaitingPair pair, double from, double to) {
        double[] upper = integral(to, start(pair));
        double[] lower = integral(from, start(pair));
        for (int i = 0; i < upper.length; i++) {
            upper[i] -= lower[i];
        }
        return end(pair, upper);
    }

    /**
     * @param channel a channel's index in {@code Machine.channels()} that jumps in the steady state
     * @param tau the waiting time, ≥ 0
     * @return S_a(τ) = Tr e^{Mτ} J_a ρ∞ / Tr J_a ρ∞, the probability that no jump has come τ after one of a
     */
    public double survival(int channel, double tau) {
        int i = channels.indexOf(channel);
        DMatrixRMaj m = free.copy();
        CommonOps_DDRM.scale(tau, m);
        return RealVectors.dot(trace, RealVectors.mult(MatrixExp.exp(m), starts.get(i))) / rates[i];
    }

    /** J_a ρ∞ / Tr J_a ρ∞. */
    private double[] start(WaitingPair pair) {
        int i = channels.indexOf(pair.from());
        double[] v = starts.get(i).clone();
        for (int k = 0; k < v.length; k++) {
            v[k] /= rates[i];
        }
        return v;
    }

    private double end(WaitingPair pair, double[] v) {
        return RealVectors.dot(trace, RealVectors.mult(terms.get(channels.indexOf(pair.to())), v));
    }

    /** (∫₀^τ e^{Ms} ds) v, from the corner of e^{[[M, 1], [0, 0]]τ}. */
    private double[] integral(double tau, double[] v) {
        int n = free.numRows;
        DMatrixRMaj big = new DMatrixRMaj(2 * n, 2 * n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                big.set(i, j, free.get(i, j) * tau);
            }
            big.set(i, n + i, tau);
        }
        DMatrixRMaj e = MatrixExp.exp(big);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += e.get(i, n + j) * v[j];
            }
            out[i] = s;
        }
        return out;
    }
}
