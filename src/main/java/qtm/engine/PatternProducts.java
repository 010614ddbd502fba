package qtm.engine;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The products B = Π (C·U) of {@link CollisionBlocks} over a run of steps, one per pattern of ancilla starts, with the
 * law of the patterns. Every product has the sparsity of U (the kept diagonals do not move entries), which is
 * block-diagonal in the connected components of H's graph; a state stays in its components between flips (a chain
 * between jumps keeps its number of quanta). So the values are kept component by component, every pattern's in one
 * stretch of one array: a product restricted to the state's components reads a few contiguous numbers, from a table
 * as small as its component (a chain in |000⟩ reads one number per product). Immutable.
 */
final class PatternProducts {
    /** The steps of the run. */
    final int length;
    private final int[][] rows;
    /** Per component, where each of its rows' entries start (local), and its entry count last. */
    private final int[][] first;
    /** Per component, its entries' columns. */
    private final int[][] col;
    /** Per component, pattern p's entry e at 2·(p·entries + e): real, imaginary. */
    private final double[][] values;
    private final Alias patterns;

    private PatternProducts(int length, int[][] rows, int[][] first, int[][] col, double[][] values,
            Alias patterns) {
        this.length = length;
        this.rows = rows;
        this.first = first;
        this.col = col;
        this.values = values;
        this.patterns = patterns;
    }

    /**
     * @param keep per pattern of one step's starts, diag(kept)·U as row-major {re, im}
     * @param u U, whose non-zero entries are the family's
     * @param bits random swaps per step
     * @param length steps of the run
     * @param q the random swaps' probabilities of starting excited, by bit
     * @param rows the basis states of each component; U has no entry between two components
     * @return the products over every pattern of starts of that many steps
     */
    static PatternProducts of(double[][][] keep, double[][] u, int bits, int length, List<Double> q, int[][] rows) {
        int n = (int) Math.round(Math.sqrt(u[0].length));
        int components = rows.length;
        int[][] first = new int[components][];
        int[][] col = new int[components][];
        for (int c = 0; c < components; c++) {
            first[c] = new int[rows[c].length + 1];
            List<Integer> cols = new java.util.ArrayList<>();
            for (int r = 0; r < rows[c].length; r++) {
                first[c][r] = cols.size();
                int i = rows[c][r];
                for (int j = 0; j < n; j++) {
                    if (u[0][i * n + j] != 0 || u[1][i * n + j] != 0) {
                        cols.add(j);
                    }
                }
            }
            first[c][rows[c].length] = cols.size();
            col[c] = cols.stream().mapToInt(Integer::intValue).toArray();
        }
        int count = 1 << bits * length;
        int mask = (1 << bits) - 1;
        double[][] values = new double[components][];
        for (int c = 0; c < components; c++) {
            values[c] = new double[2 * count * col[c].length];
        }
        for (int p = 0; p < count; p++) {
            double[][] b = keep[p & mask];
            for (int j = 1; j < length; j++) {
                b = multiply(keep[p >> j * bits & mask], b, n);
            }
            for (int c = 0; c < components; c++) {
                int entries = col[c].length;
                for (int r = 0; r < rows[c].length; r++) {
                    int i = rows[c][r];
                    for (int e = first[c][r]; e < first[c][r + 1]; e++) {
                        values[c][2 * (p * entries + e)] = b[0][i * n + col[c][e]];
                        values[c][2 * (p * entries + e) + 1] = b[1][i * n + col[c][e]];
                    }
                }
            }
        }
        return new PatternProducts(length, rows, first, col, values, Alias.of(probabilities(q, length)));
    }

    /** The probability of every pattern of starts over that many steps: bit j·bits + r is swap r's start in step j. */
    private static double[] probabilities(List<Double> q, int length) {
        int bits = q.size();
        double[] p = new double[1 << bits * length];
        for (int x = 0; x < p.length; x++) {
            double w = 1;
            for (int b = 0; b < bits * length; b++) {
                double e = q.get(b % bits);
                w *= (x >> b & 1) == 1 ? e : 1 - e;
            }
            p[x] = w;
        }
        return p;
    }

    private static double[][] multiply(double[][] a, double[][] b, int d) {
        double[][] out = new double[2][d * d];
        for (int i = 0; i < d; i++) {
            for (int k = 0; k < d; k++) {
                double ar = a[0][i * d + k];
                double ai = a[1][i * d + k];
                if (ar == 0 && ai == 0) {
                    continue;
                }
                for (int j = 0; j < d; j++) {
                    out[0][i * d + j] += ar * b[0][k * d + j] - ai * b[1][k * d + j];
                    out[1][i * d + j] += ar * b[1][k * d + j] + ai * b[0][k * d + j];
                }
            }
        }
        return out;
    }

    /**
     * @param rng the random stream (one number is taken where there is more than one pattern)
     * @return a pattern of starts, by its law
     */
    int draw(UniformRandomProvider rng) {
        return patterns.draw(rng);
    }

    /**
     * out = B_p·x and its squared norm, for an x that is 0 outside the components of {@code support}: only their rows
     * of out are written (the others stay as they are, which the caller keeps at 0). Allocates nothing.
     *
     * @param p the pattern
     * @param support bit c set where x may be non-zero in component c
     * @return ‖out‖²
     */
    double applyNorm(int p, long support, double[] xRe, double[] xIm, double[] outRe, double[] outIm) {
        double norm2 = 0;
        for (long m = support; m != 0; m &= m - 1) {
            int c = Long.numberOfTrailingZeros(m);
            double[] v = values[c];
            int[] f = first[c];
            int[] k = col[c];
            int[] r = rows[c];
            int o = 2 * p * k.length;
            for (int a = 0; a < r.length; a++) {
                double sRe = 0;
                double sIm = 0;
                for (int e = f[a]; e < f[a + 1]; e++) {
                    double re = v[o + 2 * e];
                    double im = v[o + 2 * e + 1];
                    sRe += re * xRe[k[e]] - im * xIm[k[e]];
                    sIm += re * xIm[k[e]] + im * xRe[k[e]];
                }
                outRe[r[a]] = sRe;
                outIm[r[a]] = sIm;
                norm2 += sRe * sRe + sIm * sIm;
            }
        }
        return norm2;
    }
}
