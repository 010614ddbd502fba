package qtm.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import qtm.run.OutcomeCurves;
import qtm.run.RunCurves;
import qtm.run.RunOutcome;

/**
 * The figures of a run's page in order, each written as PNG, SVG and PDF as it is made: the time series of
 * {@link RunFigure#ALL}, the diffusive engine's homodyne current and spectrum, the waiting times and the collision
 * model's Δt study.
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
    static List<HtmlReport.Figure> figures(RunOutcome o, List<ExactReference> references, Path dir,
            ObjectNode summary) throws IOException {
        List<HtmlReport.Figure> figures = new ArrayList<>();
        RunCurves curves = OutcomeCurves.of(o);
        if (!curves.engines().isEmpty()) {
            for (RunFigure f : RunFigure.ALL) {
                if (f.applies(curves)) {
                    figures.add(new HtmlReport.Figure(f.title(), f.caption(),
                            ChartFiles.write(f.chart(curves), dir, f.file()), f.plots(curves, references)));
                }
            }
        }
        for (qtm.run.EngineOutcome e : o.engines()) {
            if (e.homodyne() != null) {
                figures.addAll(HomodyneFigure.write(e.homodyne(), dir));
            }
        }
        figures.addAll(WaitingReport.figures(o, dir));
        if (!o.dtStudy().isEmpty()) {
            figures.add(CollisionDtFigure.write(o, summary.putObject("collision_dt"), dir));
        }
        return figures;
    }
}
