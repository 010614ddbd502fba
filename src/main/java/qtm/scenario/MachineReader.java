package qtm.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import org.ejml.data.ZMatrixRMaj;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import qtm.exact.MachineExact;
import qtm.input.InputException;
import qtm.model.Approach;
import qtm.model.BathKind;
import qtm.model.Coupling;
import qtm.model.Ladder;
import qtm.model.Machine;
import qtm.model.MachineBath;
import qtm.model.MachineNames;
import qtm.model.MachineRange;
import qtm.model.ProductSpace;
import qtm.model.Site;
import qtm.model.TimeGrid;
import qtm.model.ValidRange;

/**
 * Reads {@code model: {type: machine, …}} (issue 24) into a {@link Machine}, checking every key so that each bad
 * input of the list is one {@link InputException} naming its key path ({@code model.sites[1].levels},
 * {@code model.baths[0].kind}): the description's own rules, the valid range ({@link MachineRange}) and the
 * uniqueness of the steady state ({@link MachineExact#requireUnique}). The approach defaults to local, as the
 * presets' does.
 */
public final class MachineReader {
    /** Keys of a machine's model mapping. */
    public static final Set<String> KEYS = Set.of("type", "approach", "sites", "couplings", "baths");
    private static final double MAX = Double.MAX_VALUE;

    private MachineReader() {
    }

    /**
     * @param m the {@code model} mapping, of type machine
     * @return the machine, valid and with a unique steady state
     * @throws InputException on the first bad key
     */
    public static Machine read(Node m) {
        m.allowOnly(KEYS);
        Approach approach = ScenarioReader.approach(m);
        List<Site> sites = sites(m);
        List<String> names = sites.stream().map(Site::name).toList();
        List<Coupling> couplings = couplings(m, names);
        List<MachineBath> baths = baths(m, sites, approach);
        Machine machine;
        try {
            machine = new Machine(approach, sites, couplings, baths);
        } catch (IllegalArgumentException e) {
            // Every rule of the constructor is checked above with its key; this is a last guard.
            throw m.error("sites", e.getMessage());
        }
        try {
            MachineRange.check(machine);
        } catch (MachineRange.Violation v) {
            throw new InputException(m.file(), m.keyPath(v.key()), written(m, v.key(), v.value()),
                    "outside the machine's valid range: " + v.allowed()
                    + " (see the guide, src/site/markdown/machines.md)");
        }
        List<Integer> lost = MachineExact.unreachedSites(machine);
        if (!lost.isEmpty()) {
            int s = lost.get(0);
            throw new InputException(m.file(), m.keyPath("sites[" + s + "]"), names.get(s),
                    "expected every site reached by a bath (a bath of rate > 0 on it, or a chain of exchange "
                    + "couplings with g > 0 to a site that has one); no bath reaches site " + names.get(s)
                    + ", so the steady state is not unique");
        }
        return machine;
    }

    /** The value of a key such as {@code couplings[0].g} as the user wrote it, so that a message echoes it. */
    private static String written(Node m, String key, double value) {
        java.util.regex.Matcher k = java.util.regex.Pattern.compile("(\\w+)\\[(\\d+)\\]\\.(\\w+)").matcher(key);
        if (k.matches()) {
            JsonNode item = m.raw(k.group(1)).get(Integer.parseInt(k.group(2)));
            JsonNode v = item == null ? null : item.get(k.group(3));
            if (v != null && v.isValueNode()) {
                return v.asText();
            }
        }
        return Double.toString(value);
    }

    /** The i-th item of a list key as a mapping, with its path ({@code model.sites[1]}). */
    private static Node item(Node m, String key, JsonNode list, int i, String shape) {
        JsonNode v = list.get(i);
        String path = m.keyPath(key) + "[" + i + "]";
        if (v == null || !v.isObject()) {
            throw new InputException(m.file(), path, Node.show(v), "expected a mapping " + shape);
        }
        return new Node(m.file(), path, v);
    }

    private static JsonNode list(Node m, String key, boolean required, String shape) {
        JsonNode v = m.raw(key);
        if ((v == null || v.isNull()) && !required) {
            return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        }
        if (v == null || !v.isArray() || required && v.size() == 0) {
            throw m.error(key, "expected a list of " + shape + (required ? ", at least one" : ""));
        }
        return v;
    }

    private static void name(Node n, String what, String name) {
        try {
            MachineNames.check(what, name);
        } catch (IllegalArgumentException e) {
            throw n.error("name", e.getMessage());
        }
    }

    private static List<Site> sites(Node m) {
        String shape = "{name, levels[, ladder]}";
        JsonNode list = list(m, "sites", true, "sites " + shape);
        List<Site> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        long states = 1;
        StringBuilder product = new StringBuilder();
        for (int i = 0; i < list.size(); i++) {
            Node s = item(m, "sites", list, i, shape);
            s.allowOnly(Set.of("name", "levels", "ladder"));
            String name = s.text("name");
            name(s, "site", name);
            if (!seen.add(name)) {
                throw s.error("name", "site names are unique, and " + name + " is given twice");
            }
            double[] levels = s.numbers("levels");
            if (levels.length < Site.MIN_LEVELS || levels.length > Site.MAX_LEVELS) {
                throw s.error("levels", "expected " + Site.MIN_LEVELS + " to " + Site.MAX_LEVELS
                        + " level energies, got " + levels.length);
            }
            for (int n = 1; n < levels.length; n++) {
                if (!(levels[n] > levels[n - 1])) {
                    throw s.error("levels", "expected strictly increasing level energies (E_" + n + " = " + levels[n]
                            + " is not above E_" + (n - 1) + " = " + levels[n - 1] + ")");
                }
            }
            Ladder ladder = Ladder.UNIT;
            if (s.has("ladder")) {
                String l = s.text("ladder");
                if (!l.equals("unit") && !l.equals("harmonic")) {
                    throw s.error("ladder", "expected unit (w_n = 1, the default) or harmonic (w_n = sqrt(n+1))");
                }
                ladder = Ladder.of(l);
            }
            out.add(new Site(name, levels, ladder));
            states *= levels.length;
            product.append(product.length() == 0 ? "" : " × ").append(levels.length);
        }
        if (states > ProductSpace.MAX_DIMENSION) {
            throw new InputException(m.file(), m.keyPath("sites"), product + " = " + states + " states",
                    "at most " + ProductSpace.MAX_DIMENSION + " states in all (the product of the sites' numbers of "
                    + "levels; e.g. five qubits, or two qutrits and a qubit)");
        }
        return out;
    }

    private static List<Coupling> couplings(Node m, List<String> sites) {
        String shape = "{kind: exchange, sites: [a, b], g} or {kind: density, sites: [a, b], U}";
        JsonNode list = list(m, "couplings", false, "couplings " + shape);
        List<Coupling> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Node c = item(m, "couplings", list, i, shape);
            String kind = c.has("kind") ? c.text("kind") : "";
            if (!kind.equals("exchange") && !kind.equals("density")) {
                throw c.error("kind", "expected exchange (g (a† b + a b†)) or density (U n_a n_b)");
            }
            boolean exchange = kind.equals("exchange");
            String strength = exchange ? "g" : "U";
            c.allowOnly(Set.of("kind", "sites", strength));
            JsonNode pair = c.raw("sites");
            String allowed = "expected two different site names among " + sites;
            if (pair == null || !pair.isArray() || pair.size() != 2 || !pair.get(0).isTextual()
                    || !pair.get(1).isTextual()) {
                throw c.error("sites", allowed);
            }
            String a = pair.get(0).asText();
            String b = pair.get(1).asText();
            if (!sites.contains(a) || !sites.contains(b)) {
                throw c.error("sites", "unknown site " + (sites.contains(a) ? b : a) + "; " + allowed);
            }
            if (a.equals(b)) {
                throw c.error("sites", "a coupling of site " + a + " with itself; a coupling joins two different "
                        + "sites");
            }
            double x = c.number(strength, 0, MAX);
            out.add(exchange ? new Coupling.Exchange(a, b, x) : new Coupling.Density(a, b, x));
        }
        return out;
    }

    private static List<MachineBath> baths(Node m, List<Site> sites, Approach approach) {
        String shape = "{name, site, kind, T, rate[, spectral_exponent][, mu]}";
        JsonNode list = list(m, "baths", true, "baths " + shape);
        List<String> names = sites.stream().map(Site::name).toList();
        List<MachineBath> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            Node b = item(m, "baths", list, i, shape);
            String kindText = b.has("kind") ? b.text("kind") : "";
            if (!Set.of("bosonic", "fermionic", "reset").contains(kindText)) {
                throw b.error("kind", "expected bosonic, fermionic or reset");
            }
            BathKind kind = BathKind.of(kindText);
            Set<String> keys = new HashSet<>(Set.of("name", "site", "kind", "T", "rate"));
            if (kind != BathKind.RESET) {
                keys.add("spectral_exponent");
            }
            if (kind == BathKind.FERMIONIC) {
                keys.add("mu");
            }
            b.allowOnly(keys);
            String site = b.text("site");
            if (!names.contains(site)) {
                throw b.error("site", "unknown site; expected one of " + names);
            }
            String name = b.has("name") ? b.text("name") : site;
            name(b, "bath", name);
            if (!seen.add(name)) {
                throw new InputException(b.file(), b.keyPath("name"), name, "bath names are unique (a bath's name "
                        + "defaults to its site's), and " + name + " is given twice");
            }
            int levels = sites.get(names.indexOf(site)).dimension();
            if (kind == BathKind.FERMIONIC && levels != 2) {
                throw b.error("kind", "fermionic needs a qubit site (a dot holds 0 or 1 electron), but site " + site
                        + " has " + levels + " levels; use bosonic or reset");
            }
            if (kind != BathKind.BOSONIC && approach == Approach.GLOBAL) {
                throw b.error("kind", kind.key() + " needs the local approach (model.approach is global); only "
                        + "bosonic baths act in the global approach");
            }
            double t = b.temperature("T", kind != BathKind.BOSONIC,
                    "a bosonic bath's rates gamma(1 + n) and gamma n diverge at T = inf");
            double rate = b.number("rate", 0, MAX);
            double s = b.number("spectral_exponent", ValidRange.EXPONENT_MIN, ValidRange.EXPONENT_MAX, 0.0);
            double mu = b.number("mu", -MAX, MAX, 0.0);
            out.add(new MachineBath(name, site, kind, t, rate, s, mu));
        }
        return out;
    }

    /**
     * The {@code time} mapping of a machine: the rules of {@link ScenarioReader#time} with the machine's bound.
     *
     * @param t the mapping
     * @param machine the machine
     * @return the grid
     */
    public static TimeGrid time(Node t, Machine machine) {
        t.allowOnly(Set.of("end", "points"));
        double end = t.number("end", Double.MIN_VALUE, MAX);
        if (!(end <= MachineRange.maxTime(machine))) {
            throw t.error("end", "outside the machine's valid range: expected 0 < end <= "
                    + MachineRange.maxTimeRule(machine));
        }
        int points = (int) t.integer("points", 2, ScenarioReader.MAX_TIME_POINTS);
        return new TimeGrid(end, points);
    }

    /**
     * A scenario of a machine: its description, initial state, time grid (when required or given), target and
     * simulation. Without an {@code engines} key a machine runs the trajectories engine alone: the collision model's
     * step has limits set by the machine's rates (θ·‖A_ω‖ ≤ π/2, rate·Δt ≤ 1), so the default Δt may not suit it and
     * it runs only when listed. The global approach has no collision picture: listing the collision engine is exit 2.
     *
     * @param root the document
     * @param m its {@code model} node
     * @param name the scenario's name
     * @param description its description
     * @param timeRequired whether {@code time} must be present (and the engines are a run's)
     * @return the validated scenario
     * @throws InputException on the first bad key
     */
    static Scenario scenario(Node root, Node m, String name, String description, boolean timeRequired) {
        Machine machine = read(m);
        ZMatrixRMaj initial = MachineInitial.read(root, machine.siteNames(), machine.dimensions());
        TimeGrid time = timeRequired || root.has("time") ? time(root.child("time"), machine) : null;
        ZMatrixRMaj target = TargetReader.read(root, machine.siteNames(), machine.dimensions());
        TargetReader.checkWaiting(root, machine);
        Simulation simulation = SimulationReader.read(root);
        DetectionReader.read(root, machine.bathNames());
        DiffusiveReader.read(root, DiffusiveReader.baths(machine), simulation.engines());
        boolean collision = simulation.engines().contains("collision");
        if (collision && root.has("engines") && machine.approach() == Approach.GLOBAL) {
            throw root.error("engines", Approach.COLLISION_REFUSAL);
        }
        if (collision && root.has("engines") && simulation.dts().size() > 1) {
            throw root.child("collision").error("dt", "a machine's run takes one collision step (the Δt study of "
                    + "several steps is run for the presets reset, flux and dqd only); give one step");
        }
        if (collision && !root.has("engines")) {
            simulation = new Simulation(List.of("trajectories"), simulation.trajectories(), simulation.seed(),
                    simulation.targetSe(), simulation.timeBudgetSeconds(), simulation.dts(), simulation.sampling());
        }
        return new Scenario(name, description, root.file(), null, initial, time, root, simulation, machine, target);
    }
}
