package qtm.exact;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import qtm.math.HermitianBasis;
import qtm.math.MatrixExp;
import qtm.math.Ops;
import qtm.math.RealVectors;
import qtm.model.BathKind;
import qtm.model.Machine;
import qtm.model.MachineChannel;
import qtm.model.Model;
import qtm.model.Side;
import qtm.model.TimeGrid;

/**
 * The exact references of homodyne detection (issue 29): each bath's mean homodyne current on the output grid from
 * the exact transient, and its stationary noise spectrum S_b(ω′) by the regression theorem, both for the infinitely
 * long record and for the finite window the estimator actually uses. Every channel j (L_j = √γ_j A_j, energy ω_j into
 * its bath b) is measured as c_j(t) = e^{−iφ_b} e^{iω_j t} L_j with efficiency η_b.
 *
 * <p>Mean current. Row k is (1/Δ) ∫_{t_{k−1}}^{t_k} Σ_{j∈b} √η_b Tr[(c_j + c_j†) ρ(t)] dt, the bin integral computed
 * exactly as ∫₀^Δ e^{(L + iω_j)s} ds ρ(t_{k−1}) (the exponential of an augmented matrix), not by quadrature; row 0 is 0.
 *
 * <p>Spectrum. S_b(ω′) = 1 + (1/K_b) Σ_{j,k∈b} η_b 2 Re ∫₀^∞ e^{iω′τ} C_jk(τ) dτ, with C_jk(τ) = Tr[(c_j + c_j†)(t+τ)
 * e^{Lτ} 𝒞_k(t) ρ∞] − ⟨…⟩⟨…⟩ and 𝒞_k ρ = c_k ρ + ρ c_k†. Expanded, C_jk has four terms: L_j or L_j† at the later time
 * (carrying e^{±iω_j τ}) times L_k ρ∞ or ρ∞ L_k† at the earlier one, each with a phase e^{i(±ω_j ± ω_k)t} in the
 * absolute time t. Only the terms whose absolute frequency is 0 are stationary; each integral is the reduced resolvent
 * Tr[X (L + iΩ)⁻¹(1 − P) Y] by one LU solve, no time integral. The others vanish for a machine that conserves
 * excitations (the symmetry e^{−iH₀t} · e^{iH₀t} of L): {@link #oscillating} measures them so that tests can assert it.
 *
 * <p>Window. The estimator sums a window of length T: its expectation is 1 + (1/K_b) Σ η_b 2 Re ∫₀^T (1 − τ/T)
 * e^{iω′τ} C_jk(τ) dτ, the Fejér-weighted integral, computed exactly from the resolvent as
 * [−B⁻¹ + B⁻²(e^{BT} − 1)/T](1 − P) with B = L + iΩ (one matrix exponential e^{LT}, then solves). This is the
 * continuous-time record; the engine's steps of dt change it by O(dt·rate) and O((ω′dt)²).
 */
public final class HomodyneExact {
    private final List<String> baths;
    private final int[] bathOf;
    private final int[] perBath;
    private final double[] phase;
    private final double[] efficiency;
    private final double[] energy;
    private final double[] norm;
    private final HermitianBasis basis;
    private final ZMatrixRMaj hamiltonian;
    private final DMatrixRMaj l;
    private final double[] rho;
    private final ShiftedGenerator shifted;
    /** Per channel: the functionals Tr[L_j ·] and Tr[L_j† ·], and the vectors L_j ρ∞ and ρ∞ L_j†. */
    private final double[][][] later;
    private final double[][][] laterDagger;
    private final double[][] left;
    private final double[][] right;
    private final Map<Double, DMatrixRMaj> windows = new HashMap<>();

    /**
     * @param h the Hamiltonian, d×d
     * @param channels every channel, all monitored, in the engine's order (their baths index {@code baths})
     * @param baths the baths' names
     * @param phase φ_b per bath, finite
     * @param efficiency η_b per bath, in (0, 1]
     * @throws IllegalArgumentException if the steady state is not unique, a bath has no channel, or a parameter is out
     *     of range
     */
    public HomodyneExact(ZMatrixRMaj h, List<MachineChannel> channels, List<String> baths, double[] phase,
            double[] efficiency) {
        if (phase.length != baths.size() || efficiency.length != baths.size()) {
            throw new IllegalArgumentException("one phase and one efficiency per bath");
        }
        for (int b = 0; b < baths.size(); b++) {
            if (!Double.isFinite(phase[b]) || !(efficiency[b] > 0 && efficiency[b] <= 1)) {
                throw new IllegalArgumentException("bath " + baths.get(b) + ": phase must be finite and efficiency in"
                        + " (0, 1]");
            }
        }
        this.baths = List.copyOf(baths);
        this.phase = phase.clone();
        this.efficiency = efficiency.clone();
        int m = channels.size();
        bathOf = new int[m];
        perBath = new int[baths.size()];
        energy = new double[m];
        norm = new double[m];
        basis = new HermitianBasis(h.numRows);
        hamiltonian = h.copy();
        l = MachineGenerator.of(h, channels, basis);
        rho = ShiftedGenerator.steady(l, basis);
        shifted = new ShiftedGenerator(l, basis, rho);
        ZMatrixRMaj rhoMatrix = basis.matrix(rho, new ZMatrixRMaj(h.numRows, h.numRows));
        later = new double[m][][];
        laterDagger = new double[m][][];
        left = new double[m][];
        right = new double[m][];
        for (int j = 0; j < m; j++) {
            MachineChannel c = channels.get(j);
            bathOf[j] = c.bath();
            perBath[c.bath()]++;
            energy[j] = c.energy();
            ZMatrixRMaj op = Ops.scale(Math.sqrt(c.rate()), 0, c.operator());
            ZMatrixRMaj dag = Ops.dagger(op);
            norm[j] = Ops.singularValues(op)[0];
            later[j] = shifted.functional(op);
            laterDagger[j] = shifted.functional(dag);
            left[j] = shifted.vector(Ops.mult(op, rhoMatrix));
            right[j] = shifted.vector(Ops.mult(rhoMatrix, dag));
        }
        for (int b = 0; b < perBath.length; b++) {
            if (perBath[b] == 0) {
                throw new IllegalArgumentException("bath " + baths.get(b) + " has no channel to homodyne");
            }
        }
    }

    /**
     * A preset's references: its baths cold and hot, its channels as the jump engine has them.
     *
     * @param model the preset (flux or dqd; the reset model has no channel to homodyne)
     * @param phase φ of cold and hot
     * @param efficiency η of cold and hot
     * @return the references
     */
    public static HomodyneExact of(Model model, double[] phase, double[] efficiency) {
        List<MachineChannel> channels = model.jumps().stream().map(j -> new MachineChannel(j.side().ordinal(),
                j.operator(), j.rate(), j.energy(), j.energy(), (int) Math.signum(j.energy()), j.label())).toList();
        return new HomodyneExact(model.hamiltonian(), channels, List.of(Side.COLD.key(), Side.HOT.key()), phase,
                efficiency);
    }

    /**
     * A machine's references, every channel of {@link Machine#channels()} monitored.
     *
     * @param machine the machine, whose baths are all bosonic
     * @param phase φ per bath, in bath order
     * @param efficiency η per bath
     * @return the references
     * @throws IllegalArgumentException if a bath is not bosonic
     */
    public static HomodyneExact of(Machine machine, double[] phase, double[] efficiency) {
        for (var b : machine.baths()) {
            if (b.kind() != BathKind.BOSONIC) {
                throw new IllegalArgumentException("bath " + b.name() + " is " + b.kind().key()
                        + ": only bosonic baths are homodyned");
            }
        }
        return new HomodyneExact(machine.hamiltonian(), machine.channels(),
                machine.baths().stream().map(b -> b.name()).toList(), phase, efficiency);
    }

    /** @return the baths' names */
    public List<String> baths() {
        return baths;
    }

    /** @return the bath of each channel, in the engine's order (the recorders' channel → bath map) */
    public int[] channelBaths() {
        return bathOf.clone();
    }

    /** @return the steady state ρ∞ (new matrix) */
    public ZMatrixRMaj steadyState() {
        int d = basis.dimension();
        return basis.matrix(rho, new ZMatrixRMaj(d, d));
    }

    /**
     * @param rho0 the initial state
     * @param grid the output grid
     * @return per bath, per grid point, the exact mean homodyne current of the bin that ends there (row 0: 0)
     */
    public double[][] meanCurrent(ZMatrixRMaj rho0, TimeGrid grid) {
        int n = basis.size();
        int points = grid.points();
        double delta = grid.step();
        DMatrixRMaj step = l.copy();
        CommonOps_DDRM.scale(delta, step);
        step = MatrixExp.exp(step);
        Map<Double, DMatrixRMaj> integrals = new HashMap<>();
        for (double w : energy) {
            integrals.computeIfAbsent(w, x -> shifted.binIntegral(x, delta));
        }
        double[][] out = new double[baths.size()][points];
        double[] v = basis.coordinates(rho0, new double[n]);
        double[] z = new double[2 * n];
        for (int k = 1; k < points; k++) {
            double t0 = grid.time(k - 1);
            System.arraycopy(v, 0, z, 0, n);
            for (int j = 0; j < energy.length; j++) {
                double[] u = RealVectors.mult(integrals.get(energy[j]), z);
                double[] tr = ShiftedGenerator.apply(later[j], u);
                // e^{iω_j t0} from the bin's start, e^{−iφ_b} from the oscillator: 2 Re of their product with Tr.
                double a = energy[j] * t0 - phase[bathOf[j]];
                double re = Math.cos(a) * tr[0] - Math.sin(a) * tr[1];
                out[bathOf[j]][k] += 2 * Math.sqrt(efficiency[bathOf[j]]) * re / delta;
            }
            v = RealVectors.mult(step, v);
        }
        return out;
    }

    /**
     * @param rho0 the initial state
     * @param t a time ≥ 0
     * @return the exact ρ(t) = e^{Lt} ρ0 (new matrix)
     */
    public ZMatrixRMaj stateAt(ZMatrixRMaj rho0, double t) {
        return shifted.evolve(rho0, t);
    }

    /**
     * @param bath the bath's index
     * @return a bound on its mean current, 2√η_b Σ_{j∈b} ‖√γ_j A_j‖ (for the recorder's fixed-point unit)
     */
    public double meanBound(int bath) {
        double a = 0;
        for (int j = 0; j < energy.length; j++) {
            if (bathOf[j] == bath) {
                a += norm[j];
            }
        }
        return 2 * Math.sqrt(efficiency[bath]) * a;
    }

    /**
     * @param bath the bath's index
     * @param omega ω′
     * @return the stationary spectrum S_b(ω′) of an infinitely long record (white noise: 1)
     */
    public double spectrum(int bath, double omega) {
        return 1 + correlated(bath, omega, shifted::resolvent);
    }

    /**
     * @param bath the bath's index
     * @param omega ω′
     * @param window the window's length T &gt; 0
     * @return the expectation of the periodogram of one window of length T at stationarity
     */
    public double windowed(int bath, double omega, double window) {
        DMatrixRMaj e = windows.computeIfAbsent(window, t -> {
            DMatrixRMaj x = l.copy();
            CommonOps_DDRM.scale(t, x);
            return MatrixExp.exp(x);
        });
        int n = basis.size();
        return 1 + correlated(bath, omega, (y, w) -> {
            double[] first = shifted.resolvent(y, w);
            // (e^{BT} − 1)(1 − P) y with e^{BT} = e^{iΩT} e^{LT}; −(1 − P)y = first's right-hand side.
            double[] p = new double[2 * n];
            double[] py = shifted.project(y);
            double[] eu = RealVectors.mult(e, java.util.Arrays.copyOfRange(py, 0, n));
            double[] ew = RealVectors.mult(e, java.util.Arrays.copyOfRange(py, n, 2 * n));
            double c = Math.cos(w * window);
            double s = Math.sin(w * window);
            for (int i = 0; i < n; i++) {
                p[i] = c * eu[i] - s * ew[i] - py[i];
                p[n + i] = s * eu[i] + c * ew[i] - py[n + i];
            }
            double[] twice = shifted.solve(shifted.solve(p, w), w);
            for (int i = 0; i < 2 * n; i++) {
                first[i] += twice[i] / window;
            }
            return first;
        });
    }

    /**
     * (1/K_b) Σ_{j,k∈b} η_b 2 Re Σ (the stationary terms) coefficient · Tr[X kernel(Y, Ω)].
     */
    private double correlated(int bath, double omega, BiFunction<double[], Double, double[]> kernel) {
        double sum = 0;
        double scale = scale();
        for (int j = 0; j < energy.length; j++) {
            for (int k = 0; k < energy.length; k++) {
                if (bathOf[j] != bath || bathOf[k] != bath) {
                    continue;
                }
                for (HomodyneTerm t : HomodyneTerm.values()) {
                    if (Math.abs(t.absolute(energy[j], energy[k])) > 1e-9 * scale) {
                        continue;
                    }
                    double[] tr = ShiftedGenerator.apply(later(t, j), kernel.apply(earlier(t, k),
                            omega + t.sign() * energy[j]));
                    double a = t.phase() * phase[bath];
                    sum += 2 * (Math.cos(a) * tr[0] - Math.sin(a) * tr[1]);
                }
            }
        }
        return efficiency[bath] * sum / perBath[bath];
    }

    /** @return the frequency scale below which an absolute frequency counts as 0 */
    private double scale() {
        double s = 1;
        for (double w : energy) {
            s = Math.max(s, Math.abs(w));
        }
        return s;
    }

    /**
     * The size of what the stationary spectrum leaves out because it oscillates in the absolute time: the largest
     * |Tr[X (1 − P) Y]| (τ = 0) and |Tr[X (L + iΩ)⁻¹(1 − P) Y]| over the terms of nonzero absolute frequency, and the
     * stationary means |Tr[L_j ρ∞]|. All vanish for a machine that conserves excitations.
     *
     * @param omega ω′ at which the resolvent terms are evaluated
     * @return the largest of them
     */
    public double oscillating(double omega) {
        double worst = 0;
        double scale = scale();
        for (int j = 0; j < energy.length; j++) {
            double[] mean = ShiftedGenerator.apply(later[j], java.util.Arrays.copyOf(rho, 2 * rho.length));
            worst = Math.max(worst, Math.hypot(mean[0], mean[1]));
            for (int k = 0; k < energy.length; k++) {
                if (bathOf[j] != bathOf[k]) {
                    continue;
                }
                for (HomodyneTerm t : HomodyneTerm.values()) {
                    if (Math.abs(t.absolute(energy[j], energy[k])) <= 1e-9 * scale) {
                        continue;
                    }
                    double[][] x = later(t, j);
                    double[] y = earlier(t, k);
                    double[] at0 = ShiftedGenerator.apply(x, shifted.project(y));
                    double[] res = ShiftedGenerator.apply(x, shifted.resolvent(y, omega + t.sign() * energy[j]));
                    worst = Math.max(worst, Math.max(Math.hypot(at0[0], at0[1]), Math.hypot(res[0], res[1])));
                }
            }
        }
        return worst;
    }

    /**
     * A bound on how far a window that starts at state ρ (not ρ∞) moves the periodogram's expectation from the
     * stationary one: |ΔE P_T| ≤ (4 η_b T / K_b) (Σ_{j∈b} ‖L_j‖)² ‖ρ − ρ∞‖₁. Each two-time term is linear in the earlier
     * state, ‖c_j + c_j†‖ ≤ 2‖L_j‖, 𝒞_k changes the trace norm by at most 2‖L_k‖, e^{Lτ} does not increase it
     * (and the later windows start nearer ρ∞), and the double integral over the window has area T².
     *
     * @param bath the bath's index
     * @param start the exact state where the first window starts
     * @param window its length T
     * @return the bound
     */
    public double transientBound(int bath, ZMatrixRMaj start, double window) {
        double a = meanBound(bath) / (2 * Math.sqrt(efficiency[bath]));
        return 4 * efficiency[bath] * window / perBath[bath] * a * a * distance(start);
    }

    /**
     * @param state a density matrix
     * @return ‖ρ − ρ∞‖₁
     */
    public double distance(ZMatrixRMaj state) {
        return shifted.distance(state);
    }

    /**
     * A default set of frequencies for the spectrum, evenly spaced from 0 to 4 (γ_max + 2 g_max), with γ_max the
     * largest ‖L_j‖² (a channel's rate) and g_max the largest off-diagonal |H_ik| (the exchange couplings): the scales
     * of the dynamics in the oscillators' frame, where the Bohr frequencies themselves are demodulated away. Only
     * ω′ ≥ 0: the measured currents are real, so S_b is even in ω′.
     *
     * @param points how many, ≥ 2
     * @return ω′ (new array)
     */
    public double[] frequencies(int points) {
        double rate = 0;
        for (double a : norm) {
            rate = Math.max(rate, a * a);
        }
        double g = 0;
        for (int i = 0; i < hamiltonian.numRows; i++) {
            for (int k = 0; k < hamiltonian.numCols; k++) {
                if (i != k) {
                    g = Math.max(g, Math.hypot(hamiltonian.getReal(i, k), hamiltonian.getImag(i, k)));
                }
            }
        }
        double[] out = new double[points];
        for (int i = 0; i < points; i++) {
            out[i] = 4 * (rate + 2 * g) * i / (points - 1);
        }
        return out;
    }

    private double[][] later(HomodyneTerm t, int j) {
        return t.sign() > 0 ? later[j] : laterDagger[j];
    }

    private double[] earlier(HomodyneTerm t, int k) {
        return t.left() ? left[k] : right[k];
    }
}
