package qtm.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Issue 24's bad input, each refused with a message that names what is wrong. */
class MachineValidationTest {
    private static final double INF = Double.POSITIVE_INFINITY;

    private static Site qubit(String name) {
        return new Site(name, 0.0, 1.0);
    }

    private static MachineBath bosonic(String site) {
        return new MachineBath(null, site, BathKind.BOSONIC, 0.5, 1e-3);
    }

    private static Machine machine(Approach approach, List<Site> sites, List<Coupling> couplings,
            List<MachineBath> baths) {
        return new Machine(approach, sites, couplings, baths);
    }

    private static void refused(Executable build, String... words) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build);
        for (String w : words) {
            assertTrue(e.getMessage().contains(w), "'" + e.getMessage() + "' should say '" + w + "'");
        }
    }

    @Test
    void aValidMachineIsAccepted() {
        Machine m = machine(Approach.LOCAL, List.of(qubit("c"), new Site("m", new double[] {0, 1, 2}, Ladder.HARMONIC),
                qubit("h")), List.of(new Coupling.Exchange("c", "m", 1e-3), new Coupling.Density("m", "h", 2.0)),
                List.of(new MachineBath("cold", "c", BathKind.BOSONIC, 0.0, 1e-2),
                        new MachineBath(null, "m", BathKind.RESET, INF, 1e-3),
                        new MachineBath("hot", "h", BathKind.FERMIONIC, 2.0, 1e-3, 1.0, 0.3)));
        assertEquals(12, m.dimension());
        assertEquals(List.of("cold", "m", "hot"), m.bathNames());
    }

    @Test
    void aBathsNameDefaultsToItsSites() {
        assertEquals("h", bosonic("h").name());
    }

    @Test
    void anUnknownSiteIsRefused() {
        refused(() -> machine(Approach.LOCAL, List.of(qubit("c"), qubit("h")),
                List.of(new Coupling.Exchange("c", "x", 1e-3)), List.of()), "unknown site x", "c, h");
        refused(() -> machine(Approach.LOCAL, List.of(qubit("c"), qubit("h")), List.of(), List.of(bosonic("y"))),
                "unknown site y");
    }

    @Test
    void duplicateNamesAreRefused() {
        refused(() -> machine(Approach.LOCAL, List.of(qubit("c"), qubit("c")), List.of(), List.of()),
                "duplicate site name c");
        // Two baths on one site, both named after it by default.
        refused(() -> machine(Approach.LOCAL, List.of(qubit("c")), List.of(), List.of(bosonic("c"), bosonic("c"))),
                "duplicate bath name c");
        refused(() -> machine(Approach.LOCAL, List.of(qubit("c"), qubit("h")), List.of(),
                List.of(new MachineBath("b", "c", BathKind.BOSONIC, 1, 1e-3),
                        new MachineBath("b", "h", BathKind.BOSONIC, 1, 1e-3))), "duplicate bath name b");
    }

    @Test
    void levelsMustBeStrictlyIncreasing() {
        refused(() -> new Site("c", 0.0, 1.0, 1.0), "strictly increasing", "[0.0, 1.0, 1.0]");
        refused(() -> new Site("c", 1.0, 0.0), "strictly increasing");
        refused(() -> new Site("c", 0.0, Double.NaN), "finite");
        refused(() -> new Site("c", 0.0, INF), "finite");
    }

    @Test
    void aSiteHasTwoToFiveLevels() {
        refused(() -> new Site("c", 0.0), "2 to 5", "got 1");
        refused(() -> new Site("c", 0, 1, 2, 3, 4, 5), "2 to 5", "got 6");
        assertEquals(5, new Site("c", 0, 1, 2, 3, 4).dimension());
    }

    @Test
    void aCouplingOfASiteWithItselfIsRefused() {
        refused(() -> new Coupling.Exchange("c", "c", 1e-3), "with itself");
        refused(() -> new Coupling.Density("c", "c", 1.0), "with itself");
    }

    @Test
    void negativeOrNonFiniteRatesAndCouplingsAreRefused() {
        for (double bad : new double[] {-1e-3, INF, Double.NaN}) {
            refused(() -> new MachineBath(null, "c", BathKind.BOSONIC, 1, bad), "rate must be finite and >= 0");
            refused(() -> new MachineBath(null, "c", BathKind.RESET, 1, bad), "rate");
            refused(() -> new Coupling.Exchange("c", "h", bad), "g must be finite and >= 0");
        }
    }

    @Test
    void uMustBeFiniteAndNotNegative() {
        for (double bad : new double[] {-0.1, INF, Double.NaN}) {
            refused(() -> new Coupling.Density("c", "h", bad), "U must be finite and >= 0");
        }
    }

    @Test
    void aFermionicBathNeedsAQubitAndTheLocalApproach() {
        MachineBath lead = new MachineBath(null, "q", BathKind.FERMIONIC, 1, 1e-3);
        refused(() -> machine(Approach.LOCAL, List.of(new Site("q", 0, 1, 2)), List.of(), List.of(lead)),
                "fermionic", "qubit", "3 levels");
        refused(() -> machine(Approach.GLOBAL, List.of(qubit("q")), List.of(), List.of(lead)),
                "fermionic", "local approach");
    }

    @Test
    void aResetBathNeedsTheLocalApproach() {
        refused(() -> machine(Approach.GLOBAL, List.of(qubit("c")), List.of(),
                List.of(new MachineBath(null, "c", BathKind.RESET, 1, 1e-3))), "reset", "local approach");
    }

    @Test
    void aBosonicBathNeedsAFiniteTemperature() {
        refused(() -> new MachineBath(null, "c", BathKind.BOSONIC, INF, 1e-3), "bosonic", "finite T");
        refused(() -> new MachineBath(null, "c", BathKind.BOSONIC, -1, 1e-3), "T must be >= 0");
        refused(() -> new MachineBath(null, "c", BathKind.RESET, Double.NaN, 1e-3), "T must be >= 0");
        // T = inf is fine for the other kinds.
        new MachineBath(null, "c", BathKind.RESET, INF, 1e-3);
        new MachineBath(null, "c", BathKind.FERMIONIC, INF, 1e-3);
    }

    @Test
    void reservedNamesAreRefusedForSitesAndBaths() {
        for (String name : List.of("tur", "entropy_production", "counts", "dt")) {
            refused(() -> qubit(name), "reserved");
            refused(() -> new MachineBath(name, "c", BathKind.BOSONIC, 1, 1e-3), "reserved");
            // A bath named after its site by default inherits the rule.
            refused(() -> new MachineBath(null, name, BathKind.BOSONIC, 1, 1e-3), "reserved");
        }
    }

    @Test
    void malformedNamesAreRefused() {
        for (String name : List.of("", "C", "1a", "a_b", "a-b", "abcdefghijklm", "é")) {
            refused(() -> qubit(name), "malformed", "[a-z][a-z0-9]{0,11}");
            refused(() -> new MachineBath(name, "c", BathKind.RESET, 1, 1e-3), "malformed");
        }
        for (String name : List.of("a", "abcdefghijkl", "q0", "m12")) {
            assertEquals(name, qubit(name).name());
        }
    }

    @Test
    void moreThan32StatesAreRefusedNamingTheProduct() {
        List<Site> five = new ArrayList<>();
        for (String n : List.of("a", "b", "c", "d", "e")) {
            five.add(qubit(n));
        }
        assertEquals(32, machine(Approach.LOCAL, five, List.of(), List.of()).dimension());
        assertEquals(18, machine(Approach.LOCAL, List.of(new Site("a", 0, 1, 2), new Site("b", 0, 1, 2), qubit("c")),
                List.of(), List.of()).dimension());
        List<Site> six = new ArrayList<>(five);
        six.add(qubit("f"));
        refused(() -> machine(Approach.LOCAL, six, List.of(), List.of()), "2 x 2 x 2 x 2 x 2 x 2 = 64", "32");
        refused(() -> machine(Approach.LOCAL, List.of(new Site("a", 0, 1, 2), new Site("b", 0, 1, 2),
                new Site("c", 0, 1, 2, 3)), List.of(), List.of()), "3 x 3 x 4 = 36");
    }

    @Test
    void theOtherParametersAreChecked() {
        refused(() -> machine(null, List.of(qubit("c")), List.of(), List.of()), "approach");
        refused(() -> machine(Approach.LOCAL, List.of(), List.of(), List.of()), "at least one site");
        refused(() -> new MachineBath(null, "c", BathKind.BOSONIC, 1, 1e-3, 1, 0.2), "mu", "bosonic");
        refused(() -> new MachineBath(null, "c", BathKind.RESET, 1, 1e-3, 1, 0), "spectral_exponent");
        refused(() -> new MachineBath(null, "c", BathKind.FERMIONIC, 1, 1e-3, Double.NaN, 0), "spectral_exponent");
        refused(() -> new MachineBath(null, "c", BathKind.FERMIONIC, 1, 1e-3, 0, INF), "mu must be finite");
        refused(() -> new MachineBath(null, "c", null, 1, 1e-3), "kind");
    }
}
