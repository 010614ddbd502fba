package qtm.cli;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.ZMatrixRMaj;
import qtm.model.Machine;
import qtm.model.MachineChannel;

/**
 * P(N = n, t) of one bath's detected count, written from scratch for the tests of issue 28: the count-resolved master
 * equation dρ_n/dt = −i(H_eff ρ_n − ρ_n H_eff†) + Σ_c γ_c [(1 − η_c) A_c ρ_n A_c† + η_c A_c ρ_{n−w_c} A_c†]
 * + (θ/2)(ρ_{n−1} + ρ_{n+1} − 2ρ_n), with H_eff = H − (i/2) Σ_c γ_c A_c†A_c, η_c = η and w_c the channel's count for
 * the bath's channels, η_c = 1 and w_c = 0 for the others; n is kept in [−K, K], and each step of the propagation is
 * e^{h𝓛} summed as its Taylor series in the operators and the shifts of n (the counts' channels move n by ±1).
 */
final class CountResolvedReference {
    private final int d;
    private final int k;
    private final double[] heffRe;
    private final double[] heffIm;
    private final List<double[][]> ops = new ArrayList<>();
    private final List<double[]> weights = new ArrayList<>();
    private final double theta;

    /**
     * @param m the machine
     * @param bath the counted bath's index
     * @param eta its efficiency
     * @param theta its dark rate
     * @param k the largest |n| kept
     */
    CountResolvedReference(Machine m, int bath, double eta, double theta, int k) {
        ZMatrixRMaj h = m.hamiltonian();
        d = h.numRows;
        this.k = k;
        this.theta = theta;
        heffRe = new double[d * d];
        heffIm = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                heffRe[i * d + j] = h.getReal(i, j);
                heffIm[i * d + j] = h.getImag(i, j);
            }
        }
        for (MachineChannel c : m.channels()) {
            if (c.rate() == 0) {
                continue;
            }
            double[] re = new double[d * d];
            double[] im = new double[d * d];
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    re[i * d + j] = c.operator().getReal(i, j);
                    im[i * d + j] = c.operator().getImag(i, j);
                }
            }
            // H_eff −= (i γ/2) A†A: (A†A)_ij = Σ_q conj(A_qi) A_qj.
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    double nr = 0;
                    double ni = 0;
                    for (int q = 0; q < d; q++) {
                        nr += re[q * d + i] * re[q * d + j] + im[q * d + i] * im[q * d + j];
                        ni += re[q * d + i] * im[q * d + j] - im[q * d + i] * re[q * d + j];
                    }
                    heffRe[i * d + j] += c.rate() / 2 * ni;
                    heffIm[i * d + j] -= c.rate() / 2 * nr;
                }
            }
            ops.add(new double[][] {re, im});
            boolean counted = c.bath() == bath && c.count() != 0;
            // {rate kept at n, rate moved to n + w, w}
            weights.add(counted ? new double[] {c.rate() * (1 - eta), c.rate() * eta, c.count()}
                    : new double[] {c.rate(), 0, 0});
        }
    }

    /** Shifts of the count a one-step propagator keeps: a step of 0.25 moves more only with probability < 1e-15. */
    private static final int SHIFTS = 10;
    /** Taylor terms of the one-step propagator. */
    private static final int ORDER = 40;

    /**
     * @param rho0 the initial state
     * @param times increasing multiples of the step
     * @param step the step of the propagator, e^{step·𝓛} as a Taylor series in the shifts of n
     * @return per time, P(n) for n = −K … K
     */
    double[][] distributions(ZMatrixRMaj rho0, double[] times, double step) {
        int blocks = 2 * k + 1;
        double[][][] u = propagator(step);
        double[][] y = new double[blocks][2 * d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                y[k][i * d + j] = rho0.getReal(i, j);
                y[k][d * d + i * d + j] = rho0.getImag(i, j);
            }
        }
        double[][] out = new double[times.length][];
        double t = 0;
        for (int q = 0; q < times.length; q++) {
            long steps = Math.round((times[q] - t) / step);
            for (long s = 0; s < steps; s++) {
                y = apply(u, y);
            }
            t = times[q];
            out[q] = new double[blocks];
            for (int n = 0; n < blocks; n++) {
                for (int i = 0; i < d; i++) {
                    out[q][n] += y[n][i * d + i];
                }
            }
        }
        return out;
    }

    /** y'_n = Σ_m U_m y_{n−m}, U_m at index m + SHIFTS; what leaves [−K, K] is dropped. */
    private static double[][] apply(double[][][] u, double[][] y) {
        int dim = y[0].length;
        double[][] out = new double[y.length][dim];
        for (int n = 0; n < y.length; n++) {
            for (int m = -SHIFTS; m <= SHIFTS; m++) {
                int from = n - m;
                if (from < 0 || from >= y.length) {
                    continue;
                }
                double[][] a = u[m + SHIFTS];
                double[] x = y[from];
                for (int r = 0; r < dim; r++) {
                    double s = 0;
                    for (int c = 0; c < dim; c++) {
                        s += a[r][c] * x[c];
                    }
                    out[n][r] += s;
                }
            }
        }
        return out;
    }

    /** e^{h𝓛} with 𝓛 = 𝓛₋ S⁻¹ + 𝓛₀ + 𝓛₊ S (S raises n by one), summed as Σ (h𝓛)^j / j! in powers of S. */
    private double[][][] propagator(double h) {
        double[][][] gen = generator();
        int dim = 2 * d * d;
        int width = 2 * SHIFTS + 1;
        double[][][] sum = new double[width][dim][dim];
        double[][][] term = new double[width][dim][dim];
        for (int r = 0; r < dim; r++) {
            sum[SHIFTS][r][r] = 1;
            term[SHIFTS][r][r] = 1;
        }
        for (int j = 1; j <= ORDER; j++) {
            double[][][] next = new double[width][dim][dim];
            for (int m = 0; m < width; m++) {
                for (int g = -1; g <= 1; g++) {
                    int to = m + g;
                    if (to < 0 || to >= width) {
                        continue;
                    }
                    multiplyAdd(gen[g + 1], term[m], h / j, next[to]);
                }
            }
            term = next;
            for (int m = 0; m < width; m++) {
                for (int r = 0; r < dim; r++) {
                    for (int c = 0; c < dim; c++) {
                        sum[m][r][c] += term[m][r][c];
                    }
                }
            }
        }
        return sum;
    }

    /** to += a·x·y. */
    private static void multiplyAdd(double[][] x, double[][] y, double a, double[][] to) {
        int dim = x.length;
        for (int r = 0; r < dim; r++) {
            for (int q = 0; q < dim; q++) {
                double v = a * x[r][q];
                if (v == 0) {
                    continue;
                }
                for (int c = 0; c < dim; c++) {
                    to[r][c] += v * y[q][c];
                }
            }
        }
    }

    /** {𝓛₋, 𝓛₀, 𝓛₊} as real matrices on (Re ρ, Im ρ), column by column from the action on each basis element. */
    private double[][][] generator() {
        int dim = 2 * d * d;
        double[][][] out = new double[3][dim][dim];
        for (int c = 0; c < dim; c++) {
            double[] e = new double[dim];
            e[c] = 1;
            double[][] y = new double[3][];
            y[0] = new double[dim];
            y[1] = e;
            y[2] = new double[dim];
            double[][] dy = rate(y);
            // The element sits at n = 0 (index 1): dy[1 + g] is what it sends to n = g.
            for (int g = 0; g < 3; g++) {
                for (int r = 0; r < dim; r++) {
                    out[g][r][c] = dy[g][r];
                }
            }
        }
        return out;
    }

    /** d/dt of (ρ_n) from the count-resolved master equation, with shifts of at most one. */
    private double[][] rate(double[][] y) {
        int dd = d * d;
        int blocks = y.length;
        double[][] dy = new double[blocks][2 * dd];
        for (int n = 0; n < blocks; n++) {
            double[] r = y[n];
            // −i(H_eff ρ − ρ H_eff†)
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    double ar = 0;
                    double ai = 0;
                    for (int q = 0; q < d; q++) {
                        double hr = heffRe[i * d + q];
                        double hi = heffIm[i * d + q];
                        double pr = r[q * d + j];
                        double pi = r[dd + q * d + j];
                        ar += hr * pr - hi * pi;
                        ai += hr * pi + hi * pr;
                        // (ρ H_eff†)_ij = Σ_q ρ_iq conj(H_eff)_jq
                        double sr = r[i * d + q];
                        double si = r[dd + i * d + q];
                        double gr = heffRe[j * d + q];
                        double gi = -heffIm[j * d + q];
                        ar -= sr * gr - si * gi;
                        ai -= sr * gi + si * gr;
                    }
                    dy[n][i * d + j] += ai;
                    dy[n][dd + i * d + j] -= ar;
                }
            }
            for (int c = 0; c < ops.size(); c++) {
                double[] jr = sandwich(ops.get(c), r);
                double[] w = weights.get(c);
                add(dy[n], w[0], jr);
                int to = n + (int) w[2];
                if (w[1] != 0 && to >= 0 && to < blocks) {
                    add(dy[to], w[1], jr);
                }
            }
            if (theta > 0) {
                add(dy[n], -theta, r);
                if (n + 1 < blocks) {
                    add(dy[n + 1], theta / 2, r);
                }
                if (n > 0) {
                    add(dy[n - 1], theta / 2, r);
                }
            }
        }
        return dy;
    }

    private static void add(double[] to, double a, double[] x) {
        for (int i = 0; i < to.length; i++) {
            to[i] += a * x[i];
        }
    }

    /** A ρ A†. */
    private double[] sandwich(double[][] a, double[] r) {
        int dd = d * d;
        double[] t = new double[2 * dd];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                for (int q = 0; q < d; q++) {
                    double xr = a[0][i * d + q];
                    double xi = a[1][i * d + q];
                    t[i * d + j] += xr * r[q * d + j] - xi * r[dd + q * d + j];
                    t[dd + i * d + j] += xr * r[dd + q * d + j] + xi * r[q * d + j];
                }
            }
        }
        double[] out = new double[2 * dd];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                for (int q = 0; q < d; q++) {
                    double yr = a[0][j * d + q];
                    double yi = -a[1][j * d + q];
                    out[i * d + j] += t[i * d + q] * yr - t[dd + i * d + q] * yi;
                    out[dd + i * d + j] += t[i * d + q] * yi + t[dd + i * d + q] * yr;
                }
            }
        }
        return out;
    }
}
