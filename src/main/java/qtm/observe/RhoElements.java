package qtm.observe;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.ZMatrixRMaj;
import qtm.math.HermitianBasis;

/**
 * The d² {@link HermitianBasis} coordinates of |ψ⟩⟨ψ| on every grid point: their means are ρ̄(t). Its columns are
 * the populations, then, for two qubits (the presets and any machine of two qubit sites), ρ_01,10 and the concurrence
 * C(ρ̄), a nonlinear function of ρ̄ that needs the jackknife; then the purity Tr ρ̄² and, after them, what
 * {@link SiteObservables} reads of ρ̄ per site and per bipartition (issue 24). A basis state is labelled by its level
 * digits in site order ({@code 00}, {@code 012}), so that a machine of two qubits keeps the presets' names.
 */
public final class RhoElements implements StateQuantity {
    /** Number of coordinates of two qubits. */
    public static final int SIZE = 16;
    /** The name in files. */
    public static final String NAME = "rho";
    /** Slots of Re and Im ρ_01,10 of two qubits, the pair (1, 2). */
    private static final int COHERENCE = 10;
    private static final double QUANTUM = Quantity.quantumFor(1);

    private final SiteObservables sites;
    private final int d;
    private final HermitianBasis basis;
    private final String[] labels;
    private final List<String> slots;

    /** The presets' layout: two qubits, c and h. */
    public RhoElements() {
        this(new SiteObservables(qtm.model.MachinePresets.SITES, new int[] {2, 2}));
    }

    /**
     * @param sites the machine's sites, which fix d and whose observables follow the standard columns
     */
    public RhoElements(SiteObservables sites) {
        this.sites = sites;
        this.d = sites.dimension();
        this.basis = new HermitianBasis(d);
        this.labels = new String[d];
        int[] dims = sites.dims();
        for (int i = 0; i < d; i++) {
            StringBuilder b = new StringBuilder();
            int rest = i;
            int[] digits = new int[dims.length];
            for (int s = dims.length - 1; s >= 0; s--) {
                digits[s] = rest % dims[s];
                rest /= dims[s];
            }
            for (int digit : digits) {
                b.append(digit);
            }
            labels[i] = b.toString();
        }
        List<String> names = new ArrayList<>();
        for (String l : labels) {
            names.add("rho_" + l + "_" + l);
        }
        for (int i = 0; i < d; i++) {
            for (int j = i + 1; j < d; j++) {
                names.add("rho_" + labels[i] + "_" + labels[j] + "_re");
                names.add("rho_" + labels[i] + "_" + labels[j] + "_im");
            }
        }
        this.slots = List.copyOf(names);
    }

    /** @return the sites whose observables its columns end with */
    public SiteObservables sites() {
        return sites;
    }

    /** @return the dimension d of the states it records */
    public int dimension() {
        return d;
    }

    /** @return the number of coordinates, d² */
    public int size() {
        return d * d;
    }

    /**
     * @param m a coordinate (slot) index
     * @return its name as the CSV files spell it: p00 … p11 (p + the level digits) for the populations, else the
     *     slot's name
     */
    public String element(int m) {
        return m < d ? "p" + labels[m] : slots.get(m);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> slots() {
        return slots;
    }

    @Override
    public double quantum(int slot) {
        return QUANTUM;
    }

    @Override
    public boolean batched() {
        return true;
    }

    /** @return whether it records two qubits, whose ρ_01,10 and concurrence are columns */
    private boolean twoQubits() {
        return sites.dims().length == 2 && sites.dims()[0] == 2 && sites.dims()[1] == 2;
    }

    @Override
    public List<Column> columns() {
        List<Column> c = new ArrayList<>();
        int[] populations = new int[d];
        for (int i = 0; i < d; i++) {
            c.add(new Column.Mean(element(i), i, 1, Column.Rare.POPULATION, i));
            populations[i] = i;
        }
        if (twoQubits()) {
            c.add(Column.Mean.of(Estimates.coherenceRe(), COHERENCE));
            c.add(Column.Mean.of(Estimates.coherenceIm(), COHERENCE + 1));
            // The SE comes from the unclipped λ1 − λ2 − λ3 − λ4: clipped, every resample of a separable state gives 0.
            c.add(new Column.OfMean(Estimates.concurrence(), v -> Observables.signedConcurrence(matrix(v)),
                    populations, true, -1));
        }
        c.add(new Column.OfMean(Estimates.purity(), v -> Observables.purity(matrix(v)), new int[0], false, -1));
        c.addAll(sites.estimates());
        return c;
    }

    /**
     * @param v the d² coordinates
     * @return the density matrix they stand for
     */
    public ZMatrixRMaj matrix(double[] v) {
        return basis.matrix(v, new ZMatrixRMaj(d, d));
    }

    @Override
    public StateRecorder recorder() {
        return d == 4 ? new TwoQubits() : new General(d);
    }

    /**
     * Writes the d² coordinates of a conditional density matrix: its populations, then Re and Im ρ_ij for i &lt; j,
     * the numbers {@link #recorder}'s {@code state} writes for |ψ⟩⟨ψ| (issue 29's mixed conditional states).
     *
     * @param d the dimension
     * @param re real parts of ρ, d×d row-major
     * @param im imaginary parts
     * @param out where to write
     * @param o index of the first coordinate in {@code out}
     */
    public static void writeMixed(int d, double[] re, double[] im, double[] out, int o) {
        for (int i = 0; i < d; i++) {
            out[o + i] = re[i * d + i];
        }
        int m = o + d;
        for (int i = 0; i < d; i++) {
            for (int j = i + 1; j < d; j++) {
                out[m++] = re[i * d + j];
                out[m++] = im[i * d + j];
            }
        }
    }

    /** The presets' recorder, written out for speed (see {@link #write}). */
    private static final class TwoQubits implements StateRecorder {
        @Override
        public void state(int k, double[] re, double[] im, double[] out, int o) {
            write(re[0], im[0], re[1], im[1], re[2], im[2], re[3], im[3], out, o);
        }

        @Override
        public void mixed(int k, double[] re, double[] im, double[] out, int o) {
            writeMixed(4, re, im, out, o);
        }
    }

    /** Any dimension's recorder: ρ_ij = ψ_i ψ_j*. */
    private static final class General implements StateRecorder {
        private final int n;

        General(int n) {
            this.n = n;
        }

        @Override
        public void state(int k, double[] re, double[] im, double[] out, int o) {
            for (int i = 0; i < n; i++) {
                out[o + i] = re[i] * re[i] + im[i] * im[i];
            }
            int m = o + n;
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    out[m++] = re[i] * re[j] + im[i] * im[j];
                    out[m++] = im[i] * re[j] - re[i] * im[j];
                }
            }
        }

        @Override
        public void mixed(int k, double[] re, double[] im, double[] out, int o) {
            writeMixed(n, re, im, out, o);
        }
    }

    /**
     * Writes the 16 coordinates of |ψ⟩⟨ψ| for the amplitudes ψ_m = r_m + i·i_m.
     *
     * @param r0 Re ψ₀₀
     * @param i0 Im ψ₀₀
     * @param r1 Re ψ₀₁
     * @param i1 Im ψ₀₁
     * @param r2 Re ψ₁₀
     * @param i2 Im ψ₁₀
     * @param r3 Re ψ₁₁
     * @param i3 Im ψ₁₁
     * @param out where to write
     * @param o index of the first coordinate in {@code out}
     */
    public static void write(double r0, double i0, double r1, double i1, double r2, double i2, double r3, double i3,
            double[] out, int o) {
        // Written out rather than as loops over r < c: the JIT kept the nested loops with their variable bounds, and
        // they were a third of the whole trajectory's time. ρ_rc = ψ_r ψ_c*.
        out[o] = r0 * r0 + i0 * i0;
        out[o + 1] = r1 * r1 + i1 * i1;
        out[o + 2] = r2 * r2 + i2 * i2;
        out[o + 3] = r3 * r3 + i3 * i3;
        out[o + 4] = r0 * r1 + i0 * i1;
        out[o + 5] = i0 * r1 - r0 * i1;
        out[o + 6] = r0 * r2 + i0 * i2;
        out[o + 7] = i0 * r2 - r0 * i2;
        out[o + 8] = r0 * r3 + i0 * i3;
        out[o + 9] = i0 * r3 - r0 * i3;
        out[o + 10] = r1 * r2 + i1 * i2;
        out[o + 11] = i1 * r2 - r1 * i2;
        out[o + 12] = r1 * r3 + i1 * i3;
        out[o + 13] = i1 * r3 - r1 * i3;
        out[o + 14] = r2 * r3 + i2 * i3;
        out[o + 15] = i2 * r3 - r2 * i3;
    }
}
