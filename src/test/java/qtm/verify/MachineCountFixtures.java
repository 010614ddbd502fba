package qtm.verify;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ejml.data.ZMatrixRMaj;
import qtm.engine.MachineCollisionEngine;
import qtm.engine.MachineTrajectories;
import qtm.ensemble.EnsembleResult;
import qtm.ensemble.EnsembleRunner;
import qtm.ensemble.EnsembleSettings;
import qtm.math.Ops;
import qtm.model.Machine;
import qtm.model.MachineChannel;
import qtm.model.MachineCollision;
import qtm.model.MachineReset;
import qtm.model.MachineSwap;
import qtm.observe.Quantities;
import qtm.scenario.Scenario;
import qtm.scenario.ScenarioReader;

/**
 * What the machine counting tests share: small machines of each kind on a short grid, their ensembles, and the exact
 * mean net count of a bath written from scratch, independent of the tilted generators under test: for the master
 * equation ∫₀ᵗ Σ_j ν_j γ_j Tr(A_j ρ(s) A_j†) ds with ρ(s) and the integral advanced together by RK4; for the
 * collision model Σ over steps and branches of ν_b Tr(K_b ρ K_b†), ρ pushed through the unitary and each collision's
 * Kraus operators in order.
 */
public final class MachineCountFixtures {
    /** A qubit and a harmonic qutrit (d = 6): a bosonic bath and a reset one (also the CLI tests' qutrit). */
    public static final String QUTRIT = """
            name: qutrit
            model:
              type: machine
              sites:
                - {name: c, levels: [0.0, 1.0]}
                - {name: h, levels: [0.0, 1.0, 2.0], ladder: harmonic}
              couplings:
                - {kind: exchange, sites: [c, h], g: 0.04}
                - {kind: density, sites: [c, h], U: 0.3}
              baths:
                - {name: cold, site: c, kind: bosonic, T: 0.5, rate: 0.03}
                - {name: hot, site: h, kind: reset, T: inf, rate: 0.02}
            initial: "00"
            time: {end: 60, points: 7}
            """;

    /** Three qubits in a chain (d = 8), bosonic baths at its ends. */
    static final String CHAIN = """
            name: chain
            model:
              type: machine
              sites:
                - {name: c, levels: [0.0, 1.0]}
                - {name: m, levels: [0.0, 1.1]}
                - {name: h, levels: [0.0, 0.9]}
              couplings:
                - {kind: exchange, sites: [c, m], g: 0.05}
                - {kind: exchange, sites: [m, h], g: 0.05}
              baths:
                - {name: cold, site: c, kind: bosonic, T: 0.3, rate: 0.04}
                - {name: hot, site: h, kind: bosonic, T: 2.0, rate: 0.03}
            initial: "000"
            time: {end: 60, points: 7}
            """;

    /**
     * Two qubits with three kinds of bath (d = 4): bosonic on c; a fermionic lead at μ = 2 above the dot's level on
     * h, so that each electron into the lead counts +1 and carries negative heat, and a reset bath on h too.
     */
    static final String MIX = """
            name: mix
            model:
              type: machine
              sites:
                - {name: c, levels: [0.0, 1.0]}
                - {name: h, levels: [0.0, 1.1]}
              couplings:
                - {kind: exchange, sites: [c, h], g: 0.05}
              baths:
                - {name: cold, site: c, kind: bosonic, T: 0.3, rate: 0.04}
                - {name: lead, site: h, kind: fermionic, T: 1.0, rate: 0.03, mu: 2.0}
                - {name: hot, site: h, kind: reset, T: 3.0, rate: 0.02}
            initial: "00"
            time: {end: 60, points: 7}
            """;

    private MachineCountFixtures() {
    }

    /** Reads a machine's scenario from its text, with --set overrides. */
    static Scenario scenario(Path dir, String yaml, String... sets) throws java.io.IOException {
        Path file = Files.createTempFile(dir, "machine", ".yaml");
        Files.writeString(file, yaml);
        return ScenarioReader.readForRun(file, List.of(sets));
    }

    /**
     * An ensemble of the jump engine (collision false) or the collision engine at Δt = 1, recording what a run
     * records but the waiting times (whose exact plan costs more than these small ensembles).
     */
    static EnsembleResult run(Scenario s, boolean collision, long n, long seed) {
        Machine m = s.machine();
        List<MachineChannel> channels = m.channels();
        var quantities = Quantities.machine(m, channels, s.time(), s.initial()).stream()
                .filter(q -> !(q instanceof qtm.observe.WaitingHistogram)).toList();
        return EnsembleRunner.run(() -> collision ? new MachineCollisionEngine(m, s.initial(), s.time(), 1.0)
                : new MachineTrajectories(m.hamiltonian(), channels, s.initial(), s.time()), quantities, s.time(),
                EnsembleSettings.count(n, seed, 2));
    }

    /**
     * ⟨N_k(t)⟩ and ⟨Q_k(t)⟩ of every bath of the master equation by RK4 on (ρ, N, Q) with the given step.
     *
     * @return [0][k] the mean count of bath k, [1][k] its mean heat
     */
    static double[][] masterMeans(Machine m, ZMatrixRMaj rho0, double t, double h) {
        ZMatrixRMaj rho = rho0.copy();
        int baths = m.baths().size();
        double[][] n = new double[2][baths];
        int steps = (int) Math.round(t / h);
        for (int i = 0; i < steps; i++) {
            ZMatrixRMaj k1 = lindblad(m, rho);
            ZMatrixRMaj r2 = Ops.add(1, rho, h / 2, k1);
            ZMatrixRMaj k2 = lindblad(m, r2);
            ZMatrixRMaj r3 = Ops.add(1, rho, h / 2, k2);
            ZMatrixRMaj k3 = lindblad(m, r3);
            ZMatrixRMaj r4 = Ops.add(1, rho, h, k3);
            ZMatrixRMaj k4 = lindblad(m, r4);
            for (int w = 0; w < 2; w++) {
                boolean heat = w == 1;
                for (int k = 0; k < baths; k++) {
                    n[w][k] += h / 6 * (current(m, rho, k, heat) + 2 * current(m, r2, k, heat)
                            + 2 * current(m, r3, k, heat) + current(m, r4, k, heat));
                }
            }
            ZMatrixRMaj sum = Ops.add(1, Ops.add(1, k1, 2, k2), 1, Ops.add(2, k3, 1, k4));
            rho = Ops.add(1, rho, h / 6, sum);
        }
        return n;
    }

    /** −i[H, ρ] + Σ_j γ_j (A ρ A† − ½{A†A, ρ}). */
    private static ZMatrixRMaj lindblad(Machine m, ZMatrixRMaj rho) {
        ZMatrixRMaj out = Ops.scale(0, -1, Ops.commutator(m.hamiltonian(), rho));
        for (MachineChannel c : m.channels()) {
            if (c.rate() == 0) {
                continue;
            }
            ZMatrixRMaj a = c.operator();
            ZMatrixRMaj ad = Ops.dagger(a);
            ZMatrixRMaj jump = Ops.mult(a, rho, ad);
            ZMatrixRMaj anti = Ops.anticommutator(Ops.mult(ad, a), rho);
            out = Ops.add(1, out, c.rate(), Ops.add(1, jump, -0.5, anti));
        }
        return out;
    }

    /** Σ_j w_j γ_j Tr(A_j ρ A_j†) over the bath's channels, w_j its count ν_j or its heat. */
    private static double current(Machine m, ZMatrixRMaj rho, int bath, boolean heat) {
        double s = 0;
        for (MachineChannel c : m.channels()) {
            if (c.bath() == bath && c.rate() > 0) {
                ZMatrixRMaj a = c.operator();
                s += (heat ? c.heat() : c.count()) * c.rate() * Ops.traceRe(Ops.mult(a, rho, Ops.dagger(a)));
            }
        }
        return s;
    }

    /** ⟨N_bath⟩ of the collision model after the given number of steps at Δt = 1, branch by branch. */
    static double collisionMean(Machine m, ZMatrixRMaj rho0, MachineCollision step, long steps, int bath) {
        List<MachineChannel> channels = m.channels();
        ZMatrixRMaj u = step.unitary();
        ZMatrixRMaj rho = rho0.copy();
        double n = 0;
        for (long s = 0; s < steps; s++) {
            rho = Ops.mult(u, rho, Ops.dagger(u));
            for (MachineCollision.Event e : step.events()) {
                ZMatrixRMaj next = new ZMatrixRMaj(rho.numRows, rho.numCols);
                if (e instanceof MachineSwap w) {
                    double g = 1 - w.excited();
                    double q = w.excited();
                    ZMatrixRMaj[] k = {w.stayGround(), w.emit(), w.stayExcited(), w.absorb()};
                    double[] p = {g, g, q, q};
                    int[] channel = {-1, w.down(), -1, w.up()};
                    for (int b = 0; b < 4; b++) {
                        ZMatrixRMaj x = Ops.scale(p[b], 0, Ops.mult(k[b], rho, Ops.dagger(k[b])));
                        next = Ops.add(1, next, 1, x);
                        n += weight(channels, channel[b], bath) * Ops.traceRe(x);
                    }
                } else {
                    MachineReset r = (MachineReset) e;
                    next = Ops.scale(1 - r.probability(), 0, rho);
                    int ds = r.levels();
                    for (int a = 0; a < ds; a++) {
                        for (int b = 0; b < ds; b++) {
                            ZMatrixRMaj k = r.space().embed(r.site(), Ops.unit(ds, a, b));
                            ZMatrixRMaj x = Ops.scale(r.probability() * r.tau()[a], 0, Ops.mult(k, rho,
                                    Ops.dagger(k)));
                            next = Ops.add(1, next, 1, x);
                            n += weight(channels, r.first() + a * ds + b, bath) * Ops.traceRe(x);
                        }
                    }
                }
                rho = next;
            }
        }
        return n;
    }

    private static int weight(List<MachineChannel> channels, int channel, int bath) {
        return channel < 0 || channels.get(channel).bath() != bath ? 0 : channels.get(channel).count();
    }
}
