package qtm.engine;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.ZMatrixRMaj;
import qtm.model.Machine;
import qtm.model.MachineCollision;
import qtm.model.MachineSwap;

/**
 * What makes {@link MachineCollisionEngine} fast where every swap's channel A_ω is a weighted partial permutation (at
 * most one non-zero per row and column: every local channel): the same law, drawn in another order.
 *
 * <ul>
 * <li>A swap's ancilla starts excited with probability q whatever the state, so its start is drawn first; given it,
 * the collision either leaves the ancilla as it was, by the diagonal C_g = cos(θ√(A†A)) or C_e = cos(θ√(AA†)), or
 * flips it, by A·s(A†A) or A†·s(AA†), with s(x) = sin(θ√x)/√x, which are partial permutations too. Since
 * C_a†C_a + S_a†S_a = 1, the unnormalised state after the kept branches of every collision since the last flip has
 * as squared norm the probability that none flipped: a flip is where that norm first falls below one uniform
 * threshold, the waiting-time method of the jump engines.</li>
 * <li>So a run of steps without a reset is one product with B = Π (C·U) for the ancillas' starts drawn for it: the
 * products of every pattern of starts over a run are kept ({@link PatternProducts}, as many as fit in a cache), the
 * pattern is drawn by the alias method, and only where the norm falls below the threshold is the run replayed
 * collision by collision.</li>
 * <li>U = e^{−iHΔt} keeps the exact zeros of H's blocks (H couples no states in different connected components of its
 * graph), and the products keep them, so they are applied as sparse matrices.</li>
 * <li>A basis state alone in its component flips with a probability per step that does not depend on the past, so
 * the steps to its first flip are drawn at once ({@link LoneStates}).</li>
 * </ul>
 * Immutable.
 */
final class CollisionBlocks {
    /** Most numbers kept for the products of one run length (512 kB). */
    private static final double MAX_VALUES = 1 << 16;
    /** Longest run: without random swaps there is one product, and longer runs gain little. */
    private static final int MAX_LENGTH = 64;

    /** One swap for the collision-by-collision replay: its kept diagonals and flips by the ancilla's start. */
    record Swap(int bit, boolean excited, double[] keepGround, double[] keepExcited, Flip emit, Flip absorb,
            int down, int up) {
        /** @return whether the ancilla starts excited in a step whose starts are the bits of {@code pattern} */
        boolean excitedIn(int pattern) {
            return bit < 0 ? excited : (pattern >> bit & 1) == 1;
        }
    }

    /** A partial permutation: column s goes to row {@code to[s]} (−1: to nothing) with weight re + i·im. */
    record Flip(int[] to, double[] re, double[] im) {
    }

    /** The random swaps per step (those with 0 &lt; q &lt; 1), whose starts make a step's pattern of bits. */
    final int bits;
    final SparseComplex unitary;
    /** Runs of the longest length kept, of the grid interval's remainder (null if none), and of one step. */
    final PatternProducts runs;
    final PatternProducts rest;
    final PatternProducts steps;
    /** Per event of the step, in order: its {@link Swap}, or null for a reset. */
    final Swap[] swaps;
    /**
     * Each basis state's connected component of H's graph, numbered from 0 (all in one where there are more than
     * 63, so that a state's components fit the bits of a long).
     */
    final int[] component;
    /** The geometric draws where ψ is one basis state alone in its component. */
    final LoneStates lone;

    private CollisionBlocks(int bits, SparseComplex unitary, PatternProducts runs, PatternProducts rest,
            PatternProducts steps, Swap[] swaps, int[] component, LoneStates lone) {
        this.component = component;
        this.lone = lone;
        this.bits = bits;
        this.unitary = unitary;
        this.runs = runs;
        this.rest = rest;
        this.steps = steps;
        this.swaps = swaps;
    }

    /**
     * @param machine the machine
     * @param collision its step
     * @return the fast path, or null where a channel is not a partial permutation or more than 8 swaps are random
     */
    static CollisionBlocks of(Machine machine, MachineCollision collision) {
        int d = machine.dimension();
        List<MachineCollision.Event> events = collision.events();
        Swap[] swaps = new Swap[events.size()];
        double[] excited = new double[swaps.length];
        List<Double> q = new ArrayList<>();
        for (int i = 0; i < swaps.length; i++) {
            if (events.get(i) instanceof MachineSwap w) {
                ZMatrixRMaj a = machine.channels().get(w.down()).operator();
                boolean random = w.excited() > 0 && w.excited() < 1;
                swaps[i] = swap(a, w, random ? q.size() : -1);
                if (swaps[i] == null) {
                    return null;
                }
                if (random) {
                    q.add(w.excited());
                }
                excited[i] = w.excited();
            }
        }
        int bits = q.size();
        if (bits > 8) {
            return null;
        }
        int[] component = components(machine.hamiltonian());
        double[][] u = structural(collision.unitary(), component);
        LoneStates lone = LoneStates.of(swaps, excited, component, u);
        double[][][] keep = new double[1 << bits][][];
        for (int p = 0; p < keep.length; p++) {
            keep[p] = keptStep(u, swaps, p, d);
        }
        SparseComplex unitary = new SparseComplex(d, u[0], u[1]);
        // The longest run whose products stay within MAX_VALUES numbers (cache-sized), and no longer than an interval.
        int per = collision.stepsPerPoint();
        int length = 1;
        while (length < Math.min(per, MAX_LENGTH) && bits * (length + 1) < 31
                && 2.0 * unitary.entries() * (1 << bits * (length + 1)) <= MAX_VALUES) {
            length++;
        }
        int remainder = per % length;
        if (java.util.Arrays.stream(component).max().orElse(0) >= 63) {
            component = new int[d];
        }
        int[][] rows = new int[java.util.Arrays.stream(component).max().orElse(0) + 1][];
        for (int c = 0; c < rows.length; c++) {
            final int which = c;
            final int[] of = component;
            rows[c] = java.util.stream.IntStream.range(0, d).filter(i -> of[i] == which).toArray();
        }
        return new CollisionBlocks(bits, unitary, PatternProducts.of(keep, u, bits, length, q, rows),
                remainder == 0 ? null : PatternProducts.of(keep, u, bits, remainder, q, rows),
                PatternProducts.of(keep, u, bits, 1, q, rows), swaps, component, lone);
    }

    /** The swap's diagonals and flips from A, or null if A is not a partial permutation. */
    private static Swap swap(ZMatrixRMaj a, MachineSwap w, int bit) {
        int d = a.numRows;
        int[] rowOf = new int[d];
        int[] colOf = new int[d];
        java.util.Arrays.fill(rowOf, -1);
        java.util.Arrays.fill(colOf, -1);
        for (int t = 0; t < d; t++) {
            for (int s = 0; s < d; s++) {
                if (a.getReal(t, s) != 0 || a.getImag(t, s) != 0) {
                    if (rowOf[s] >= 0 || colOf[t] >= 0) {
                        return null;
                    }
                    rowOf[s] = t;
                    colOf[t] = s;
                }
            }
        }
        double theta = w.theta();
        double[] keepGround = new double[d];
        double[] keepExcited = new double[d];
        Flip emit = new Flip(rowOf.clone(), new double[d], new double[d]);
        Flip absorb = new Flip(colOf.clone(), new double[d], new double[d]);
        for (int s = 0; s < d; s++) {
            // A†A is diagonal with |A_ts|² at column s; AA† with the same at row t.
            int t = rowOf[s];
            double x = t < 0 ? 0 : a.getReal(t, s) * a.getReal(t, s) + a.getImag(t, s) * a.getImag(t, s);
            keepGround[s] = Math.cos(theta * Math.sqrt(x));
            if (t >= 0) {
                double f = sinc(theta, x);
                emit.re()[s] = a.getReal(t, s) * f;
                emit.im()[s] = a.getImag(t, s) * f;
            }
            int from = colOf[s];
            double y = from < 0 ? 0 : a.getReal(s, from) * a.getReal(s, from) + a.getImag(s, from) * a.getImag(s, from);
            keepExcited[s] = Math.cos(theta * Math.sqrt(y));
            if (from >= 0) {
                double f = sinc(theta, y);
                absorb.re()[s] = a.getReal(s, from) * f;
                absorb.im()[s] = -a.getImag(s, from) * f;
            }
        }
        return new Swap(bit, w.excited() == 1, keepGround, keepExcited, emit, absorb, w.down(), w.up());
    }

    /** sin(θ√x)/√x, θ at x = 0, as {@code MachineSwap} takes it. */
    private static double sinc(double theta, double x) {
        if (!(x > 0)) {
            return theta;
        }
        double r = Math.sqrt(x);
        return Math.sin(theta * r) / r;
    }

    /** The connected components of H's graph (an edge where an entry is non-zero), numbered 0, 1, … in order. */
    private static int[] components(ZMatrixRMaj h) {
        int d = h.numRows;
        int[] component = new int[d];
        java.util.Arrays.fill(component, -1);
        int count = 0;
        for (int s = 0; s < d; s++) {
            if (component[s] >= 0) {
                continue;
            }
            java.util.ArrayDeque<Integer> todo = new java.util.ArrayDeque<>(List.of(s));
            component[s] = count;
            while (!todo.isEmpty()) {
                int i = todo.pop();
                for (int j = 0; j < d; j++) {
                    if (component[j] < 0 && (h.getReal(i, j) != 0 || h.getImag(i, j) != 0)) {
                        component[j] = count;
                        todo.push(j);
                    }
                }
            }
            count++;
        }
        return component;
    }

    /** U with the entries between H's connected components set to their exact value 0 (rounding otherwise). */
    private static double[][] structural(ZMatrixRMaj u, int[] component) {
        int d = u.numRows;
        double[][] out = new double[2][d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                if (component[i] == component[j]) {
                    out[0][i * d + j] = u.getReal(i, j);
                    out[1][i * d + j] = u.getImag(i, j);
                }
            }
        }
        return out;
    }

    /** diag(Π kept diagonals for the starts of pattern p)·U, row-major re and im. */
    private static double[][] keptStep(double[][] u, Swap[] swaps, int p, int d) {
        double[][] out = {u[0].clone(), u[1].clone()};
        for (Swap w : swaps) {
            if (w == null) {
                continue;
            }
            double[] c = w.excitedIn(p) ? w.keepExcited() : w.keepGround();
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    out[0][i * d + j] *= c[i];
                    out[1][i * d + j] *= c[i];
                }
            }
        }
        return out;
    }
}
