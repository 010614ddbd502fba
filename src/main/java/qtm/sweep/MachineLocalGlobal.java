package qtm.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.ejml.data.ZMatrixRMaj;
import qtm.exact.MachineExact;
import qtm.exact.MachineRedfield;
import qtm.math.Bipartition;
import qtm.model.Approach;
import qtm.model.Coupling;
import qtm.model.Machine;
import qtm.observe.Entanglement;

/**
 * Local against global master equation on any machine of bosonic baths (issue 25), with the non-secular
 * Bloch–Redfield equation of the same baths ({@link MachineRedfield}) as the reference, as {@link LocalGlobalSweep}
 * does for the flux and double-dot presets: along a factor {@code g_scale} that multiplies every exchange coupling,
 * log-spaced, the steady negativity of the first bipartition and the heat into every bath of all three. A point of an
 * approach is flagged by the presets' rules ({@link LocalGlobalSweep#concurrenceOff} on the negativity,
 * {@link LocalGlobalSweep#heatOff} on the first bath's heat). Heat: local and global by their channels
 * ({@link MachineExact#heat}), Redfield by −Tr[H D_k(ρ)].
 *
 * @param from smallest g_scale, &gt; 0
 * @param to largest g_scale
 * @param points grid points, ≥ 2
 */
public record MachineLocalGlobal(double from, double to, int points) {
    private static final List<String> APPROACHES = List.of("redfield", "local", "global");

    /** @throws IllegalArgumentException unless 0 &lt; from &lt; to are finite and points ≥ 2 */
    public MachineLocalGlobal {
        if (!(from > 0 && to > from && Double.isFinite(to)) || points < 2) {
            throw new IllegalArgumentException("a local-global sweep needs 0 < g_scale from < to and at least 2 points");
        }
    }

    /** @return the g_scale grid, log-spaced, ends exact */
    public double[] scales() {
        return new Axis(Knob.TC, from, to, points, true).values();
    }

    /**
     * @param m a machine of two or more sites
     * @param scale the factor
     * @return the machine with every exchange g multiplied by it
     */
    public static Machine scaled(Machine m, double scale) {
        List<Coupling> couplings = new ArrayList<>();
        for (Coupling c : m.couplings()) {
            couplings.add(c instanceof Coupling.Exchange e ? new Coupling.Exchange(e.a(), e.b(), e.g() * scale) : c);
        }
        return new Machine(m.approach(), m.sites(), couplings, m.baths());
    }

    /**
     * @param m the machine: its approach does not matter, its baths must all be bosonic
     * @return g_scale, then per approach the first bipartition's negativity and every bath's heat, then the flags
     */
    public List<String> columns(Machine m) {
        String negativity = first(m).column("negativity");
        List<String> columns = new ArrayList<>(List.of("g_scale"));
        for (String a : APPROACHES) {
            columns.add(a + "_" + negativity);
            for (String b : m.bathNames()) {
                columns.add(a + "_heat_" + b);
            }
        }
        for (String a : APPROACHES.subList(1, 3)) {
            columns.add(a + "_negativity_off");
            columns.add(a + "_heat_off");
        }
        return columns;
    }

    private static Bipartition first(Machine m) {
        List<Bipartition> all = Bipartition.all(m.siteNames());
        if (all.isEmpty()) {
            throw new IllegalArgumentException("a local-global sweep of a machine compares its entanglement: it needs "
                    + "two or more sites");
        }
        return all.get(0);
    }

    /**
     * @param m the machine (bosonic baths only, two or more sites)
     * @return one row per g_scale, as {@link #columns}, and a figure of the negativity and the first bath's heat
     */
    public SweepTable run(Machine m) {
        // Refuses a bath that is not bosonic before any point is computed.
        new MachineRedfield(m);
        double[] s = scales();
        List<double[]> rows = IntStream.range(0, s.length).parallel().mapToObj(i -> row(m, s[i])).toList();
        String negativity = first(m).column("negativity");
        String heat = "heat_" + m.bathNames().get(0);
        SweepTable.Comparison figure = new SweepTable.Comparison("", "local and global master equation against "
                + "Bloch-Redfield", "g_scale", List.of(panel(negativity, "negativity_off", false),
                        panel(heat, "heat_off", true)));
        return new SweepTable(columns(m), new ArrayList<>(rows), List.of(), List.of(figure));
    }

    private static SweepTable.Panel panel(String quantity, String flag, boolean logY) {
        return new SweepTable.Panel(quantity, logY, List.of(
                new SweepTable.Curve("local", "local_" + quantity, "local_" + flag),
                new SweepTable.Curve("global", "global_" + quantity, "global_" + flag),
                new SweepTable.Curve("Bloch-Redfield", "redfield_" + quantity, null)));
    }

    static double[] row(Machine m, double scale) {
        Machine at = scaled(m, scale);
        Bipartition cut = first(m);
        MachineRedfield redfield = new MachineRedfield(at);
        ZMatrixRMaj rr = redfield.steadyState();
        MachineExact local = new MachineExact(new Machine(Approach.LOCAL, at.sites(), at.couplings(), at.baths()));
        MachineExact global = new MachineExact(new Machine(Approach.GLOBAL, at.sites(), at.couplings(), at.baths()));
        ZMatrixRMaj rl = local.steadyState();
        ZMatrixRMaj rg = global.steadyState();
        int baths = m.baths().size();
        double[] row = new double[1 + 3 * (1 + baths) + 4];
        row[0] = scale;
        double[] nr = fill(row, 1, negativity(rr, m, cut), redfieldHeat(redfield, rr, baths));
        double[] nl = fill(row, 2 + baths, negativity(rl, m, cut), values(local.heat(rl)));
        double[] ng = fill(row, 3 + 2 * baths, negativity(rg, m, cut), values(global.heat(rg)));
        int f = 4 + 3 * baths;
        row[f] = LocalGlobalSweep.concurrenceOff(nl[0], nr[0]) ? 1 : 0;
        row[f + 1] = LocalGlobalSweep.heatOff(nl[1], nr[1]) ? 1 : 0;
        row[f + 2] = LocalGlobalSweep.concurrenceOff(ng[0], nr[0]) ? 1 : 0;
        row[f + 3] = LocalGlobalSweep.heatOff(ng[1], nr[1]) ? 1 : 0;
        return row;
    }

    /** Writes the negativity and the heats from row[at]; @return {negativity, first bath's heat} */
    private static double[] fill(double[] row, int at, double negativity, double[] heat) {
        row[at] = negativity;
        System.arraycopy(heat, 0, row, at + 1, heat.length);
        return new double[] {negativity, heat[0]};
    }

    private static double negativity(ZMatrixRMaj rho, Machine m, Bipartition cut) {
        return Entanglement.negativity(rho, m.siteNames(), m.dimensions()).get(cut.label());
    }

    private static double[] redfieldHeat(MachineRedfield r, ZMatrixRMaj rho, int baths) {
        double[] q = new double[baths];
        for (int k = 0; k < baths; k++) {
            q[k] = r.heat(k, rho);
        }
        return q;
    }

    private static double[] values(Map<String, Double> heat) {
        return heat.values().stream().mapToDouble(Double::doubleValue).toArray();
    }
}
