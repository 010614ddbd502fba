package qtm.sweep;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import qtm.exact.SteadyState;
import qtm.math.HermitianBasis;
import qtm.exact.Liouvillian;
import qtm.model.Jump;
import qtm.model.Model;
import qtm.model.TwoQubits;

/**
 * Steady states of one kind of machine (fixed kind, E and U) at many couplings and temperatures, fast. The
 * Liouvillian is linear in g and in every channel rate, L = L_0 + g L_V + Σ_j γ_j D_j, so its pieces are built once
 * and each steady state costs one 16×16 combination and solve, instead of a full assembly (about 20 times faster).
 * The solve is the one of {@link qtm.exact.SteadyState#of(Model)}; a test checks that the two agree.
 */
final class SteadyStateFamily {
    private final Model template;
    private final HermitianBasis basis;
    private final DMatrixRMaj free;
    private final DMatrixRMaj coupling;
    private final List<DMatrixRMaj> channels = new ArrayList<>();

    /**
     * @param template the kind, E and U; its couplings and temperatures do not matter
     */
    SteadyStateFamily(Model template) {
        this.template = template;
        ZMatrixRMaj h0 = TwoQubits.hamiltonian(template.energy(), 0.0, template.coulomb());
        ZMatrixRMaj v = TwoQubits.hamiltonian(0.0, 1.0, 0.0);
        Liouvillian l0 = new Liouvillian(h0, List.of());
        this.basis = l0.basis();
        this.free = l0.matrix();
        this.coupling = new Liouvillian(v, List.of()).matrix();
        ZMatrixRMaj zero = new ZMatrixRMaj(TwoQubits.DIM, TwoQubits.DIM);
        for (Jump j : template.jumps()) {
            Jump unit = new Jump(j.side(), j.operator(), 1.0, j.energy(), j.label());
            channels.add(new Liouvillian(zero, List.of(unit)).matrix());
        }
    }

    /**
     * @param model a machine of the template's kind, E and U
     * @return its steady state
     * @throws IllegalArgumentException if the model is of another kind, E or U, or its steady state is not unique
     */
    ZMatrixRMaj steadyState(Model model) {
        if (!model.type().equals(template.type()) || model.energy() != template.energy()
                || model.coulomb() != template.coulomb()) {
            throw new IllegalArgumentException("a steady-state family holds one kind, E and U");
        }
        if (!model.hasUniqueSteadyState()) {
            throw new IllegalArgumentException("no unique steady state for " + model);
        }
        if (model.approach() == qtm.model.Approach.GLOBAL || template.approach() == qtm.model.Approach.GLOBAL) {
            // Global channels change shape with g (g = 0, or U = 2g, merges frequencies), so the template's
            // operators cannot be reused: solve this model's own Liouvillian.
            return qtm.exact.SteadyState.of(model);
        }
        List<Jump> jumps = model.jumps();
        DMatrixRMaj a = free.copy();
        CommonOps_DDRM.addEquals(a, model.g(), coupling);
        for (int j = 0; j < jumps.size(); j++) {
            double rate = jumps.get(j).rate();
            if (rate != 0) {
                CommonOps_DDRM.addEquals(a, rate, channels.get(j));
            }
        }
        return SteadyState.solve(a, basis);
    }
}
