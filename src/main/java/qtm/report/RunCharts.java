package qtm.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import qtm.run.DtPoint;
import qtm.run.OutcomeCurves;
import qtm.run.RunCurves;
import qtm.run.RunOutcome;
import qtm.stats.Estimate;

/**
 * The figures of a run's page with their captions, each written as PNG and SVG as it is made: the time series, the
 * waiting times and the collision model's Δt study. Apart from {@link RunWriter} so that a figure's caption sits
 * beside the chart it describes.
 */
final class RunCharts {
    private RunCharts() {
    }

    /**
     * Writes every figure of a run and, for a Δt study, its points into summary.json's {@code collision_dt}.
     *
     * @param o the run's outcome
     * @param references the collision engine's own exact reference, for the interactive charts
     * @param dir the output directory
     * @param summary summary.json's root, which gets {@code collision_dt} next if the run made a Δt study
     * @return the figures, in the page's order
     * @throws IOException on write failure
     */
    static List<HtmlReport.Figure> figures(RunOutcome o, List<RunPlots.Reference> references, Path dir,
            ObjectNode summary) throws IOException {
        List<HtmlReport.Figure> figures = new ArrayList<>();
        RunCurves curves = OutcomeCurves.of(o);
        if (!curves.engines().isEmpty()) {
            figures.addAll(charts(curves, new RunPlots(curves, references), dir));
        }
        figures.addAll(WaitingReport.figures(o, dir));
        if (!o.dtStudy().isEmpty()) {
            figures.add(dtStudy(o, summary.putObject("collision_dt"), dir));
        }
        return figures;
    }

    private static List<HtmlReport.Figure> charts(RunCurves in, RunPlots plots, Path dir) throws IOException {
        List<HtmlReport.Figure> figures = new ArrayList<>();
        figures.add(new HtmlReport.Figure("Concurrence", "C(ρ̄(t)) of each engine's mean state with its jackknife "
                + "±SE band; the master equation's C(ρ(t)) in black; its steady-state value dashed. The lighter curves are "
                + "the mean concurrence of the trajectories' pure states, a property of the unravelling, not of ρ.",
                ChartFiles.write(RunFigures.concurrence(in), dir, "concurrence"), plots.concurrence()));
        figures.add(new HtmlReport.Figure("Heat currents", "Q_k is the heat flowing from qubit k into bath k. Each "
                + "engine estimates it twice: by the formula on ρ̄ and by counting the energy its jumps move per "
                + "output bin (thin, translucent). Cold bath above, hot below; the master equation's currents in solid "
                + "black.",
                ChartFiles.write(RunFigures.heat(in), dir, "heat"),
                List.of(plots.heat(qtm.model.Side.COLD), plots.heat(qtm.model.Side.HOT))));
        figures.add(new HtmlReport.Figure("Populations", "Populations of |00⟩, |01⟩, |10⟩, |11⟩ (|n_c n_h⟩) and "
                + "|ρ_01,10| of the first engine's ρ̄ with ±SE bands; the master equation's values black dashed. Below, "
                + "the same on a log axis, where the small populations can be read. The interactive charts show every "
                + "engine: one colour and one legend entry per quantity, listing each engine's value, the first engine "
                + "solid and the second dashed; an engine's own exact reference grey dotted.",
                ChartFiles.write(RunFigures.populations(in), dir, "populations"),
                List.of(plots.populations(false), plots.populations(true))));
        if (in.gapSlope() != null) {
            figures.add(new HtmlReport.Figure("Relaxation", "Trace distance to the steady state on a log axis. The "
                    + "master equation's curve approaches the grey reference e^(−gap·t) set by the Liouvillian's spectral "
                    + "gap; an engine's curve levels off at its own statistical noise.",
                    ChartFiles.write(RunFigures.relaxation(in), dir, "relaxation"), plots.relaxation()));
        }
        if (in.exact().countVariance() != null
                && in.engines().stream().allMatch(e -> e.curves().countVariance() != null)) {
            figures.add(new HtmlReport.Figure("Counting statistics", "Var N_k(t) of the net number of quanta that "
                    + "moved into bath k since t = 0, each engine with its jackknife ±SE band; exact from the tilted "
                    + "Liouvillian in black (N_h dashed).", ChartFiles.write(RunFigures.countVariance(in), dir,
                            "count-variance")));
            figures.add(new HtmlReport.Figure("Fano factor", "The running Fano factor Var N_k(t)/|⟨N_k(t)⟩| with "
                    + "±SE bands and the exact curves; at long times it tends to the stationary noise/|current| of "
                    + "the fluctuations table.", ChartFiles.write(RunFigures.fano(in), dir, "fano")));
            figures.add(new HtmlReport.Figure("Distribution of the cold count", "Each engine's histogram of N_c at "
                    + "the final time as points (probability per integer) with the binomial ±SE of each bin as error "
                    + "bars, the engines set a little apart, against the exact distribution P(N_c = n) (black steps) "
                    + "by Fourier inversion of the tilted Liouvillian's generating function.",
                    ChartFiles.write(RunFigures.finalCounts(in, in.t()[in.t().length - 1]), dir, "count-distribution")));
        }
        return figures;
    }

    private static HtmlReport.Figure dtStudy(RunOutcome o, ObjectNode json, Path dir) throws IOException {
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
        RunCsv.write(dir.resolve("collision-dt.csv"), new String[] {"dt", "map_bias", "map_bias_final", "engine_bias_final",
            "engine_bias_final_se", "trajectories"}, rows);
        return new HtmlReport.Figure("Collision model against the master equation", "The largest deviation "
                + "|ρ − ρ_ME| of the exact collision map over all times and elements (black, with the fitted log–log "
                + "slope; 1 means an O(Δt) error), and the collision engine's estimate of the deviation at the final "
                + "time with ±SE (collision-dt.csv also lists the map's final-time deviation): the engine resolves "
                + "the bias only where it exceeds the ensemble's noise.",
                ChartFiles.write(RunFigures.collisionDt(dt, mapBias, engineBias, o.dtSlope()), dir, "collision-dt"));
    }
}
