package qtm.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ejml.data.ZMatrixRMaj;
import qtm.math.Ops;

/**
 * A machine bath's Lindblad channels, in the words of issue 24.
 *
 * <ul>
 * <li>Bosonic and fermionic baths act through the Bohr components ({@link BohrComponents}) of X = a + a† on their
 * site, with respect to H₀ (local approach) or H (global). Each channel A_ω lowers the energy by ω at rate
 * γ(ω)(1 + n_B(ω)) and A_ω† raises it at γ(ω) n_B(ω), with γ(ω) = rate·(ω/ω₁)^s and ω₁ = E₁ − E₀ of the site;
 * a fermionic bath has γ(1 − f) and γ f instead, f the Fermi factor of ω − μ. Channels come in rising ω, each
 * lowering channel followed by its adjoint.</li>
 * <li>A reset bath resets its site to the Gibbs state τ of the site's own levels at T (T = ∞: uniform), through
 * √(rate·τ_n)|n⟩⟨m| for all n, m, in the order n, then m.</li>
 * </ul>
 */
public final class MachineChannels {
    private MachineChannels() {
    }

    /**
     * @param machine the machine
     * @param k index of one of its baths
     * @return that bath's channels
     */
    public static List<MachineChannel> of(Machine machine, int k) {
        MachineBath bath = machine.baths().get(k);
        return bath.kind() == BathKind.RESET ? reset(machine, k) : bohr(machine, k);
    }

    private static List<MachineChannel> bohr(Machine machine, int k) {
        MachineBath bath = machine.baths().get(k);
        double gap = machine.site(bath).gap();
        boolean fermions = bath.kind() == BathKind.FERMIONIC;
        ZMatrixRMaj h = machine.approach() == Approach.LOCAL ? machine.bareHamiltonian() : machine.hamiltonian();
        List<MachineChannel> out = new ArrayList<>();
        for (BohrComponents.Channel c : BohrComponents.of(machine.couplingOperator(bath), h)) {
            double omega = c.frequency();
            double gamma = bath.density(omega, gap);
            double t = bath.temperature();
            double down = fermions ? gamma * Thermal.fermiHole(omega - bath.mu(), t)
                    : gamma * Thermal.bosePlusOne(omega, t);
            double up = fermions ? gamma * Thermal.fermi(omega - bath.mu(), t) : gamma * Thermal.bose(omega, t);
            double heat = fermions ? omega - bath.mu() : omega;
            String at = String.format(Locale.ROOT, "@%.6g", omega);
            out.add(new MachineChannel(k, c.operator(), down, omega, heat, 1, bath.name() + "-" + at));
            out.add(new MachineChannel(k, Ops.dagger(c.operator()), up, -omega, -heat, -1, bath.name() + "+" + at));
        }
        return out;
    }

    private static List<MachineChannel> reset(Machine machine, int k) {
        MachineBath bath = machine.baths().get(k);
        Site site = machine.site(bath);
        ProductSpace space = machine.space();
        int s = machine.siteIndex(bath.site());
        double[] tau = gibbs(site, bath.temperature());
        List<MachineChannel> out = new ArrayList<>();
        for (int n = 0; n < site.dimension(); n++) {
            for (int m = 0; m < site.dimension(); m++) {
                // A reset to |n⟩ from |m⟩ moves E_m − E_n into the bath.
                double energy = site.level(m) - site.level(n);
                out.add(new MachineChannel(k, space.embed(s, Ops.unit(site.dimension(), n, m)), bath.rate() * tau[n],
                        energy, energy, (int) Math.signum(energy), bath.name() + ":" + n + "<-" + m));
            }
        }
        return out;
    }

    /**
     * τ_n = e^{−(E_n − E_0)/T}/Z, with T = 0 the ground state and T = ∞ the uniform state exactly.
     *
     * @param site the site
     * @param t temperature in [0, ∞]
     * @return the Gibbs populations of the site's own levels
     */
    public static double[] gibbs(Site site, double t) {
        int d = site.dimension();
        double[] w = new double[d];
        double z = 0;
        for (int n = 0; n < d; n++) {
            w[n] = Math.exp(-Thermal.ratio(site.level(n) - site.level(0), t));
            z += w[n];
        }
        for (int n = 0; n < d; n++) {
            w[n] /= z;
        }
        return w;
    }
}
