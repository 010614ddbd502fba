package qtm.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import qtm.output.Json;
import qtm.stats.ZTests;
import qtm.verify.CollisionBookkeeping;

/**
 * The collision bookkeeping's section of summary.json, one layout for the presets (baths cold and hot) and for
 * machines (baths by name, issue 25): the final cumulative values of the map and the engine per bath, the total Σ,
 * the per-time rates of the map's steady state with the master equation's heat, and the verdict.
 */
final class BookkeepingJson {
    private BookkeepingJson() {
    }

    /**
     * The map's per-time rates in its steady state and the master equation's steady heat, each indexed by bath.
     *
     * @param heat Q_k per unit time
     * @param work W_k per unit time
     * @param entropy Σ_k per unit time
     * @param masterHeat the master equation's steady heat current (its work is 0: ⟨H − H₀⟩ is not driven)
     */
    record Steady(double[] heat, double[] work, double[] entropy, double[] masterHeat) {
    }

    /**
     * The verdict's numbers.
     *
     * @param maxAbsZ the largest |z|
     * @param worst the z-test with the smallest p-value, or null
     * @param tests z-scores that entered
     * @param maxZPValue Bonferroni p-value of the largest |z|
     * @param converged whether it passed
     */
    record Judged(double maxAbsZ, ZTests.Worst worst, int tests, double maxZPValue, boolean converged) {
    }

    /**
     * @param o the section
     * @param baths the baths' keys, in the rows' index order
     * @param last the last grid point's row
     * @param steady the steady rates, or null without a unique steady state
     * @param v the verdict
     */
    static void write(ObjectNode o, List<String> baths, CollisionBookkeeping.Row last, Steady steady, Judged v) {
        ObjectNode f = o.putObject("final");
        for (int i = 0; i < baths.size(); i++) {
            ObjectNode x = f.putObject(baths.get(i));
            x.set("map_heat", Json.number(last.mapHeat()[i]));
            x.set("map_work", Json.number(last.mapWork()[i]));
            x.set("map_entropy", Json.number(last.mapEntropy()[i]));
            x.putObject("heat").set("mean", Json.number(last.heat()[i].mean()));
            ((ObjectNode) x.get("heat")).set("se", Json.number(last.heat()[i].se()));
            x.putObject("work").set("mean", Json.number(last.work()[i].mean()));
            ((ObjectNode) x.get("work")).set("se", Json.number(last.work()[i].se()));
        }
        f.set("map_entropy_total", Json.number(last.mapTotal()));
        ObjectNode total = f.putObject("entropy_total");
        total.set("mean", Json.number(last.entropy().mean()));
        total.set("se", Json.number(last.entropy().se()));
        if (steady != null) {
            ObjectNode s = o.putObject("steady_per_time");
            for (int i = 0; i < baths.size(); i++) {
                ObjectNode x = s.putObject(baths.get(i));
                x.set("map_heat", Json.number(steady.heat()[i]));
                x.set("map_work", Json.number(steady.work()[i]));
                x.set("map_entropy", Json.number(steady.entropy()[i]));
                x.set("master_equation_heat", Json.number(steady.masterHeat()[i]));
                x.put("master_equation_work", 0.0);
            }
        }
        ObjectNode j = o.putObject("verdict");
        j.put("max_abs_z", v.maxAbsZ());
        j.set("worst_z", SummaryJson.worst(v.worst()));
        j.put("z_tests", v.tests());
        j.put("max_z_p_value", v.maxZPValue());
        j.put("converged", v.converged());
    }

    /**
     * A machine's collision bookkeeping (issue 25), baths by name.
     *
     * @param o the section
     * @param b the comparison, or null
     * @param trajectories the ensemble's size (why b is null: too few, else not recorded)
     */
    static void machine(ObjectNode o, qtm.verify.MachineBookkeeping.Result b, long trajectories) {
        if (b == null) {
            o.put("verdict", trajectories < 2 ? "too few trajectories"
                    : "not recorded: set observe.collision_work: true to book every collision's heat and work "
                            + "(it replays the collision engine step by step, many times slower)");
            return;
        }
        Steady steady = null;
        if (b.steady() != null) {
            double[] master = b.baths().stream().mapToDouble(k -> b.masterHeat().get(k)).toArray();
            steady = new Steady(b.steady().heat(), b.steady().work(), b.steady().entropy(), master);
        }
        write(o, b.baths(), b.rows().get(b.rows().size() - 1), steady,
                new Judged(b.maxAbsZ(), b.worst(), b.tests(), b.maxZPValue(), b.converged()));
    }
}
