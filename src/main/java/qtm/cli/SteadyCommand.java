package qtm.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.ejml.data.ZMatrixRMaj;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import qtm.exact.SteadyState;
import qtm.sweep.SteadyOutcome;
import qtm.observe.Snapshot;
import qtm.output.Json;
import qtm.scenario.Scenario;
import qtm.input.InputException;

/** {@code qtm steady}: the exact steady state of a scenario's model. */
@Command(name = "steady", mixinStandardHelpOptions = true,
        description = "Print the exact steady state (Liouvillian null space) with its concurrence, purity, "
                + "populations and heat currents; for any model, also every site's populations, every "
                + "bipartition's negativity and every qubit pair's concurrence (issue 24: with evolve, the "
                + "commands that take model.type = machine today).")
final class SteadyCommand implements Callable<Integer> {
    @Mixin
    ScenarioOptions scenario;

    @Mixin
    Printed print;

    @Override
    public Integer call() throws Exception {
        Scenario s = scenario.readAny();
        SteadyOutcome steady = outcome(s);
        PrintWriter out = print.out();
        if (s.isMachine()) {
            if (print.json) {
                out.println(Json.write(SteadyPrint.machineJson(s, steady)));
            } else {
                SteadyPrint.machineText(out, s, steady);
            }
            out.flush();
            return 0;
        }
        ZMatrixRMaj rho = steady.rho();
        Snapshot o = Snapshot.of(s.model(), Double.POSITIVE_INFINITY, rho);
        if (print.json) {
            ObjectNode root = toJson(s, rho, o);
            SteadyPrint.entanglement(root, steady);
            out.println(Json.write(root));
        } else {
            out.printf("scenario     %s (%s)%n", s.name(), s.model().title());
            out.printf("concurrence  %.6g%n", o.concurrence());
            out.printf("purity       %.6g%n", o.purity());
            out.printf("populations  p00 %.6g  p01 %.6g  p10 %.6g  p11 %.6g%n", o.p00(), o.p01(), o.p10(), o.p11());
            out.printf("rho_01,10    %.6g %+.6gi%n", o.coherenceRe() + 0.0, o.coherenceIm() + 0.0);
            out.printf("heat         Q_cold %.6g  Q_hot %.6g  (into each bath, units E^2)%n", o.heatCold(),
                    o.heatHot());
            SteadyPrint.fidelity(out, steady);
        }
        out.flush();
        return 0;
    }

    /**
     * The steady state, with a non-unique one reported as bad input on the model.
     *
     * @param s scenario
     * @return ρ∞
     */
    static ZMatrixRMaj steady(Scenario s) {
        try {
            return SteadyState.of(s.model());
        } catch (IllegalArgumentException e) {
            throw new InputException(s.file(), "model", s.model().type(), e.getMessage());
        }
    }

    /**
     * The steady state and observables of any model, with a non-unique steady state reported as bad input.
     *
     * @param s a scenario of any model
     * @return its outcome
     */
    static SteadyOutcome outcome(Scenario s) {
        if (!s.isMachine()) {
            try {
                return SteadyOutcome.of(s.model(), s.target());
            } catch (IllegalArgumentException e) {
                throw new InputException(s.file(), "model", s.model().type(), e.getMessage());
            }
        }
        try {
            return SteadyOutcome.of(s.machine(), s.target());
        } catch (IllegalArgumentException e) {
            // The reader refuses a site that no bath reaches; this is what is left: a singular system.
            throw new InputException(s.file(), "model.sites", String.join(", ", s.machine().siteNames()),
                    e.getMessage());
        }
    }

    static ObjectNode toJson(Scenario s, ZMatrixRMaj rho, Snapshot o) {
        ObjectNode root = Json.object();
        root.put("scenario", s.name());
        root.put("model", s.model().type());
        if (s.model() instanceof qtm.model.BathSpectra) {
            root.put("approach", s.model().approach().key());
            root.put("spectral_exponent", s.model().spectralExponent());
        }
        ObjectNode r = root.putObject("rho");
        ArrayNode re = r.putArray("re");
        ArrayNode im = r.putArray("im");
        for (int i = 0; i < 4; i++) {
            ArrayNode a = re.addArray();
            ArrayNode b = im.addArray();
            for (int j = 0; j < 4; j++) {
                a.add(rho.getReal(i, j) + 0.0);
                b.add(rho.getImag(i, j) + 0.0);
            }
        }
        root.put("concurrence", o.concurrence());
        root.put("purity", o.purity());
        root.putArray("populations").add(o.p00()).add(o.p01()).add(o.p10()).add(o.p11());
        root.putObject("rho_01_10").put("re", o.coherenceRe()).put("im", o.coherenceIm());
        root.putObject("heat").put("cold", o.heatCold()).put("hot", o.heatHot());
        return root;
    }
}
