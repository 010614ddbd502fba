package qtm.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import qtm.exact.CountingStatistics.Cumulants;
import qtm.exact.CountingStatistics.Weight;
import qtm.math.Ops;
import qtm.model.Bath;
import qtm.model.Detection;
import qtm.model.Detection.Detector;
import qtm.model.FluxModel;
import qtm.model.Machine;
import qtm.model.MachineChannel;
import qtm.model.Model;
import qtm.model.ResetModel;
import qtm.model.Side;

/**
 * Issue 28's detected statistics against what thinning and dark clicks must do whatever the machine: a count thinned
 * with probability η has J_det = η J and, by the law of total variance (each jump's ±w kept independently),
 * S_det = η² S + η(1 − η) Σ_j w_j² Tr J_j ρ∞, the activity computed here from the channels and ρ∞; dark clicks, ±ω
 * at rate θ/2 each, add θω² to the noise and nothing to the current or the third cumulant; a perfect detector sees
 * the true statistics. The waiting time of detected clicks agrees with a from-scratch computation
 * ({@link MachineWaitingTimesTest.Independent}), integrates to 1 and has Kac's mean 1/(η K + θ), K the rate of the
 * bath's counted jumps (the mean interval of any stationary point process is the inverse of its rate). Dark clicks
 * convolve the count distribution with a Skellam law.
 */
class DetectedCountingTest {
    private static final double ETA = 0.6;
    private static final double TOL = 1e-10;

    static List<Machine> machines() {
        return List.of(MachineWaitingTimesTest.qutrit(), MachineWaitingTimesTest.threeBaths());
    }

    static List<Model> presets() {
        return List.of(new ResetModel(1, 1.6e-3, new Bath(0, 1e-2), new Bath(Double.POSITIVE_INFINITY, 1.1e-3)),
                new FluxModel(1, 0.06, new Bath(0.4, 0.03), new Bath(2.5, 0.015)),
                // Uncoupled: the true count is bounded (every rate 0), the thinned one is not.
                new FluxModel(1, 0, new Bath(0.4, 0.03), new Bath(2.5, 0.015)));
    }

    /** Σ_j w_j^power γ_j Tr A_j ρ A_j† over a machine's bath's channels, w the count or the heat. */
    private static double activity(Machine m, ZMatrixRMaj rho, int bath, Weight weight, int power) {
        double sum = 0;
        for (MachineChannel c : m.channels()) {
            double w = weight == Weight.QUANTA ? c.count() : c.heat();
            if (c.bath() == bath && w != 0) {
                sum += Math.pow(w, power) * c.rate() * jumped(c.operator(), rho);
            }
        }
        return sum;
    }

    /** The same for a preset's bath, w = sign of the energy or the energy. */
    private static double activity(Model model, Side side, Weight weight, int power) {
        ZMatrixRMaj rho = SteadyState.of(model);
        double sum = 0;
        for (qtm.model.Jump j : model.jumps()) {
            double w = weight == Weight.QUANTA ? Math.signum(j.energy()) : j.energy();
            if (j.side() == side && w != 0) {
                sum += Math.pow(w, power) * j.rate() * jumped(j.operator(), rho);
            }
        }
        return sum;
    }

    private static double jumped(ZMatrixRMaj a, ZMatrixRMaj rho) {
        return Ops.traceRe(Ops.mult(a, rho, Ops.dagger(a)));
    }

    /** Checks J_det = η J, S_det = η² S + η(1 − η)·activity and, with dark clicks, + θω². */
    private static void thinned(Cumulants truth, Cumulants det, Cumulants dark, double activity, double theta,
            double omega, String what) {
        assertEquals(ETA * truth.current(), det.current(), TOL * Math.abs(truth.current()), what + " current");
        double noise = ETA * ETA * truth.noise() + ETA * (1 - ETA) * activity;
        assertEquals(noise, det.noise(), TOL * noise, what + " noise");
        assertEquals(det.current(), dark.current(), TOL * Math.abs(det.current()), what + " dark: current");
        double darkNoise = noise + theta * omega * omega;
        assertEquals(darkNoise, dark.noise(), TOL * darkNoise, what + " dark: noise");
        assertEquals(det.third(), dark.third(), TOL * (Math.abs(det.third()) + darkNoise), what + " dark: third");
    }

    @ParameterizedTest
    @MethodSource("machines")
    void aMachinesThinnedCountHasEtaTheCurrentAndTheBinomialNoise(Machine m) {
        MachineExact exact = new MachineExact(m);
        MachineCounting counting = new MachineCounting(exact);
        for (int k = 0; k < m.baths().size(); k++) {
            double theta = 0.1 * m.baths().get(k).rate();
            for (Weight w : Weight.values()) {
                double omega = w == Weight.QUANTA ? 1 : m.site(m.baths().get(k)).gap();
                Cumulants det = DetectedCounting.of(counting, k, w, new Detector(ETA, 0)).stationary();
                Cumulants dark = DetectedCounting.of(counting, k, w, new Detector(ETA, theta)).stationary();
                thinned(counting.of(k, w).stationary(), det, dark, activity(m, exact.steadyState(), k, w, 2), theta,
                        omega, m.bathNames().get(k) + " " + w);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("presets")
    void aPresetsThinnedCountHasEtaTheCurrentAndTheBinomialNoise(Model model) {
        for (Side side : Side.values()) {
            double theta = 0.1 * model.bath(side).rate();
            for (Weight w : Weight.values()) {
                double omega = w == Weight.QUANTA ? 1 : model.energy();
                Cumulants det = DetectedCounting.of(model, side, w, new Detector(ETA, 0)).stationary();
                Cumulants dark = DetectedCounting.of(model, side, w, new Detector(ETA, theta)).stationary();
                thinned(new CountingStatistics(model, side, w).stationary(), det, dark, activity(model, side, w, 2),
                        theta, omega, model + " " + side + " " + w);
            }
        }
    }

    /**
     * Dark clicks are independent of the machine: with η = 1 the detected count is the true one plus a Skellam
     * variable (the difference of two Poisson counts of mean θt/2), so P_det(n, t) is the true distribution convolved
     * with P(K = k) = e^{−θt} Σ_j (θt/2)^{2j+|k|} / (j!(j+|k|)!), summed here.
     */
    @Test
    void darkClicksConvolveTheCountDistributionWithASkellam() {
        Model model = presets().get(1);
        ZMatrixRMaj rho0 = qtm.model.TwoQubits.basisState("01");
        double t = 200;
        double theta = 0.02;
        CountingStatistics.Distribution truth = new CountingStatistics(model, Side.COLD, Weight.QUANTA)
                .distribution(rho0, t);
        CountingStatistics.Distribution seen = DetectedCounting.of(model, Side.COLD, Weight.QUANTA,
                new Detector(1, theta)).distribution(rho0, t);
        double sum = 0;
        for (int i = 0; i < seen.p().length; i++) {
            long n = seen.first() + i;
            double expected = 0;
            for (int j = 0; j < truth.p().length; j++) {
                expected += truth.p()[j] * skellam(n - truth.first() - j, theta * t / 2);
            }
            assertEquals(expected, seen.p()[i], 1e-12, "n = " + n);
            sum += seen.p()[i];
        }
        assertEquals(1, sum, 1e-11);
    }

    private static double skellam(long k, double mu) {
        long a = Math.abs(k);
        double term = Math.exp(-2 * mu + a * Math.log(mu) - org.apache.commons.math3.special.Gamma.logGamma(a + 1));
        double sum = 0;
        for (int j = 0; j < 200 && (j < 5 || term > 1e-300); j++) {
            sum += term;
            term *= mu * mu / ((j + 1.0) * (j + 1.0 + a));
        }
        return sum;
    }

    @ParameterizedTest
    @MethodSource("machines")
    void aPerfectDetectorSeesTheTrueStatisticsAndWaitingTimes(Machine m) {
        MachineExact exact = new MachineExact(m);
        MachineCounting counting = new MachineCounting(exact);
        DetectedFluctuations d = DetectedCounting.fluctuations(counting, new Detection(java.util.Map.of()));
        MachineFluctuations f = counting.fluctuations();
        assertEquals(f.names(), d.names());
        assertEquals(f.baths(), d.baths());
        for (int k = 0; k < m.baths().size(); k++) {
            WaitingTimes truth = MachineWaitingTimes.of(exact, WaitingPair.of(m.bathNames(), k, k));
            WaitingTimes seen = DetectedCounting.waiting(exact, k, Detector.PERFECT);
            double[] taus = {0, 0.5 * truth.mean(), truth.mean(), 4 * truth.mean()};
            double[] a = truth.density(taus);
            double[] b = seen.density(taus);
            for (int i = 0; i < taus.length; i++) {
                assertEquals(a[i], b[i], 1e-14 * Math.abs(a[0]), m.bathNames().get(k) + " w(" + taus[i] + ")");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("presets")
    void aPresetsPerfectDetectorSeesTheTrueWaitingTimes(Model model) {
        for (WaitingTimes.Pair p : List.of(WaitingTimes.Pair.COLD_COLD, WaitingTimes.Pair.HOT_HOT)) {
            WaitingTimes truth = new WaitingTimes(model, p);
            WaitingTimes seen = DetectedCounting.waiting(model, p.from(), Detector.PERFECT);
            double[] taus = {0, 0.5 * truth.mean(), truth.mean(), 4 * truth.mean()};
            double[] a = truth.density(taus);
            double[] b = seen.density(taus);
            for (int i = 0; i < taus.length; i++) {
                assertEquals(a[i], b[i], 1e-14 * Math.abs(a[0]), model + " " + p + " w(" + taus[i] + ")");
            }
            assertEquals(truth.mean(), seen.mean(), 1e-14 * truth.mean(), model + " " + p);
        }
    }

    @ParameterizedTest
    @MethodSource("machines")
    void theWaitingTimeOfDetectedClicksAgreesWithAFromScratchComputation(Machine m) {
        MachineWaitingTimesTest.Independent ind = new MachineWaitingTimesTest.Independent(m);
        MachineExact exact = new MachineExact(m);
        for (int k = 0; k < m.baths().size(); k++) {
            double theta = 0.1 * m.baths().get(k).rate();
            WaitingTimes w = DetectedCounting.waiting(exact, k, new Detector(ETA, theta));
            double clicks = ETA * ind.rate(k) + theta;
            double h = 0.4 / clicks;
            double[][] s = ind.detected(k, ETA, theta, h, 8);
            String bath = m.bathNames().get(k);
            for (int i = 0; i <= 8; i++) {
                assertEquals(s[0][i], w.survival(i * h), 1e-9, bath + " S(" + i * h + ")");
                assertEquals(s[1][i], w.density(i * h), 1e-9 * s[1][0], bath + " w(" + i * h + ")");
            }
            assertTrue(w.certain(), bath + ": dark clicks come for sure");
            assertEquals(1 / clicks, w.mean(), 1e-9 / clicks, bath + ": Kac's mean");
        }
    }

    /**
     * The density integrates to 1 and its first moment is the mean, for a preset and a machine, by Simpson's rule on
     * a grid to where S &lt; 1e-13: 2^11 intervals for the reset preset (its density is smooth; 2^13 changed the
     * integral by 3e-10), 2^13 for the qutrit, whose exchange and density couplings make it oscillate (2^11 left
     * 1.3e-7, 2^13 6e-10).
     */
    @Test
    @Tag("slow")
    void theDensityOfDetectedClicksIntegratesToOne() {
        Model reset = presets().get(0);
        Machine qutrit = MachineWaitingTimesTest.qutrit();
        MachineExact exact = new MachineExact(qutrit);
        for (double theta : new double[] {0, 1e-4}) {
            Detector d = new Detector(ETA, theta);
            integratesToOne(DetectedCounting.waiting(reset, Side.HOT, d),
                    ETA * activity(reset, Side.HOT, Weight.QUANTA, 0) + theta, 1 << 11, "reset hot, theta " + theta);
            integratesToOne(DetectedCounting.waiting(exact, 0, d), ETA * activity(qutrit, exact.steadyState(), 0,
                    Weight.QUANTA, 0) + theta, 1 << 13, "qutrit cold, theta " + theta);
        }
    }

    private static void integratesToOne(WaitingTimes w, double clicks, int n, String what) {
        double end = 1 / clicks;
        while (w.survival(end) > 1e-13) {
            end *= 2;
        }
        double h = end / n;
        double[] taus = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            taus[i] = i * h;
        }
        double[] density = w.density(taus);
        double total = 0;
        double first = 0;
        for (int i = 0; i <= n; i++) {
            // Simpson's weights 1, 4, 2, 4, …, 4, 1.
            double weight = (i == 0 || i == n ? 1 : i % 2 == 1 ? 4 : 2) * h / 3;
            total += weight * density[i];
            first += weight * taus[i] * density[i];
        }
        assertEquals(1, total, 1e-8, what + ": integral of w");
        assertEquals(1 / clicks, w.mean(), 1e-10 / clicks, what + ": Kac's mean");
        assertEquals(w.mean(), first, 1e-7 * w.mean(), what + ": integral of tau w");
    }
}
