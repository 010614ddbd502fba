package qtm.model;

import java.util.List;

/**
 * The valid range of a machine (issue 24), the general form of {@link ValidRange}'s rules for the presets:
 * <ul>
 * <li>weak coupling: every exchange g, and every bath's γ(ω) = rate·(ω/ω₁)^s at each of its channels' Bohr
 * frequencies ω (the rate itself for a reset bath), is at most {@link ValidRange#WEAK} × the smallest transition
 * frequency E_{n+1} − E_n of the sites it touches; U and the level energies are free;</li>
 * <li>the ratio rule as today: every nonzero g and bath rate is at least {@link ValidRange#SMALLEST} × that smallest
 * transition frequency, and the largest of them at most {@link ValidRange#RATIO_MAX} × the smallest nonzero one;</li>
 * <li>the time rule as today, with E the largest Bohr frequency of H₀ (the spread of its diagonal) and γ_max the
 * largest of the g's and the channel rates: E·t ≤ {@link ValidRange#PHASE_MAX} and γ_max·t ≤
 * {@link ValidRange#DRIVE_TIME_MAX}.</li>
 * </ul>
 * Keys in a {@link Violation} are relative to {@code model} ({@code couplings[0].g}, {@code baths[1].rate}), so the
 * reader can name the key path.
 */
public final class MachineRange {
    private MachineRange() {
    }

    /** A machine outside its valid range: the key (relative to {@code model}), its value and what is allowed. */
    public static final class Violation extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final String key;
        private final double value;
        private final String allowed;

        Violation(String key, double value, String allowed) {
            super(key + " = " + value + ": " + allowed);
            this.key = key;
            this.value = value;
            this.allowed = allowed;
        }

        /** @return the key relative to {@code model}, e.g. {@code couplings[0].g} */
        public String key() {
            return key;
        }

        /** @return the offending value */
        public double value() {
            return value;
        }

        /** @return what is allowed */
        public String allowed() {
            return allowed;
        }
    }

    /**
     * @param site a site
     * @return its smallest transition frequency min_n (E_{n+1} − E_n)
     */
    public static double smallestGap(Site site) {
        double m = Double.POSITIVE_INFINITY;
        for (int n = 0; n + 1 < site.dimension(); n++) {
            m = Math.min(m, site.level(n + 1) - site.level(n));
        }
        return m;
    }

    /**
     * @param machine the machine
     * @throws Violation on the first rule broken, couplings before baths
     */
    public static void check(Machine machine) {
        List<Coupling> couplings = machine.couplings();
        double smallest = Double.POSITIVE_INFINITY;
        double largest = 0;
        String smallestKey = null;
        String largestKey = null;
        for (int i = 0; i < couplings.size(); i++) {
            if (couplings.get(i) instanceof Coupling.Exchange ex) {
                String key = "couplings[" + i + "].g";
                double gap = Math.min(smallestGap(machine.sites().get(machine.siteIndex(ex.a()))),
                        smallestGap(machine.sites().get(machine.siteIndex(ex.b()))));
                weak(key, ex.g(), gap, "g");
                floor(key, ex.g(), gap);
                if (ex.g() > 0 && ex.g() < smallest) {
                    smallest = ex.g();
                    smallestKey = key;
                }
                if (ex.g() > largest) {
                    largest = ex.g();
                    largestKey = key;
                }
            }
        }
        for (int k = 0; k < machine.baths().size(); k++) {
            MachineBath b = machine.baths().get(k);
            String key = "baths[" + k + "].rate";
            Site site = machine.site(b);
            double gap = smallestGap(site);
            if (b.kind() == BathKind.RESET) {
                weak(key, b.rate(), gap, "the reset rate");
            } else {
                for (MachineChannel c : MachineChannels.of(machine, k)) {
                    if (c.count() > 0) {
                        double gamma = b.density(c.energy(), site.gap());
                        if (!(gamma <= ValidRange.WEAK * gap)) {
                            throw new Violation(key, b.rate(), "must keep gamma(w) = rate*(w/w1)^s <= "
                                    + ValidRange.WEAK + " x the smallest transition frequency of site " + site.name()
                                    + " = " + ValidRange.WEAK * gap + " (weak coupling) at every Bohr frequency; "
                                    + "at w = " + c.energy() + " it is " + gamma);
                        }
                    }
                }
            }
            floor(key, b.rate(), gap);
            if (b.rate() > 0 && b.rate() < smallest) {
                smallest = b.rate();
                smallestKey = key;
            }
            if (b.rate() > largest) {
                largest = b.rate();
                largestKey = key;
            }
        }
        if (smallestKey != null && !(largest <= ValidRange.RATIO_MAX * smallest)) {
            throw new Violation(smallestKey, smallest, "must be 0 or >= " + largestKey + "/" + ValidRange.RATIO_MAX
                    + " = " + largest / ValidRange.RATIO_MAX + " (the largest of the g's and the bath rates may be "
                    + "at most " + ValidRange.RATIO_MAX + " times the smallest nonzero one: beyond, the steady-state "
                    + "solve loses the small populations)");
        }
    }

    private static void weak(String key, double value, double gap, String what) {
        if (!(value <= ValidRange.WEAK * gap)) {
            throw new Violation(key, value, "must be <= " + ValidRange.WEAK + " x the smallest transition frequency "
                    + "of the sites it touches = " + ValidRange.WEAK * gap + " (weak coupling: the master equation "
                    + "needs " + what + " << the gaps)");
        }
    }

    private static void floor(String key, double value, double gap) {
        if (value > 0 && !(value >= ValidRange.SMALLEST * gap)) {
            throw new Violation(key, value, "must be 0 or >= " + ValidRange.SMALLEST + " x the smallest transition "
                    + "frequency of the sites it touches = " + ValidRange.SMALLEST * gap + " (smaller couplings "
                    + "underflow in the steady-state solve)");
        }
    }

    /**
     * The largest time.end for a machine: E·t ≤ PHASE_MAX and γ_max·t ≤ DRIVE_TIME_MAX.
     *
     * @param machine the machine
     * @return the largest allowed end of a time grid
     */
    public static double maxTime(Machine machine) {
        double fastest = fastest(machine);
        double byPhase = ValidRange.PHASE_MAX / spread(machine);
        return fastest > 0 ? Math.min(byPhase, ValidRange.DRIVE_TIME_MAX / fastest) : byPhase;
    }

    /**
     * @param machine the machine
     * @return why {@link #maxTime} is what it is, with its numbers
     */
    public static String maxTimeRule(Machine machine) {
        double fastest = fastest(machine);
        double byPhase = ValidRange.PHASE_MAX / spread(machine);
        if (fastest > 0 && ValidRange.DRIVE_TIME_MAX / fastest < byPhase) {
            return ValidRange.DRIVE_TIME_MAX + "/max(g, channel rates) = " + ValidRange.DRIVE_TIME_MAX + "/"
                    + fastest + " = " + maxTime(machine) + " (undamped motion is propagated by repeated squaring, "
                    + "whose rounding grows like 1e-16*rate*t)";
        }
        return ValidRange.PHASE_MAX + "/(largest Bohr frequency of H0) = " + byPhase;
    }

    private static double fastest(Machine machine) {
        double m = 0;
        for (Coupling c : machine.couplings()) {
            if (c instanceof Coupling.Exchange ex) {
                m = Math.max(m, ex.g());
            }
        }
        for (MachineChannel c : machine.channels()) {
            m = Math.max(m, c.rate());
        }
        return m;
    }

    private static double spread(Machine machine) {
        var h0 = machine.bareHamiltonian();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < h0.numRows; i++) {
            lo = Math.min(lo, h0.getReal(i, i));
            hi = Math.max(hi, h0.getReal(i, i));
        }
        return hi > lo ? hi - lo : 1.0;
    }
}
