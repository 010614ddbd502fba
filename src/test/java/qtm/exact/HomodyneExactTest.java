package qtm.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;
import qtm.model.Bath;
import qtm.model.FluxModel;
import qtm.model.MachineChannel;
import qtm.model.Model;
import qtm.model.TimeGrid;

/**
 * The homodyne references (issue 29) against results written here from scratch: a damped qubit's closed forms, and
 * on the flux preset a brute-force Runge–Kutta integration of the master equation and of the two-time correlation
 * with the measured operators' explicit absolute time.
 */
class HomodyneExactTest {
    private static final Model FLUX = new FluxModel(1, 0.05, new Bath(0.5, 0.07), new Bath(2, 0.02));

    /** A qubit, |g⟩ = 0 and |e⟩ = 1, H = E|e⟩⟨e|, σ− at γ↓ (energy E into the bath) and σ+ at γ↑ (−E). */
    private static HomodyneExact qubit(double e, double down, double up, double phi, double eta) {
        ZMatrixRMaj h = new ZMatrixRMaj(2, 2);
        h.set(1, 1, e, 0);
        ZMatrixRMaj lower = new ZMatrixRMaj(2, 2);
        lower.set(0, 1, 1, 0);
        ZMatrixRMaj raise = new ZMatrixRMaj(2, 2);
        raise.set(1, 0, 1, 0);
        return new HomodyneExact(h, List.of(new MachineChannel(0, lower, down, e, e, 1, "-"),
                new MachineChannel(0, raise, up, -e, -e, -1, "+")), List.of("bath"), new double[] {phi},
                new double[] {eta});
    }

    /**
     * The damped qubit's spectrum in closed form. In the frame of the oscillators both coherences decay at Γ/2,
     * Γ = γ↓ + γ↑, and the means vanish at stationarity. With c₁ = e^{−iφ}e^{iEt}√γ↓σ−, c₂ = e^{−iφ}e^{−iEt}√γ↑σ+,
     * the stationary terms of C_jk(τ) are: j = k = 1, γ↓ p_e e^{−Γτ/2} twice (Tr[σ−e^{Lτ}ρσ+], Tr[σ+e^{Lτ}σ−ρ]);
     * j = k = 2, γ↑ p_g e^{−Γτ/2} twice; and the pairs j ≠ k, whose absolute phases e^{±i(E − E)t} cancel,
     * 2cos2φ √(γ↓γ↑) (p_g + p_e) e^{−Γτ/2}. With γ↓p_e = γ↑p_g = γ↓γ↑/Γ, summed over j, k:
     * G(τ) = G₀ e^{−Γτ/2}, G₀ = 2η(2γ↓γ↑/Γ + cos2φ √(γ↓γ↑)), and with K = 2,
     * S(ω′) = 1 + Re G₀/(Γ/2 − iω′) = 1 + G₀ (Γ/2)/((Γ/2)² + ω′²): flat at T = 0 (γ↑ = 0), as vacuum gives shot noise.
     * A window of length T weighs τ by 1 − τ/T: ∫₀^T (1 − τ/T) e^{−aτ} dτ = 1/a − (1 − e^{−aT})/(a²T), a = Γ/2 − iω′.
     */
    @Test
    void dampedQubitSpectrumIsTheClosedLorentzian() {
        double down = 0.3;
        double up = 0.12;
        double gamma = down + up;
        for (double phi : new double[] {0, 0.7, Math.PI / 2}) {
            double eta = 0.8;
            HomodyneExact x = qubit(1.3, down, up, phi, eta);
            double g0 = 2 * eta * (2 * down * up / gamma + Math.cos(2 * phi) * Math.sqrt(down * up));
            for (double w : new double[] {0, 0.1, 0.25, 1, -0.4}) {
                double half = gamma / 2;
                double expected = 1 + g0 * half / (half * half + w * w);
                assertEquals(expected, x.spectrum(0, w), 1e-12, "phi " + phi + " w " + w);
                double t = 7.5;
                // Re[G0 (1/a − (1 − e^{−aT})/(a²T))] with a = half − iw.
                org.apache.commons.math3.complex.Complex a = new org.apache.commons.math3.complex.Complex(half, -w);
                org.apache.commons.math3.complex.Complex win = a.reciprocal().subtract(
                        org.apache.commons.math3.complex.Complex.ONE.subtract(a.multiply(-t).exp())
                                .divide(a.multiply(a).multiply(t)));
                assertEquals(1 + g0 * win.getReal(), x.windowed(0, w, t), 1e-12, "window, phi " + phi + " w " + w);
            }
            assertTrue(x.oscillating(0.3) < 1e-13);
        }
        assertEquals(1.0, qubit(1.3, 0.3, 0, 0.4, 1).spectrum(0, 0.2), 1e-12, "vacuum: shot noise only");
        // A channel that is no eigenoperator of the free rotation (σx at ω = 1.3) breaks the symmetry: the term
        // Tr[σx (1 − P) σx ρ∞] = 1 at absolute frequency 2ω is what oscillating() must see.
        ZMatrixRMaj h = new ZMatrixRMaj(2, 2);
        h.set(1, 1, 1.3, 0);
        ZMatrixRMaj x = new ZMatrixRMaj(2, 2);
        x.set(0, 1, 1, 0);
        x.set(1, 0, 1, 0);
        HomodyneExact broken = new HomodyneExact(h, List.of(new MachineChannel(0, x, 0.3, 1.3, 1.3, 1, "x")),
                List.of("bath"), new double[] {0}, new double[] {1});
        assertTrue(broken.oscillating(0) > 0.1, "oscillating " + broken.oscillating(0));
    }

    /**
     * The damped qubit from |+⟩: ρ_eg(t) = ½ e^{−iEt − Γt/2}, so Tr[c₁ρ] = Tr[c₂ρ]* ... both give ½e^{−iφ}√γ e^{−Γt/2}
     * and the current is √η cosφ (√γ↓ + √γ↑) e^{−Γt/2}, whose bin average is that times (2/(ΓΔ))(e^{Γ/2·Δ} − 1)
     * evaluated from the bin's end.
     */
    @Test
    void dampedQubitMeanCurrentFromPlus() {
        double down = 0.3;
        double up = 0.12;
        double gamma = down + up;
        ZMatrixRMaj plus = new ZMatrixRMaj(2, 2);
        plus.set(0, 0, 0.5, 0);
        plus.set(0, 1, 0.5, 0);
        plus.set(1, 0, 0.5, 0);
        plus.set(1, 1, 0.5, 0);
        TimeGrid grid = new TimeGrid(4, 9);
        for (double phi : new double[] {0, 1.1, 2.5}) {
            double eta = 0.64;
            double[] c = qubit(1.3, down, up, phi, eta).meanCurrent(plus, grid)[0];
            assertEquals(0, c[0]);
            for (int k = 1; k < grid.points(); k++) {
                double a = grid.time(k - 1);
                double b = grid.time(k);
                double integral = 2 / gamma * (Math.exp(-gamma * a / 2) - Math.exp(-gamma * b / 2));
                double expected = Math.sqrt(eta) * Math.cos(phi) * (Math.sqrt(down) + Math.sqrt(up)) * integral
                        / (b - a);
                assertEquals(expected, c[k], 1e-12, "phi " + phi + " bin " + k);
            }
        }
    }

    /** A brute-force Lindbladian on complex matrices, written here. */
    private static ZMatrixRMaj lindblad(ZMatrixRMaj h, List<MachineChannel> channels, ZMatrixRMaj rho) {
        ZMatrixRMaj out = BruteForce.add(BruteForce.times(0, -1, BruteForce.mult(h, rho)),
                BruteForce.times(0, 1, BruteForce.mult(rho, h)));
        for (MachineChannel j : channels) {
            ZMatrixRMaj a = j.operator();
            ZMatrixRMaj ad = BruteForce.dagger(a);
            ZMatrixRMaj ada = BruteForce.mult(ad, a);
            ZMatrixRMaj term = BruteForce.add(BruteForce.mult(BruteForce.mult(a, rho), ad), BruteForce.times(-0.5, 0,
                    BruteForce.add(BruteForce.mult(ada, rho), BruteForce.mult(rho, ada))));
            out = BruteForce.add(out, BruteForce.times(j.rate(), 0, term));
        }
        return out;
    }

    /** One step of e^{Lh} by its Taylor series to order 9: for ‖L‖h ≤ 0.1 the remainder is below 1e-15. */
    private static ZMatrixRMaj step(ZMatrixRMaj h, List<MachineChannel> channels, ZMatrixRMaj rho, double dt) {
        ZMatrixRMaj sum = rho.copy();
        ZMatrixRMaj term = rho;
        for (int n = 1; n <= 9; n++) {
            term = BruteForce.times(dt / n, 0, lindblad(h, channels, term));
            sum = BruteForce.add(sum, term);
        }
        return sum;
    }

    private static List<MachineChannel> channels(Model m) {
        return m.jumps().stream().map(j -> new MachineChannel(j.side().ordinal(), j.operator(), j.rate(), j.energy(),
                j.energy(), (int) Math.signum(j.energy()), j.label())).toList();
    }

    /** c_j(t) = e^{−iφ} e^{iω_j t} √γ A_j. */
    private static ZMatrixRMaj measured(MachineChannel j, double phi, double t) {
        double a = j.energy() * t - phi;
        return BruteForce.times(Math.sqrt(j.rate()) * Math.cos(a), Math.sqrt(j.rate()) * Math.sin(a), j.operator());
    }

    /**
     * The flux preset's mean current from (|00⟩ + |10⟩)/√2, against a Taylor step of e^{Lh} (h = 0.005) on the brute-force
     * Lindbladian and Simpson's rule over each bin, for three phases: it is 2√η Re e^{−iφ}(…), so its φ dependence is
     * a cosine, and no sum over channels is shared with the production code.
     */
    @Test
    void fluxMeanCurrentFromACrossSectorCoherence() {
        ZMatrixRMaj rho = new ZMatrixRMaj(4, 4);
        for (int i : new int[] {0, 2}) {
            for (int k : new int[] {0, 2}) {
                rho.set(i, k, 0.5, 0);
            }
        }
        TimeGrid grid = new TimeGrid(6, 4);
        double h = 0.005;
        int sub = (int) Math.round(grid.step() / h);
        for (double phi : new double[] {0, 0.9, 2.2}) {
            double[] eta = {0.7, 0.5};
            HomodyneExact x = HomodyneExact.of(FLUX, new double[] {phi, phi + 1}, eta);
            double[][] current = x.meanCurrent(rho, grid);
            ZMatrixRMaj state = rho.copy();
            double[] bin = new double[2];
            for (int k = 1; k < grid.points(); k++) {
                java.util.Arrays.fill(bin, 0);
                for (int s = 0; s <= sub; s++) {
                    double t = grid.time(k - 1) + s * h;
                    double weight = (s == 0 || s == sub ? 1 : s % 2 == 1 ? 4 : 2) * h / 3;
                    for (MachineChannel j : channels(FLUX)) {
                        int b = j.bath();
                        double p = b == 0 ? phi : phi + 1;
                        bin[b] += weight * 2 * Math.sqrt(eta[b]) * BruteForce.traceRe(measured(j, p, t), state);
                    }
                    if (s < sub) {
                        state = step(FLUX.hamiltonian(), channels(FLUX), state, h);
                    }
                }
                for (int b = 0; b < 2; b++) {
                    assertEquals(bin[b] / grid.step(), current[b][k], 1e-9, "phi " + phi + " bath " + b + " bin " + k);
                }
                assertTrue(Math.abs(current[0][1]) > 0.01, "the coherence gives the cold bath a current");
            }
        }
    }

    /** The flux preset as a machine (issue 24's translation) gives the same references as the preset itself. */
    @Test
    void machineFormOfFluxAgreesWithThePreset() {
        double[] phi = {0.3, -0.8};
        double[] eta = {0.9, 0.4};
        HomodyneExact preset = HomodyneExact.of(FLUX, phi, eta);
        HomodyneExact machine = HomodyneExact.of(qtm.model.MachinePresets.flux((FluxModel) FLUX), phi, eta);
        assertEquals(preset.baths(), machine.baths());
        ZMatrixRMaj rho = new ZMatrixRMaj(4, 4);
        for (int i : new int[] {0, 2}) {
            for (int k : new int[] {0, 2}) {
                rho.set(i, k, 0.5, 0);
            }
        }
        TimeGrid grid = new TimeGrid(30, 7);
        double[][] a = preset.meanCurrent(rho, grid);
        double[][] b = machine.meanCurrent(rho, grid);
        for (int bath = 0; bath < 2; bath++) {
            for (int k = 0; k < grid.points(); k++) {
                assertEquals(a[bath][k], b[bath][k], 1e-12);
            }
            for (double w : new double[] {0, 0.01, 0.05}) {
                assertEquals(preset.spectrum(bath, w), machine.spectrum(bath, w), 1e-9);
            }
        }
        assertTrue(Math.abs(a[0][1]) > 1e-3);
        // The flux preset conserves excitations: no absolute-time term, no stationary mean.
        assertTrue(preset.oscillating(0.01) < 1e-12, "oscillating " + preset.oscillating(0.01));
    }

    /** Two resonant qubits (E = 1, exchange g), each with its own bath, strongly damped: a small machine. */
    private static final ZMatrixRMaj PAIR = pairHamiltonian(1, 0.4);
    private static final double WINDOW = 5;
    private static final List<MachineChannel> PAIR_CHANNELS = List.of(
            lowering(0, 0.5, true), lowering(0, 0.2, false), lowering(1, 0.3, true), lowering(1, 0.25, false));

    private static ZMatrixRMaj pairHamiltonian(double e, double g) {
        // |q₁q₂⟩ at index 2q₁ + q₂.
        ZMatrixRMaj h = new ZMatrixRMaj(4, 4);
        h.set(1, 1, e, 0);
        h.set(2, 2, e, 0);
        h.set(3, 3, 2 * e, 0);
        h.set(1, 2, g, 0);
        h.set(2, 1, g, 0);
        return h;
    }

    /** σ− (or σ+) of qubit q, which is also bath q's index. */
    private static MachineChannel lowering(int q, double rate, boolean down) {
        ZMatrixRMaj a = new ZMatrixRMaj(4, 4);
        int bit = q == 0 ? 2 : 1;
        for (int i = 0; i < 4; i++) {
            if ((i & bit) != 0) {
                if (down) {
                    a.set(i - bit, i, 1, 0);
                } else {
                    a.set(i, i - bit, 1, 0);
                }
            }
        }
        return new MachineChannel(q, a, rate, down ? 1 : -1, down ? 1 : -1, down ? 1 : -1, down ? "-" : "+");
    }

    /**
     * A small machine's stationary spectrum against the two-time correlation integrated by brute force: ρ∞ by Taylor
     * steps to t = 80, then for every pair j, k of a bath X(τ) = e^{Lτ}(𝒞_k(t₀)ρ∞ − ρ∞ Tr 𝒞_k(t₀)ρ∞) by Taylor steps
     * and ∫ e^{iω′τ} Tr[(c_j + c_j†)(t₀ + τ) X(τ)] dτ by Simpson to τ = 60, with the operators' explicit absolute time
     * t₀, at t₀ = 0 and t₀ = 1.7: the two agree (no absolute-time term survives, the machine conserves excitations),
     * and they agree with the resolvent to 1e-6.
     */
    @Test
    void smallMachineSpectrumMatchesTheBruteForceCorrelationIntegral() {
        double[] phi = {0.4, 1.2};
        double[] eta = {1, 0.6};
        HomodyneExact x = new HomodyneExact(PAIR, PAIR_CHANNELS, List.of("a", "b"), phi, eta);
        double h = 0.02;
        ZMatrixRMaj rho = new ZMatrixRMaj(4, 4);
        for (int i = 0; i < 4; i++) {
            rho.set(i, i, 0.25, 0);
        }
        for (int s = 0; s < 80 / h; s++) {
            rho = step(PAIR, PAIR_CHANNELS, rho, h);
        }
        double[] w = {0, 0.35};
        for (int b = 0; b < 2; b++) {
            double[] at0 = bruteSpectrum(b, w, phi[b], eta[b], rho, 0, h);
            double[] at1 = bruteSpectrum(b, w, phi[b], eta[b], rho, 1.7, h);
            for (int i = 0; i < w.length; i++) {
                assertEquals(at0[i], at1[i], 1e-9, "no absolute-time term, bath " + b);
                assertEquals(at0[i], x.spectrum(b, w[i]), 1e-6, "bath " + b + " w " + w[i]);
                assertTrue(Math.abs(at0[i] - 1) > 1e-2, "the excess noise is visible, bath " + b + ": " + at0[i]);
                // The window's Fejér weight 1 − τ/T on τ < T = 5 (the last w.length entries).
                assertEquals(at0[w.length + i], x.windowed(b, w[i], WINDOW), 1e-6, "window, bath " + b);
                assertTrue(Math.abs(at0[w.length + i] - at0[i]) > 1e-3, "the window matters, bath " + b);
            }
        }
        assertTrue(x.oscillating(0.35) < 1e-12, "the absolute-time terms vanish: " + x.oscillating(0.35));
        // The currents are real, so the spectrum is even in ω′ even in the oscillators' frame.
        assertEquals(x.spectrum(1, 0.35), x.spectrum(1, -0.35), 1e-12);
        double[] grid = x.frequencies(32);
        assertEquals(0, grid[0]);
        // 4 (γ_max + 2g) with γ_max = 0.5 and g = 0.4.
        assertEquals(4 * (0.5 + 0.8), grid[31], 1e-12);
    }

    private static double[] bruteSpectrum(int b, double[] w, double phi, double eta, ZMatrixRMaj rho, double t0,
            double h) {
        List<MachineChannel> jumps = PAIR_CHANNELS.stream().filter(j -> j.bath() == b).toList();
        double[] sum = new double[2 * w.length];
        int steps = (int) Math.round(60 / h);
        for (MachineChannel k : jumps) {
            ZMatrixRMaj c = measured(k, phi, t0);
            ZMatrixRMaj y = BruteForce.add(BruteForce.mult(c, rho), BruteForce.mult(rho, BruteForce.dagger(c)));
            double tr = 0;
            for (int i = 0; i < 4; i++) {
                tr += y.getReal(i, i);
            }
            ZMatrixRMaj state = BruteForce.add(y, BruteForce.times(-tr, 0, rho));
            for (int s = 0; s <= steps; s++) {
                double tau = s * h;
                double weight = (s == 0 || s == steps ? 1 : s % 2 == 1 ? 4 : 2) * h / 3;
                double f = 0;
                for (MachineChannel j : jumps) {
                    f += 2 * BruteForce.traceRe(measured(j, phi, t0 + tau), state);
                }
                for (int i = 0; i < w.length; i++) {
                    sum[i] += weight * Math.cos(w[i] * tau) * f;
                    if (s <= WINDOW / h) {
                        // Simpson on [0, T] too: T/h is even, so its last point has weight 1 there.
                        double end = s == Math.round(WINDOW / h) ? (s % 2 == 0 ? 1 : 4) * h / 3 : weight;
                        sum[w.length + i] += end * (1 - tau / WINDOW) * Math.cos(w[i] * tau) * f;
                    }
                }
                if (s < steps) {
                    state = step(PAIR, PAIR_CHANNELS, state, h);
                }
            }
        }
        double[] out = new double[2 * w.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = 1 + eta * 2 * sum[i] / jumps.size();
        }
        return out;
    }
}
