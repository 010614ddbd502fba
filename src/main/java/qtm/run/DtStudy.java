package qtm.run;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.ejml.data.ZMatrixRMaj;
import qtm.engine.EngineKind;
import qtm.ensemble.EnsembleResult;
import qtm.exact.CollisionMap;
import qtm.model.Collision;
import qtm.scenario.Scenario;
import qtm.stats.Estimate;

/**
 * The Δt study: the collision model at each of the scenario's steps, its map's bias against the master equation
 * and the log–log slope of that bias in Δt (1 for a first-order scheme).
 *
 * @param points the steps run, in the scenario's order (empty without a study)
 * @param slope fitted log–log slope of the map bias against Δt (NaN without a study)
 */
record DtStudy(List<DtPoint> points, double slope) {
    /**
     * @param s the scenario
     * @param exact exact ρ(t) of the master equation on the grid
     * @param runs runs the ensembles
     * @param listener hears of each
     * @return the study, empty unless the scenario lists several collision steps
     */
    static DtStudy run(Scenario s, List<ZMatrixRMaj> exact, EnsembleRuns runs, RunListener listener) {
        List<DtPoint> study = new ArrayList<>();
        if (!RunPlan.hasDtStudy(s.simulation())) {
            return new DtStudy(study, Double.NaN);
        }
        SimpleRegression fit = new SimpleRegression();
        String engine = EngineKind.COLLISION.key();
        for (double requested : s.simulation().dts()) {
            double dt = Collision.of(s.model(), s.time(), requested).dt();
            EnsembleRuns.Start start = runs.start(RunPlan.label(engine, dt), engine);
            if (start != null) {
                DtPoint p = point(s, dt, exact, runs, listener, start);
                study.add(p);
                fit.addData(Math.log(p.dt()), Math.log(p.mapBias()));
            }
        }
        return new DtStudy(study, fit.getSlope());
    }

    private static DtPoint point(Scenario s, double dt, List<ZMatrixRMaj> exact, EnsembleRuns runs,
            RunListener listener, EnsembleRuns.Start start) {
        int last = s.time().points() - 1;
        List<ZMatrixRMaj> map = new CollisionMap(s.model(), s.time(), dt).evolve(s.initial());
        double bias = Bias.overGrid(map, exact);
        String label = RunPlan.label(EngineKind.COLLISION.key(), dt);
        EnsembleResult r = runs.run(EngineKind.COLLISION, dt, label, false, start);
        Estimate engine = Bias.max(r.rho(last), exact.get(last), r.rhoStandardErrors(last));
        listener.ensemble(label, null, r);
        return new DtPoint(dt, bias, Bias.max(map.get(last), exact.get(last), null).mean(), engine,
                r.trajectories());
    }
}
