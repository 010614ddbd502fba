package qtm.bench;

import java.util.List;
import org.ejml.data.ZMatrixRMaj;
import qtm.ensemble.Block;
import qtm.ensemble.Layout;
import qtm.model.Side;
import qtm.model.TimeGrid;
import qtm.observe.CountHistogram;
import qtm.observe.FinalProducts;
import qtm.observe.HeatCount;
import qtm.observe.HeatFormula;
import qtm.observe.JumpCounts;
import qtm.observe.JumpQuantity;
import qtm.observe.NetCounts;
import qtm.observe.PureConcurrence;
import qtm.observe.Quantity;
import qtm.observe.RhoElements;
import qtm.observe.WaitingHistogram;

/**
 * The {@link Baseline}'s numbers: where each of the quantities it mirrors sits in the block (found by its class,
 * so the list is theirs, not a copy), and the plain code that writes them from the state on the grid, from each jump
 * and at the end of a trajectory, with the quantities' own formulas. Mutable, one per thread.
 */
final class BaselineRows {
    private final double[] cos;
    private final double[] sin;
    private final int points;
    private final int width;
    private double[] heatCold;
    private double[] heatHot;
    // Row positions, −1 for a quantity not recorded.
    private int rho = -1;
    private int concurrence = -1;
    private int heat = -1;
    // Jump-driven numbers, by their index among them (the block's steps), −1 where not recorded: per bath the net
    // quanta and moves of the heat count, the jump count, and N, N², moved of the net counts.
    private final int events;
    private final int[] eventPosition;
    private final int[] quantaEvent = {-1, -1};
    private final int[] movesEvent = {-1, -1};
    private final int[] jumpsEvent = {-1, -1};
    private final int[] netEvent = {-1, -1};
    private final int[] squareEvent = {-1, -1};
    private final int[] movedEvent = {-1, -1};
    private final double[] eventInverse;
    private final double[] level;
    private final double[] binValue;
    private final int[] binRow;
    private final long[] net = new long[2];
    private final double[] rows;
    private final double[] rowInverse;
    // Final-only numbers.
    private final double[] finals;
    private final double[] inverse;
    private final int finalBase;
    private int products = -1;
    private final CountHistogram.Bins[] bins = new CountHistogram.Bins[2];
    private final int[] histogram = new int[2];
    private WaitingHistogram.Waits waits;
    private int waiting;
    private final double[] x = new double[RhoElements.SIZE];
    private Block block;

    /**
     * @param h the Hamiltonian, diagonal (its phases turn the engine's frame into the lab frame)
     * @param grid the output grid
     * @param layout the quantities' layout: some of the standard quantities, in any order
     * @throws IllegalArgumentException for a quantity it cannot mirror
     */
    BaselineRows(ZMatrixRMaj h, TimeGrid grid, Layout layout) {
        points = grid.points();
        width = layout.width();
        cos = new double[4 * points];
        sin = new double[4 * points];
        for (int k = 0; k < points; k++) {
            for (int i = 0; i < 4; i++) {
                double phase = h.getReal(i, i) * grid.time(k);
                cos[4 * k + i] = Math.cos(phase);
                sin[4 * k + i] = -Math.sin(phase);
            }
        }
        eventPosition = eventPositions(layout);
        events = eventPosition.length;
        inverse = layout.inverseQuanta();
        eventInverse = new double[events];
        for (int i = 0; i < events; i++) {
            eventInverse[i] = inverse[eventPosition[i]];
        }
        level = new double[events];
        binValue = new double[events];
        binRow = new int[events];
        rows = new double[points * width];
        rowInverse = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            rowInverse[i] = inverse[i % width];
        }
        finals = new double[layout.finalWidth()];
        finalBase = points * width;
        mirror(layout);
    }

    /** For each jump-driven number, its row position, in the order the engine's tally numbers them. */
    private static int[] eventPositions(Layout layout) {
        List<Quantity> qs = layout.quantities();
        int n = 0;
        for (Quantity q : qs) {
            n += q instanceof JumpQuantity ? q.slots().size() : 0;
        }
        int[] out = new int[n];
        int e = 0;
        for (int q = 0; q < qs.size(); q++) {
            if (qs.get(q) instanceof JumpQuantity j) {
                for (int s = 0; s < j.slots().size(); s++) {
                    out[e++] = layout.offset(q) + s;
                }
            }
        }
        return out;
    }

    /** Where each quantity it is given goes, found by its class; refuses one it cannot mirror. */
    private void mirror(Layout layout) {
        List<Quantity> qs = layout.quantities();
        int event = 0;
        for (int q = 0; q < qs.size(); q++) {
            Quantity x = qs.get(q);
            int at = layout.offset(q);
            if (x instanceof RhoElements) {
                rho = at;
            } else if (x instanceof PureConcurrence) {
                concurrence = at;
            } else if (x instanceof HeatFormula f && !f.hasCoherence()) {
                heat = at;
                heatCold = f.weights()[0];
                heatHot = f.weights()[1];
            } else if (x instanceof HeatCount hc && hc.sizes(Side.COLD) == 1 && hc.sizes(Side.HOT) == 1) {
                for (Side side : Side.values()) {
                    quantaEvent[side.ordinal()] = event + hc.quantaSlot(side, 0);
                    movesEvent[side.ordinal()] = event + hc.movesSlot(side);
                }
            } else if (x instanceof JumpCounts j) {
                for (Side side : Side.values()) {
                    jumpsEvent[side.ordinal()] = event + j.slot(side);
                }
            } else if (x instanceof NetCounts nc && nc.slots().size() == 6) {
                for (Side side : Side.values()) {
                    netEvent[side.ordinal()] = event + nc.netSlot(side);
                    squareEvent[side.ordinal()] = event + nc.squareSlot(side);
                    movedEvent[side.ordinal()] = event + nc.movedSlot(side);
                }
            } else if (x instanceof FinalProducts && rho >= 0) {
                products = at;
            } else if (x instanceof CountHistogram hist) {
                for (Side side : Side.values()) {
                    bins[side.ordinal()] = hist.bins(side);
                    histogram[side.ordinal()] = at + hist.offset(side);
                }
            } else if (x instanceof WaitingHistogram w) {
                waits = w.waits();
                waiting = at;
            } else {
                throw new IllegalArgumentException("the baseline cannot mirror the quantity " + x.name() + " ("
                        + x.getClass().getSimpleName() + "): it fills the standard quantities of a machine with one "
                        + "size of quantum per bath and local channels, with rho before rho_final_products");
            }
            event += x instanceof JumpQuantity ? x.slots().size() : 0;
        }
    }

    /** @return the length, in pairs, that a block's steps need */
    int stepSize() {
        return (points + 1) * events;
    }

    /** @param b the block the trajectories to come go into */
    void into(Block b) {
        block = b;
    }

    /** The block's trajectories are done: fill in the jump-driven numbers' rows from their changes. */
    void settle() {
        block.settle(eventPosition, points, width);
    }

    /** A trajectory starts. */
    void begin() {
        java.util.Arrays.fill(level, 0);
        java.util.Arrays.fill(binRow, -1);
        net[0] = 0;
        net[1] = 0;
        if (waits != null) {
            waits.begin();
        }
    }

    /** The trajectory has ended: its final-only numbers, then all its rows, into the block. */
    void end() {
        recordFinal();
        block.addRows(rows, rowInverse);
    }

    /** The counts a jump of energy e into bath s changes, from row k on (levels) or in row k only (bins). */
    void count(int s, double e, int k, double t) {
        bin(jumpsEvent[s], k, 1);
        if (e == 0) {
            return;
        }
        int nu = e > 0 ? 1 : -1;
        bin(quantaEvent[s], k, nu);
        bin(movesEvent[s], k, 1);
        double n = net[s] += nu;
        level(netEvent[s], k, n);
        level(squareEvent[s], k, n * n);
        level(movedEvent[s], k, 1);
        if (waits != null) {
            waits.jump(Side.values()[s], t);
        }
    }

    private void level(int e, int k, double value) {
        if (e < 0) {
            return;
        }
        double q = Math.rint(value * eventInverse[e]);
        double was = level[e];
        if (q != was) {
            block.level(k, e, events, was, q);
            level[e] = q;
        }
    }

    private void bin(int e, int k, double delta) {
        if (e < 0) {
            return;
        }
        if (binRow[e] != k) {
            binRow[e] = k;
            binValue[e] = 0;
        }
        double inv = eventInverse[e];
        double was = Math.rint(binValue[e] * inv);
        binValue[e] += delta;
        block.bin(k, e, events, was, Math.rint(binValue[e] * inv));
    }

    /** Row k: ρ, the pure-state concurrence and the heat formula of the state in the lab frame. */
    void record(int k, double[] re, double[] im) {
        int f = 4 * k;
        double r0 = cos[f] * re[0] - sin[f] * im[0];
        double i0 = cos[f] * im[0] + sin[f] * re[0];
        double r1 = cos[f + 1] * re[1] - sin[f + 1] * im[1];
        double i1 = cos[f + 1] * im[1] + sin[f + 1] * re[1];
        double r2 = cos[f + 2] * re[2] - sin[f + 2] * im[2];
        double i2 = cos[f + 2] * im[2] + sin[f + 2] * re[2];
        double r3 = cos[f + 3] * re[3] - sin[f + 3] * im[3];
        double i3 = cos[f + 3] * im[3] + sin[f + 3] * re[3];
        double[] out = rows;
        if (rho >= 0) {
            RhoElements.write(r0, i0, r1, i1, r2, i2, r3, i3, out, k * width + rho);
        }
        if (concurrence >= 0) {
            out[k * width + concurrence] = PureConcurrence.of(r0, i0, r1, i1, r2, i2, r3, i3);
        }
        if (heat >= 0) {
            double p0 = r0 * r0 + i0 * i0;
            double p1 = r1 * r1 + i1 * i1;
            double p2 = r2 * r2 + i2 * i2;
            double p3 = r3 * r3 + i3 * i3;
            double[] wc = heatCold;
            double[] wh = heatHot;
            out[k * width + heat] = 0 + wc[0] * p0 + wc[1] * p1 + wc[2] * p2 + wc[3] * p3;
            out[k * width + heat + 1] = 0 + wh[0] * p0 + wh[1] * p1 + wh[2] * p2 + wh[3] * p3;
        }
    }

    /** The final-only numbers: products of the last row's ρ coordinates, the histograms of N_k and of waits. */
    private void recordFinal() {
        double[] y = finals;
        if (products >= 0) {
            System.arraycopy(rows, (points - 1) * width + rho, x, 0, RhoElements.SIZE);
            FinalProducts.products(x, y, products);
        }
        for (int s = 0; s < 2; s++) {
            if (bins[s] == null) {
                continue;
            }
            for (int i = 0; i < bins[s].slots(); i++) {
                y[histogram[s] + i] = 0;
            }
            y[histogram[s] + bins[s].slot(net[s])] = 1;
        }
        if (waits != null) {
            waits.write(y, waiting);
        }
        block.addFinal(y, inverse, width, finalBase);
    }
}
