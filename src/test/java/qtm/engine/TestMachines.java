package qtm.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ejml.data.ZMatrixRMaj;
import qtm.math.Ops;
import qtm.model.Approach;
import qtm.model.BathKind;
import qtm.model.Coupling;
import qtm.model.Ladder;
import qtm.model.Machine;
import qtm.model.MachineBath;
import qtm.model.MachineChannel;
import qtm.model.Site;

/** The machines the general jump engine's tests and benchmark run, each built from {@link Machine}. */
final class TestMachines {
    private TestMachines() {
    }

    /**
     * The three-qubit chain c–m–h (all gaps 1), exchange g on c–m and m–h, a cold bosonic bath on c and a hot one on
     * h, local approach.
     */
    static Machine chain(double g, double coldT, double coldRate, double hotT, double hotRate) {
        return new Machine(Approach.LOCAL,
                List.of(new Site("c", 0.0, 1.0), new Site("m", 0.0, 1.0), new Site("h", 0.0, 1.0)),
                List.of(new Coupling.Exchange("c", "m", g), new Coupling.Exchange("m", "h", g)),
                List.of(new MachineBath("cold", "c", BathKind.BOSONIC, coldT, coldRate),
                        new MachineBath("hot", "h", BathKind.BOSONIC, hotT, hotRate)));
    }

    /** The same machine with every exchange g multiplied by a factor. */
    static Machine scaledCouplings(Machine m, double factor) {
        List<Coupling> scaled = new ArrayList<>();
        for (Coupling c : m.couplings()) {
            scaled.add(c instanceof Coupling.Exchange e ? new Coupling.Exchange(e.a(), e.b(), factor * e.g()) : c);
        }
        return new Machine(m.approach(), m.sites(), scaled, m.baths());
    }

    /** The chain the tests run: g and every γ(1 + n) at most 0.1 × the gap, time scale ~ 10–100. */
    static Machine testChain() {
        return chain(0.05, 0.3, 0.04, 2.0, 0.02);
    }

    /**
     * The chain the benchmark runs: the flux-optimum couplings (g = 1.6e-3, a cold bath at T = 0 with γ = 1e-2, a hot
     * one at T = 100 with γ = 1e-5, so γ(1 + n) ≈ 1e-3), all within 0.1 × the gap.
     */
    static Machine benchChain() {
        return chain(1.6e-3, 0.0, 1e-2, 100.0, 1e-5);
    }

    /**
     * A qubit c and a harmonic qutrit h with an exchange and a density coupling (so the Bohr components of X_c split
     * into three frequencies), a cold bosonic bath on c and a hot reset bath at T = ∞ on h.
     */
    static Machine qutrit() {
        return new Machine(Approach.LOCAL,
                List.of(new Site("c", 0.0, 1.0), new Site("h", new double[] {0.0, 1.0, 2.0}, Ladder.HARMONIC)),
                List.of(new Coupling.Exchange("c", "h", 0.04), new Coupling.Density("c", "h", 0.3)),
                List.of(new MachineBath("cold", "c", BathKind.BOSONIC, 0.5, 0.03),
                        new MachineBath("hot", "h", BathKind.RESET, Double.POSITIVE_INFINITY, 0.02)));
    }

    /**
     * The flux-optimum machine (E = 1, cold T = 0 with γ = 1e-2, hot T = 100 with γ = 1e-5) at its exceptional
     * point: in the block {|01⟩, |10⟩} H_eff = [[E − iΓ₀₁/2, g], [g, E − iΓ₁₀/2]], whose eigenvalues coalesce where
     * g = |Γ₁₀ − Γ₀₁|/4, with Γ the diagonal of Σγ A†A (9.99e-3/4 ≈ 2.5e-3 here).
     */
    static Machine fluxAtExceptionalPoint() {
        Machine probe = flux(1.6e-3);
        double[] diag = new double[4];
        for (MachineChannel c : probe.channels()) {
            ZMatrixRMaj a = c.operator();
            for (int j = 0; j < 4; j++) {
                for (int i = 0; i < 4; i++) {
                    diag[j] += c.rate() * (a.getReal(i, j) * a.getReal(i, j) + a.getImag(i, j) * a.getImag(i, j));
                }
            }
        }
        return flux(Math.abs(diag[2] - diag[1]) / 4);
    }

    private static Machine flux(double g) {
        return new Machine(Approach.LOCAL, List.of(new Site("c", 0.0, 1.0), new Site("h", 0.0, 1.0)),
                List.of(new Coupling.Exchange("c", "h", g)),
                List.of(new MachineBath("cold", "c", BathKind.BOSONIC, 0.0, 1e-2),
                        new MachineBath("hot", "h", BathKind.BOSONIC, 100.0, 1e-5)));
    }

    /**
     * A machine of two or three sites of 2 to 4 levels with random level energies, couplings and baths of every kind
     * (fermionic only on qubits), in the local approach or, without reset and fermionic baths, the global one.
     */
    static Machine random(long seed) {
        Random r = new Random(seed);
        int sites = 2 + r.nextInt(2);
        List<Site> list = new ArrayList<>();
        String[] names = {"a", "b", "c"};
        for (int s = 0; s < sites; s++) {
            int levels = 2 + r.nextInt(sites == 3 ? 2 : 3);
            double[] e = new double[levels];
            for (int n = 1; n < levels; n++) {
                e[n] = e[n - 1] + 0.5 + r.nextDouble();
            }
            list.add(new Site(names[s], e, r.nextBoolean() ? Ladder.UNIT : Ladder.HARMONIC));
        }
        boolean global = r.nextInt(3) == 0;
        List<Coupling> couplings = new ArrayList<>();
        for (int s = 0; s + 1 < sites; s++) {
            couplings.add(new Coupling.Exchange(names[s], names[s + 1], 0.01 + 0.04 * r.nextDouble()));
            if (r.nextBoolean()) {
                couplings.add(new Coupling.Density(names[s], names[s + 1], r.nextDouble()));
            }
        }
        List<MachineBath> baths = new ArrayList<>();
        for (int s = 0; s < sites; s++) {
            if (s == 1 && sites == 3) {
                continue;
            }
            BathKind kind = global ? BathKind.BOSONIC : BathKind.values()[r.nextInt(BathKind.values().length)];
            if (kind == BathKind.FERMIONIC && list.get(s).dimension() != 2) {
                kind = BathKind.BOSONIC;
            }
            double t = kind == BathKind.BOSONIC ? 2 * r.nextDouble() : 3 * r.nextDouble();
            double rate = 0.005 + 0.03 * r.nextDouble();
            baths.add(new MachineBath("b" + s, names[s], kind, t, rate));
        }
        return new Machine(global ? Approach.GLOBAL : Approach.LOCAL, list, couplings, baths);
    }

    /** |ψ⟩⟨ψ| for a normalised ψ. */
    static ZMatrixRMaj pure(double[] re, double[] im) {
        int d = re.length;
        double[][] a = new double[d][d];
        double[][] b = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                a[i][j] = re[i] * re[j] + im[i] * im[j];
                b[i][j] = im[i] * re[j] - re[i] * im[j];
            }
        }
        return Ops.of(a, b);
    }
}
