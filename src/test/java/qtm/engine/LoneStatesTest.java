package qtm.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import qtm.ensemble.Streams;
import qtm.exact.ScratchCollision;
import qtm.math.HermitianBasis;
import qtm.math.Ops;
import qtm.model.Machine;
import qtm.model.MachineCollision;
import qtm.model.TimeGrid;

/**
 * Issue 25's speed-up of the collision engine where ψ is a basis state alone in its component of H's graph
 * ({@link LoneStates}), against the collision step built from scratch from the issue's text
 * ({@code ScratchCollision}: Kraus operators read off e^{−iθG} on system⊗ancilla):
 * <ul>
 * <li>which states are lone (no off-diagonal entry of H in their row), and from each the law of one step, to 1e-12:
 * the probability S that no ancilla flips, Π(1 − f_i) with f_i = Σ_a ‖K_{a→ā} e_s‖², and that the first flip is
 * collision i from start a, Π_{j&lt;i}(1 − f_j)·‖K_{a→ā} e_s‖²;</li>
 * <li>the draws from that law (20,000 each): the mean steps to the first flip within 4 SE of 1/(1 − S), and each
 * first flip's frequency within 4 SE of its probability;</li>
 * <li>the engine's ensemble (20,000 trajectories from a lone state) against the scratch map: every coordinate of
 * the mean of |ψ⟩⟨ψ| at every grid point and the heat into each bath within 4 SE (each SE floored at 1/N), on the
 * benchmark's chain at Δt = 1, a hot chain at Δt = 2 (two flips in one step are common), and a qutrit machine with
 * a reset bath (resets in the steps of a lone state);</li>
 * <li>a trajectory's bytes the same whatever its engine ran before.</li>
 * </ul>
 */
class LoneStatesTest {
    private static final int N = 20_000;
    private static final double K = 4.0;

    static Stream<Arguments> machines() {
        return Stream.of(
                Arguments.of("bench chain", TestMachines.benchChain(), 0, 2000.0, 1.0),
                Arguments.of("hot chain", TestMachines.chain(0.05, 2.0, 0.1, 2.0, 0.1), 0, 64.0, 2.0),
                Arguments.of("qutrit with a reset bath", TestMachines.qutrit(), 0, 200.0, 1.0));
    }

    private static TimeGrid grid(double end) {
        return new TimeGrid(end, 5);
    }

    private static LoneStates lone(Machine m, double end, double dt) {
        CollisionBlocks blocks = CollisionBlocks.of(m, MachineCollision.of(m, grid(end), dt));
        assertTrue(blocks != null, "the fast path applies to local channels");
        return blocks.lone;
    }

    private static boolean aloneInH(ZMatrixRMaj h, int s) {
        for (int j = 0; j < h.numCols; j++) {
            if (j != s && (h.getReal(s, j) != 0 || h.getImag(s, j) != 0)) {
                return false;
            }
        }
        return true;
    }

    /** ‖K e_s‖². */
    private static double weight(ZMatrixRMaj k, int s) {
        double w = 0;
        for (int i = 0; i < k.numRows; i++) {
            w += k.getReal(i, s) * k.getReal(i, s) + k.getImag(i, s) * k.getImag(i, s);
        }
        return w;
    }

    /** Per event and start a, the probability that a collision from e_s flips the ancilla: ‖K_{a→ā} e_s‖². */
    private static double[] flipProbabilities(ScratchCollision scratch, int s) {
        List<ScratchCollision.Event> events = scratch.events;
        double[] f = new double[2 * events.size()];
        for (int i = 0; i < events.size(); i++) {
            ScratchCollision.Event e = events.get(i);
            if (e.ancilla().length == 2) {
                // Kraus index 2·from + to, with 0 the ancilla's ground state.
                f[2 * i] = weight(e.kraus().get(1), s);
                f[2 * i + 1] = weight(e.kraus().get(2), s);
            }
        }
        return f;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("machines")
    void oneStepFromALoneStateIsTheKrausLaw(String name, Machine m, int start, double end, double dt) {
        LoneStates lone = lone(m, end, dt);
        double step = MachineCollision.of(m, grid(end), dt).dt();
        ScratchCollision scratch = new ScratchCollision(m, step);
        int d = m.dimension();
        int seen = 0;
        for (int s = 0; s < d; s++) {
            assertEquals(aloneInH(m.hamiltonian(), s), lone.alone(s), name + ": state " + s);
            if (!lone.alone(s)) {
                continue;
            }
            seen++;
            double[] f = flipProbabilities(scratch, s);
            double stay = 1;
            for (int k = 0; k < f.length; k++) {
                double first = stay * f[k];
                assertEquals(first, lone.firstFlipWeight(s, k), 1e-12, name + ": state " + s + ", flip " + k);
                if (k % 2 == 1) {
                    stay *= 1 - f[k - 1] - f[k];
                }
            }
            assertEquals(stay, lone.stay(s), 1e-12, name + ": state " + s + ", no flip");
            assertTrue(stay < 1 || s != start, name + ": the start state cannot leave");
            drawsFollowTheLaw(name + ", state " + s, lone, s, f.length, stay);
        }
        assertTrue(seen >= 2, name + ": " + seen + " lone states");
    }

    private static void drawsFollowTheLaw(String what, LoneStates lone, int s, int codes, double stay) {
        if (stay == 1) {
            assertEquals(Long.MAX_VALUE, lone.stepsToFlip(s, Streams.forTrajectory(5, 0)), what);
            return;
        }
        UniformRandomProvider rng = Streams.forTrajectory(5, s);
        double sum = 0;
        double squares = 0;
        long[] counts = new long[codes];
        for (int n = 0; n < N; n++) {
            double x = lone.stepsToFlip(s, rng);
            assertTrue(x >= 1, what);
            sum += x;
            squares += x * x;
            counts[lone.firstFlip(s, rng)]++;
        }
        double mean = sum / N;
        double se = Math.sqrt((squares / N - mean * mean) / (N - 1));
        assertTrue(Math.abs(mean - 1 / (1 - stay)) <= K * se, what + ": mean steps " + mean + " ± " + se
                + ", exact " + 1 / (1 - stay));
        for (int k = 0; k < codes; k++) {
            double p = lone.firstFlipWeight(s, k) / (1 - stay);
            double freq = (double) counts[k] / N;
            double sek = Math.max(Math.sqrt(freq * (1 - freq) / N), 1.0 / N);
            assertTrue(Math.abs(freq - p) <= K * sek, what + ": first flip " + k + " at " + freq + " ± " + sek
                    + ", exact " + p);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("machines")
    void ensembleFromALoneStateMatchesTheScratchMap(String name, Machine m, int start, double end, double dt) {
        int d = m.dimension();
        TimeGrid grid = grid(end);
        MachineCollision collision = MachineCollision.of(m, grid, dt);
        ZMatrixRMaj rho0 = Ops.unit(d, start, start);
        MachineCollisionEngine engine = new MachineCollisionEngine(m, rho0, grid, dt);
        RhoSums sums = new RhoSums(d, grid.points(), m.baths().size());
        for (int n = 0; n < N; n++) {
            engine.run(Streams.forTrajectory(26, n), sums);
        }
        ScratchCollision scratch = new ScratchCollision(m, collision.dt());
        HermitianBasis basis = new HermitianBasis(d);
        double[] heat = new double[m.baths().size()];
        ZMatrixRMaj rho = rho0;
        int moved = 0;
        for (int k = 1; k < grid.points(); k++) {
            for (int n = 0; n < collision.stepsPerPoint(); n++) {
                rho = step(scratch, rho, heat);
            }
            double[] x = basis.coordinates(rho, new double[d * d]);
            for (int c = 0; c < d * d; c++) {
                double se = Math.max(sums.se(k, c), 1.0 / N);
                assertTrue(Math.abs(sums.mean(k, c) - x[c]) <= K * se, name + ": point " + k + ", coordinate " + c
                        + " = " + sums.mean(k, c) + " ± " + se + ", exact " + x[c]);
                moved += sums.se(k, c) > 1e-3 ? 1 : 0;
            }
        }
        assertTrue(moved >= d, name + ": only " + moved + " coordinates vary; the check would be empty");
        for (int b = 0; b < heat.length; b++) {
            double se = sums.heatSe(b);
            assertTrue(se > 0, name + ": no heat moved into bath " + b);
            assertTrue(Math.abs(sums.heatMean(b) - heat[b]) <= K * se, name + ": heat into bath " + b + " = "
                    + sums.heatMean(b) + " ± " + se + ", exact " + heat[b]);
        }
    }

    /**
     * A trajectory's bytes do not depend on what its engine ran before (the lone state and its pending flip are the
     * trajectory's, not the engine's), so that threads and shards give the same bytes.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("machines")
    void trajectoriesDoNotDependOnTheEnginesPast(String name, Machine m, int start, double end, double dt) {
        int d = m.dimension();
        String[] seen = new String[2];
        for (int pass = 0; pass < 2; pass++) {
            MachineCollisionEngine engine = new MachineCollisionEngine(m, Ops.unit(d, start, start), grid(end), dt);
            for (int n = 0; n < 30 * pass; n++) {
                engine.run(Streams.forTrajectory(9, 100 + n), NoAllocationTest.NOTHING);
            }
            StringBuilder out = new StringBuilder();
            TrajectoryObserver record = new TrajectoryObserver() {
                @Override
                public void begin() {
                }

                @Override
                public void state(int k, double[] re, double[] im) {
                    out.append(java.util.Arrays.toString(re)).append(java.util.Arrays.toString(im));
                }

                @Override
                public void jump(int channel, int bath, double energy, double time) {
                    out.append(channel).append('@').append(time);
                }

                @Override
                public void end() {
                }
            };
            for (int n = 0; n < 20; n++) {
                engine.run(Streams.forTrajectory(9, n), record);
            }
            seen[pass] = out.toString();
        }
        assertTrue(seen[0].contains("@"), name + ": no jump in 20 trajectories");
        assertEquals(seen[0], seen[1], name);
    }

    /**
     * One step of the scratch map, adding to heat the mean energy each collision moves into its bath's ancilla:
     * Kraus 2·from + to of a swap moves ε_to − ε_from, a reset's √(pτ_n)|n⟩⟨m| (index 1 + n·d_s + m) E_m − E_n.
     */
    private static ZMatrixRMaj step(ScratchCollision scratch, ZMatrixRMaj rho, double[] heat) {
        ZMatrixRMaj out = Ops.mult(Ops.mult(scratch.unitary, rho), Ops.dagger(scratch.unitary));
        for (ScratchCollision.Event e : scratch.events) {
            List<ZMatrixRMaj> kraus = e.kraus();
            double[] energy = e.energies();
            int levels = e.ancilla().length / 2;
            for (int j = 0; j < kraus.size(); j++) {
                double moved;
                if (e.ancilla().length == 2) {
                    moved = energy[j % 2] - energy[j / 2];
                } else {
                    moved = j == 0 ? 0 : energy[(j - 1) % levels] - energy[(j - 1) / levels];
                }
                if (moved != 0) {
                    ZMatrixRMaj kk = kraus.get(j);
                    heat[e.bath()] += moved * Ops.traceRe(Ops.mult(Ops.mult(kk, out), Ops.dagger(kk)));
                }
            }
            out = ScratchCollision.collide(e, out);
        }
        return out;
    }
}
