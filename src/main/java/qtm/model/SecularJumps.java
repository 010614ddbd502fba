package qtm.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ejml.data.ZMatrixRMaj;
import qtm.math.Ops;

/**
 * The jump operators of the global master equation: a bath's coupling operator A split into its Bohr-frequency
 * components A(ω) = Σ_{ε′−ε=ω} Π(ε) A Π(ε′) between the eigenspaces of the full Hamiltonian, each lowering channel
 * A(ω) at the bath's emission rate for ω and its adjoint at the absorption rate (the secular, Davies form).
 *
 * <p>The eigenstates are known in closed form for all three machines: |00⟩ at 0, (|01⟩ ± |10⟩)/√2 at E ± g and
 * |11⟩ at 2E + U. Levels equal to within 1e-12·E share one eigenspace, and components whose frequencies agree to
 * that tolerance are one channel, so g = 0 gives back the local channels and U = 2g merges E + g with E + U − g.
 */
public final class SecularJumps {
    private static final double TOLERANCE = 1e-12;

    private SecularJumps() {
    }

    /**
     * @param energy E
     * @param g coupling ≥ 0
     * @param u Coulomb energy (0 for qubits)
     * @param side the bath
     * @param coupling the bath's lowering operator (σ⁻_k, or the dot's Jordan–Wigner c_k)
     * @param spectrum the bath's rates by frequency
     * @return the lowering channels in rising frequency, each followed by its adjoint
     */
    public static List<Jump> of(double energy, double g, double u, Side side, ZMatrixRMaj coupling,
            BathSpectrum spectrum) {
        double r = Math.sqrt(0.5);
        double[] level = {0, energy + g, energy - g, 2 * energy + u};
        double[][] vector = {{1, 0, 0, 0}, {0, r, r, 0}, {0, r, -r, 0}, {0, 0, 0, 1}};
        double tol = TOLERANCE * energy;
        List<double[]> classes = new ArrayList<>();
        List<ZMatrixRMaj> projectors = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            int c = 0;
            while (c < classes.size() && Math.abs(classes.get(c)[0] - level[i]) > tol) {
                c++;
            }
            if (c == classes.size()) {
                classes.add(new double[] {level[i]});
                projectors.add(new ZMatrixRMaj(4, 4));
            }
            ZMatrixRMaj p = projectors.get(c);
            for (int a = 0; a < 4; a++) {
                for (int b = 0; b < 4; b++) {
                    p.set(a, b, p.getReal(a, b) + vector[i][a] * vector[i][b], 0);
                }
            }
        }
        List<Double> frequencies = new ArrayList<>();
        List<ZMatrixRMaj> parts = new ArrayList<>();
        for (int a = 0; a < classes.size(); a++) {
            for (int b = 0; b < classes.size(); b++) {
                double omega = classes.get(b)[0] - classes.get(a)[0];
                if (!(omega > tol)) {
                    continue;
                }
                ZMatrixRMaj part = Ops.mult(projectors.get(a), coupling, projectors.get(b));
                if (Ops.maxAbsDiff(part, new ZMatrixRMaj(4, 4)) < 1e-14) {
                    continue;
                }
                int f = 0;
                while (f < frequencies.size() && Math.abs(frequencies.get(f) - omega) > tol) {
                    f++;
                }
                if (f == frequencies.size()) {
                    frequencies.add(omega);
                    parts.add(part);
                } else {
                    parts.set(f, Ops.add(1.0, parts.get(f), 1.0, part));
                }
            }
        }
        Integer[] order = new Integer[frequencies.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (x, y) -> Double.compare(frequencies.get(x), frequencies.get(y)));
        List<Jump> jumps = new ArrayList<>();
        char s = side.key().charAt(0);
        for (int i : order) {
            double omega = frequencies.get(i);
            ZMatrixRMaj down = clean(parts.get(i));
            String at = String.format(Locale.ROOT, "@%.6g", omega);
            jumps.add(new Jump(side, down, spectrum.emission(omega), omega, s + "-" + at));
            jumps.add(new Jump(side, Ops.dagger(down), spectrum.absorption(omega), -omega, s + "+" + at));
        }
        return jumps;
    }

    /** Rounds entries that should be 0 or ±1/2 (products of 1/√2) but carry the last bit of √½·√½. */
    private static ZMatrixRMaj clean(ZMatrixRMaj a) {
        ZMatrixRMaj out = a.copy();
        for (int k = 0; k < out.data.length; k++) {
            double x = out.data[k];
            for (double exact : new double[] {0, 0.5, -0.5, 1, -1}) {
                if (Math.abs(x - exact) < 1e-15) {
                    out.data[k] = exact;
                }
            }
        }
        return out;
    }
}
