package qtm.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import qtm.observe.Estimates;
import qtm.stats.RareEvents;

/**
 * What a Monte Carlo sweep (issue 26) keeps of one grid point's run once its directory is written: each engine's
 * final-time estimates and verdict, and one transient quantity of each engine and of the exact solution on the drawn
 * times, for the sweep's transient map. The quantity is the concurrence for a preset, and a machine's first
 * {@link qtm.observe.SiteObservables#columns() site column} (its first negativity) otherwise.
 *
 * @param engines the engines run, in run order
 * @param transient_ the mapped quantity against t
 */
public record PointRun(List<Engine> engines, Transient transient_) {
    /** Copies the list. */
    public PointRun {
        engines = List.copyOf(engines);
    }

    /**
     * One engine at one point.
     *
     * @param name the engine's name
     * @param finals every column's estimate at the final time, in column order
     * @param converged the whole verdict, as summary.json's {@code converged}
     */
    public record Engine(String name, Map<String, RareEvents.Flagged> finals, boolean converged) {
        /** Copies the map, keeping its order. */
        public Engine {
            finals = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(finals));
        }
    }

    /**
     * A quantity against t at one point.
     *
     * @param quantity its column name
     * @param t the times drawn
     * @param exact the exact transient's values
     * @param engines each engine's mean, by engine name, in run order
     */
    public record Transient(String quantity, double[] t, double[] exact, Map<String, double[]> engines) {
        /** Copies the map, keeping its order. */
        public Transient {
            engines = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(engines));
        }
    }

    /**
     * @param o a preset's run
     * @return what the sweep keeps of it
     */
    public static PointRun of(RunOutcome o) {
        List<Engine> engines = new ArrayList<>();
        for (EngineOutcome e : o.engines()) {
            engines.add(new Engine(e.name(), e.result().finals(), e.converged()));
        }
        RunCurves c = OutcomeCurves.of(o);
        Map<String, double[]> mc = new LinkedHashMap<>();
        for (RunCurves.EngineCurves e : c.engines()) {
            mc.put(e.name(), e.curves().concurrence().y());
        }
        return new PointRun(engines, new Transient(Estimates.concurrence(), c.t(), c.exact().concurrence().y(), mc));
    }

    /**
     * @param o a machine's run
     * @return what the sweep keeps of it
     */
    public static PointRun of(MachineRun.Outcome o) {
        List<Engine> engines = new ArrayList<>();
        for (MachineRun.Engine e : o.engines()) {
            engines.add(new Engine(e.name(), e.summary().finals(), e.converged()));
        }
        RunCurves c = OutcomeCurves.of(o);
        String quantity = c.exact().sites().keySet().iterator().next();
        Map<String, double[]> mc = new LinkedHashMap<>();
        for (RunCurves.EngineCurves e : c.engines()) {
            mc.put(e.name(), e.curves().sites().get(quantity).y());
        }
        return new PointRun(engines, new Transient(quantity, c.t(), c.exact().sites().get(quantity).y(), mc));
    }
}
