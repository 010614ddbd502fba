package qtm.exact;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import qtm.exact.CountingStatistics.Weight;
import qtm.math.HermitianBasis;
import qtm.math.Ops;
import qtm.math.RealVectors;
import qtm.model.Channels;
import qtm.model.Collision;
import qtm.model.Model;
import qtm.model.Side;
import qtm.model.TwoQubits;

/**
 * One step of the collision model as the tilted map M(χ) = Σ_b e^{χ w_b} K_b · K_b† of {@link CollisionCounting}:
 * each collision of {@link Collision} split into the part that counts nothing and its counted Kraus branches, each
 * with its weight (the table is in {@link CollisionCounting}). It gives M(χ) as Taylor coefficients in χ, for the
 * moments and the stationary cumulants, and at χ = iφ, for the distribution. Everything is exact linear algebra on the
 * real 16×16 matrices in {@link HermitianBasis} coordinates. Immutable.
 */
final class CollisionBranches {
    /** Moments carried: up to the fourth, which the verdict's null variance of a sample variance needs. */
    static final int ORDER = 6;
    private final HermitianBasis basis;
    private final double[] trace;
    /** The collisions of one step, in the order they act, e^{−iHΔt} first. */
    private final List<Factor> factors;
    /** Taylor coefficients M_0 … M_4 of M(χ) = Σ_n χⁿ M_n. */
    private final DMatrixRMaj[] step;
    /** The largest |count| one step can add (quanta): one per collision of the counted bath. */
    private final int perStep;

    /**
     * A counted Kraus branch: its weight and the superoperator ρ ↦ K ρ K†.
     *
     * @param w the weight, nonzero
     * @param term the superoperator
     */
    record Branch(double w, DMatrixRMaj term) {
    }

    /**
     * One collision: the part that counts nothing, and the counted branches.
     *
     * @param quiet the sum of the superoperators of the branches of weight 0
     * @param counted the others
     */
    record Factor(DMatrixRMaj quiet, List<Branch> counted) {
    }

    /**
     * @param model the machine
     * @param collision its collision step
     * @param side the bath whose inflow is counted
     * @param weight quanta or heat
     */
    CollisionBranches(Model model, Collision collision, Side side, Weight weight) {
        this(new HermitianBasis(TwoQubits.DIM), new Preset(model, collision, side, weight).factors);
    }

    /**
     * The tilted step of any collision model, from its collisions' branches (a collision counts when it has a
     * counted branch: one fires per collision, so it adds at most one quantum).
     *
     * @param basis the coordinates of the superoperators
     * @param factors the collisions of one step in the order they act, the unitary first
     */
    CollisionBranches(HermitianBasis basis, List<Factor> factors) {
        this.basis = basis;
        this.trace = basis.traceFunctional();
        this.factors = List.copyOf(factors);
        int counted = 0;
        for (Factor f : factors) {
            counted += f.counted().isEmpty() ? 0 : 1;
        }
        perStep = counted;
        DMatrixRMaj[] jet = identityJet();
        for (Factor f : factors) {
            jet = compose(jet(f), jet);
        }
        step = jet;
    }

    /** The collisions of a preset's step, with the weights of the table in {@link CollisionCounting}. */
    private static final class Preset {
        private final HermitianBasis basis = new HermitianBasis(TwoQubits.DIM);
        private final Side side;
        private final Weight weight;
        private final List<Factor> factors = new ArrayList<>();

        Preset(Model model, Collision collision, Side side, Weight weight) {
            this.side = side;
            this.weight = weight;
            ZMatrixRMaj u = CollisionMap.propagator(model, collision.dt());
            ZMatrixRMaj ud = Ops.dagger(u);
            factors.add(new Factor(superoperator(r -> Ops.mult(u, r, ud)), List.of()));
            for (Collision.Reset r : collision.resets()) {
                factors.add(reset(collision, r));
            }
            for (Collision.Swap w : collision.swaps()) {
                factors.add(swap(collision.channels(), w));
            }
        }

        /** The reset of one qubit: "no reset" and the reset channels of a zero energy count nothing. */
        private Factor reset(Collision collision, Collision.Reset r) {
            Channels ch = collision.channels();
            double h = collision.dt();
            DMatrixRMaj quiet = CommonOps_DDRM.identity(basis.size());
            CommonOps_DDRM.scale(1 - r.probability(), quiet);
            List<Branch> branches = new ArrayList<>();
            for (int j : r.channels()) {
                ZMatrixRMaj a = ch.jump(j).operator();
                DMatrixRMaj term = superoperator(x -> Ops.scale(ch.rate(j) * h, 0, Ops.mult(a, x, Ops.dagger(a))));
                add(quiet, branches, term, ch.side(j) == side ? weight(ch.energy(j)) : 0);
            }
            return new Factor(quiet, branches);
        }

        /** The partial swap of one channel pair: the two clicks count, the two no-click branches do not. */
        private Factor swap(Channels ch, Collision.Swap w) {
            double q = w.excited();
            ZMatrixRMaj l = ch.jump(w.down()).operator();
            ZMatrixRMaj ld = Ops.dagger(l);
            ZMatrixRMaj m0 = CollisionMap.quiet(ld, l, w.cos());
            ZMatrixRMaj m1 = CollisionMap.quiet(l, ld, w.cos());
            DMatrixRMaj quiet = superoperator(x -> Ops.add(1 - q, Ops.mult(m0, x, m0), q, Ops.mult(m1, x, m1)));
            List<Branch> branches = new ArrayList<>();
            boolean mine = ch.side(w.down()) == side;
            add(quiet, branches, superoperator(x -> Ops.scale((1 - q) * w.sin2(), 0, Ops.mult(l, x, ld))),
                    mine ? weight(ch.energy(w.down())) : 0);
            if (w.up() >= 0) {
                add(quiet, branches, superoperator(x -> Ops.scale(q * w.sin2(), 0, Ops.mult(ld, x, l))),
                        mine ? weight(ch.energy(w.up())) : 0);
            }
            return new Factor(quiet, branches);
        }

        private double weight(double energy) {
            return weight == Weight.QUANTA ? Math.signum(energy) : energy;
        }

        private DMatrixRMaj superoperator(UnaryOperator<ZMatrixRMaj> map) {
            return CollisionBranches.superoperator(basis, map);
        }
    }

    /**
     * Adds a branch: to the quiet part if its weight is 0, else to the counted ones.
     *
     * @param quiet the quiet part, added to in place
     * @param branches the counted ones
     * @param term the branch's superoperator
     * @param w its weight
     */
    static void add(DMatrixRMaj quiet, List<Branch> branches, DMatrixRMaj term, double w) {
        if (w == 0) {
            CommonOps_DDRM.addEquals(quiet, term);
        } else {
            branches.add(new Branch(w, term));
        }
    }

    /**
     * @param basis the coordinates
     * @param map a linear map on d×d matrices
     * @return its matrix in those coordinates
     */
    static DMatrixRMaj superoperator(HermitianBasis basis, UnaryOperator<ZMatrixRMaj> map) {
        int n = basis.size();
        DMatrixRMaj m = new DMatrixRMaj(n, n);
        double[] column = new double[n];
        for (int c = 0; c < n; c++) {
            basis.coordinates(map.apply(basis.element(c)), column);
            for (int r = 0; r < n; r++) {
                m.set(r, c, column[r]);
            }
        }
        return m;
    }

    /** Taylor coefficients of quiet + Σ_b e^{χ w_b} term_b. */
    private DMatrixRMaj[] jet(Factor f) {
        DMatrixRMaj[] j = new DMatrixRMaj[ORDER + 1];
        j[0] = f.quiet().copy();
        for (int p = 1; p <= ORDER; p++) {
            j[p] = new DMatrixRMaj(basis.size(), basis.size());
        }
        for (Branch b : f.counted()) {
            double c = 1;
            for (int p = 0; p <= ORDER; p++) {
                CommonOps_DDRM.addEquals(j[p], c, b.term());
                c *= b.w() / (p + 1);
            }
        }
        return j;
    }

    private DMatrixRMaj[] identityJet() {
        DMatrixRMaj[] j = new DMatrixRMaj[ORDER + 1];
        j[0] = CommonOps_DDRM.identity(basis.size());
        for (int p = 1; p <= ORDER; p++) {
            j[p] = new DMatrixRMaj(basis.size(), basis.size());
        }
        return j;
    }

    /** The Taylor coefficients of A(χ)B(χ). */
    private static DMatrixRMaj[] compose(DMatrixRMaj[] a, DMatrixRMaj[] b) {
        DMatrixRMaj[] c = new DMatrixRMaj[a.length];
        DMatrixRMaj tmp = new DMatrixRMaj(a[0].numRows, b[0].numCols);
        for (int n = 0; n < a.length; n++) {
            c[n] = new DMatrixRMaj(a[0].numRows, b[0].numCols);
            for (int i = 0; i <= n; i++) {
                CommonOps_DDRM.mult(a[i], b[n - i], tmp);
                CommonOps_DDRM.addEquals(c[n], tmp);
            }
        }
        return c;
    }

    /**
     * @param s the number of steps, ≥ 0
     * @return the Taylor coefficients of M(χ)^s, by squaring
     */
    DMatrixRMaj[] power(long s) {
        DMatrixRMaj[] result = identityJet();
        DMatrixRMaj[] base = step;
        while (s > 0) {
            if ((s & 1) == 1) {
                result = compose(base, result);
            }
            s >>= 1;
            if (s > 0) {
                base = compose(base, base);
            }
        }
        return result;
    }

    /**
     * @param p the order, 0 … {@link #ORDER}
     * @return M_p, the χ^p coefficient of one step (not a copy: callers only read it)
     */
    DMatrixRMaj coefficient(int p) {
        return step[p];
    }

    /** @return M(iφ) as the real matrix [[Re, −Im], [Im, Re]] */
    DMatrixRMaj embedded(double phi) {
        int n = basis.size();
        DMatrixRMaj total = null;
        for (Factor f : factors) {
            DMatrixRMaj e = new DMatrixRMaj(2 * n, 2 * n);
            for (int r = 0; r < n; r++) {
                for (int c = 0; c < n; c++) {
                    double a = f.quiet().get(r, c);
                    double b = 0;
                    for (Branch br : f.counted()) {
                        a += Math.cos(phi * br.w()) * br.term().get(r, c);
                        b += Math.sin(phi * br.w()) * br.term().get(r, c);
                    }
                    e.set(r, c, a);
                    e.set(n + r, n + c, a);
                    e.set(r, n + c, -b);
                    e.set(n + r, c, b);
                }
            }
            if (total == null) {
                total = e;
            } else {
                DMatrixRMaj next = new DMatrixRMaj(2 * n, 2 * n);
                CommonOps_DDRM.mult(e, total, next);
                total = next;
            }
        }
        return total;
    }

    /**
     * @param steady the state at the start of a step
     * @return Σ_b |w_b| Tr K_b ρ K_b† over that step: what λ1 is the signed sum of
     */
    double grossFlow(double[] steady) {
        double[] v = steady;
        double gross = 0;
        for (Factor f : factors) {
            DMatrixRMaj all = f.quiet().copy();
            for (Branch b : f.counted()) {
                gross += Math.abs(b.w()) * RealVectors.dot(trace, RealVectors.mult(b.term(), v));
                CommonOps_DDRM.addEquals(all, b.term());
            }
            v = RealVectors.mult(all, v);
        }
        return gross;
    }

    /** @return the largest |N| one step can add */
    int perStep() {
        return perStep;
    }

    /** @return the Hermitian basis the matrices are written in */
    HermitianBasis basis() {
        return basis;
    }

    /** @return ⟨1| in that basis */
    double[] trace() {
        return trace;
    }
}
