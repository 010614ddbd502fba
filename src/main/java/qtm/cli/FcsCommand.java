package qtm.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import qtm.exact.CountingStatistics.Cumulants;
import qtm.exact.Fluctuations;
import qtm.model.Side;
import qtm.report.Json;
import qtm.scenario.Scenario;

/** {@code qtm fcs}: the exact stationary counting statistics of the heat currents (tilted Liouvillian). */
@Command(name = "fcs", mixinStandardHelpOptions = true,
        description = "Print the exact stationary full counting statistics: per bath the current, noise and third "
                + "cumulant of the net quanta into it (per unit time), the Fano factor, the heat current and noise; "
                + "the entropy production rate and the TUR ratio of the cold bath.")
final class FcsCommand implements Callable<Integer> {
    @Mixin
    ScenarioOptions scenario;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Scenario s = scenario.readSteady();
        SteadyCommand.steady(s);
        Fluctuations f = Fluctuations.of(s.model());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode o = Json.object();
            for (Side side : Side.values()) {
                Fluctuations.Bath b = f.bath(side);
                ObjectNode x = o.putObject(side.key());
                x.set("current", Json.number(b.quanta().current()));
                x.set("noise", Json.number(b.quanta().noise()));
                x.set("third", Json.number(b.quanta().third()));
                x.set("fano", Json.number(b.fano()));
                x.set("heat_current", Json.number(b.heat().current()));
                x.set("heat_noise", Json.number(b.heat().noise()));
            }
            o.set("entropy_production", Json.number(f.entropyProduction()));
            o.set("tur", Json.number(f.tur()));
            out.println(Json.write(o));
        } else {
            out.printf("scenario     %s (%s model), stationary, per unit time (units of E)%n", s.name(),
                    s.model().type());
            out.printf("%-6s %14s %14s %14s %12s %14s %14s%n", "bath", "current", "noise", "third", "fano",
                    "heat_current", "heat_noise");
            for (Side side : Side.values()) {
                Fluctuations.Bath b = f.bath(side);
                Cumulants n = b.quanta();
                out.printf(Locale.ROOT, "%-6s %14.6g %14.6g %14.6g %12.6g %14.6g %14.6g%n", side.key(), n.current(),
                        n.noise(), n.third(), b.fano(), b.heat().current(), b.heat().noise());
            }
            out.printf(Locale.ROOT, "entropy production  sigma = Q_c/T_c + Q_h/T_h = %.6g%n", f.entropyProduction());
            out.printf(Locale.ROOT, "TUR ratio           Var(Q_c) sigma / <Q_c>^2 = %.6g  (classical bound 2)%n",
                    f.tur());
        }
        out.flush();
        return 0;
    }
}
