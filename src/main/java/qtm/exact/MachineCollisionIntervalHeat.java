package qtm.exact;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import qtm.math.HermitianBasis;
import qtm.math.Ops;
import qtm.model.Machine;
import qtm.model.MachineCollision;
import qtm.model.TimeGrid;

/**
 * The exact heat the collision model on a machine moves into each bath during one grid interval, from the state at
 * its start: the ancillas' energy gain that {@link MachineCollisionThermodynamics} books, summed over the interval's
 * steps, which is what the collision engine's heat by counting estimates bin by bin. The heat is linear in ρ, so it
 * is a row of functionals on the {@link HermitianBasis} coordinates: per step f (the free part, then every collision
 * booked by its joint unitary), over the interval f·Σ_{m&lt;S} M^m with M the one-step map. That sum is taken by
 * doubling, or step by step where that is cheaper, so the cost does not grow with the steps as stepping with the
 * entropy bookkeeping would (a grid interval may hold up to a million steps). Immutable.
 */
public final class MachineCollisionIntervalHeat {
    private final HermitianBasis basis;
    private final DMatrixRMaj interval;
    private final double width;

    /**
     * @param machine the machine
     * @param grid the output grid (its step is the interval)
     * @param dt the step asked for, as for the map
     * @throws IllegalArgumentException if the step is unsuitable (see {@link MachineCollision#of})
     */
    public MachineCollisionIntervalHeat(Machine machine, TimeGrid grid, double dt) {
        MachineCollisionMap map = new MachineCollisionMap(machine, grid, dt);
        MachineCollision collision = map.collision();
        this.basis = map.basis();
        this.width = grid.step();
        int n = basis.size();
        List<MachineCollisionJoint> joints = new ArrayList<>();
        for (MachineCollision.Event e : collision.events()) {
            joints.add(MachineCollisionJoint.of(machine, e));
        }
        ZMatrixRMaj u = collision.unitary();
        ZMatrixRMaj ud = Ops.dagger(u);
        DMatrixRMaj perStep = new DMatrixRMaj(machine.baths().size(), n);
        for (int c = 0; c < n; c++) {
            ZMatrixRMaj rho = Ops.mult(Ops.mult(u, basis.element(c)), ud);
            for (MachineCollisionJoint j : joints) {
                ZMatrixRMaj after = new ZMatrixRMaj(1, 1);
                ZMatrixRMaj joint = j.apply(rho, after);
                perStep.add(j.bath(), c, j.heat(joint, Ops.traceRe(rho)));
                rho = after;
            }
        }
        this.interval = sum(perStep, map.step(), collision.stepsPerPoint());
    }

    /**
     * @param steps S
     * @param rows the functionals (one per bath)
     * @param n the map's size d²
     * @return whether Σ M^m is taken by doubling: S products of the rows cost S·rows·n², doubling about 4·log₂S·n³
     */
    static boolean doubles(int steps, int rows, int n) {
        double log = 64 - Long.numberOfLeadingZeros(steps);
        return (double) steps * rows > 4 * log * n;
    }

    /** f·Σ_{m<S} M^m: step by step (S products of a few rows) or by doubling (about 4 log₂S products of M). */
    private static DMatrixRMaj sum(DMatrixRMaj f, DMatrixRMaj m, int steps) {
        int n = m.numRows;
        DMatrixRMaj out = new DMatrixRMaj(f.numRows, n);
        DMatrixRMaj tmp = new DMatrixRMaj(f.numRows, n);
        if (!doubles(steps, f.numRows, n)) {
            DMatrixRMaj row = f.copy();
            for (int s = 0; s < steps; s++) {
                CommonOps_DDRM.addEquals(out, row);
                CommonOps_DDRM.mult(row, m, tmp);
                row.setTo(tmp);
            }
            return out;
        }
        // Σ_{m<a+b} M^m = Σ_{m<a} M^m + M^a Σ_{m<b} M^m: keep (M^a, Σ_{m<a}) of the bits taken so far and
        // (M^b, Σ_{m<b}) for the current bit b = 2^i.
        DMatrixRMaj power = CommonOps_DDRM.identity(n);
        DMatrixRMaj total = new DMatrixRMaj(n, n);
        DMatrixRMaj bitPower = m.copy();
        DMatrixRMaj bitTotal = CommonOps_DDRM.identity(n);
        DMatrixRMaj t = new DMatrixRMaj(n, n);
        for (int s = steps; s > 0; s >>= 1) {
            if ((s & 1) == 1) {
                CommonOps_DDRM.multAdd(power, bitTotal, total);
                CommonOps_DDRM.mult(power, bitPower, t);
                power.setTo(t);
            }
            if (s > 1) {
                t.setTo(bitTotal);
                CommonOps_DDRM.multAdd(bitPower, bitTotal, t);
                bitTotal.setTo(t);
                CommonOps_DDRM.mult(bitPower, bitPower, t);
                bitPower.setTo(t);
            }
        }
        CommonOps_DDRM.mult(f, total, out);
        return out;
    }

    /**
     * @param rho the state at the start of a grid interval
     * @return the exact heat into each bath during the interval divided by its width, in the machine's bath order
     */
    public double[] perTime(ZMatrixRMaj rho) {
        double[] x = basis.coordinates(rho, new double[basis.size()]);
        double[] q = new double[interval.numRows];
        for (int b = 0; b < q.length; b++) {
            double s = 0;
            for (int c = 0; c < x.length; c++) {
                s += interval.get(b, c) * x[c];
            }
            q[b] = s / width;
        }
        return q;
    }
}
