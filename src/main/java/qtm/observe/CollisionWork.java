package qtm.observe;

import java.util.List;
import qtm.model.Model;
import qtm.model.Side;
import qtm.model.TimeGrid;

/**
 * The switching work of each bath in the collision model, cumulative on the grid: per trajectory W_k(t) is the sum,
 * over the collisions of bath k during [0, t], of the change of ⟨ψ|H_int|ψ⟩ (H_int = g(|01⟩⟨10| + h.c.), ψ
 * normalised) across the collision. Each collision conserves H₀ plus the ancilla's energy, so this is ΔE_S + Q_k of
 * the collision; e^{−iHΔt} conserves ⟨H_int⟩ ([H_int, H₀] = 0 for resonant qubits and for the double dot), so only
 * the collisions change it. Its mean over trajectories is the exact map's W_k(t) (the map is the average of the
 * conditional states); it is a plain mean with the SE of a mean. Recorded for the collision engine only: a jump
 * trajectory has no collisions, and its ⟨H_int⟩ changes continuously under the no-jump evolution.
 */
public final class CollisionWork implements StateQuantity {
    /** Its name in saved ensembles. */
    public static final String NAME = "collision_work";
    private final double g;
    private final double[] units = new double[2];

    /**
     * @param model the machine
     * @param grid the output grid (its end bounds the work, and so its fixed-point unit)
     */
    public CollisionWork(Model model, TimeGrid grid) {
        this.g = model.g();
        BathQuanta quanta = new BathQuanta(model);
        for (Side side : Side.values()) {
            // A click moves ⟨H_int⟩ by at most 2g, a quiet collision by at most g(1/cos θ − 1) ≈ gθ²/2 = g γ Δt / 2:
            // the bath's work stays below 2g per jump it can plausibly make, counted as for its quanta, with a
            // factor 4 to spare (two bits of the 24), since the quiet collisions' drift is bounded only roughly.
            units[side.ordinal()] = Quantity.quantumFor(8 * g * quanta.countBound(side, grid.end()));
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> slots() {
        return List.of(Estimates.work(Side.COLD), Estimates.work(Side.HOT));
    }

    @Override
    public double quantum(int slot) {
        return units[slot];
    }

    @Override
    public boolean batched() {
        return false;
    }

    @Override
    public List<Column> columns() {
        return Column.perSide(side -> Column.Mean.of(Estimates.work(side), side.ordinal()));
    }

    @Override
    public StateRecorder recorder() {
        double twoG = 2 * g;
        return new StateRecorder() {
            private final double[] work = new double[2];
            private double last;

            @Override
            public void begin() {
                work[0] = 0;
                work[1] = 0;
            }

            @Override
            public void state(int k, double[] re, double[] im, double[] out, int o) {
                if (k == 0) {
                    last = twoG * (re[1] * re[2] + im[1] * im[2]);
                }
                out[o] = work[0];
                out[o + 1] = work[1];
            }

            @Override
            public void collided(Side side, double[] re, double[] im) {
                // ⟨H_int⟩ = 2g Re ψ_01ψ_10*, the same in the engine's frame (see TrajectoryObserver#collided).
                double h = twoG * (re[1] * re[2] + im[1] * im[2]);
                work[side.ordinal()] += h - last;
                last = h;
            }
        };
    }
}
