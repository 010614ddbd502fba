package qtm.scenario;

import qtm.input.Quote;
import qtm.input.InputException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.ejml.data.ZMatrixRMaj;
import qtm.ensemble.Ranges;
import qtm.math.Hermitian;
import qtm.math.Ops;
import qtm.model.Bath;
import qtm.model.Approach;
import qtm.model.DotModel;
import qtm.model.FluxModel;
import qtm.model.MachinePresets;
import qtm.model.Model;
import qtm.model.ResetModel;
import qtm.model.TimeGrid;
import qtm.model.TwoQubits;
import qtm.model.ValidRange;

/**
 * Turns a scenario file into a {@link Scenario}, checking every key; the first problem found is thrown as a
 * {@link InputException}.
 */
public final class ScenarioReader {
    /**
     * Longest scenario name: it names the output directory {@code output/NAME}, and the staging and trash names
     * beside it add up to 52 characters ({@code .NAME.qtm-trash-UUID}), which must fit the 255 bytes of a file name.
     */
    public static final int MAX_NAME = 100;
    /** Keys allowed at the top level of a scenario file. */
    public static final Set<String> TOP = Set.of("name", "description", "model", "initial", "time", "engines",
            "ensemble", "collision", "diffusive", "optimize", "threshold", "sweep", "observe", "detection");
    /**
     * Most points on a time grid. {@code evolve} keeps every state (32 doubles) and its CSV row in memory, about
     * 3 kB of heap per point with the collector's slack: 1,000,000 points took 32 s and 3.5 GB; this takes 3 s.
     * ({@code qtm run} has its own, smaller cap.)
     */
    public static final int MAX_TIME_POINTS = 100_001;
    /**
     * Largest ensemble.trajectories (and --trajectories): the ensemble's own cap, which saved files and shard records
     * are checked against too.
     */
    public static final long MAX_TRAJECTORIES = Ranges.MAX_TRAJECTORIES;
    private static final double TOLERANCE = 1e-9;
    private static final double MAX = Double.MAX_VALUE;

    private ScenarioReader() {
    }

    /**
     * @param file the YAML file
     * @param sets overrides key=value
     * @return the validated scenario
     * @throws InputException on the first bad key
     */
    public static Scenario read(Path file, List<String> sets) {
        return read(file, sets, true);
    }

    /**
     * As {@link #read(Path, List)}, for commands that need no time grid (the steady state): {@code time} may then be
     * absent, and the scenario's {@link Scenario#time()} is null.
     *
     * @param file the YAML file
     * @param sets overrides key=value
     * @param timeRequired whether {@code time} must be present
     * @return the validated scenario
     * @throws InputException on the first bad key
     */
    public static Scenario read(Path file, List<String> sets, boolean timeRequired) {
        return read(file, sets, timeRequired, false);
    }

    /**
     * As {@link #read(Path, List, boolean)} without a required time grid, for {@code qtm steady}, which with
     * {@code qtm evolve} takes any machine today: a {@code model.type: machine} is read by {@link MachineReader},
     * and its scenario's {@link Scenario#model()} is null.
     *
     * @param file the YAML file
     * @param sets overrides key=value
     * @return the validated scenario
     * @throws InputException on the first bad key
     */
    public static Scenario readAny(Path file, List<String> sets) {
        return read(file, sets, false, true);
    }

    /**
     * As {@link #read(Path, List)} for {@code qtm run} and {@code qtm evolve}, which take any machine: a
     * {@code model.type: machine} is read by {@link MachineReader} (its {@link Scenario#model()} is null), needs a
     * time grid, and runs the trajectories engine unless its {@code engines} list the collision engine too (issue 25).
     *
     * @param file the YAML file
     * @param sets overrides key=value
     * @return the validated scenario
     * @throws InputException on the first bad key
     */
    public static Scenario readForRun(Path file, List<String> sets) {
        return read(file, sets, true, true);
    }

    /** Why the commands other than steady, evolve, run and fcs refuse a machine, in one place. */
    public static final String MACHINE_REFUSAL = "a machine (model.type = machine, issue 24) is supported today by "
            + "qtm steady, qtm evolve, qtm run (trajectories) and qtm fcs only; the other commands take the presets "
            + "reset, flux and dqd";


    private static Scenario read(Path file, List<String> sets, boolean timeRequired, boolean machines) {
        return read(ScenarioFile.load(file, sets), file, sets, timeRequired, machines);
    }

    /**
     * As {@link #readAny(Path, List)}, from a tree already loaded (a sweep's grid point, its keys applied).
     *
     * @param root the loaded root, overrides applied
     * @param file the file it came from
     * @param sets every override applied to it, so that a range error names the key a --set or an axis changed
     * @return the validated scenario
     * @throws InputException on the first bad key
     */
    static Scenario readAny(Node root, Path file, List<String> sets) {
        return read(root, file, sets, false, true);
    }

    /**
     * As {@link #readForRun(Path, List)}, from a tree already loaded (a Monte Carlo sweep's grid point, its keys
     * applied), so that the point is read exactly as {@code qtm run --set KEY=VALUE} reads it.
     *
     * @param root the loaded root, overrides applied
     * @param file the file it came from
     * @param sets every override applied to it
     * @return the validated scenario
     * @throws InputException on the first bad key
     */
    static Scenario readForRun(Node root, Path file, List<String> sets) {
        return read(root, file, sets, true, true);
    }

    private static Scenario read(Node root, Path file, List<String> sets, boolean timeRequired, boolean machines) {
        root.allowOnly(TOP);
        String name = root.has("name") ? root.text("name") : defaultName(file);
        checkName(root, name);
        String description = root.has("description") ? root.text("description") : "";
        Node m = root.child("model");
        if (m.has("type") && m.text("type").equals("machine")) {
            if (!machines) {
                throw m.error("type", MACHINE_REFUSAL);
            }
            return MachineReader.scenario(root, m, name, description, timeRequired);
        }
        Model model = model(m, sets);
        ZMatrixRMaj initial = initial(root);
        if (model instanceof DotModel) {
            FermionParity.require(root, initial);
        }
        TimeGrid time = timeRequired || root.has("time") ? time(root.child("time"), model) : null;
        Simulation simulation = SimulationReader.read(root);
        DetectionReader.read(root, MachinePresets.BATHS);
        DiffusiveReader.read(root, DiffusiveReader.baths(model), simulation.engines());
        if (model.approach() == Approach.GLOBAL && simulation.engines().contains("collision")) {
            if (root.has("engines")) {
                throw root.error("engines", Approach.COLLISION_REFUSAL);
            }
            // Without the key the default is every engine that can run the model: here the trajectories alone.
            simulation = new Simulation(List.of("trajectories"), simulation.trajectories(), simulation.seed(),
                    simulation.targetSe(), simulation.timeBudgetSeconds(), simulation.dts(), simulation.sampling());
        }
        Scenario preset = new Scenario(name, description, root.file(), model, initial, time, root, simulation);
        ZMatrixRMaj target = TargetReader.read(root, MachinePresets.SITES, new int[] {2, 2});
        TargetReader.checkWaiting(root, null);
        return target == null ? preset : new Scenario(name, description, root.file(), model, initial, time, root,
                simulation, preset.machine(), target);
    }

    /**
     * Checks {@code observe} for the files that only a preset may be (study files); its target is not used there.
     *
     * @param root the root mapping
     */
    static void checkObserve(Node root) {
        TargetReader.read(root, MachinePresets.SITES, new int[] {2, 2});
        TargetReader.checkWaiting(root, null);
    }

    /**
     * The rule for a scenario's name, shared by every reader: it names the output directory.
     *
     * @param root the scenario's root mapping
     * @param name the name given, or the default from the file's name
     * @throws InputException (exit 2) if it is not 1 to {@link #MAX_NAME} letters, digits, '.', '_' or '-'
     */
    public static void checkName(Node root, String name) {
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]*") || name.length() > MAX_NAME) {
            throw root.error("name", "expected letters, digits, '.', '_' or '-', 1 to " + MAX_NAME + " of them (it "
                    + "names the output directory, and qtm's staging names beside it must fit the file system's 255 "
                    + "bytes)"
                    + (root.has("name") ? "" : "; without the key the file's name " + Quote.of(name) + " is used"));
        }
    }

    /** A scenario without a name is named after its file, without the .yaml or .yml. */
    static String defaultName(Path file) {
        String f = file.getFileName().toString();
        return f.replaceFirst("\\.ya?ml$", "");
    }

    /**
     * The {@code model} mapping.
     *
     * @param m the mapping
     * @return the model
     */
    static Model model(Node m) {
        return model(m, List.of());
    }

    /**
     * The {@code model} mapping, naming in range errors the key that a {@code --set} changed when a rule ties two
     * keys together (a flux qubit's rate and temperature).
     *
     * @param m the mapping
     * @param sets the command line's overrides key=value
     * @return the model
     */
    public static Model model(Node m, List<String> sets) {
        try {
            return build(m);
        } catch (ValidRange.OutOfRange e) {
            String key = e.keys().get(0);
            for (String k : e.keys()) {
                String dotted = m.keyPath(k) + "=";
                if (sets.stream().anyMatch(s -> s.startsWith(dotted))) {
                    key = k;
                    break;
                }
            }
            int dot = key.indexOf('.');
            Node owner = dot < 0 ? m : m.child(key.substring(0, dot));
            throw owner.error(key.substring(dot + 1), "outside the model's valid range: " + key + " " + e.allowed()
                    + " (see the guide, src/site/markdown/models-validity-accuracy.md, \"Where the models hold\")");
        }
    }

    private static Model build(Node m) {
        String type = m.has("type") ? m.text("type") : "";
        boolean dqd = type.equals("dqd");
        switch (type) {
            case "reset", "flux", "dqd":
                break;
            case "machine":
                throw m.error("type", MACHINE_REFUSAL);
            default:
                throw m.error("type", "expected one of reset, flux, dqd (or machine, which qtm steady reads)");
        }
        if (type.equals("reset")) {
            for (String k : List.of("approach", "spectral_exponent")) {
                if (m.has(k)) {
                    throw m.error(k, "applies to the flux and dqd models only: the reset model is a collision "
                            + "model with no bath spectrum (remove the key)");
                }
            }
        }
        m.allowOnly(dqd ? Set.of("type", "E", "g", "U", "cold", "hot", "approach", "spectral_exponent")
                : type.equals("flux") ? Set.of("type", "E", "g", "cold", "hot", "approach", "spectral_exponent")
                : Set.of("type", "E", "g", "cold", "hot"));
        double e = m.number("E", Double.MIN_VALUE, MAX, 1.0);
        double g = m.number("g", 0, MAX);
        boolean infOk = !type.equals("flux");
        Bath cold = bath(m.child("cold"), infOk);
        Bath hot = bath(m.child("hot"), infOk);
        Approach approach = approach(m);
        // Γ(ω) = rate·(ω/E)^s: 0 flat, 1 Ohmic, 3 super-Ohmic.
        double s = m.number("spectral_exponent", ValidRange.EXPONENT_MIN, ValidRange.EXPONENT_MAX, 0.0);
        if (dqd) {
            return new DotModel(e, g, m.number("U", 0, MAX), cold, hot, approach, s);
        }
        return type.equals("flux") ? new FluxModel(e, g, cold, hot, approach, s) : new ResetModel(e, g, cold, hot);
    }

    private static Bath bath(Node b, boolean infOk) {
        b.allowOnly(Set.of("T", "rate"));
        double t = b.temperature("T", infOk, "the flux model's bosonic rates diverge at T = inf");
        return new Bath(t, b.number("rate", 0, MAX));
    }

    public static TimeGrid time(Node t, Model model) {
        t.allowOnly(Set.of("end", "points"));
        double maxEnd = ValidRange.maxTime(model);
        if (t.has("end") && !(t.number("end", Double.MIN_VALUE, MAX) <= maxEnd)) {
            throw t.error("end", "outside the model's valid range: expected 0 < end <= "
                    + ValidRange.maxTimeRule(model));
        }
        double end = t.number("end", Double.MIN_VALUE, MAX);
        if (!(end > 0)) {
            throw t.error("end", "expected a finite number > 0 (the grid runs from 0 to end)");
        }
        int points = (int) t.integer("points", 2, MAX_TIME_POINTS);
        return new TimeGrid(end, points);
    }

    public static ZMatrixRMaj initial(Node root) {
        if (!root.has("initial")) {
            return TwoQubits.basisState("00");
        }
        JsonNode v = root.raw("initial");
        if (v.isValueNode()) {
            String label = v.asText();
            if (!label.matches("[01][01]")) {
                throw root.error("initial", "expected a basis label 00, 01, 10 or 11 (cold digit first), "
                        + "or a mapping {re: 4x4, im: 4x4} or {ket: {re: [4], im: [4]}}");
            }
            return TwoQubits.basisState(label);
        }
        Node n = root.child("initial");
        if (n.has("ket")) {
            n.allowOnly(Set.of("ket"));
            return ket(n.child("ket"));
        }
        n.allowOnly(Set.of("re", "im"));
        double[][] re = n.matrix("re", 4, 4);
        double[][] im = n.has("im") ? n.matrix("im", 4, 4) : null;
        ZMatrixRMaj rho = Ops.of(re, im);
        String key = "initial";
        if (Ops.maxAbsDiff(rho, Ops.dagger(rho)) > TOLERANCE) {
            throw root.error(key, "a density matrix must be Hermitian (re symmetric, im antisymmetric)");
        }
        if (Math.abs(Ops.traceRe(rho) - 1) > TOLERANCE) {
            throw root.error(key, "a density matrix must have trace 1 (got " + Ops.traceRe(rho) + ")");
        }
        double[] eig = Hermitian.eigenvalues(rho);
        if (eig[3] < -TOLERANCE) {
            throw root.error(key, "a density matrix must be positive semidefinite (smallest eigenvalue " + eig[3] + ")");
        }
        return rho;
    }

    private static ZMatrixRMaj ket(Node k) {
        k.allowOnly(Set.of("re", "im"));
        double[] re = k.numbers("re");
        double[] im = k.has("im") ? k.numbers("im") : new double[4];
        if (re.length != 4 || im.length != 4) {
            throw k.error(re.length != 4 ? "re" : "im", "expected 4 amplitudes for |00>, |01>, |10>, |11>");
        }
        // Scaled by the largest magnitude first, so that amplitudes like 1e200 or 1e-200 neither overflow nor
        // underflow when squared.
        double big = 0;
        for (int i = 0; i < 4; i++) {
            big = Math.max(big, Math.max(Math.abs(re[i]), Math.abs(im[i])));
        }
        if (!(big > 0)) {
            throw k.error("re", "the ket must not be zero");
        }
        re = re.clone();
        im = im.clone();
        double norm = 0;
        for (int i = 0; i < 4; i++) {
            re[i] /= big;
            im[i] /= big;
            norm += re[i] * re[i] + im[i] * im[i];
        }
        // A ket written to a few digits, like 0.7071, is normalised here rather than rejected.
        ZMatrixRMaj rho = new ZMatrixRMaj(4, 4);
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                rho.set(i, j, (re[i] * re[j] + im[i] * im[j]) / norm, (im[i] * re[j] - re[i] * im[j]) / norm);
            }
        }
        return rho;
    }

    /**
     * @param m a {@code model} mapping
     * @return its {@code approach}, local where absent
     * @throws InputException if it is neither local nor global
     */
    static Approach approach(Node m) {
        if (!m.has("approach")) {
            return Approach.LOCAL;
        }
        String a = m.text("approach");
        if (!a.equals("local") && !a.equals("global")) {
            throw m.error("approach", "expected local or global");
        }
        return Approach.of(a);
    }
}
