package qtm.exact;

import java.util.function.UnaryOperator;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import qtm.exact.CountingStatistics.Cumulants;
import qtm.exact.CountingStatistics.Weight;
import qtm.math.RealVectors;
import qtm.model.Model;

/**
 * The stationary cumulants per unit time of the collision model's count, from discrete-time Rayleigh–Schrödinger
 * perturbation theory of the leading eigenvalue of the tilted one-step map ({@link CollisionBranches}); what
 * {@link CollisionCounting#stationary()} returns. Kept apart from the finite-time moments and the distribution, which
 * need only powers of the map, because it needs the map's fixed point and its reduced resolvent. Immutable.
 */
final class CollisionCumulants {
    private final CollisionBranches branches;
    private final double dt;
    private final boolean uncoupled;
    private final boolean equilibrium;
    /** Whether the collisions of the two baths commute (all but the double dot with U ≠ 0). */
    private final boolean oddFree;
    /** ρ∞ of M_0, or null if it is not unique. */
    private final double[] steady;

    /**
     * @param model the machine
     * @param weight quanta or heat
     * @param branches its tilted step
     * @param dt the step in use
     */
    CollisionCumulants(Model model, Weight weight, CollisionBranches branches, double dt) {
        this(branches, dt, model.g() == 0 && (weight == Weight.QUANTA || model.coulomb() == 0),
                model.cold().temperature() == model.hot().temperature(), model.coulomb() == 0);
    }

    /**
     * Any collision model's cumulants, with the shortcuts that hold exactly where the series would return rounding.
     *
     * @param branches its tilted step
     * @param dt the step in use
     * @param uncoupled whether the count is bounded, so that every rate is 0
     * @param equilibrium whether detailed balance makes the current 0
     * @param oddFree whether, at equilibrium, λ(χ) = λ(−χ) makes the third cumulant 0 too
     */
    CollisionCumulants(CollisionBranches branches, double dt, boolean uncoupled, boolean equilibrium,
            boolean oddFree) {
        this.branches = branches;
        this.dt = dt;
        this.uncoupled = uncoupled;
        this.equilibrium = equilibrium;
        this.oddFree = oddFree;
        this.steady = fixedPoint();
    }

    /** 1 − M_0, whose null vector is ρ∞. */
    private DMatrixRMaj oneMinusStep() {
        DMatrixRMaj k = CommonOps_DDRM.identity(branches.basis().size());
        CommonOps_DDRM.subtractEquals(k, branches.coefficient(0));
        return k;
    }

    /** ρ∞ of M_0: the solution of (1 − M_0 + |x⟩⟨1|)ρ = x for any x of unit trace. */
    private double[] fixedPoint() {
        int n = branches.basis().size();
        int d = branches.basis().dimension();
        ZMatrixRMaj mixed = new ZMatrixRMaj(d, d);
        for (int i = 0; i < d; i++) {
            mixed.set(i, i, 1.0 / d, 0);
        }
        double[] x = branches.basis().coordinates(mixed, new double[n]);
        LinearSolverDense<DMatrixRMaj> solver = ReducedResolvent.shifted(oneMinusStep(), x, branches.trace());
        if (solver == null) {
            return null;
        }
        DMatrixRMaj rho = new DMatrixRMaj(n, 1);
        solver.solve(DMatrixRMaj.wrap(n, 1, x.clone()), rho);
        return rho.data;
    }

    /**
     * The cumulants, as documented at {@link CollisionCounting#stationary()}.
     *
     * @return c1, c2, c3 per unit time
     * @throws IllegalArgumentException if the map has no unique fixed point
     */
    Cumulants stationary() {
        if (steady == null) {
            throw new IllegalArgumentException("the collision map has no unique fixed point");
        }
        if (uncoupled) {
            // Each qubit alone with its bath: the count changes by at most one quantum net, so every rate is 0.
            return new Cumulants(0.0, 0.0, 0.0);
        }
        double[] trace = branches.trace();
        LinearSolverDense<DMatrixRMaj> solver = ReducedResolvent.shifted(oneMinusStep(), steady, trace);
        if (solver == null) {
            throw new IllegalArgumentException("the collision map has no unique fixed point");
        }
        return cumulants(ReducedResolvent.drazin(solver, steady, trace));
    }

    /**
     * λ1 = ⟨M_1⟩, λ2 = ⟨M_2⟩ + ⟨M_1RM_1⟩, λ3 = ⟨M_3⟩ + ⟨M_1RM_2⟩ + ⟨M_2RM_1⟩ + ⟨M_1RM_1RM_1⟩ − λ1⟨M_1R²M_1⟩ with R the
     * reduced resolvent, and from ln λ: c1 = λ1/Δt, c2 = (2λ2 − λ1²)/Δt, c3 = (6λ3 − 6λ1λ2 + 2λ1³)/Δt.
     */
    private Cumulants cumulants(UnaryOperator<double[]> drazin) {
        double[] rho = steady;
        double[] trace = branches.trace();
        DMatrixRMaj m1 = branches.coefficient(1);
        DMatrixRMaj m2 = branches.coefficient(2);
        DMatrixRMaj m3 = branches.coefficient(3);
        double l1 = ReducedResolvent.traceOf(trace, m1, rho);
        double gross = branches.grossFlow(steady);
        double[] rm1 = drazin.apply(RealVectors.mult(m1, rho));
        double a2 = ReducedResolvent.traceOf(trace, m2, rho);
        double b2 = ReducedResolvent.traceOf(trace, m1, rm1);
        double l2 = a2 + b2;
        double[] rm2 = drazin.apply(RealVectors.mult(m2, rho));
        double[] rrm1 = drazin.apply(rm1);
        double[] rm1rm1 = drazin.apply(RealVectors.mult(m1, rm1));
        double[] t3 = {6 * ReducedResolvent.traceOf(trace, m3, rho),
            6 * ReducedResolvent.traceOf(trace, m1, rm2),
            6 * ReducedResolvent.traceOf(trace, m2, rm1),
            6 * ReducedResolvent.traceOf(trace, m1, rm1rm1),
            -6 * l1 * ReducedResolvent.traceOf(trace, m1, rrm1),
            -6 * l1 * l2,
            2 * l1 * l1 * l1};
        // Each is a difference of terms of the size of the gross flow (see ReducedResolvent.resolved).
        double k2 = ReducedResolvent.resolved(2 * l2 - l1 * l1, 2 * Math.abs(a2) + 2 * Math.abs(b2) + l1 * l1);
        // At equal temperatures the product of the thermal states is the fixed point of each collision, at which
        // every collision's up and down branches carry equal weight.
        double k1 = equilibrium ? 0.0 : ReducedResolvent.resolved(l1, gross);
        // λ(χ) = λ(−χ) at equal temperatures where the collisions of the two baths commute, so the step reversed is
        // a cyclic permutation.
        double k3 = equilibrium && oddFree ? 0.0 : ReducedResolvent.resolvedSum(t3);
        return new Cumulants(k1 / dt, k2 / dt, k3 / dt);
    }
}
