package qtm.run;

import java.util.Locale;

/**
 * Prints the diffusive step's measured orders (issue 29) as JSON for src/site/scripts/diffusive-orders.sh: the three
 * cases of {@link DiffusiveOrdersTest} (commuting channels' strong order, non-commuting channels' strong order, weak
 * order) with N times the test's trajectories.
 */
public final class DiffusiveOrdersMain {
    private DiffusiveOrdersMain() {
    }

    /**
     * @param args optional: the factor on the tests' trajectory counts (default 4)
     */
    public static void main(String[] args) {
        int factor = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        StringBuilder out = new StringBuilder("{\n");
        out.append(entry("strong_commuting", DiffusiveOrdersTest.measure(1.0, 0.0, 1.0 / 32, 3, 6000 * factor), true))
                .append(",\n");
        out.append(entry("strong_noncommuting", DiffusiveOrdersTest.measure(1.0, 0.5, 1.0 / 32, 3, 3000 * factor),
                true)).append(",\n");
        out.append(entry("weak", DiffusiveOrdersTest.measure(4.0, 0.0, 1.0 / 32, 1, 20000 * factor), false))
                .append("\n}\n");
        System.out.print(out);
    }

    private static String entry(String name, DiffusiveOrders o, boolean strong) {
        double[] e = strong ? o.strong() : o.weak();
        double[] se = strong ? o.strongSe() : o.weakSe();
        double slope = strong ? o.strongSlope() : o.weakSlope();
        double slopeSe = strong ? o.strongSlopeSe() : o.weakSlopeSe();
        StringBuilder b = new StringBuilder("  \"" + name + "\": {\"trajectories\": " + o.trajectories()
                + ", \"steps\": " + array(o.steps()) + ", \"errors\": " + array(e) + ", \"se\": " + array(se));
        b.append(String.format(Locale.ROOT, ", \"slope\": %.4f, \"slope_bound\": %.4f, \"curvature\": %.4f}", slope,
                slopeSe, DiffusiveOrdersTest.curvature(o.steps(), e, slope)));
        return b.toString();
    }

    private static String array(double[] x) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < x.length; i++) {
            b.append(i > 0 ? ", " : "").append(String.format(Locale.ROOT, "%.6g", x[i]));
        }
        return b.append(']').toString();
    }
}
