package qtm.exact;

import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.UnaryOperator;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import qtm.math.HermitianBasis;
import qtm.math.MatrixExp;
import qtm.math.RealVectors;
import qtm.math.ToeplitzExp;
import qtm.model.Model;
import qtm.model.Side;

/**
 * Full counting statistics of the quanta and the heat that flow into one bath, from the tilted Liouvillian
 * L(s) = L + Σ_j (e^{s w_j} − 1) J_j, where J_j ρ = γ_j A_j ρ A_j† is the jump term of channel j of that bath and w_j
 * its weight: ν_j = ±1 (the sign of the energy it moves into the bath; 0 for a channel that moves none) to count
 * quanta N_k, or the energy itself to count heat Q_k. The scaled cumulant generating function is the eigenvalue of
 * L(s) that tends to 0, and its derivatives at s = 0 are the stationary cumulants per unit time (Rayleigh–Schrödinger
 * perturbation theory with the Drazin inverse of L). The finite-time moments of the count from an initial state are
 * the blocks of the exponential of a block upper-triangular matrix built of L and its s-derivatives L^(n) = Σ_j w_j^n J_j.
 * Everything works on real d²×d² matrices in {@link HermitianBasis} coordinates: 16×16 for a preset, built by
 * {@link PresetCounting}; any machine's, built by {@link MachineCounting}.
 */
public final class CountingStatistics {
    /** What is counted. */
    public enum Weight {
        /** ν = ±1 per quantum. */
        QUANTA,
        /** The energy each jump moves into the bath. */
        HEAT
    }

    /**
     * The first three cumulants per unit time as t → ∞.
     *
     * @param current c1 = lim ⟨X⟩/t
     * @param noise c2 = lim Var(X)/t
     * @param third c3 = lim ⟨⟨X³⟩⟩/t
     */
    public record Cumulants(double current, double noise, double third) {
    }

    private final HermitianBasis basis;
    private final DMatrixRMaj generator;
    /** L', L'', L''', L'''' for the bath and weight. */
    private final DMatrixRMaj[] derivatives;
    /**
     * Smallest |cumulant| / (sum of the |terms| it is made of) that is reported: below it more than 1e-7 of the
     * result would be rounding (each term carries about 1e-14 of itself).
     */
    public static final double RESOLUTION = 1e-7;
    private final double current;
    /** ρ∞ in Hermitian coordinates. */
    private final double[] steady;
    private final boolean uncoupled;
    private final boolean equilibrium;
    private final Weight weight;
    private final List<Jump> jumps;

    /**
     * One counted term: its weight (ν = ±1, or the heat) and J ρ = γ A ρ A† in Hermitian coordinates, of one channel
     * or of several of the same weight.
     *
     * @param nu the weight
     * @param term J
     */
    record Jump(double nu, DMatrixRMaj term) {
    }

    /**
     * What a counting problem is made of, whatever machine it comes from.
     *
     * @param basis the coordinates
     * @param generator L
     * @param jumps the counted terms, in the order their derivatives are summed
     * @param weight what is counted
     * @param steady ρ∞ in coordinates
     * @param current c1, or NaN to take it as ⟨L'⟩
     * @param uncoupled whether the count is bounded, so that every cumulant rate is 0
     * @param equilibrium whether detailed balance holds, so that the odd cumulants vanish
     */
    record Parts(HermitianBasis basis, DMatrixRMaj generator, List<Jump> jumps, Weight weight, double[] steady,
            double current, boolean uncoupled, boolean equilibrium) {
    }

    /**
     * @param model the machine
     * @param side the bath whose inflow is counted
     * @param weight quanta or heat
     */
    public CountingStatistics(Model model, Side side, Weight weight) {
        this(PresetCounting.parts(model, side, weight));
    }

    /** @param p the counting problem */
    CountingStatistics(Parts p) {
        basis = p.basis();
        generator = p.generator();
        int n = basis.size();
        derivatives = new DMatrixRMaj[] {new DMatrixRMaj(n, n), new DMatrixRMaj(n, n), new DMatrixRMaj(n, n),
            new DMatrixRMaj(n, n), new DMatrixRMaj(n, n), new DMatrixRMaj(n, n)};
        weight = p.weight();
        jumps = List.copyOf(p.jumps());
        for (Jump j : jumps) {
            for (int q = 0; q < derivatives.length; q++) {
                CommonOps_DDRM.addEquals(derivatives[q], Math.pow(j.nu(), q + 1), j.term());
            }
        }
        steady = p.steady();
        current = Double.isNaN(p.current()) ? ReducedResolvent.traceOf(basis.traceFunctional(), derivatives[0],
                steady) : p.current();
        uncoupled = p.uncoupled();
        equilibrium = p.equilibrium();
    }

    /**
     * The stationary cumulants: with ⟨X⟩ = Tr X ρ∞ and D the Drazin inverse of L,
     * c1 = ⟨L'⟩, c2 = ⟨L''⟩ − 2⟨L'DL'⟩,
     * c3 = ⟨L'''⟩ − 3⟨L''DL'⟩ − 3⟨L'DL''⟩ + 6⟨L'DL'DL'⟩ − 6 c1 ⟨L'D²L'⟩.
     *
     * @return c1 (from {@link CouplingCurrent}), c2, c3; a noise or third cumulant smaller than {@link #RESOLUTION} of
     *     the terms it is the difference of is NaN (unresolved in double precision: g far below the bath rates);
     *     without coupling all three are 0, and at equal temperatures c1 and c3 are 0 (detailed balance)
     */
    public Cumulants stationary() {
        double[] rho = steady;
        double[] trace = basis.traceFunctional();
        LinearSolverDense<DMatrixRMaj> solver = ReducedResolvent.shifted(generator, rho, trace);
        if (solver == null) {
            throw new IllegalArgumentException("the steady state is not unique");
        }
        UnaryOperator<double[]> drazin = ReducedResolvent.drazin(solver, rho, trace);
        DMatrixRMaj l1 = derivatives[0];
        DMatrixRMaj l2 = derivatives[1];
        DMatrixRMaj l3 = derivatives[2];
        // The current from the coupling, not ⟨L'⟩: the jump rates nearly cancel where the current is small.
        double c1 = current;
        if (uncoupled) {
            // Each qubit alone with its bath: the count changes by at most one quantum net, so every rate is 0.
            return new Cumulants(0.0, 0.0, 0.0);
        }
        double[] l1r = RealVectors.mult(l1, rho);
        double[] dl1r = drazin.apply(l1r);
        double a2 = ReducedResolvent.traceOf(trace, l2, rho);
        double b2 = 2 * ReducedResolvent.traceOf(trace, l1, dl1r);
        // Each is a difference of terms of the size of the gross flow (see ReducedResolvent.resolved).
        double c2 = ReducedResolvent.resolved(a2 - b2, Math.abs(a2) + Math.abs(b2));
        double[] dl2r = drazin.apply(RealVectors.mult(l2, rho));
        double[] ddl1r = drazin.apply(dl1r);
        double[] dl1dl1r = drazin.apply(RealVectors.mult(l1, dl1r));
        double[] t3 = {ReducedResolvent.traceOf(trace, l3, rho),
            -3 * ReducedResolvent.traceOf(trace, l2, dl1r),
            -3 * ReducedResolvent.traceOf(trace, l1, dl2r),
            6 * ReducedResolvent.traceOf(trace, l1, dl1dl1r),
            -6 * c1 * ReducedResolvent.traceOf(trace, l1, ddl1r)};
        // Detailed balance: the generating function is even, and so the odd cumulants vanish.
        double c3 = equilibrium ? 0.0 : ReducedResolvent.resolvedSum(t3);
        return new Cumulants(c1, c2, c3);
    }

    /**
     * The first {@code order} raw moments E[X(t)^m] of the count from ρ0 at time t, from the exponential of the
     * block upper-triangular matrix T with T_{i,i+m} = L^(m)/m!, whose block (0, m) of e^{Tt} is the s^m coefficient
     * of e^{L(s)t}.
     *
     * @param rho0 the initial state
     * @param t the time, ≥ 0
     * @param order 1 to 3
     * @return E[X], E[X²], … up to the order
     */
    public double[] moments(ZMatrixRMaj rho0, double t, int order) {
        if (order < 1 || order > 3) {
            throw new IllegalArgumentException("order 1 to 3");
        }
        int n = basis.size();
        DMatrixRMaj[] e = ToeplitzExp.exp(blocks(order, t));
        double[] x0 = basis.coordinates(rho0, new double[n]);
        return rawMoments(basis.traceFunctional(), order, m -> {
            double[] v = new double[n];
            for (int r = 0; r < n; r++) {
                for (int c = 0; c < n; c++) {
                    v[r] += e[m].get(r, c) * x0[c];
                }
            }
            return v;
        });
    }

    /**
     * The block upper-triangular matrix T·t with T_{i,i+m} = L^(m)/m! for m ≤ order, by its first block row (it is
     * block-Toeplitz): block (0, m) of its exponential is the s^m coefficient of e^{L(s)t}.
     */
    private DMatrixRMaj[] blocks(int order, double t) {
        int n = basis.size();
        DMatrixRMaj[] row = new DMatrixRMaj[order + 1];
        double factorial = 1;
        for (int m = 0; m <= order; m++) {
            factorial *= Math.max(1, m);
            DMatrixRMaj block = m == 0 ? generator : derivatives[m - 1];
            row[m] = new DMatrixRMaj(n, n);
            for (int r = 0; r < n; r++) {
                for (int c = 0; c < n; c++) {
                    row[m].set(r, c, t * block.get(r, c) / factorial);
                }
            }
        }
        return row;
    }

    /** Moments carried on the grid: the sixth is the null third moment of a sample variance's test. */
    static final int GRID_ORDER = 6;

    /**
     * The mean, variance and higher central moments of the count on every point of a uniform grid, from ρ0: the
     * stacked vector w(t) = e^{Tt}(0, …, 0, ρ0) of the order-6 block matrix T is advanced by one e^{TΔt} per step,
     * and its blocks give E[X(t)^m] = m! Tr w_{6−m}.
     *
     * @param rho0 the initial state
     * @param grid the output grid
     * @return per t_k, {@link #central(double[])} of the first six moments
     */
    public double[][] onGrid(ZMatrixRMaj rho0, qtm.model.TimeGrid grid) {
        int n = basis.size();
        int order = GRID_ORDER;
        DMatrixRMaj[] step = ToeplitzExp.exp(blocks(order, grid.step()));
        double[] w = new double[(order + 1) * n];
        System.arraycopy(basis.coordinates(rho0, new double[n]), 0, w, order * n, n);
        double[] trace = basis.traceFunctional();
        double[][] out = new double[grid.points()][];
        for (int k = 0; k < grid.points(); k++) {
            if (k > 0) {
                w = ToeplitzExp.mult(step, w);
            }
            double[] stacked = w;
            out[k] = central(rawMoments(trace, order, m -> Arrays.copyOfRange(stacked, (order - m) * n,
                    (order - m + 1) * n)));
        }
        return out;
    }

    /**
     * @param raw E X … E X⁶, in that order
     * @return {mean, variance, E(X − EX)⁴, E(X − EX)³, E(X − EX)⁶}, the even ones never below 0
     */
    static double[] central(double[] raw) {
        return CountMoments.central(raw);
    }

    /**
     * The raw moments from the Taylor coefficients of the tilted state in the counting field: E[Xᵐ] = m! Tr c_m. The
     * one place where both the master equation's and the collision map's finite-time moments are read off.
     *
     * @param trace ⟨1| in Hermitian coordinates
     * @param order how many moments
     * @param coefficient m ↦ c_m in Hermitian coordinates, m = 1 … order
     * @return E[X], E[X²], … up to the order
     */
    static double[] rawMoments(double[] trace, int order, IntFunction<double[]> coefficient) {
        double[] out = new double[order];
        double factorial = 1;
        for (int m = 1; m <= order; m++) {
            factorial *= m;
            out[m - 1] = factorial * RealVectors.dot(trace, coefficient.apply(m));
        }
        return out;
    }

    /**
     * The distribution P(N = n, t) of the net number of quanta (weight {@link Weight#QUANTA}) by Fourier inversion:
     * p(χ) = Tr e^{L(iχ)t} ρ0 at M equally spaced χ, P(n) = (1/M) Σ_m p(χ_m) e^{−inχ_m}, with M a power of two
     * that covers mean ± 12 standard deviations plus 64, so that the aliased tails are far below double rounding.
     * The tilted generator is complex; it is exponentiated as the real matrix [[Re, −Im], [Im, Re]].
     *
     * @param rho0 the initial state
     * @param t the time, ≥ 0
     * @return the distribution from n = {@code first} on
     */
    public Distribution distribution(ZMatrixRMaj rho0, double t) {
        return distribution(rho0, t, window(rho0, t), false);
    }

    /**
     * As {@link #distribution(ZMatrixRMaj, double)} in a window already found.
     *
     * @param rho0 the initial state
     * @param t the time, ≥ 0
     * @param window from {@link #window}
     * @param conjugate whether p(−χ) is taken as the conjugate of p(χ), which it is (L and J are real in Hermitian
     *     coordinates), halving the exponentials
     * @return the distribution from n = {@code window.first()} on
     */
    public Distribution distribution(ZMatrixRMaj rho0, double t, Window window, boolean conjugate) {
        if (weight != Weight.QUANTA) {
            throw new IllegalStateException("the distribution is of the net number of quanta");
        }
        return new TiltedCounts(basis, generator, jumps).distribution(rho0, t, window.first(), window.size(),
                conjugate);
    }

    /**
     * The values of n a distribution is computed over, and the number of Fourier points M (a power of two).
     *
     * @param first the smallest n
     * @param size M
     */
    public record Window(long first, int size) {
        /**
         * @param conjugate whether the conjugate symmetry halves the samples
         * @return how many exponentials the inversion takes
         */
        public int exponentials(boolean conjugate) {
            return conjugate ? size / 2 + 1 : size;
        }
    }

    /**
     * @param rho0 the initial state
     * @param t the time, ≥ 0
     * @return the window of n for the distribution at t: mean ± 12 sd ± 32 from the first two moments
     * @throws IllegalArgumentException if it holds more than {@link #MAX_VALUES} values
     */
    public Window window(ZMatrixRMaj rho0, double t) {
        long[] window = FourierInversion.window(moments(rho0, t, 2), FourierInversion.UNBOUNDED, "at t = " + t);
        return new Window(window[0], Integer.highestOneBit((int) (window[1] - window[0] + 1)) << 1);
    }

    /**
     * The floating-point work of the exponentials behind the finite-time statistics ({@link MatrixExp#work}), so that
     * a caller can refuse what would run too long before it starts.
     *
     * @param order the order of the block matrix: 2 for {@link #window}, {@value #GRID_ORDER} for {@link #onGrid}, 0
     *     for one exponential of the tilted generator of {@link #distribution} (then of size 2d² × 2d²)
     * @param t the time of the exponential
     * @return its estimated floating-point operations
     */
    public double work(int order, double t) {
        int n = basis.size();
        double norm = NormOps_DDRM.inducedP1(generator);
        for (int m = 0; m < Math.max(order, 2); m++) {
            norm += NormOps_DDRM.inducedP1(derivatives[m]);
        }
        return MatrixExp.work(order == 0 ? 2 * n : (order + 1) * n, t * norm);
    }

    /** Most values of n a distribution is computed over (2^12 exponentials of a 32×32 matrix). */
    public static final int MAX_VALUES = 1 << 12;

    /**
     * P(N = first + i) = p[i].
     *
     * @param first the smallest n held
     * @param p the probabilities
     */
    public record Distribution(long first, double[] p) {
        /**
         * The inverse discrete Fourier transform of a generating function sampled at χ_q = 2πq/M:
         * P(n) = (1/M) Σ_q p(χ_q) e^{−inχ_q} for n = first … first + M − 1.
         *
         * @param first the smallest n
         * @param re Re p(χ_q), q = 0 … M − 1
         * @param im Im p(χ_q)
         * @return the distribution
         */
        public static Distribution invert(long first, double[] re, double[] im) {
            int size = re.length;
            double[] p = new double[size];
            for (int j = 0; j < size; j++) {
                long nn = Math.floorMod(first + j, (long) size);
                double s = 0;
                for (int q = 0; q < size; q++) {
                    double phase = -2 * Math.PI * (nn * q % size) / size;
                    s += re[q] * Math.cos(phase) - im[q] * Math.sin(phase);
                }
                p[j] = s / size;
            }
            return new Distribution(first, p);
        }
    }

    /** @return the s-derivatives L', L'', L''' of the tilted generator at s = 0, as copies */
    public List<DMatrixRMaj> derivatives() {
        return List.of(derivatives[0].copy(), derivatives[1].copy(), derivatives[2].copy());
    }
}
