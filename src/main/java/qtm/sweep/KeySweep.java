package qtm.sweep;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.IntStream;
import qtm.exact.Fluctuations;
import qtm.exact.MachineFluctuations;
import qtm.math.Bipartition;
import qtm.observe.Estimates;

/**
 * A sweep over any numeric scenario keys (issue 26): the full grid of its axes, first axis slowest, and at every point
 * the exact steady state of the model that the point's key values give, with what {@code qtm steady} reports of it:
 * the concurrence where there are exactly two qubit sites, the negativity and log-negativity of every bipartition,
 * the concurrence of every pair of qubit sites, the heat into every bath and the purity; on request ({@code --fcs})
 * also every bath's exact stationary count current, count noise and Fano factor, as {@code qtm fcs} gives them. The
 * model of a point comes
 * from a function the caller builds (the reader applies the values as {@code --set} does and validates the point),
 * so this class reads no files.
 *
 * @param axes the axes, first slowest; their keys differ
 * @param plot the result columns to chart (empty: {@link #defaultPlot})
 */
public record KeySweep(List<KeyAxis> axes, List<String> plot) {
    /** Most points of a key sweep: every point is one steady-state solve, one CSV row and one cell of a map. */
    public static final int MAX_POINTS = 100_000;

    /** @throws IllegalArgumentException without axes, with a key twice, or with more than {@value #MAX_POINTS} points */
    public KeySweep {
        axes = List.copyOf(axes);
        plot = List.copyOf(plot);
        if (axes.isEmpty()) {
            throw new IllegalArgumentException("a key sweep needs at least one axis");
        }
        Set<String> keys = new HashSet<>();
        long n = 1;
        for (KeyAxis a : axes) {
            if (!keys.add(a.key())) {
                throw new IllegalArgumentException("the key " + a.key() + " is on two axes");
            }
            n *= a.points();
            if (n > MAX_POINTS) {
                throw new IllegalArgumentException("a key sweep computes at most " + MAX_POINTS + " points");
            }
        }
    }

    /** @return the number of grid points, the product of the axes' points */
    public int size() {
        int n = 1;
        for (KeyAxis a : axes) {
            n *= a.points();
        }
        return n;
    }

    /**
     * @param i a point index in [0, size)
     * @return the axes' values at it, the first axis slowest (its index changes after all the later ones' have
     *     cycled)
     */
    public double[] point(int i) {
        double[] v = new double[axes.size()];
        int rest = i;
        for (int k = axes.size() - 1; k >= 0; k--) {
            KeyAxis a = axes.get(k);
            v[k] = a.value(rest % a.points());
            rest /= a.points();
        }
        return v;
    }

    /**
     * The text a value takes in the CSV and in {@code --set KEY=VALUE}: {@link Double#toString}, as every CSV of qtm
     * writes numbers, which reads back to the same double (the shortest such text on Java 19 and later; on 17
     * sometimes a digit longer, and still exact).
     *
     * @param value a value
     * @return its text
     */
    public static String text(double value) {
        return Double.toString(value);
    }

    /**
     * @param model the model at any point (every point has the same sites and baths: the keys are numbers)
     * @return the result columns, after the axes' own
     */
    public static List<String> resultColumns(PointModel model) {
        return resultColumns(model, false);
    }

    /**
     * @param model the model at any point
     * @param counting whether to add, per bath, its exact stationary count current, count noise and Fano factor
     *     ({@code --fcs}), after the purity
     * @return the result columns, after the axes' own
     */
    public static List<String> resultColumns(PointModel model, boolean counting) {
        List<String> sites = model.sites();
        int[] dims = model.dims();
        List<String> out = new ArrayList<>();
        if (qubitPairs(dims).size() == 1) {
            out.add(Estimates.concurrence());
        }
        List<Bipartition> parts = Bipartition.all(sites);
        parts.forEach(p -> out.add(Estimates.negativity(p)));
        parts.forEach(p -> out.add(Estimates.logNegativity(p)));
        for (int[] p : qubitPairs(dims)) {
            out.add(Estimates.pairConcurrence(sites.get(p[0]), sites.get(p[1])));
        }
        model.baths().forEach(b -> out.add(Estimates.heat(b)));
        out.add(Estimates.purity());
        if (counting) {
            for (String b : model.baths()) {
                out.addAll(List.of(Estimates.countCurrent(b), Estimates.countNoise(b), Estimates.fano(b)));
            }
        }
        return out;
    }

    /**
     * What a one-axis sweep charts and a two-axis one maps when the file names nothing: the concurrence where it
     * exists, else the pair concurrences, else the negativities.
     *
     * @param columns the result columns
     * @return the columns to chart
     */
    public static List<String> defaultPlot(List<String> columns) {
        if (columns.contains(Estimates.concurrence())) {
            return List.of(Estimates.concurrence());
        }
        List<String> pairs = columns.stream().filter(c -> c.startsWith("pair_concurrence_")).toList();
        return pairs.isEmpty() ? columns.stream().filter(c -> c.startsWith("negativity_")).toList() : pairs;
    }

    /**
     * Solves every point, in parallel; the rows are in grid order whatever the number of threads.
     *
     * @param models the validated model at a point's axis values
     * @return the table: the axes' columns, then {@link #resultColumns}
     * @throws IllegalArgumentException if a point's steady state is not unique, or its sites or baths differ from the
     *     first point's
     */
    public KeyTable run(Function<double[], PointModel> models) {
        return run(models, false);
    }

    /**
     * Solves every point, in parallel, and with {@code counting} also its exact stationary counting statistics
     * ({@code qtm sweep --fcs}: the numbers {@code qtm fcs --json} gives at the point; NaN where a noise is lost in
     * rounding, which {@code qtm fcs} refuses).
     *
     * @param models the validated model at a point's axis values
     * @param counting whether to add the counting columns of {@link #resultColumns(PointModel, boolean)}
     * @return the table: the axes' columns, then {@link #resultColumns(PointModel, boolean)}
     * @throws IllegalArgumentException if a point's steady state is not unique, or its sites or baths differ from the
     *     first point's
     */
    public KeyTable run(Function<double[], PointModel> models, boolean counting) {
        List<String> results = resultColumns(models.apply(point(0)), counting);
        List<double[]> rows = IntStream.range(0, size()).parallel().mapToObj(i -> {
            double[] x = point(i);
            PointModel m = models.apply(x);
            if (!resultColumns(m, counting).equals(results)) {
                throw new IllegalArgumentException("the point " + i + " has other sites or baths than the first");
            }
            double[] r = row(x, m.steady());
            return counting ? withCounting(r, m.counting()) : r;
        }).toList();
        List<String> columns = new ArrayList<>();
        axes.forEach(a -> columns.add(a.key()));
        columns.addAll(results);
        List<String> charted = plot.isEmpty() ? defaultPlot(results) : plot;
        for (String c : charted) {
            if (!results.contains(c)) {
                throw new IllegalArgumentException("sweep.plot names " + c + ", which is not a column; the columns "
                        + "are " + results);
            }
        }
        return new KeyTable(axes, charted, new SweepTable(columns, rows, List.of()));
    }

    /**
     * Solves one point and names what it reports, as the sweep's CSV names its columns.
     *
     * @param model a point
     * @return the steady observables by result column name, in {@link #resultColumns} order
     * @throws IllegalArgumentException if the steady state is not unique
     */
    public static Map<String, Double> observables(PointModel model) {
        List<String> names = resultColumns(model);
        double[] v = row(new double[0], model.steady());
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            out.put(names.get(i), v[i]);
        }
        return out;
    }

    /** The values in {@link #resultColumns} order, after the axes'. */
    private static double[] row(double[] x, SteadyOutcome o) {
        List<Double> v = new ArrayList<>();
        for (double a : x) {
            v.add(a);
        }
        if (o.concurrence() != null) {
            v.add(o.concurrence());
        }
        v.addAll(o.negativity().values());
        v.addAll(o.logNegativity().values());
        v.addAll(o.pairConcurrence().values());
        v.addAll(o.heat().values());
        v.add(o.purity());
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The row followed by every bath's count current, count noise and Fano factor. */
    private static double[] withCounting(double[] row, MachineFluctuations f) {
        double[] out = java.util.Arrays.copyOf(row, row.length + 3 * f.baths().size());
        int c = row.length;
        for (Fluctuations.Bath b : f.baths()) {
            out[c++] = b.quanta().current();
            out[c++] = b.quanta().noise();
            out[c++] = b.fano();
        }
        return out;
    }

    /** The qubit pairs {i, j}, i &lt; j, in site order, as {@link SteadyOutcome#pairConcurrence()} lists them. */
    private static List<int[]> qubitPairs(int[] dims) {
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < dims.length; i++) {
            for (int j = i + 1; j < dims.length; j++) {
                if (dims[i] == 2 && dims[j] == 2) {
                    out.add(new int[] {i, j});
                }
            }
        }
        return out;
    }

    /**
     * A key sweep's result.
     *
     * @param axes the axes, first slowest
     * @param plot the result columns to chart (against the axis) or to map (over the two axes)
     * @param table the tidy table, one row per grid point in grid order
     */
    public record KeyTable(List<KeyAxis> axes, List<String> plot, SweepTable table) {
        /** Copies the lists. */
        public KeyTable {
            axes = List.copyOf(axes);
            plot = List.copyOf(plot);
        }
    }
}
