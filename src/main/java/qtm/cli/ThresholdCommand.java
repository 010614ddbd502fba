package qtm.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import qtm.output.Json;
import qtm.input.InputException;
import qtm.sweep.KeySearch;
import qtm.sweep.Study;
import qtm.sweep.Thresholds;

/** {@code qtm threshold}: where a steady observable reaches 0 along any key, or a preset's entanglement threshold T_c. */
@Command(name = "threshold", mixinStandardHelpOptions = true,
        description = "With a threshold section {key, min, max, observable}: the value of any numeric key at which "
                + "a steady observable reaches 0 (bisection; with optimize.vary, maximised over those keys at each "
                + "value). Without one, on a preset: find the cold-bath temperature Tc above which no steady-state entanglement can be generated, "
                + "with the couplings optimised (and Th too with optimize.Th: true; otherwise the scenario's Th, "
                + "inf allowed where the model allows it). Brent root finding on the optimised signed concurrence.")
final class ThresholdCommand implements Callable<Integer> {
    private static final double ACCURACY = 1e-9;

    @Mixin
    ScenarioOptions study;

    @Option(names = "--json", description = "Print one JSON object ({\"Tc\": value} for a preset's T_c threshold) instead of text.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        KeySearch k = study.readSearch(true);
        if (k != null) {
            KeySearchOutput.threshold(k, json, spec.commandLine().getOut());
            return 0;
        }
        Study s = study.readForOptimize();
        double tc;
        try {
            tc = new Thresholds(s.optimizer(), ACCURACY).cold(s.model());
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new InputException(s.file(), "model", s.model().type(), e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(Json.object().put("Tc", tc)));
        } else {
            out.printf("scenario  %s (%s model)%n", s.name(), s.model().type());
            out.printf("Tc        %.8g   (no entanglement above this cold-bath temperature)%n", tc);
        }
        out.flush();
        return 0;
    }
}
