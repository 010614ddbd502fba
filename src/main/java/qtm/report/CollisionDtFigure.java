package qtm.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import qtm.run.DtPoint;
import qtm.run.RunOutcome;
import qtm.stats.Estimate;

/**
 * The collision model's Δt study: its points in {@code collision-dt.csv} and summary.json's {@code collision_dt},
 * and the bias against the master equation on log–log axes with its fitted slope. Not a {@link RunFigure}: it draws
 * the study's points, not the run's time series.
 */
final class CollisionDtFigure {
    private CollisionDtFigure() {
    }

    /**
     * @param o the run's outcome, with a Δt study
     * @param json summary.json's {@code collision_dt} object
     * @param dir the output directory
     * @return the figure
     * @throws IOException on write failure
     */
    static HtmlReport.Figure write(RunOutcome o, ObjectNode json, Path dir) throws IOException {
        List<DtPoint> points = o.dtStudy();
        double[] dt = new double[points.size()];
        double[] mapBias = new double[points.size()];
        Estimate[] engineBias = new Estimate[points.size()];
        List<double[]> rows = new ArrayList<>();
        ArrayNode array = json.putArray("points");
        for (int i = 0; i < dt.length; i++) {
            DtPoint p = points.get(i);
            dt[i] = p.dt();
            mapBias[i] = p.mapBias();
            engineBias[i] = p.engineBiasFinal();
            rows.add(new double[] {p.dt(), p.mapBias(), p.mapBiasFinal(), p.engineBiasFinal().mean(),
                p.engineBiasFinal().se(), p.trajectories()});
            array.addObject().put("dt", p.dt()).put("map_bias", p.mapBias()).put("map_bias_final", p.mapBiasFinal())
                    .put("engine_bias_final", p.engineBiasFinal().mean())
                    .put("engine_bias_final_se", p.engineBiasFinal().se()).put("trajectories", p.trajectories());
        }
        json.put("fitted_slope", o.dtSlope());
        RunCsv.write(dir.resolve("collision-dt.csv"), new String[] {"dt", "map_bias", "map_bias_final",
            "engine_bias_final", "engine_bias_final_se", "trajectories"}, rows);
        return new HtmlReport.Figure("Collision model against the master equation", "The largest deviation "
                + "|ρ − ρ_ME| of the exact collision map over all times and elements (black, with the fitted log–log "
                + "slope; 1 means an O(Δt) error), and the collision engine's estimate of the deviation at the final "
                + "time with ±SE (collision-dt.csv also lists the map's final-time deviation): the engine resolves "
                + "the bias only where it exceeds the ensemble's noise.",
                ChartFiles.write(chart(dt, mapBias, engineBias, o.dtSlope()), dir, "collision-dt"));
    }

    /**
     * @param dts the steps
     * @param mapBias exact discrete map: max over t and elements of |ρ_map − ρ_ME|
     * @param engineBias the engine's estimate of the final-time quantity, with SE
     * @param slope fitted slope of log(mapBias) against log(Δt)
     * @return the chart
     */
    static JFreeChart chart(double[] dts, double[] mapBias, Estimate[] engineBias, double slope) {
        double[] y = new double[engineBias.length];
        double[] se = new double[engineBias.length];
        for (int k = 0; k < y.length; k++) {
            y[k] = engineBias[k].mean();
            se[k] = engineBias[k].se();
        }
        return new ChartBuilder("Collision model: error against the master equation vs Δt", "Δt (units of 1/E)",
                "max |ρ − ρ_ME| (dimensionless)").logX(2).logY()
                .markers()
                .addReference(Series.line("exact collision map, max over t (fitted slope " + RunFigure.fmt(slope)
                        + ")", dts, mapBias), false, true)
                .add(new Series("collision engine, final time, ± SE", dts, y, se), ChartBuilder.color(1), false)
                .build();
    }
}
