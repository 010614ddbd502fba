package qtm.observe;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.ZMatrixRMaj;
import qtm.model.Machine;
import qtm.model.MachineChannel;
import qtm.model.TimeGrid;

/**
 * The heat and switching work of each bath of a machine's collision model (issue 25), cumulative on the grid, as
 * {@link CollisionWork} records the presets' work: per trajectory Q_k(t) is the heat of bath k's jumps during [0, t],
 * and W_k(t) sums, over the collisions of bath k, ΔE_S + Q_k read from the trajectory.
 *
 * <p>Read literally (Δ⟨ψ|H|ψ⟩ plus the jump's heat) each flip's ΔE_S and heat nearly cancel, about ±ω each, and the
 * trajectories' spread hides a work of order g. So each collision books a control variate that has mean 0 given the
 * state before it: a swap's unitary conserves H₀ + ω n_A (A_ω lowers H₀ by ω); a reset's conserves its site's levels
 * plus its copy's, and leaves the other sites' reduced state as it was. So with Y_k that H₀, or every site's own levels
 * for a reset's bath (not the density couplings, whose change is the reset's work), E[ΔY_k] + E[energy the jumps move]
 * = 0 for every collision. Per collision W_k = Δ⟨H − Y_k⟩ + Σ over its jumps (heat − energy), the latter −μ per
 * electron a lead takes (0 for every other bath): the mean is the map's W_k = ΔE_S + Q_k of
 * {@code qtm.exact.MachineCollisionThermodynamics}, the spread that of the coupling energy. ⟨Y_k⟩ is not conserved by
 * e^{−iHΔt}, so the engine reports the state after it too ({@code TrajectoryObserver.FREE}). Batched, so that the total
 * entropy production joins ρ̄ and the heat in one jackknife. Hearing every collision costs the engine its fast path:
 * recorded by the collision engine's runs only.
 */
public final class MachineCollisionWork implements StateQuantity {
    /** Its name in saved ensembles. */
    public static final String NAME = "machine_collision_work";
    private final List<String> slots = new ArrayList<>();
    private final double[] units;
    private final int baths;
    private final int d;
    /** H's non-zero entries: row, column, value. */
    private final int[] rows;
    private final int[] cols;
    private final double[] hRe;
    private final double[] hIm;
    /** Per bath the diagonal of Y_k: H₀ for a swap's bath, every site's own levels for a reset's. */
    private final double[][] conserved;
    /** Per channel its heat less its energy (−μ per electron into a lead, else 0). */
    private final double[] offsets;

    /**
     * @param machine the machine
     * @param channels its channels, in the engine's order
     * @param grid the output grid (its end bounds the numbers, and so their fixed-point units)
     */
    public MachineCollisionWork(Machine machine, List<MachineChannel> channels, TimeGrid grid) {
        BathQuanta quanta = new BathQuanta(machine, channels);
        this.baths = quanta.names().size();
        this.units = new double[2 * baths];
        ZMatrixRMaj h = machine.hamiltonian();
        this.d = h.numRows;
        List<int[]> at = new ArrayList<>();
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                if (h.getReal(i, j) != 0 || h.getImag(i, j) != 0) {
                    at.add(new int[] {i, j});
                }
            }
        }
        this.rows = at.stream().mapToInt(x -> x[0]).toArray();
        this.cols = at.stream().mapToInt(x -> x[1]).toArray();
        this.hRe = at.stream().mapToDouble(x -> h.getReal(x[0], x[1])).toArray();
        this.hIm = at.stream().mapToDouble(x -> h.getImag(x[0], x[1])).toArray();
        this.conserved = conserved(machine);
        this.offsets = channels.stream().mapToDouble(c -> c.heat() - c.energy()).toArray();
        double offset = 0;
        for (double x : offsets) {
            offset = Math.max(offset, Math.abs(x));
        }

        for (int b = 0; b < baths; b++) {
            String key = quanta.names().get(b);
            double[] sizes = quanta.sizes(b);
            double largest = sizes.length == 0 ? 0 : sizes[sizes.length - 1];
            double count = quanta.countBound(b, grid.end());
            slots.add(Estimates.collisionHeat(key));
            slots.add(Estimates.work(key));
            units[2 * b] = Quantity.quantumFor(largest * count);
            // A flip moves ⟨H − Y_k⟩ by at most 2‖H − Y_k‖ (of order g for a swap's bath); the quiet collisions'
            // drift is bounded only roughly, so a factor 4 to spare, as CollisionWork keeps.
            units[2 * b + 1] = Quantity.quantumFor(4 * (2 * norm(h, conserved[b]) + offset) * count);
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> slots() {
        return List.copyOf(slots);
    }

    @Override
    public double quantum(int slot) {
        return units[slot];
    }

    @Override
    public boolean batched() {
        return true;
    }

    @Override
    public List<Column> columns() {
        List<Column> out = new ArrayList<>();
        for (int i = 0; i < slots.size(); i++) {
            out.add(Column.Mean.of(slots.get(i), i));
        }
        return out;
    }

    /**
     * @param bath a bath's index
     * @return the slot of its Q_k(t); W_k(t) is the next one
     */
    public int heatSlot(int bath) {
        return 2 * bath;
    }

    /** ‖H − diag(y)‖ bounded by its largest absolute row sum. */
    private static double norm(ZMatrixRMaj h, double[] y) {
        double norm = 0;
        for (int i = 0; i < y.length; i++) {
            double row = 0;
            for (int j = 0; j < y.length; j++) {
                row += Math.hypot(h.getReal(i, j) - (i == j ? y[i] : 0), h.getImag(i, j));
            }
            norm = Math.max(norm, row);
        }
        return norm;
    }

    /** Y_k's diagonal for every bath: H₀ for a swap's bath, every site's own levels for a reset's. */
    private static double[][] conserved(Machine machine) {
        ZMatrixRMaj h0 = machine.bareHamiltonian();
        int d = h0.numRows;
        double[][] y = new double[machine.baths().size()][d];
        double[] levels = new double[d];
        for (int i = 0; i < d; i++) {
            for (int site = 0; site < machine.sites().size(); site++) {
                levels[i] += machine.sites().get(site).level(machine.space().level(i, site));
            }
        }
        for (int b = 0; b < y.length; b++) {
            boolean reset = machine.baths().get(b).kind() == qtm.model.BathKind.RESET;
            for (int i = 0; i < d; i++) {
                y[b][i] = reset ? levels[i] : h0.getReal(i, i);
            }
        }
        return y;
    }

    /** Writes ⟨Y_k⟩ of every bath into {@code y} and returns ⟨H⟩, both for the normalised ψ. */
    double expectations(double[] re, double[] im, double[] y) {
        double e = 0;
        for (int n = 0; n < rows.length; n++) {
            int i = rows[n];
            int j = cols[n];
            // Re(ψ_i* H_ij ψ_j)
            double pr = hRe[n] * re[j] - hIm[n] * im[j];
            double pi = hRe[n] * im[j] + hIm[n] * re[j];
            e += re[i] * pr + im[i] * pi;
        }
        double norm2 = 0;
        java.util.Arrays.fill(y, 0);
        for (int i = 0; i < d; i++) {
            double p = re[i] * re[i] + im[i] * im[i];
            norm2 += p;
            for (int b = 0; b < baths; b++) {
                y[b] += conserved[b][i] * p;
            }
        }
        for (int b = 0; b < baths; b++) {
            y[b] /= norm2;
        }
        return e / norm2;
    }

    @Override
    public StateRecorder recorder() {
        return new StateRecorder() {
            private final double[] heat = new double[baths];
            private final double[] work = new double[baths];
            private final double[] lastY = new double[baths];
            private final double[] y = new double[baths];
            private double lastH;

            @Override
            public void begin() {
                java.util.Arrays.fill(heat, 0);
                java.util.Arrays.fill(work, 0);
            }

            @Override
            public void state(int k, double[] re, double[] im, double[] out, int o) {
                if (k == 0) {
                    lastH = expectations(re, im, lastY);
                }
                for (int b = 0; b < baths; b++) {
                    out[o + 2 * b] = heat[b];
                    out[o + 2 * b + 1] = work[b];
                }
            }

            @Override
            public void jump(int channel, int bath, double energy, double time) {
                heat[bath] += energy;
                work[bath] += offsets[channel];
            }

            @Override
            public void collided(int bath, double[] re, double[] im) {
                double h = expectations(re, im, y);
                if (bath >= 0) {
                    work[bath] += h - lastH - (y[bath] - lastY[bath]);
                }
                lastH = h;
                System.arraycopy(y, 0, lastY, 0, baths);
            }
        };
    }
}
