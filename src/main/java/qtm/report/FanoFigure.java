package qtm.report;

import org.jfree.chart.JFreeChart;
import qtm.run.RunCurves;

/** The running Fano factors Var N_k(t)/|⟨N_k(t)⟩| per engine with jackknife bands, and exact. */
final class FanoFigure extends CountFigure {
    @Override
    public String file() {
        return "fano";
    }

    @Override
    public String title() {
        return "Fano factor";
    }

    @Override
    public String caption() {
        return "The running Fano factor Var N_k(t)/|⟨N_k(t)⟩| with ±SE bands and the exact curves; at long times it "
                + "tends to the stationary noise/|current| of the fluctuations table.";
    }

    @Override
    public JFreeChart chart(RunCurves in) {
        return perBath(new ChartBuilder("Running Fano factor", TIME, "Var N_k(t) / |⟨N_k(t)⟩| (dimensionless)"), in,
                "F_", RunCurves.Curves::fano);
    }
}
