package qtm.exact;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;
import qtm.exact.CountingStatistics.Parts;
import qtm.exact.CountingStatistics.Weight;
import qtm.math.HermitianBasis;
import qtm.model.Model;
import qtm.model.Side;

/**
 * The counting problem of a preset's bath ({@link CountingStatistics#CountingStatistics(Model, Side, Weight)}): its
 * 16×16 Liouvillian, one counted term per jump, and the current from the coupling, whose value does not suffer the
 * cancellation of the jump rates that ⟨L'⟩ does.
 */
final class PresetCounting {
    private PresetCounting() {
    }

    /**
     * @param model the preset
     * @param side the bath
     * @param weight what is counted
     * @return the problem
     */
    static Parts parts(Model model, Side side, Weight weight) {
        Liouvillian l = new Liouvillian(model);
        HermitianBasis basis = l.basis();
        DMatrixRMaj generator = l.matrix();
        List<CountingStatistics.Jump> jumps = new ArrayList<>();
        for (qtm.model.Jump j : model.jumps()) {
            if (j.side() == side && j.rate() != 0 && j.energy() != 0) {
                double nu = weight == Weight.QUANTA ? Math.signum(j.energy()) : j.energy();
                jumps.add(new CountingStatistics.Jump(nu, l.jumpTerm(j)));
            }
        }
        ZMatrixRMaj rho = SteadyState.solve(generator.copy(), basis);
        double[] steady = basis.coordinates(rho, new double[basis.size()]);
        double current = CouplingCurrent.of(model, rho).into(side, weight);
        boolean uncoupled = model.g() == 0 && (weight == Weight.QUANTA || model.coulomb() == 0);
        boolean equilibrium = model.cold().temperature() == model.hot().temperature();
        return new CountingStatistics.Parts(basis, generator, jumps, weight, steady, current, uncoupled, equilibrium);
    }
}
