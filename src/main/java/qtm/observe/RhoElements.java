package qtm.observe;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.ZMatrixRMaj;
import qtm.math.HermitianBasis;

/**
 * The 16 {@link HermitianBasis} coordinates of |ψ⟩⟨ψ| on every grid point: their means are ρ̄(t). Its columns are
 * the populations, ρ_01,10, and the two nonlinear functions of ρ̄ that need the jackknife: the concurrence C(ρ̄) and
 * the purity Tr ρ̄².
 */
public final class RhoElements implements Quantity {
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
            c.add(new Column.Mean("p" + LABELS[i], i, 1, Column.Rare.POPULATION, i));
        }
        c.add(Column.Mean.of("rho_01_10_re", COHERENCE));
        c.add(Column.Mean.of("rho_01_10_im", COHERENCE + 1));
        // The SE comes from the unclipped λ1 − λ2 − λ3 − λ4: clipped, every resample of a separable state gives 0.
        c.add(new Column.OfMean("concurrence", v -> Observables.signedConcurrence(matrix(v)), POPULATIONS, true,
                -1));
        c.add(new Column.OfMean("purity", v -> Observables.purity(matrix(v)), new int[0], false, -1));
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
    public Recorder recorder() {
        return new Recorder() {
            @Override
            public void state(int k, double[] re, double[] im, double[] out, int o) {
                for (int i = 0; i < 4; i++) {
                    out[o + i] = re[i] * re[i] + im[i] * im[i];
                }
                int m = o + 4;
                for (int r = 0; r < 4; r++) {
                    for (int c = r + 1; c < 4; c++) {
                        // ρ_rc = ψ_r ψ_c*
                        out[m++] = re[r] * re[c] + im[r] * im[c];
                        out[m++] = im[r] * re[c] - re[r] * im[c];
                    }
                }
            }
        };
    }
}
