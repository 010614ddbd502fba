package qtm.sweep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import qtm.model.Model;
import qtm.model.Side;

/**
 * Figs. 2(a)–(c) and 4: the optimised steady state along one parameter (usually T_h), one curve per value of another
 * (T_c or U). Each curve is walked in order and every optimisation also starts from its neighbour's optimum, which
 * keeps the narrow entangled ridge near a threshold in sight; curves run in parallel. Points where T_h &lt; T_c are
 * skipped (the "hot" bath would be the colder one).
 *
 * @param x the swept parameter
 * @param series the parameter that labels the curves
 * @param seriesValues its values
 * @param plotted the columns charted against x (concurrence, heat_cold, heat_hot, purity, ...)
 */
public record OptimumCurves(Axis x, Knob series, double[] seriesValues, List<String> plotted) implements SweepPlan {
    /** The CSV columns. Rates are transition rates γ; the bare scenario rates are cold_bare_rate, hot_bare_rate. */
    public static final List<String> COLUMNS = List.of("Tc", "Th", "U", "concurrence", "signed", "purity",
            "heat_cold", "heat_hot", "g", "cold_rate", "hot_rate", "cold_bare_rate", "hot_bare_rate");

    /** @throws IllegalArgumentException if x and series are the same parameter or nothing is plotted */
    public OptimumCurves {
        if (x.key() == series) {
            throw new IllegalArgumentException("the x axis and the series must be different parameters");
        }
        seriesValues = seriesValues.clone();
        plotted = List.copyOf(plotted);
        for (String p : plotted) {
            if (!COLUMNS.contains(p)) {
                throw new IllegalArgumentException("cannot plot " + p + "; columns are " + COLUMNS);
            }
        }
    }

    @Override
    public double[] seriesValues() {
        return seriesValues.clone();
    }

    @Override
    public SweepTable run(Model template, CouplingOptimizer optimizer) {
        return table(optima(template, optimizer::maximise));
    }

    /**
     * The optimisation, the expensive half of {@link #run}: one row per point, in curve order. It depends on the
     * machine, the optimiser, x and the series only, not on what is plotted, which is why several figures of the
     * same optima can share it (see {@link #sharesOptimaWith} and {@link SweepRunner}).
     *
     * @param template the machine; its couplings are ignored
     * @param maximiser the optimiser's {@code maximise}, or a wrapper of it
     * @return the rows, laid out as {@link #COLUMNS}
     */
    List<double[]> optima(Model template, Maximiser maximiser) {
        // The couplings are optimised at every point; the template's own rates, legal at its temperatures, need
        // not be at the swept ones, so it keeps only kind, E and U.
        Model model = Knob.withoutRates(template);
        List<List<double[]>> curves = IntStream.range(0, seriesValues.length).parallel()
                .mapToObj(i -> curve(series.set(model, seriesValues[i]), maximiser))
                .toList();
        List<double[]> rows = new ArrayList<>();
        curves.forEach(rows::addAll);
        return rows;
    }

    /**
     * The cheap half of {@link #run}: the table of the given optima with this plan's charts.
     *
     * @param rows rows from {@link #optima} of a plan that {@link #sharesOptimaWith} this one
     * @return the table
     */
    SweepTable table(List<double[]> rows) {
        List<SweepTable.Chart> charts = new ArrayList<>();
        for (int i = 0; i < plotted.size(); i++) {
            String y = plotted.get(i);
            charts.add(new SweepTable.Chart(i == 0 ? "" : "-" + y.replace('_', '-'), y + " vs " + x.key().key()
                    + " (couplings optimised), by " + series.key(), x.key().key(), y, series.key(), x.log(), false,
                    false, !y.equals("concurrence") && !y.equals("signed")));
        }
        return new SweepTable(COLUMNS, rows, charts);
    }

    /**
     * @param other another curves plan
     * @return whether it computes the same optima (same x and series), whatever it plots
     */
    boolean sharesOptimaWith(OptimumCurves other) {
        return x.equals(other.x) && series == other.series && Arrays.equals(seriesValues, other.seriesValues);
    }

    private List<double[]> curve(Model base, Maximiser maximiser) {
        List<double[]> rows = new ArrayList<>();
        Optimum previous = null;
        for (double v : x.values()) {
            Model m = x.key().set(base, v);
            double tc = m.cold().temperature();
            double th = m.hot().temperature();
            if (th < tc) {
                continue;
            }
            Optimum o = maximiser.maximise(m, tc, th, previous);
            previous = o;
            rows.add(row(o));
        }
        return rows;
    }

    static double[] row(Optimum o) {
        Model m = o.model();
        Couplings c = o.couplings();
        return new double[] {m.cold().temperature(), m.hot().temperature(), m.coulomb(), o.concurrence(),
            o.signed(), o.purity(), o.heat().cold(), o.heat().hot(), c.g(), c.coldRate(), c.hotRate(),
            m.bath(Side.COLD).rate(), m.bath(Side.HOT).rate()};
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OptimumCurves c && x.equals(c.x) && series == c.series
                && Arrays.equals(seriesValues, c.seriesValues) && plotted.equals(c.plotted);
    }

    @Override
    public int hashCode() {
        return 31 * x.hashCode() + Arrays.hashCode(seriesValues);
    }

    /**
     * The one optimisation per point, as {@link CouplingOptimizer#maximise(Model, double, double, Optimum)}; a seam
     * so that a test can count the optimisations a sweep runs.
     */
    @FunctionalInterface
    interface Maximiser {
        Optimum maximise(Model template, double coldTemperature, double hotTemperature, Optimum hint);
    }
}
