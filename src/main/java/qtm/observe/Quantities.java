package qtm.observe;

import java.util.List;
import org.ejml.data.ZMatrixRMaj;
import qtm.exact.CountingStatistics;
import qtm.model.Machine;
import qtm.model.MachineChannel;
import qtm.model.Model;
import qtm.model.Side;
import qtm.model.TimeGrid;

/** The registry of observed quantities: the set every {@code qtm run} records. */
public final class Quantities {
    /** Inner bins of the final-count histogram at most: enough to resolve its shape, few enough for a χ². */
    private static final int HISTOGRAM_BINS = 48;

    private Quantities() {
    }

    /**
     * @param model the machine
     * @param rho0 the initial state (it places the bins of the final-count histogram)
     * @param grid the output grid
     * @return ρ̄ coordinates (with the observables per site and bipartition), pure-state concurrence, heat by the formula, heat by counting, jump counts, the net
     *     counts N_k(t) and Q_k(t) (on grids of at most {@link NetCounts#MAX_POINTS}), the final-time products for the χ² and the final-count histogram, in output order;
     *     then the waiting-time histograms where they can be recorded ({@link WaitingHistogram#absence})
     */
    public static List<Quantity> standard(Model model, ZMatrixRMaj rho0, TimeGrid grid) {
        List<Quantity> out = new java.util.ArrayList<>(List.of(new RhoElements(SiteObservables.of(model)), new PureConcurrence(),
                new HeatFormula(model), new HeatCount(model, grid), new JumpCounts()));
        if (grid.points() <= NetCounts.MAX_POINTS) {
            out.add(new NetCounts(model, grid));
        }
        out.addAll(List.of(new FinalProducts(),
                new CountHistogram(bins(model, rho0, grid, Side.COLD), bins(model, rho0, grid, Side.HOT))));
        WaitingHistogram waiting = WaitingHistogram.of(model, grid);
        if (waiting != null) {
            out.add(waiting);
        }
        return List.copyOf(out);
    }

    /**
     * @param model the machine
     * @param rho0 the initial state
     * @param grid the output grid
     * @param engine the engine that runs the ensemble
     * @return the {@link #standard} quantities, and for the collision engine its switching work per bath
     *     ({@link CollisionWork}) after them
     */
    public static List<Quantity> of(Model model, ZMatrixRMaj rho0, TimeGrid grid, qtm.engine.EngineKind engine) {
        List<Quantity> out = new java.util.ArrayList<>(standard(model, rho0, grid));
        if (engine == qtm.engine.EngineKind.COLLISION) {
            out.add(new CollisionWork(model, grid));
        }
        return List.copyOf(out);
    }

    /**
     * What the diffusive engine records on a preset (issue 29): ρ̄ coordinates (with the observables per site and
     * bipartition), the mean conditional concurrence (Wootters' on a mixed conditional state) and the heat by the
     * formula, linear in ρ. Nothing driven by jumps or counts (there are none) and nothing final-only (a mixed
     * conditional state has no ψ to give it).
     *
     * @param model the machine (the flux model: the only preset with bosonic baths)
     * @return the quantities, in output order
     */
    public static List<Quantity> diffusive(Model model) {
        return List.of(new RhoElements(SiteObservables.of(model)), new PureConcurrence(), new HeatFormula(model));
    }

    /**
     * What the diffusive engine records on a machine (issue 29): ρ̄ coordinates (with the observables per site and
     * bipartition) and, for two sites or more, the mean conditional negativity of every bipartition.
     *
     * @param machine the machine
     * @return the quantities, in output order
     */
    public static List<Quantity> diffusive(Machine machine) {
        SiteObservables sites = SiteObservables.of(machine);
        return sites.bipartitions().isEmpty() ? List.of(new RhoElements(sites))
                : List.of(new RhoElements(sites), new ConditionalNegativity(sites));
    }

    /**
     * What a run records on a machine of issue 24 with the jump engine: ρ̄ coordinates (with the observables per site
     * and bipartition) and the heat into each bath by counting; for d = 4 also the final products, so that the
     * verdict has its χ². Above d = 4 it has none: the χ² over d² coordinates needs N far above d⁴ trajectories
     * (4,096 at d = 8, 10⁶ at d = 32) and d⁴/2 sums per grid point, so the verdict keeps the worst z-test's
     * Bonferroni bound alone. Last, the waiting-time histograms of every ordered pair of baths, where they can be
     * recorded ({@link WaitingHistogram#absence(Machine)}).
     *
     * @param machine the machine
     * @param channels its channels, in the engine's order
     * @param grid the output grid
     * @return the quantities, in output order
     */
    public static List<Quantity> machine(Machine machine, List<MachineChannel> channels, TimeGrid grid) {
        return machine(machine, channels, grid, false);
    }

    /**
     * The quantities of {@link #machine(Machine, List, TimeGrid)}, the waiting times between ordered pairs of
     * channels instead of baths when asked ({@code observe.waiting: channels}).
     *
     * @param machine the machine
     * @param channels its channels, in the engine's order
     * @param grid the output grid
     * @param waitingByChannel waiting times between channels rather than baths
     * @return the quantities, in output order
     */
    public static List<Quantity> machine(Machine machine, List<MachineChannel> channels, TimeGrid grid,
            boolean waitingByChannel) {
        List<Quantity> out = new java.util.ArrayList<>(List.of(new RhoElements(SiteObservables.of(machine)),
                new HeatCount(machine, channels, grid)));
        if (machine.dimension() == 4) {
            out.add(new FinalProducts());
        }
        WaitingHistogram waiting = WaitingHistogram.of(machine, channels, grid, waitingByChannel);
        if (waiting != null) {
            out.add(waiting);
        }
        return List.copyOf(out);
    }

    /**
     * What a run of a machine records (issue 25): the quantities of {@link #machine(Machine, List, TimeGrid)}, with
     * the counting statistics of every bath ({@link MachineCounts}) after the heat by counting, in the presets'
     * order, where their exact reference can be afforded.
     *
     * @param machine the machine
     * @param channels its channels, in the engine's order
     * @param grid the output grid
     * @param rho0 the initial state (it places the bins of the final-count histogram)
     * @return the quantities, in output order
     */
    public static List<Quantity> machine(Machine machine, List<MachineChannel> channels, TimeGrid grid,
            ZMatrixRMaj rho0) {
        return machine(machine, channels, grid, rho0, false);
    }

    /**
     * The quantities of {@link #machine(Machine, List, TimeGrid, ZMatrixRMaj)}, the waiting times between ordered
     * pairs of channels instead of baths when asked ({@code observe.waiting: channels}).
     *
     * @param machine the machine
     * @param channels its channels, in the engine's order
     * @param grid the output grid
     * @param rho0 the initial state
     * @param waitingByChannel waiting times between channels rather than baths
     * @return the quantities, in output order
     */
    public static List<Quantity> machine(Machine machine, List<MachineChannel> channels, TimeGrid grid,
            ZMatrixRMaj rho0, boolean waitingByChannel) {
        List<Quantity> base = machine(machine, channels, grid, waitingByChannel);
        List<Quantity> counts = MachineCounts.of(machine, channels, grid, rho0);
        if (counts.isEmpty()) {
            return base;
        }
        List<Quantity> out = new java.util.ArrayList<>(base.subList(0, 2));
        out.add(counts.get(0));
        int rest = 2;
        if (base.size() > 2 && base.get(2) instanceof FinalProducts) {
            out.add(base.get(2));
            rest = 3;
        }
        out.add(counts.get(1));
        out.addAll(base.subList(rest, base.size()));
        return List.copyOf(out);
    }

    /** Bins around the exact mean ± 7 sd of N_k at the final time. */
    private static CountHistogram.Bins bins(Model model, ZMatrixRMaj rho0, TimeGrid grid, Side side) {
        double[] m = new CountingStatistics(model, side, CountingStatistics.Weight.QUANTA).moments(rho0, grid.end(),
                2);
        double sd = Math.sqrt(Math.max(0, m[1] - m[0] * m[0]));
        return CountHistogram.Bins.around(m[0], sd, HISTOGRAM_BINS);
    }
}
