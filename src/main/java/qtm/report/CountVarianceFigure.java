package qtm.report;

import org.jfree.chart.JFreeChart;
import qtm.run.RunCurves;

/** Var N_c(t) and Var N_h(t) per engine with jackknife bands, and the exact variances (N_h dashed). */
final class CountVarianceFigure extends CountFigure {
    @Override
    public String file() {
        return "count-variance";
    }

    @Override
    public String title() {
        return "Counting statistics";
    }

    @Override
    public String caption() {
        return "Var N_k(t) of the net number of quanta that moved into bath k since t = 0, each engine with its "
                + "jackknife ±SE band; exact from the tilted Liouvillian in black (N_h dashed).";
    }

    @Override
    public JFreeChart chart(RunCurves in) {
        return perBath(new ChartBuilder("Fluctuations of the net quanta into each bath", TIME, "Var N_k(t) (quanta²)"),
                in, "Var N_", RunCurves.Curves::countVariance);
    }
}
