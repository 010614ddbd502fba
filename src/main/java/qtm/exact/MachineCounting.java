package qtm.exact;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import qtm.exact.CountingStatistics.Jump;
import qtm.exact.CountingStatistics.Parts;
import qtm.exact.CountingStatistics.Weight;
import qtm.math.HermitianBasis;
import qtm.model.Approach;
import qtm.model.BathKind;
import qtm.model.Coupling;
import qtm.model.Machine;
import qtm.model.MachineBath;
import qtm.model.MachineChannel;

/**
 * Full counting statistics of every bath of any machine (issue 25): the tilted Liouvillian of N_k (each jump of bath
 * k counts {@link MachineChannel#count()}, ±1 by the sign of the energy it moves into the bath, 0 for none) and of
 * Q_k (each jump weighs {@link MachineChannel#heat()}, the energy, less μ per electron for a fermionic lead), handed to
 * {@link CountingStatistics} so that a machine's cumulants come from the same perturbation theory as a preset's.
 * The channels of bath k are summed into one jump term per distinct weight (two for N_k), which is the same tilted
 * generator with fewer d²×d² matrices to keep.
 *
 * <p>Where the presets take the current from the coupling, a machine takes it as ⟨L'⟩ = Σ_j w_j γ_j Tr A_j ρ∞ A_j†,
 * which carries rounding of the order of 1e-16 of the gross jump rate. Two shortcuts the presets have carry over
 * where they are exact: a bath whose site is alone (no coupling with nonzero strength touches it and no other bath
 * acts on it) has a bounded Q_k, and a bounded N_k unless it resets a site of more than two levels, so those
 * cumulants are 0; and at equilibrium (every bath with a positive rate at the same T and μ, with energy conserved:
 * the global approach, or couplings that commute with H₀) detailed balance makes the current and the third cumulant
 * 0, where the perturbation series would return rounding.
 */
public final class MachineCounting {
    /**
     * Most floating-point work of a machine's finite-time counting statistics, as {@link qtm.math.MatrixExp#work}
     * estimates it: about 40 s on one core of the build machine (3e9 operations per second on matrices of 128 to
     * 512), the bound of {@code qtm fcs} and of the counting reference of {@code qtm run} on a machine.
     */
    public static final double MAX_WORK = 1.2e11;

    private final MachineExact exact;
    private final Machine machine;
    private final HermitianBasis basis;
    private final DMatrixRMaj generator;
    private final double[] steady;
    private final boolean equilibrium;

    /**
     * @param exact the machine's exact layer
     * @throws IllegalArgumentException if its steady state is not unique
     */
    public MachineCounting(MachineExact exact) {
        this.exact = exact;
        this.machine = exact.machine();
        this.basis = exact.basis();
        this.generator = exact.generator();
        this.steady = basis.coordinates(exact.steadyState(), new double[basis.size()]);
        this.equilibrium = equilibrium(exact);
    }

    /** @return the exact layer counted on */
    public MachineExact exact() {
        return exact;
    }

    /**
     * @param bath the index of the bath in {@link Machine#baths()}
     * @param weight quanta N_k or heat Q_k
     * @return its counting statistics
     */
    public CountingStatistics of(int bath, Weight weight) {
        return new CountingStatistics(parts(bath, weight));
    }

    /** The counting problem of {@link #of}, which {@link DetectedCounting} thins and adds dark clicks to. */
    Parts parts(int bath, Weight weight) {
        Map<Double, List<MachineChannel>> byWeight = new LinkedHashMap<>();
        for (MachineChannel c : machine.channels()) {
            double w = weight == Weight.QUANTA ? c.count() : c.heat();
            if (c.bath() == bath && c.rate() > 0 && w != 0) {
                byWeight.computeIfAbsent(w, k -> new ArrayList<>()).add(c);
            }
        }
        List<Jump> jumps = new ArrayList<>();
        byWeight.forEach((w, cs) -> jumps.add(new Jump(w, MachineGenerator.jumpTerm(cs, basis))));
        return new Parts(basis, generator, jumps, weight, steady, equilibrium ? 0.0 : Double.NaN,
                bounded(machine, bath, weight), equilibrium);
    }

    /** @return the stationary cumulants of every bath, the entropy production and the TUR ratio of the first bath */
    public MachineFluctuations fluctuations() {
        List<Fluctuations.Bath> baths = new ArrayList<>();
        for (int k = 0; k < machine.baths().size(); k++) {
            baths.add(new Fluctuations.Bath(of(k, Weight.QUANTA).stationary(), of(k, Weight.HEAT).stationary()));
        }
        return MachineFluctuations.of(machine.bathNames(), baths,
                machine.baths().stream().mapToDouble(MachineBath::temperature).toArray());
    }

    /**
     * Whether the count of the bath is bounded in time, so that every cumulant rate is 0: also in the collision
     * model, whose collisions of the bath act on its site alone.
     *
     * @param machine the machine
     * @param bath the bath's index
     * @param weight quanta or heat
     * @return whether it is bounded
     */
    static boolean bounded(Machine machine, int bath, Weight weight) {
        MachineBath b = machine.baths().get(bath);
        String site = b.site();
        for (Coupling c : machine.couplings()) {
            double strength = c instanceof Coupling.Exchange e ? e.g() : ((Coupling.Density) c).u();
            if (strength != 0 && (c.a().equals(site) || c.b().equals(site))) {
                return false;
            }
        }
        for (int k = 0; k < machine.baths().size(); k++) {
            MachineBath o = machine.baths().get(k);
            if (k != bath && o.site().equals(site) && o.rate() > 0) {
                return false;
            }
        }
        // Alone, the site's energy bounds Q_k; N_k is minus the change of its level unless a reset skips levels.
        return weight == Weight.HEAT || b.kind() != BathKind.RESET || machine.site(b).dimension() == 2;
    }

    private static boolean equilibrium(MachineExact exact) {
        return equilibrium(exact.machine(), exact.couplingsCommuteWithBareHamiltonian());
    }

    /**
     * @param m the machine
     * @param conserving whether its couplings commute with H₀
     * @return whether every bath with a positive rate has the same T and μ and energy is conserved (detailed
     *     balance: the Gibbs state of H₀ is stationary, for the master equation and for every collision)
     */
    static boolean equilibrium(Machine m, boolean conserving) {
        MachineBath first = null;
        for (MachineBath b : m.baths()) {
            if (b.rate() > 0) {
                if (first == null) {
                    first = b;
                } else if (b.temperature() != first.temperature() || b.mu() != first.mu()) {
                    return false;
                }
            }
        }
        return m.approach() == Approach.GLOBAL || conserving;
    }
}
