package qtm.observe;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.ZMatrixRMaj;
import qtm.math.HermitianBasis;

/**
 * The 16 {@link HermitianBasis} coordinates of |ψ⟩⟨ψ| on every grid point: their means are ρ̄(t). Its columns are
 * the populations, ρ_01,10, and the two nonlinear functions of ρ̄ that need the jackknife: the concurrence C(ρ̄) and
 * the purity Tr ρ̄²; then, after them, what {@link SiteObservables} reads of ρ̄ per site and per bipartition (issue 24).
 */
public final class RhoElements implements StateQuantity {
    /** Number of coordinates. */
    public static final int SIZE = 16;
    /** The name in files. */
    public static final String NAME = "rho";
    private static final HermitianBasis BASIS = new HermitianBasis(4);
    private static final String[] LABELS = {"00", "01", "10", "11"};
    /** Slots of the populations: the diagonal comes first in {@link HermitianBasis}. */
    private static final int[] POPULATIONS = {0, 1, 2, 3};
    /** Slots of Re and Im ρ_01,10, the pair (1, 2). */
    private static final int COHERENCE = 10;
    private static final double QUANTUM = Quantity.quantumFor(1);

    /**
     * @param m a coordinate (slot) index
     * @return its name as the CSV files spell it: p00 … p11 for the populations, else the slot's name
     */
    public static String element(int m) {
        return m < 4 ? Estimates.population(m) : SLOTS.get(m);
    }

    private static final List<String> SLOTS = new RhoElements().slots();

    private final SiteObservables sites;

    /** The presets' layout: two qubits, c and h. */
    public RhoElements() {
        this(new SiteObservables(qtm.model.MachinePresets.SITES, new int[] {2, 2}));
    }

    /**
     * @param sites the machine's sites, whose observables follow the standard columns
     * @throws IllegalArgumentException unless the sites make d = 4, the engines' dimension
     */
    public RhoElements(SiteObservables sites) {
        if (sites.dimension() * sites.dimension() != SIZE) {
            throw new IllegalArgumentException("the engines record 4x4 states; the sites make d = "
                    + sites.dimension());
        }
        this.sites = sites;
    }

    /** @return the sites whose observables its columns end with */
    public SiteObservables sites() {
        return sites;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> slots() {
        List<String> names = new ArrayList<>();
        for (String l : LABELS) {
            names.add("rho_" + l + "_" + l);
        }
        for (int i = 0; i < 4; i++) {
            for (int j = i + 1; j < 4; j++) {
                names.add("rho_" + LABELS[i] + "_" + LABELS[j] + "_re");
                names.add("rho_" + LABELS[i] + "_" + LABELS[j] + "_im");
            }
        }
        return names;
    }

    @Override
    public double quantum(int slot) {
        return QUANTUM;
    }

    @Override
    public boolean batched() {
        return true;
    }

    @Override
    public List<Column> columns() {
        List<Column> c = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            c.add(new Column.Mean(Estimates.population(i), i, 1, Column.Rare.POPULATION, i));
        }
        c.add(Column.Mean.of(Estimates.coherenceRe(), COHERENCE));
        c.add(Column.Mean.of(Estimates.coherenceIm(), COHERENCE + 1));
        // The SE comes from the unclipped λ1 − λ2 − λ3 − λ4: clipped, every resample of a separable state gives 0.
        c.add(new Column.OfMean(Estimates.concurrence(), v -> Observables.signedConcurrence(matrix(v)), POPULATIONS, true,
                -1));
        c.add(new Column.OfMean(Estimates.purity(), v -> Observables.purity(matrix(v)), new int[0], false, -1));
        c.addAll(sites.estimates());
        return c;
    }

    /**
     * @param v the 16 coordinates
     * @return the density matrix they stand for
     */
    public static ZMatrixRMaj matrix(double[] v) {
        return BASIS.matrix(v, new ZMatrixRMaj(4, 4));
    }

    @Override
    public StateRecorder recorder() {
        return (k, re, im, out, o) -> write(re[0], im[0], re[1], im[1], re[2], im[2], re[3], im[3], out, o);
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
