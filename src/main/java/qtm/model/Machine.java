package qtm.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ejml.data.ZMatrixRMaj;
import qtm.math.Ops;

/**
 * A few-body machine as a description (issue 24): sites with their levels, two-site couplings and baths, and the
 * approach its Bohr baths follow. The paper's three models are particular machines ({@link MachinePresets}); any
 * other (detuned qubits, qutrits, three sites, mixed bath kinds) is this same record, so that one exact layer, one
 * engine and one set of observables serve them all. The constructor refuses every description the issue calls bad
 * input; the valid parameter range (g and γ against the transition frequencies) and the uniqueness of the steady
 * state are the exact layer's checks, not the description's.
 *
 * @param approach local (Bohr components with respect to H₀) or global (with respect to H)
 * @param sites at least one; the first is the most significant in the basis index
 * @param couplings the two-site terms
 * @param baths the baths, each on one site
 */
public record Machine(Approach approach, List<Site> sites, List<Coupling> couplings, List<MachineBath> baths) {
    /**
     * @throws IllegalArgumentException on a missing approach, no site, duplicate site or bath names, a coupling or
     *         bath on an unknown site, a fermionic bath on a site that is not a qubit or in the global approach, a
     *         reset bath in the global approach, or more than {@value ProductSpace#MAX_DIMENSION} states
     */
    public Machine {
        if (approach == null) {
            throw new IllegalArgumentException("the approach is required (local or global)");
        }
        sites = List.copyOf(sites);
        couplings = List.copyOf(couplings);
        baths = List.copyOf(baths);
        if (sites.isEmpty()) {
            throw new IllegalArgumentException("a machine needs at least one site");
        }
        Set<String> siteNames = new HashSet<>();
        long states = 1;
        StringBuilder product = new StringBuilder();
        for (Site s : sites) {
            if (!siteNames.add(s.name())) {
                throw new IllegalArgumentException("duplicate site name " + s.name() + ": site names are unique");
            }
            states *= s.dimension();
            product.append(product.length() == 0 ? "" : " x ").append(s.dimension());
        }
        if (states > ProductSpace.MAX_DIMENSION) {
            throw new IllegalArgumentException("too many states: " + product + " = " + states + " > "
                    + ProductSpace.MAX_DIMENSION + " (e.g. five qubits, or two qutrits and a qubit, fit)");
        }
        for (Coupling c : couplings) {
            for (String s : List.of(c.a(), c.b())) {
                if (!siteNames.contains(s)) {
                    throw new IllegalArgumentException("coupling " + c.a() + "-" + c.b() + ": unknown site " + s
                            + "; the sites are " + names(sites));
                }
            }
        }
        Set<String> bathNames = new HashSet<>();
        for (MachineBath b : baths) {
            if (!siteNames.contains(b.site())) {
                throw new IllegalArgumentException("bath " + b.name() + ": unknown site " + b.site()
                        + "; the sites are " + names(sites));
            }
            if (!bathNames.add(b.name())) {
                throw new IllegalArgumentException("duplicate bath name " + b.name()
                        + ": bath names are unique (a bath's name defaults to its site's)");
            }
            Site site = sites.stream().filter(s -> s.name().equals(b.site())).findFirst().orElseThrow();
            if (b.kind() == BathKind.FERMIONIC && site.dimension() != 2) {
                throw new IllegalArgumentException("bath " + b.name() + ": a fermionic bath needs a qubit site (a "
                        + "dot holds 0 or 1 electron), but site " + site.name() + " has " + site.dimension()
                        + " levels");
            }
            if (b.kind() == BathKind.FERMIONIC && approach == Approach.GLOBAL) {
                throw new IllegalArgumentException("bath " + b.name() + ": a fermionic bath needs the local approach "
                        + "(the global one would need the dots' Jordan-Wigner parity)");
            }
            if (b.kind() == BathKind.RESET && approach == Approach.GLOBAL) {
                throw new IllegalArgumentException("bath " + b.name() + ": a reset bath needs the local approach: "
                        + "each collision resets its own site, and there is no global collision picture");
            }
        }
    }

    private static List<String> names(List<Site> sites) {
        return sites.stream().map(Site::name).toList();
    }

    /** @return the site names in order */
    public List<String> siteNames() {
        return names(sites);
    }

    /** @return the bath names in order */
    public List<String> bathNames() {
        return baths.stream().map(MachineBath::name).toList();
    }

    /**
     * @param name a site's name
     * @return its index
     * @throws IllegalArgumentException if there is no such site
     */
    public int siteIndex(String name) {
        for (int i = 0; i < sites.size(); i++) {
            if (sites.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("unknown site " + name + "; the sites are " + siteNames());
    }

    /**
     * @param bath a bath of this machine
     * @return the site it acts on
     */
    public Site site(MachineBath bath) {
        return sites.get(siteIndex(bath.site()));
    }

    /** @return the sites' numbers of levels, in order */
    public int[] dimensions() {
        return sites.stream().mapToInt(Site::dimension).toArray();
    }

    /** @return the product space of the sites */
    public ProductSpace space() {
        return new ProductSpace(dimensions());
    }

    /** @return the number of basis states d */
    public int dimension() {
        return space().dimension();
    }

    /** @return a on site k in the whole space (a new matrix) */
    ZMatrixRMaj lowering(ProductSpace space, int k) {
        return space.embed(k, sites.get(k).lowering());
    }

    /**
     * H₀: the site levels and the density couplings, the diagonal part of H with respect to which the local approach
     * takes its Bohr components.
     *
     * @return a new d×d diagonal matrix
     */
    public ZMatrixRMaj bareHamiltonian() {
        ProductSpace space = space();
        int d = space.dimension();
        ZMatrixRMaj h = new ZMatrixRMaj(d, d);
        for (int i = 0; i < d; i++) {
            double e = 0.0;
            for (int k = 0; k < sites.size(); k++) {
                e += sites.get(k).level(space.level(i, k));
            }
            for (Coupling c : couplings) {
                if (c instanceof Coupling.Density dc) {
                    e += dc.u() * space.level(i, siteIndex(dc.a())) * space.level(i, siteIndex(dc.b()));
                }
            }
            h.set(i, i, e, 0);
        }
        return h;
    }

    /**
     * H = Σ_sites Σ_n E_n |n⟩⟨n| + Σ exchange g(a_a† a_b + a_a a_b†) + Σ density U n_a n_b.
     *
     * @return a new d×d Hermitian (real symmetric) matrix
     */
    public ZMatrixRMaj hamiltonian() {
        ProductSpace space = space();
        ZMatrixRMaj h = bareHamiltonian();
        for (Coupling c : couplings) {
            if (c instanceof Coupling.Exchange ex) {
                ZMatrixRMaj a = lowering(space, siteIndex(ex.a()));
                ZMatrixRMaj b = lowering(space, siteIndex(ex.b()));
                ZMatrixRMaj hop = Ops.mult(Ops.dagger(a), b);
                h = Ops.add(1.0, h, ex.g(), Ops.add(1.0, hop, 1.0, Ops.dagger(hop)));
            }
        }
        return h;
    }

    /**
     * X_k = a_k + a_k† of a bath's site, the operator through which a bosonic or fermionic bath couples.
     *
     * @param bath a bath of this machine
     * @return a new d×d Hermitian matrix
     */
    public ZMatrixRMaj couplingOperator(MachineBath bath) {
        ZMatrixRMaj a = lowering(space(), siteIndex(bath.site()));
        return Ops.add(1.0, a, 1.0, Ops.dagger(a));
    }

    /**
     * The Lindblad channels of every bath, in bath order (see {@link MachineChannels}).
     *
     * @return a new list
     */
    public List<MachineChannel> channels() {
        List<MachineChannel> out = new ArrayList<>();
        for (int k = 0; k < baths.size(); k++) {
            out.addAll(MachineChannels.of(this, k));
        }
        return out;
    }
}
