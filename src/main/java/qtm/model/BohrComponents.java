package qtm.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ejml.data.ZMatrixRMaj;
import qtm.math.Hermitian;

/**
 * The Bohr components of a bath's coupling operator X with respect to a Hamiltonian, grouped into channels exactly as
 * issue 24 prescribes, so that an independent implementation of its text finds the same channels: a component
 * Π_a X Π_b (Π the eigenprojectors) lowers the energy by ω = ε_b − ε_a; the positive frequencies are sorted, a gap
 * larger than {@value #RELATIVE_GAP} × max(1, largest |ω|) starts a new channel A_ω (the sum of the components in it),
 * and the components that the same rule joins to ω = 0 are dropped.
 *
 * <p>When H is diagonal (H₀ of the local approach, or a machine without exchange) its eigenvectors are the basis
 * states, and each component is one entry X_ij|i⟩⟨j| at ω = H_jj − H_ii, computed without rounding beyond that
 * difference. Otherwise H is diagonalised through {@link Hermitian#embedded} (Jacobi on the real embedding; neither
 * EJML nor Commons Math has a complex Hermitian eigensolver): every pair (k, l) of its 2d eigenvectors contributes
 * (w_kᵀ X w_l) w_k w_lᵀ, and summing the pairs of a frequency group gives the embedding of Σ Π_a X Π_b whatever basis
 * the solver chose inside degenerate eigenspaces. Pairs whose matrix element is below {@value #NEGLIGIBLE} of the
 * largest are rounding noise of exact zeros (selection rules) and are left out, so that they neither add empty
 * channels nor widen the largest |ω|.
 */
public final class BohrComponents {
    /** The grouping tolerance relative to max(1, largest |ω|), from the issue. */
    public static final double RELATIVE_GAP = 1e-9;
    /** Matrix elements of the eigenbasis path below this fraction of the largest are taken as exact zeros. */
    public static final double NEGLIGIBLE = 1e-12;

    private BohrComponents() {
    }

    /**
     * One channel: A_ω and its frequency.
     *
     * @param frequency ω &gt; 0, the energy one application of A_ω removes from the system (the mean of its
     *        components' frequencies)
     * @param operator A_ω, d×d
     */
    public record Channel(double frequency, ZMatrixRMaj operator) {
    }

    /** A component: the element re + i·im at (row, col) of the working basis, lowering the energy by omega. */
    private record Component(int row, int col, double re, double im, double omega) {
    }

    /**
     * @param x the coupling operator, d×d Hermitian
     * @param h the Hamiltonian, d×d Hermitian
     * @return the channels in rising frequency
     */
    public static List<Channel> of(ZMatrixRMaj x, ZMatrixRMaj h) {
        if (x.numRows != h.numRows || x.numCols != h.numCols || h.numRows != h.numCols) {
            throw new IllegalArgumentException("X and H must be square and of the same size");
        }
        return isDiagonal(h) ? diagonal(x, h) : eigenbasis(x, h);
    }

    private static boolean isDiagonal(ZMatrixRMaj h) {
        int d = h.numRows;
        for (int i = 0; i < d; i++) {
            if (h.getImag(i, i) != 0) {
                return false;
            }
            for (int j = 0; j < d; j++) {
                if (i != j && (h.getReal(i, j) != 0 || h.getImag(i, j) != 0)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static List<Channel> diagonal(ZMatrixRMaj x, ZMatrixRMaj h) {
        int d = h.numRows;
        List<Component> all = new ArrayList<>();
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double re = x.getReal(i, j);
                double im = x.getImag(i, j);
                if (re != 0 || im != 0) {
                    all.add(new Component(i, j, re, im, h.getReal(j, j) - h.getReal(i, i)));
                }
            }
        }
        List<Channel> out = new ArrayList<>();
        for (List<Component> group : group(all)) {
            ZMatrixRMaj a = new ZMatrixRMaj(d, d);
            for (Component c : group) {
                a.set(c.row(), c.col(), a.getReal(c.row(), c.col()) + c.re(), a.getImag(c.row(), c.col()) + c.im());
            }
            out.add(new Channel(frequency(group), a));
        }
        return out;
    }

    private static List<Channel> eigenbasis(ZMatrixRMaj x, ZMatrixRMaj h) {
        int d = h.numRows;
        int n = 2 * d;
        Hermitian.Eigen eig = Hermitian.embedded(h);
        double[][] v = eig.v();
        double[] lambda = eig.values();
        double[][] xm = embed(x);
        // y = Vᵀ X V: the matrix elements of X between the embedding's eigenvectors.
        double[][] xv = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int l = 0; l < n; l++) {
                double s = 0;
                for (int m = 0; m < n; m++) {
                    s += xm[i][m] * v[m][l];
                }
                xv[i][l] = s;
            }
        }
        double[][] y = new double[n][n];
        double largest = 0;
        for (int k = 0; k < n; k++) {
            for (int l = 0; l < n; l++) {
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += v[i][k] * xv[i][l];
                }
                y[k][l] = s;
                largest = Math.max(largest, Math.abs(s));
            }
        }
        List<Component> all = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            for (int l = 0; l < n; l++) {
                if (Math.abs(y[k][l]) > NEGLIGIBLE * largest) {
                    all.add(new Component(k, l, y[k][l], 0.0, lambda[l] - lambda[k]));
                }
            }
        }
        List<Channel> out = new ArrayList<>();
        for (List<Component> group : group(all)) {
            // A_M = V C Vᵀ with C the group's elements; then A from the blocks of [[Re, −Im], [Im, Re]].
            double[][] vc = new double[n][n];
            for (Component c : group) {
                for (int i = 0; i < n; i++) {
                    vc[i][c.col()] += v[i][c.row()] * c.re();
                }
            }
            double[][] am = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double s = 0;
                    for (int l = 0; l < n; l++) {
                        s += vc[i][l] * v[j][l];
                    }
                    am[i][j] = s;
                }
            }
            ZMatrixRMaj a = new ZMatrixRMaj(d, d);
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    a.set(i, j, 0.5 * (am[i][j] + am[d + i][d + j]), 0.5 * (am[d + i][j] - am[i][d + j]));
                }
            }
            out.add(new Channel(frequency(group), a));
        }
        return out;
    }

    private static double[][] embed(ZMatrixRMaj x) {
        int d = x.numRows;
        double[][] m = new double[2 * d][2 * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double re = x.getReal(i, j);
                double im = x.getImag(i, j);
                m[i][j] = re;
                m[d + i][d + j] = re;
                m[i][d + j] = -im;
                m[d + i][j] = im;
            }
        }
        return m;
    }

    /**
     * The grouping: tolerance from the largest |ω| of all components, positive frequencies sorted, those
     * chained to 0 dropped, a new group at every gap above the tolerance.
     */
    private static List<List<Component>> group(List<Component> all) {
        double largest = 0;
        for (Component c : all) {
            largest = Math.max(largest, Math.abs(c.omega()));
        }
        double tol = tolerance(largest);
        Component[] positive = all.stream().filter(c -> c.omega() > 0).toArray(Component[]::new);
        Arrays.sort(positive, (p, q) -> Double.compare(p.omega(), q.omega()));
        List<List<Component>> groups = new ArrayList<>();
        double previous = 0.0;
        boolean zero = true;
        for (Component c : positive) {
            if (c.omega() - previous > tol) {
                zero = false;
                groups.add(new ArrayList<>());
            }
            if (!zero) {
                groups.get(groups.size() - 1).add(c);
            }
            previous = c.omega();
        }
        return groups;
    }

    /**
     * @param largest the largest |ω| of a bath's components
     * @return the gap above which two sorted frequencies belong to different channels
     */
    public static double tolerance(double largest) {
        return RELATIVE_GAP * Math.max(1.0, largest);
    }

    /** ω_first + mean(ω − ω_first): the mean, and exactly ω when all components share it. */
    private static double frequency(List<Component> group) {
        double first = group.get(0).omega();
        double shift = 0;
        for (Component c : group) {
            shift += c.omega() - first;
        }
        return first + shift / group.size();
    }
}
