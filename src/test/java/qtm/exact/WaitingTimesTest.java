package qtm.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import qtm.exact.WaitingTimes.Pair;
import qtm.model.Bath;
import qtm.model.DotModel;
import qtm.model.FluxModel;
import qtm.model.Model;
import qtm.model.ResetModel;
import qtm.model.Thermal;

/** The exact waiting-time distributions against identities that hold for any model and a closed form at g = 0. */
class WaitingTimesTest {
    static List<Model> models() {
        return List.of(
                new ResetModel(1, 1.6e-3, new Bath(0, 1e-2), new Bath(Double.POSITIVE_INFINITY, 1.1e-3)),
                new ResetModel(1, 0.02, new Bath(0.3, 1e-2), new Bath(4, 5e-3)),
                new FluxModel(1, 0.05, new Bath(0, 0.1), new Bath(0.5, 0.02)),
                new DotModel(1, 5e-3, 20, new Bath(0.2, 1e-2), new Bath(5, 1e-2)));
    }

    static List<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (Model m : models()) {
            for (Pair p : Pair.values()) {
                out.add(Arguments.of(m, p));
            }
        }
        return out;
    }

    /** ∫w = 1 (S(∞) = 0), and w is −dS/dτ by a central difference (w comes from J, S from the trace). */
    @ParameterizedTest
    @MethodSource("cases")
    void densityIsMinusTheDerivativeOfTheSurvivalAndIntegratesToOne(Model model, Pair pair) {
        WaitingTimes w = new WaitingTimes(model, pair);
        assertTrue(w.certain());
        assertEquals(1.0, w.survival(0), 1e-12);
        double scale = w.mean();
        double tail = w.survival(60 * scale);
        assertTrue(tail < 1e-9, "S(60 mean) = " + tail);
        for (double f : new double[] {0.01, 0.3, 1, 2.5}) {
            double t = f * scale;
            double h = 1e-4 * t;
            double derivative = -(w.survival(t + h) - w.survival(t - h)) / (2 * h);
            // Central difference: error h²/6 · S''' ~ 1e-8 · w relative.
            assertEquals(derivative, w.density(t), 1e-6 * w.density(t) + 1e-12 / scale, pair + " at " + t);
        }
        // Bins telescope to 1.
        double[] p = w.bins(new double[] {0.1 * scale, scale, 3 * scale});
        double sum = 0;
        for (double x : p) {
            assertTrue(x >= -1e-15);
            sum += x;
        }
        assertEquals(1.0, sum, 1e-12);
    }

    /**
     * The density drawn on charts (through the eigendecomposition where it is well conditioned) is the exact one, by
     * exponentials, to 1e-10 of its largest value, from τ = 0 to 10 mean waiting times.
     */
    @ParameterizedTest
    @MethodSource("cases")
    void theDrawnDensityIsTheExactOne(Model model, Pair pair) {
        WaitingTimes w = new WaitingTimes(model, pair);
        java.util.function.DoubleUnaryOperator drawn = w.drawnDensity();
        double scale = w.mean();
        double top = 0;
        double[] taus = new double[41];
        for (int i = 0; i < taus.length; i++) {
            taus[i] = 0.25 * i * scale;
            top = Math.max(top, w.density(taus[i]));
        }
        for (double t : taus) {
            assertEquals(w.density(t), drawn.applyAsDouble(t), 1e-10 * top, pair + " at " + t);
        }
    }

    /**
     * Kac's lemma: for a stationary point process the mean interval between consecutive events equals 1/(their
     * rate), whatever the correlations; the rate Tr Jρ∞ is computed independently of the interval distribution.
     */
    @ParameterizedTest
    @MethodSource("models")
    void meanIntervalBetweenConsecutiveJumpsIsTheInverseRate(Model model) {
        for (Pair pair : new Pair[] {Pair.COLD_COLD, Pair.HOT_HOT}) {
            WaitingTimes w = new WaitingTimes(model, pair);
            assertEquals(1 / w.startRate(), w.mean(), 1e-9 / w.startRate(), pair.key());
        }
        // The stationary jump rate is also the heat-count rate of the counting statistics: Σγ⟨A†A⟩ per channel.
        WaitingTimes c = new WaitingTimes(model, Pair.COLD_COLD);
        assertEquals(c.startRate(), c.endRate(), 1e-14);
    }

    /**
     * Reset model at g = 0: each qubit alone, populations p0 = r, p1 = 1 − r in the steady state. A counted jump
     * |0⟩⟨1| (rate p r) leaves the qubit in |0⟩, from which the next counted jump |1⟩⟨0| comes at rate p(1 − r); a
     * jump |1⟩⟨0| leaves |1⟩, left at rate p r (the resets |i⟩⟨i| change nothing). The two starts are equally
     * likely (p r(1 − r) each), so w(τ) = ½[a e^{−aτ} + b e^{−bτ}] with a = p(1 − r), b = p r. From a cold jump the
     * independent hot qubit is in its steady state: w(τ) = r_h a_h e^{−a_h τ} + (1 − r_h) b_h e^{−b_h τ}.
     */
    @Test
    void uncoupledResetModelHasTheClosedForm() {
        Bath cold = new Bath(0.4, 0.02);
        Bath hot = new Bath(3, 0.007);
        ResetModel model = new ResetModel(1, 0, cold, hot);
        double rc = Thermal.groundProbability(1, cold.temperature());
        double rh = Thermal.groundProbability(1, hot.temperature());
        double ac = cold.rate() * (1 - rc);
        double bc = cold.rate() * rc;
        double ah = hot.rate() * (1 - rh);
        double bh = hot.rate() * rh;
        WaitingTimes cc = new WaitingTimes(model, Pair.COLD_COLD);
        WaitingTimes hh = new WaitingTimes(model, Pair.HOT_HOT);
        WaitingTimes ch = new WaitingTimes(model, Pair.COLD_HOT);
        assertEquals(2 * cold.rate() * rc * (1 - rc), cc.startRate(), 1e-15);
        for (double t : new double[] {0, 1, 30, 200, 1500}) {
            double wcc = 0.5 * (ac * Math.exp(-ac * t) + bc * Math.exp(-bc * t));
            double scc = 0.5 * (Math.exp(-ac * t) + Math.exp(-bc * t));
            double whh = 0.5 * (ah * Math.exp(-ah * t) + bh * Math.exp(-bh * t));
            double wch = rh * ah * Math.exp(-ah * t) + (1 - rh) * bh * Math.exp(-bh * t);
            double sch = rh * Math.exp(-ah * t) + (1 - rh) * Math.exp(-bh * t);
            assertEquals(wcc, cc.density(t), 1e-10 * wcc, "cold_cold w(" + t + ")");
            assertEquals(scc, cc.survival(t), 1e-10 * scc, "cold_cold S(" + t + ")");
            assertEquals(whh, hh.density(t), 1e-10 * whh, "hot_hot w(" + t + ")");
            assertEquals(wch, ch.density(t), 1e-10 * wch, "cold_hot w(" + t + ")");
            assertEquals(sch, ch.survival(t), 1e-10 * sch, "cold_hot S(" + t + ")");
        }
        assertEquals(0.5 * (1 / ac + 1 / bc), cc.mean(), 1e-9 * cc.mean());
        assertEquals(rh / ah + (1 - rh) / bh, ch.mean(), 1e-9 * ch.mean());
        double cap = 1e5;
        double[] edges = cc.edges(8, 1e-3, cap);
        assertEquals(8, edges.length);
        double tauMax = edges[7];
        // τ_max is the first step of cap/4096 past S = 1e-3; the edges the first steps of τ_max/4096 past the exact
        // equal-probability quantiles.
        assertTrue(cc.survival(tauMax) <= 1e-3 && cc.survival(tauMax - cap / 4096) > 1e-3);
        double stepSize = tauMax / 4096;
        double share = (1 - cc.survival(tauMax)) / 8;
        for (int j = 1; j < 8; j++) {
            double sj = 1 - j * share;
            assertTrue(cc.survival(edges[j - 1]) <= sj + 1e-12 && cc.survival(edges[j - 1] - stepSize) > sj - 1e-12,
                    "edge " + j);
        }
        double q = cc.quantile(0.25);
        assertEquals(0.25, 0.5 * (Math.exp(-ac * q) + Math.exp(-bc * q)), 1e-12);
    }

    /**
     * A cold bath at T = 0 and g = 0: after the cold qubit emits it sits in |0⟩ for ever, so the next cold jump never
     * comes (L − J singular): S(∞) = 1, and the mean is refused. From a hot start the cold qubit is already in |0⟩
     * (steady state), so cold→hot is the plain hot recurrence.
     */
    @Test
    void aJumpThatNeverComesIsHandledAndTheMeanRefused() {
        ResetModel model = new ResetModel(1, 0, new Bath(0, 0.02), new Bath(2, 0.01));
        // Steady state: the cold qubit in |0⟩ emits nothing, so no cold jump starts an interval.
        assertThrows(IllegalArgumentException.class, () -> new WaitingTimes(model, Pair.COLD_COLD));
        // Coupled but hot at T = 0 too: the machine decays to |00⟩ and stays; with a warm hot bath it does not.
        WaitingTimes hh = new WaitingTimes(new ResetModel(1, 0, new Bath(0.5, 0.02), new Bath(0, 0.01)), Pair.COLD_HOT);
        assertFalse(hh.certain());
        assertEquals(1.0, hh.survival(Double.POSITIVE_INFINITY), 1e-9);
        assertThrows(IllegalStateException.class, hh::mean);
        double[] p = hh.bins(new double[] {10, 100});
        assertEquals(1.0, p[2], 1e-12);
    }

    /** Started from ρ∞ the window-averaged bins are the stationary ones; from |00⟩ they tend to them. */
    @ParameterizedTest
    @MethodSource("models")
    void windowAveragedBinsTendToTheStationaryOnes(Model model) {
        WaitingTimes w = new WaitingTimes(model, Pair.COLD_HOT);
        double m = w.mean();
        double[] edges = {0.3 * m, m, 2 * m};
        double[] stationary = w.bins(edges);
        double[] fromSteady = w.bins(edges, SteadyState.of(model), 0, 10 * m);
        for (int i = 0; i < stationary.length; i++) {
            assertEquals(stationary[i], fromSteady[i], 1e-10);
        }
        double gap = Spectrum.gap(model);
        double[] late = w.bins(edges, qtm.math.Ops.of(new double[][] {{1, 0, 0, 0}, {0, 0, 0, 0}, {0, 0, 0, 0},
            {0, 0, 0, 0}}, null), 40 / gap, 40 / gap + 10 * m);
        for (int i = 0; i < stationary.length; i++) {
            assertEquals(stationary[i], late[i], 1e-10);
        }
    }
}
