package qtm.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import qtm.output.Json;
import qtm.input.InputException;
import qtm.sweep.KeySearch;
import qtm.sweep.Study;
import qtm.sweep.Optimum;

/** {@code qtm optimize}: the largest steady observable over any keys, or today's coupling optimum of a preset. */
@Command(name = "optimize", mixinStandardHelpOptions = true,
        description = "Maximise a steady observable over the keys of optimize.vary (any numeric keys, presets and "
                + "machines; optimize.maximise, default concurrence). Without optimize.vary, on a preset: the "
                + "concurrence over g and both bath rates (within optimize.bounds, default (0, 1e-2]) at the "
                + "scenario's temperatures and U; with optimize.Th: true also over Th >= Tc.")
final class OptimizeCommand implements Callable<Integer> {
    @Mixin
    ScenarioOptions study;

    @Mixin
    Printed print;

    @Override
    public Integer call() throws Exception {
        KeySearch k = study.readSearch(false);
        if (k != null) {
            KeySearchOutput.optimize(k, print.json, print.out());
            return 0;
        }
        Study s = study.readForOptimize();
        Optimum o;
        try {
            o = s.optimizer().maximise(s.model());
        } catch (IllegalArgumentException e) {
            throw new InputException(s.file(), "optimize", s.model().type(), e.getMessage());
        }
        PrintWriter out = print.out();
        if (print.json) {
            out.println(Json.write(toJson(o)));
        } else {
            out.printf("scenario     %s (%s model)%n", s.name(), s.model().type());
            out.printf("concurrence  %.6g   (signed %.6g)%n", o.concurrence(), o.signed());
            out.printf("g            %.6g%n", o.model().g());
            out.printf("cold rate    %.6g   (transition rate %.6g)%n", o.model().cold().rate(),
                    o.couplings().coldRate());
            out.printf("hot rate     %.6g   (transition rate %.6g)%n", o.model().hot().rate(),
                    o.couplings().hotRate());
            out.printf("Th           %s%n", o.hotTemperature());
            out.printf("starts       %s%n", java.util.Arrays.toString(o.startValues()));
        }
        out.flush();
        return 0;
    }

    /**
     * The JSON: concurrence, signed and params (g and the scenario's {@code rate} values, so they can be fed
     * back with --set), plus the transition rates the search ran over and the value reached from each start.
     */
    static ObjectNode toJson(Optimum o) {
        ObjectNode root = Json.object();
        root.put("concurrence", o.concurrence());
        root.put("signed", o.signed());
        ObjectNode p = root.putObject("params");
        p.put("g", o.model().g());
        p.put("cold_rate", o.model().cold().rate());
        p.put("hot_rate", o.model().hot().rate());
        p.put("Th", o.hotTemperature());
        root.putObject("transition_rates").put("cold", o.couplings().coldRate()).put("hot", o.couplings().hotRate());
        ArrayNode starts = root.putArray("starts");
        for (double v : o.startValues()) {
            starts.add(v);
        }
        return root;
    }
}
