package qtm.model;

/**
 * A two-site term of a machine's Hamiltonian (issue 24). Sealed, so that every consumer (the Hamiltonian, H₀ of the
 * local approach, the valid range) handles each kind: an exchange moves a quantum between the sites and is what
 * entangles them; a density coupling only shifts energies (the double dot's Coulomb U), so it belongs to H₀ and splits
 * a site's transition into E and E + U.
 */
public sealed interface Coupling permits Coupling.Exchange, Coupling.Density {
    /** @return the first site's name */
    String a();

    /** @return the second site's name */
    String b();

    /**
     * g (a_a† a_b + a_a a_b†).
     *
     * @param a first site
     * @param b second site, not a
     * @param g finite, ≥ 0
     */
    record Exchange(String a, String b, double g) implements Coupling {
        /** @throws IllegalArgumentException if a site is missing, a = b, or g is negative or not finite */
        public Exchange {
            Coupling.check("exchange", a, b, "g", g);
        }
    }

    /**
     * U n_a n_b.
     *
     * @param a first site
     * @param b second site, not a
     * @param u finite, ≥ 0
     */
    record Density(String a, String b, double u) implements Coupling {
        /** @throws IllegalArgumentException if a site is missing, a = b, or U is negative or not finite */
        public Density {
            Coupling.check("density", a, b, "U", u);
        }
    }

    /**
     * Both sites named, and not the same one (whether they exist is the machine's check), and a strength that is
     * finite and ≥ 0.
     */
    private static void check(String kind, String a, String b, String symbol, double strength) {
        if (a == null || b == null) {
            throw new IllegalArgumentException(kind + " coupling needs two sites");
        }
        if (a.equals(b)) {
            throw new IllegalArgumentException(kind + " coupling of site " + a
                    + " with itself: a coupling joins two different sites");
        }
        if (!(strength >= 0) || !Double.isFinite(strength)) {
            throw new IllegalArgumentException(kind + " coupling " + a + "-" + b + ": " + symbol
                    + " must be finite and >= 0, got " + strength);
        }
    }
}
