package qtm.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import qtm.output.Json;
import qtm.verify.HomodyneVerdict;

/**
 * The diffusive engine's homodyne records (issue 29) in its object of summary.json: {@code homodyne}, one object per
 * bath with {@code current} (per grid row from t_1: t, the ensemble's mean and SE of the bin-averaged current, and
 * the exact bin average) and {@code spectrum} (per frequency ω′: the mean periodogram, its SE, and the exact
 * expectation for the estimator's windows); and {@code homodyne_verdict}, the z-tests of both with the reasons for any
 * spectrum left unjudged.
 */
final class HomodyneJson {
    private HomodyneJson() {
    }

    /**
     * @param engine the engine's object
     * @param v its homodyne verdict; nothing is written when null
     */
    static void write(ObjectNode engine, HomodyneVerdict v) {
        if (v == null) {
            return;
        }
        Map<String, ObjectNode> baths = new LinkedHashMap<>();
        ObjectNode root = engine.putObject("homodyne");
        for (HomodyneVerdict.Point p : v.shown()) {
            boolean current = p.current();
            ObjectNode b = baths.computeIfAbsent(p.bath(), root::putObject);
            ArrayNode list = b.has(current ? "current" : "spectrum") ? (ArrayNode) b.get(current ? "current"
                    : "spectrum") : b.putArray(current ? "current" : "spectrum");
            ObjectNode x = list.addObject();
            x.set(current ? "t" : "omega", Json.number(p.t()));
            x.set("mean", Json.number(p.mean()));
            x.set("se", Json.number(p.se()));
            x.set("exact", Json.number(p.exact()));
        }
        ObjectNode c = engine.putObject("homodyne_verdict");
        c.put("max_abs_z", v.maxAbsZ());
        c.set("worst_z", SummaryJson.worst(v.worst()));
        c.put("z_tests", v.tests());
        c.put("max_z_p_value", v.maxZPValue());
        ArrayNode unjudged = c.putArray("unjudged");
        v.unjudged().forEach(unjudged::add);
        c.put("converged", v.converged());
    }
}
