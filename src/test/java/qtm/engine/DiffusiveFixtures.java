package qtm.engine;

import java.util.List;
import org.ejml.data.ZMatrixRMaj;
import qtm.model.Bath;
import qtm.model.FluxModel;
import qtm.model.Model;
import qtm.model.TimeGrid;
import qtm.testing.LindbladRk4;

/** The diffusive engine's tests' machine, initial states and master-equation reference (issue 29). */
final class DiffusiveFixtures {
    private DiffusiveFixtures() {
    }

    /** A flux machine fast enough that ρ(t) moves well within t = 8: γ(1 + n) ≈ 0.1 of the gap. */
    static final Model FLUX = new FluxModel(1.0, 0.08, new Bath(0.4, 0.08), new Bath(1.5, 0.03));
    static final TimeGrid GRID = new TimeGrid(8, 5);
    static final double DT = 0.02;

    /** (|00⟩ + |10⟩)/√2: a coherence across excitation sectors, so that the homodyne current is not zero. */
    static ZMatrixRMaj coherent() {
        ZMatrixRMaj rho = new ZMatrixRMaj(4, 4);
        for (int i : new int[] {0, 2}) {
            for (int j : new int[] {0, 2}) {
                rho.set(i, j, 0.5, 0);
            }
        }
        return rho;
    }

    /**
     * (|00⟩ + e^{0.7i}|10⟩ + e^{−1.2i}|01⟩)/√3: coherences with both baths' one-excitation states whose complex phases
     * make the homodyne mean depend on the sign of φ, not only on cos φ.
     */
    static ZMatrixRMaj complexCoherent() {
        double[] re = {1, Math.cos(-1.2), Math.cos(0.7), 0};
        double[] im = {0, Math.sin(-1.2), Math.sin(0.7), 0};
        ZMatrixRMaj rho = new ZMatrixRMaj(4, 4);
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                rho.set(i, j, (re[i] * re[j] + im[i] * im[j]) / 3, (im[i] * re[j] - re[i] * im[j]) / 3);
            }
        }
        return rho;
    }

    /**
     * ρ(t) of the master equation on the grid ({@link LindbladRk4}, written from scratch), interleaved re/im per
     * row-major element at each grid point: coordinate 2(d·i + j) + part.
     */
    static double[][] masterEquation(ZMatrixRMaj h, List<ZMatrixRMaj> ls, ZMatrixRMaj rho0, TimeGrid grid) {
        double[][] out = new double[grid.points()][];
        ZMatrixRMaj rho = rho0.copy();
        out[0] = rho.data.clone();
        for (int k = 1; k < grid.points(); k++) {
            rho = LindbladRk4.evolve(h, ls, rho, grid.step(), 1e-3);
            out[k] = rho.data.clone();
        }
        return out;
    }

    /** The preset's jump operators √γ A as the master equation has them. */
    static List<ZMatrixRMaj> operators(Model model) {
        List<ZMatrixRMaj> ls = new java.util.ArrayList<>();
        for (var j : model.jumps()) {
            ZMatrixRMaj l = j.operator().copy();
            org.ejml.dense.row.CommonOps_ZDRM.scale(Math.sqrt(j.rate()), 0, l);
            ls.add(l);
        }
        return ls;
    }
}
