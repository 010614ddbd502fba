package qtm.exact;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;
import qtm.math.HermitianBasis;
import qtm.model.MachineChannel;

/**
 * The Lindblad generator of any machine (issue 24), L(ρ) = −i[H, ρ] + Σ γ (A ρ A† − ½{A†A, ρ}), as a real d²×d²
 * matrix in {@link HermitianBasis} coordinates, for d up to 32 (1024 × 1024).
 *
 * <p>{@link Liouvillian} builds its 16 columns by full complex products on basis matrices; at d = 32 that costs about
 * 1024 × (channels) × 32³ complex products, seconds of work. Here each column is written from the action on a matrix
 * unit, L(|i⟩⟨j|) = G|i⟩⟨j| + |i⟩⟨j|G† + Σ γ A|i⟩⟨j|A† with G = −iH − ½Σ γ A†A, and A's columns are kept sparse (a
 * Bohr component or a reset has a few entries per column), so the whole matrix costs O(d⁴) additions. The sum is the
 * same as Liouvillian's term by term; only the order of the floating-point additions differs.
 */
final class MachineGenerator {
    /** One nonzero √γ·A_ki of a channel, in column i. */
    private record Entry(int row, double re, double im) {
    }

    private final int d;
    private final double[] gRe;
    private final double[] gIm;
    /** columns.get(ch)[i]: the nonzero entries of √γ·A in column i, for each channel with γ &gt; 0. */
    private final List<Entry[][]> columns = new ArrayList<>();
    private final double[] outRe;
    private final double[] outIm;

    private MachineGenerator(ZMatrixRMaj h, List<MachineChannel> channels) {
        this(h.numRows);
        for (int k = 0; k < d; k++) {
            for (int i = 0; i < d; i++) {
                // −iH: (−i)(a + ib) = b − ia.
                gRe[k * d + i] = h.getImag(k, i);
                gIm[k * d + i] = -h.getReal(k, i);
            }
        }
        for (MachineChannel c : channels) {
            if (c.rate() > 0) {
                addNoJump(addJumps(c.operator(), c.rate()));
            }
        }
    }

    /** A generator of nothing (G = 0, no jumps) on d levels, to which jump terms are added. */
    private MachineGenerator(int d) {
        this.d = d;
        gRe = new double[d * d];
        gIm = new double[d * d];
        outRe = new double[d * d];
        outIm = new double[d * d];
    }

    /** Keeps the sparse columns of √γ·A for the jump term γ A ρ A†. */
    private Entry[][] addJumps(ZMatrixRMaj a, double rate) {
        double root = Math.sqrt(rate);
        Entry[][] cols = new Entry[d][];
        for (int i = 0; i < d; i++) {
            List<Entry> col = new ArrayList<>();
            for (int k = 0; k < d; k++) {
                double re = a.getReal(k, i);
                double im = a.getImag(k, i);
                if (re != 0 || im != 0) {
                    col.add(new Entry(k, root * re, root * im));
                }
            }
            cols[i] = col.toArray(new Entry[0]);
        }
        columns.add(cols);
        return cols;
    }

    private void addNoJump(Entry[][] cols) {
        // −½ γ A†A into G: (A†A)_ki = Σ_m conj(A_mk) A_mi.
        for (int k = 0; k < d; k++) {
            for (int i = 0; i < d; i++) {
                double re = 0;
                double im = 0;
                for (Entry x : cols[k]) {
                    for (Entry y : cols[i]) {
                        if (x.row == y.row) {
                            re += x.re * y.re + x.im * y.im;
                            im += x.re * y.im - x.im * y.re;
                        }
                    }
                }
                gRe[k * d + i] -= 0.5 * re;
                gIm[k * d + i] -= 0.5 * im;
            }
        }
    }

    /**
     * @param h the Hamiltonian, d×d Hermitian
     * @param channels the channels (those of rate 0 add nothing)
     * @param basis the coordinates, of dimension d
     * @return a new real matrix of L
     */
    static DMatrixRMaj of(ZMatrixRMaj h, List<MachineChannel> channels, HermitianBasis basis) {
        return new MachineGenerator(h, channels).assemble(basis);
    }

    /**
     * The jump part alone, J ρ = Σ γ A ρ A† over the given channels: the term a counting field tilts.
     *
     * @param channels the channels summed (those of rate 0 add nothing), all on the basis's dimension
     * @param basis the coordinates
     * @return a new real matrix of J
     */
    static DMatrixRMaj jumpTerm(List<MachineChannel> channels, HermitianBasis basis) {
        MachineGenerator g = new MachineGenerator(basis.dimension());
        for (MachineChannel c : channels) {
            if (c.rate() > 0) {
                g.addJumps(c.operator(), c.rate());
            }
        }
        return g.assemble(basis);
    }

    private DMatrixRMaj assemble(HermitianBasis basis) {
        int n = basis.size();
        DMatrixRMaj m = new DMatrixRMaj(n, n);
        double[] column = new double[n];
        for (int c = 0; c < n; c++) {
            Arrays.fill(outRe, 0);
            Arrays.fill(outIm, 0);
            int[] ij = basis.levels(c);
            int i = ij[0];
            int j = ij[1];
            if (c < d) {
                unit(i, i, 1, 0);
            } else if ((c - d) % 2 == 0) {
                // Re coordinate: B = |i⟩⟨j| + |j⟩⟨i|.
                unit(i, j, 1, 0);
                unit(j, i, 1, 0);
            } else {
                // Im coordinate: B = i|i⟩⟨j| − i|j⟩⟨i|.
                unit(i, j, 0, 1);
                unit(j, i, 0, -1);
            }
            read(basis, column);
            for (int r = 0; r < n; r++) {
                m.unsafe_set(r, c, column[r]);
            }
        }
        return m;
    }

    /** Adds (cr + i·ci)·L(|i⟩⟨j|) to the output buffer. */
    private void unit(int i, int j, double cr, double ci) {
        for (int k = 0; k < d; k++) {
            // G|i⟩⟨j|: G_ki at (k, j).
            add(k, j, cr, ci, gRe[k * d + i], gIm[k * d + i]);
            // |i⟩⟨j|G†: conj(G_kj) at (i, k).
            add(i, k, cr, ci, gRe[k * d + j], -gIm[k * d + j]);
        }
        for (Entry[][] cols : columns) {
            for (Entry x : cols[i]) {
                for (Entry y : cols[j]) {
                    // A|i⟩⟨j|A†: A_ki conj(A_lj) at (k, l).
                    add(x.row, y.row, cr, ci, x.re * y.re + x.im * y.im, x.im * y.re - x.re * y.im);
                }
            }
        }
    }

    private void add(int r, int c, double cr, double ci, double xr, double xi) {
        outRe[r * d + c] += cr * xr - ci * xi;
        outIm[r * d + c] += cr * xi + ci * xr;
    }

    private void read(HermitianBasis basis, double[] column) {
        int n = basis.size();
        for (int m = 0; m < n; m++) {
            int[] ij = basis.levels(m);
            int at = ij[0] * d + ij[1];
            column[m] = m < d || (m - d) % 2 == 0 ? outRe[at] : outIm[at];
        }
    }
}
