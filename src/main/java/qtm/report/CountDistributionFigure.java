package qtm.report;

import org.jfree.chart.JFreeChart;
import qtm.run.RunCurves;

/**
 * P(N_c = n) at the final time: each engine's histogram as points (probability per integer) with the binomial ±SE
 * of each bin as error bars, against the exact distribution from the tilted Liouvillian as black steps. The engines'
 * points are set a little apart around each n, so that neither hides the other's error bar.
 */
final class CountDistributionFigure extends CountFigure {
    /** How far apart, in quanta, the engines' points of one count are drawn. */
    private static final double DODGE = 0.15;

    @Override
    public String file() {
        return "count-distribution";
    }

    @Override
    public String title() {
        return "Distribution of the cold count";
    }

    @Override
    public String caption() {
        return "Each engine's histogram of N_c at the final time as points (probability per integer) with the "
                + "binomial ±SE of each bin as error bars, the engines set a little apart, against the exact "
                + "distribution P(N_c = n) (black steps) by Fourier inversion of the tilted Liouvillian's generating "
                + "function.";
    }

    @Override
    public JFreeChart chart(RunCurves in) {
        double t = in.t()[in.t().length - 1];
        ChartBuilder b = new ChartBuilder("Net quanta into the cold bath at t = " + RunFigure.fmt(t), "N_c (quanta)",
                "P(N_c = n) (dimensionless)");
        int engines = in.engines().size();
        for (int i = 0; i < engines; i++) {
            RunCurves.EngineCurves e = in.engines().get(i);
            RunCurves.Counts c = e.curves().finalCold();
            double shift = DODGE * (i - (engines - 1) / 2.0);
            double[] n = c.n().clone();
            for (int k = 0; k < n.length; k++) {
                n[k] += shift;
            }
            b.addPoints(new Series(e.name() + " histogram ± SE", n, c.p().y(), c.p().se()), ChartBuilder.color(i));
        }
        RunCurves.Counts x = in.exact().finalCold();
        b.addReferenceSteps(Series.line("exact P(N_c = n)", x.n(), x.p().y()), true);
        return b.build();
    }
}
