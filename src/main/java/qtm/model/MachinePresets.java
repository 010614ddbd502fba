package qtm.model;

import java.util.List;

/**
 * The three shipped models as machines (issue 24): two sites c and h with levels [0, E], an exchange g between them,
 * and baths cold (on c) and hot (on h). The reset model's baths are reset baths; the flux qubits' are bosonic in
 * either approach and with any spectral exponent; the double dot's are fermionic leads at μ = 0 with a density
 * coupling U, in the local approach only: its global form needs the Jordan–Wigner parity, which a machine does not
 * have, and keeps its own path.
 *
 * <p>The machine's channels are the Bohr components of X, and equal components are one channel. The double dot's
 * local channels are kept apart by the other dot's occupation even where E + U = E, so at U = 0 the two generators
 * differ on coherences between particle numbers (never present from a basis state), while their steady states, and
 * every evolution from a state without such coherences, agree.
 */
public final class MachinePresets {
    /** The presets' site names, cold first. */
    public static final List<String> SITES = List.of("c", "h");
    /** The presets' bath names, cold first. */
    public static final List<String> BATHS = List.of("cold", "hot");

    private MachinePresets() {
    }

    /**
     * @param model a shipped model
     * @return its machine form
     * @throws IllegalArgumentException for the double dot in the global approach
     */
    public static Machine of(Model model) {
        if (model instanceof ResetModel r) {
            return reset(r);
        }
        if (model instanceof FluxModel f) {
            return flux(f);
        }
        return dqd((DotModel) model);
    }

    /**
     * @param m the collision model
     * @return two qubits with reset baths
     */
    public static Machine reset(ResetModel m) {
        return machine(m, Approach.LOCAL, BathKind.RESET, 0.0, List.of(exchange(m)));
    }

    /**
     * @param m flux qubits
     * @return two qubits with bosonic baths, in the model's approach and with its spectral exponent
     */
    public static Machine flux(FluxModel m) {
        return machine(m, m.approach(), BathKind.BOSONIC, m.spectralExponent(), List.of(exchange(m)));
    }

    /**
     * @param m the double dot, local approach
     * @return two qubits with fermionic leads and the Coulomb energy as a density coupling
     * @throws IllegalArgumentException in the global approach
     */
    public static Machine dqd(DotModel m) {
        if (m.approach() != Approach.LOCAL) {
            throw new IllegalArgumentException("the double dot's global approach is not a machine: its channels "
                    + "carry the Jordan-Wigner parity of the dots; it keeps its own path");
        }
        return machine(m, Approach.LOCAL, BathKind.FERMIONIC, m.spectralExponent(),
                List.of(exchange(m), new Coupling.Density(SITES.get(0), SITES.get(1), m.coulomb())));
    }

    private static Coupling exchange(Model m) {
        return new Coupling.Exchange(SITES.get(0), SITES.get(1), m.g());
    }

    private static Machine machine(Model m, Approach approach, BathKind kind, double s, List<Coupling> couplings) {
        double e = m.energy();
        List<Site> sites = List.of(new Site(SITES.get(0), 0.0, e), new Site(SITES.get(1), 0.0, e));
        List<MachineBath> baths = List.of(
                new MachineBath(BATHS.get(0), SITES.get(0), kind, m.cold().temperature(), m.cold().rate(), s, 0.0),
                new MachineBath(BATHS.get(1), SITES.get(1), kind, m.hot().temperature(), m.hot().rate(), s, 0.0));
        return new Machine(approach, sites, couplings, baths);
    }
}
