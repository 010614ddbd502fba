package qtm.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import qtm.exact.CountingStatistics.Distribution;
import qtm.exact.CountingStatistics.Weight;
import qtm.math.MatrixExp;
import qtm.math.Ops;
import qtm.model.Jump;
import qtm.model.Model;
import qtm.model.ResetModel;
import qtm.model.Side;
import qtm.model.TimeGrid;
import qtm.testing.RandomModels;

/**
 * Issue 11 for the collision model, first route: the tilted discrete map of {@link CollisionCounting} (built by
 * {@link CollisionBranches}) checked against a brute-force enumeration of every Kraus branch history, built here
 * from the model's channels as the paper defines them and sharing nothing with the code but the model.
 */
class CollisionCountingBruteForceTest {
    /** The paper's regime from RandomModels, all three kinds, plus the fast ones. */
    static List<Model> bruteModels() {
        List<Model> m = new ArrayList<>(CollisionCountingTest.models());
        RandomModels r = new RandomModels(11);
        for (int i = 0; i < 6; i++) {
            m.add(r.any(i));
        }
        return m;
    }

    /** One Kraus operator with what it adds to each of the four counters (cold ν, cold energy, hot ν, hot energy). */
    record Kraus(ZMatrixRMaj k, Side side, double energy) {
    }

    /** e^{−iHΔt} from the real embedding of −iHΔt, not by the code's spectral route. */
    static ZMatrixRMaj unitary(Model model, double dt) {
        ZMatrixRMaj h = model.hamiltonian();
        DMatrixRMaj big = new DMatrixRMaj(8, 8);
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < 4; c++) {
                // −iHΔt = Δt(Im H) − iΔt(Re H): X = Δt Im H, Y = −Δt Re H, embedded as [[X, −Y], [Y, X]].
                double x = dt * h.getImag(r, c);
                double y = -dt * h.getReal(r, c);
                big.set(r, c, x);
                big.set(4 + r, 4 + c, x);
                big.set(r, 4 + c, -y);
                big.set(4 + r, c, y);
            }
        }
        DMatrixRMaj e = MatrixExp.exp(big);
        ZMatrixRMaj u = new ZMatrixRMaj(4, 4);
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < 4; c++) {
                u.set(r, c, e.get(r, c), e.get(4 + r, c));
            }
        }
        return u;
    }

    static ZMatrixRMaj identity() {
        return Ops.of(new double[][] {{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}}, null);
    }

    /**
     * The collisions of one step, each a list of Kraus operators, from the model's channels as the paper and the
     * Collision javadoc define them: reset with probability pΔt through √(γ_jΔt)A_j, or the four branches of a partial
     * swap with θ² = (γ↓ + γ↑)Δt and an ancilla excited with probability γ↑/(γ↓ + γ↑).
     */
    static List<List<Kraus>> collisions(Model model, double dt) {
        List<Jump> jumps = model.jumps();
        List<List<Kraus>> out = new ArrayList<>();
        if (model instanceof ResetModel) {
            for (Side side : Side.values()) {
                double p = model.bath(side).rate() * dt;
                List<Kraus> c = new ArrayList<>();
                c.add(new Kraus(Ops.scale(Math.sqrt(1 - p), 0, identity()), side, 0));
                for (Jump j : jumps) {
                    if (j.side() == side) {
                        c.add(new Kraus(Ops.scale(Math.sqrt(j.rate() * dt), 0, j.operator()), side, j.energy()));
                    }
                }
                out.add(c);
            }
            return out;
        }
        for (Jump down : jumps) {
            if (!(down.energy() > 0)) {
                continue;
            }
            ZMatrixRMaj l = down.operator();
            ZMatrixRMaj ld = Ops.dagger(l);
            Jump up = null;
            for (Jump j : jumps) {
                if (j != down && j.side() == down.side() && Ops.maxAbsDiff(j.operator(), ld) == 0) {
                    up = j;
                }
            }
            double sum = down.rate() + up.rate();
            double theta = Math.sqrt(sum * dt);
            double q = up.rate() / sum;
            List<Kraus> c = new ArrayList<>();
            c.add(new Kraus(Ops.scale(Math.sqrt(1 - q), 0,
                    Ops.add(1.0, identity(), Math.cos(theta) - 1, Ops.mult(ld, l))), down.side(), 0));
            c.add(new Kraus(Ops.scale(Math.sqrt(1 - q) * Math.sin(theta), 0, l), down.side(), down.energy()));
            c.add(new Kraus(Ops.scale(Math.sqrt(q), 0,
                    Ops.add(1.0, identity(), Math.cos(theta) - 1, Ops.mult(l, ld))), down.side(), 0));
            c.add(new Kraus(Ops.scale(Math.sqrt(q) * Math.sin(theta), 0, ld), down.side(), up.energy()));
            out.add(c);
        }
        return out;
    }

    /**
     * Counts: per bath the net quanta ν and, of them, the net quanta of the larger size E + U (the double dot's
     * conditioned channels), so that the heat is an exact function of integers.
     */
    record Count(int nuCold, int bigCold, int nuHot, int bigHot) {
        Count plus(Side side, double energy, double e) {
            int nu = (int) Math.signum(energy);
            int big = Math.abs(energy) > e * (1 + 1e-12) ? nu : 0;
            return side == Side.COLD ? new Count(nuCold + nu, bigCold + big, nuHot, bigHot)
                    : new Count(nuCold, bigCold, nuHot + nu, bigHot + big);
        }

        double value(Side side, Weight w, Model m) {
            int nu = side == Side.COLD ? nuCold : nuHot;
            int big = side == Side.COLD ? bigCold : bigHot;
            return w == Weight.QUANTA ? nu : (nu - big) * m.energy() + big * (m.energy() + m.coulomb());
        }
    }

    /** Every branch history after s steps, merged by its counts: count ↦ unnormalised ρ. */
    static Map<Count, ZMatrixRMaj> brute(Model model, double dt, ZMatrixRMaj rho0, int steps) {
        ZMatrixRMaj u = unitary(model, dt);
        ZMatrixRMaj ud = Ops.dagger(u);
        List<List<Kraus>> collisions = collisions(model, dt);
        Map<Count, ZMatrixRMaj> states = new HashMap<>();
        states.put(new Count(0, 0, 0, 0), rho0);
        for (int s = 0; s < steps; s++) {
            Map<Count, ZMatrixRMaj> next = new HashMap<>();
            for (Map.Entry<Count, ZMatrixRMaj> e : states.entrySet()) {
                next.put(e.getKey(), Ops.mult(u, e.getValue(), ud));
            }
            states = next;
            for (List<Kraus> c : collisions) {
                next = new HashMap<>();
                for (Map.Entry<Count, ZMatrixRMaj> e : states.entrySet()) {
                    for (Kraus k : c) {
                        ZMatrixRMaj r = Ops.mult(k.k(), e.getValue(), Ops.dagger(k.k()));
                        Count key = e.getKey().plus(k.side(), k.energy(), model.energy());
                        next.merge(key, r, (a, b) -> Ops.add(1.0, a, 1.0, b));
                    }
                }
                states = next;
            }
        }
        return states;
    }

    @ParameterizedTest
    @MethodSource("bruteModels")
    void theDistributionAndMomentsAreThoseOfAllKrausBranches(Model model) {
        int s0 = 3;
        // γΔt about 0.4: every branch carries weight, and g·Δt is not small for the fast models.
        double rate = 0;
        for (Jump j : model.jumps()) {
            rate = Math.max(rate, j.rate());
        }
        double dt = model instanceof ResetModel
                ? 0.4 / Math.max(model.cold().rate(), model.hot().rate()) : 0.2 / rate;
        TimeGrid grid = new TimeGrid(2 * s0 * dt, 3);
        double h = grid.step() / s0;
        ZMatrixRMaj rho0 = CollisionCountingTest.mixedState();
        Map<Count, ZMatrixRMaj> all = brute(model, h, rho0, 2 * s0);
        Map<Count, ZMatrixRMaj> half = brute(model, h, rho0, s0);
        for (Side side : Side.values()) {
            for (Weight w : Weight.values()) {
                CollisionCounting cc = new CollisionCounting(model, grid, dt, side, w);
                assertEquals(s0, cc.collision().stepsPerPoint());
                double[][] g = cc.onGrid(rho0);
                assertEquals(0.0, g[0][0], 1e-15);
                double scale = w == Weight.QUANTA ? 1 : model.energy() + model.coulomb();
                for (int k = 1; k <= 2; k++) {
                    double[] m = moments(k == 1 ? half : all, side, w, model);
                    assertEquals(m[0], g[k][0], 1e-12 * scale, model + " " + side + " " + w + " mean");
                    assertEquals(m[1] - m[0] * m[0], g[k][1], 1e-12 * scale * scale, model + " var");
                    double[] raw = cc.moments(rho0, k * s0, 3);
                    assertEquals(m[2], raw[2], 1e-12 * scale * scale * scale, model + " third moment");
                }
                if (w == Weight.QUANTA) {
                    Distribution d = cc.distribution(rho0, 2 * s0);
                    Map<Integer, Double> p = new HashMap<>();
                    for (Map.Entry<Count, ZMatrixRMaj> e : all.entrySet()) {
                        p.merge((int) e.getKey().value(side, w, model), Ops.traceRe(e.getValue()), Double::sum);
                    }
                    double sum = 0;
                    for (int j = 0; j < d.p().length; j++) {
                        int n = (int) (d.first() + j);
                        assertEquals(p.getOrDefault(n, 0.0), d.p()[j], 1e-12, model + " P(" + n + ")");
                        sum += d.p()[j];
                    }
                    assertEquals(1.0, sum, 1e-12);
                    for (int n : p.keySet()) {
                        assertTrue(n >= d.first() && n < d.first() + d.p().length, "support holds " + n);
                    }
                }
            }
        }
    }

    /** E[X], E[X²], E[X³] over the branches. */
    static double[] moments(Map<Count, ZMatrixRMaj> states, Side side, Weight w, Model model) {
        double[] m = new double[3];
        for (Map.Entry<Count, ZMatrixRMaj> e : states.entrySet()) {
            double x = e.getKey().value(side, w, model);
            double p = Ops.traceRe(e.getValue());
            m[0] += p * x;
            m[1] += p * x * x;
            m[2] += p * x * x * x;
        }
        return m;
    }
}
