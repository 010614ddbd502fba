package qtm.run;

import java.util.List;
import qtm.ensemble.EnsembleResult;
import qtm.exact.HomodyneExact;
import qtm.observe.HomodyneCurrent;
import qtm.observe.HomodyneSpectrum;
import qtm.observe.Quantity;
import qtm.scenario.Scenario;
import qtm.verify.HomodyneVerdict;

/**
 * The diffusive engine's homodyne records and their judge (issue 29), built from one {@link HomodyneExact} whose
 * channels, phases and efficiencies are {@link RunPlan#monitoredChannels}'s, so that the recorders index the engine's
 * increments as the exact references index its channels.
 */
final class HomodyneRecords {
    private HomodyneRecords() {
    }

    /**
     * @param s a scenario whose baths are all bosonic
     * @return the exact homodyne references of its machine, phases and efficiencies
     */
    static HomodyneExact exact(Scenario s) {
        double[] phases = RunPlan.phases(s);
        double[] efficiencies = RunPlan.efficiencies(s);
        return s.isMachine() ? HomodyneExact.of(s.machine(), phases, efficiencies)
                : HomodyneExact.of(s.model(), phases, efficiencies);
    }

    /**
     * @param s the scenario
     * @return each bath's current per bin and its spectrum, at the step the engine takes
     */
    static List<Quantity> quantities(Scenario s) {
        HomodyneExact x = exact(s);
        double dt = DiffusiveSteps.taken(s, s.time());
        double[] bounds = new double[x.baths().size()];
        for (int b = 0; b < bounds.length; b++) {
            bounds[b] = x.meanBound(b);
        }
        return List.of(new HomodyneCurrent(x.baths(), x.channelBaths(), bounds, s.time(), dt),
                new HomodyneSpectrum(x.baths(), x.channelBaths(), x.frequencies(HomodyneSpectrum.POINTS), s.time(),
                        dt, HomodyneSpectrum.WINDOWS));
    }

    /**
     * @param s the scenario
     * @param r a diffusive ensemble
     * @return its homodyne verdict, or null where it recorded no current or has fewer than two trajectories
     */
    static HomodyneVerdict verdict(Scenario s, EnsembleResult r) {
        if (r.trajectories() < 2 || !r.records(HomodyneCurrent.NAME)) {
            return null;
        }
        return HomodyneVerdict.of(r, exact(s), s.initial());
    }
}
