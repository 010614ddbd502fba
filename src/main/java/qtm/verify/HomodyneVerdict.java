package qtm.verify;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.ZMatrixRMaj;
import qtm.ensemble.EnsembleResult;
import qtm.exact.HomodyneExact;
import qtm.observe.HomodyneCurrent;
import qtm.observe.HomodyneSpectrum;
import qtm.stats.Convergence;
import qtm.stats.RareEvents;
import qtm.stats.ZTests;

/**
 * How an ensemble's homodyne records compare with exact (issue 29): a z-test of each bath's mean current on every
 * grid row against the exact bin average, and of each spectrum point (the trajectories' mean periodogram) against the
 * exact expectation for the estimator's own window; all judged by the worst with a Bonferroni bound over their number,
 * as the other verdicts are. A bath's spectrum is judged only where the exact transient has relaxed by the first
 * window: the bound {@link HomodyneExact#transientBound} on how far its non-stationarity moves E P must be below a
 * quarter of the point's SE (a shift of z by at most 0.25); otherwise the bath's points are left unjudged, with that
 * reason.
 *
 * @param maxAbsZ the largest |z|
 * @param tests the z-scores that entered
 * @param maxZPValue Bonferroni p-value of the worst test
 * @param converged that p-value at least {@link Convergence#ALPHA}
 * @param worst the worst test, named by its column or spectrum slot (null when nothing was judged)
 * @param unjudged per bath whose spectrum was not judged, why
 * @param shown every estimate with its exact value, judged or not: what the report draws and writes
 */
public record HomodyneVerdict(double maxAbsZ, int tests, double maxZPValue, boolean converged, ZTests.Worst worst,
        List<String> unjudged, List<Point> shown) {
    /** The largest transient bias, in SEs, under which a spectrum point is judged. */
    public static final double BIAS = 0.25;

    /**
     * One estimate and its exact value.
     *
     * @param name the column or slot
     * @param t its time (a spectrum point: its frequency ω′)
     * @param mean the ensemble's estimate
     * @param se its SE
     * @param exact the exact value
     * @param stationary a spectrum point's stationary S_b(ω′) of the infinitely long record, which the report draws
     *     beside the exact expectation for the estimator's window; NaN for a current point
     */
    public record Point(String name, double t, double mean, double se, double exact, double stationary) {
        /**
         * A point without a stationary value (a current point).
         *
         * @param name the column or slot
         * @param t its time
         * @param mean the ensemble's estimate
         * @param se its SE
         * @param exact the exact value
         */
        public Point(String name, double t, double mean, double se, double exact) {
            this(name, t, mean, se, exact, Double.NaN);
        }

        /** @return whether it is a bath's mean current ({@code homodyne_<bath>}) rather than a spectrum point */
        public boolean current() {
            return name.startsWith(HomodyneCurrent.NAME + "_");
        }

        /** @return its bath's name, from its column {@code homodyne_<bath>} or slot {@code spectrum_<bath>_<i>} */
        public String bath() {
            if (current()) {
                return name.substring(HomodyneCurrent.NAME.length() + 1);
            }
            String head = HomodyneSpectrum.slot("", 0);
            return name.substring(head.indexOf('_') + 1, name.lastIndexOf('_'));
        }
    }

    /**
     * @param bath a bath's name
     * @return whether its spectrum was left out of the verdict (the transient had not relaxed enough)
     */
    public boolean unjudged(String bath) {
        return unjudged.stream().anyMatch(u -> u.startsWith(reason(bath)));
    }

    /** How the reason for leaving a bath's spectrum unjudged begins. */
    private static String reason(String bath) {
        return "spectrum of " + bath + ":";
    }

    /**
     * @param points every estimate to judge
     * @param unjudged the reasons for what was left out
     * @return the verdict
     */
    public static HomodyneVerdict of(List<Point> points, List<String> unjudged) {
        return of(points, unjudged, points);
    }

    /**
     * @param points every estimate to judge
     * @param unjudged the reasons for what was left out
     * @param shown every estimate, those left out included
     * @return the verdict
     */
    public static HomodyneVerdict of(List<Point> points, List<String> unjudged, List<Point> shown) {
        ZTests tests = new ZTests();
        for (Point p : points) {
            double d = p.mean() - p.exact();
            if (p.se() > 0) {
                tests.normal(p.name(), p.t(), d / p.se());
            } else if (Math.abs(d) > 1e-12 * Math.max(1, Math.abs(p.exact()))) {
                tests.normal(p.name(), p.t(), Math.copySign(Double.POSITIVE_INFINITY, d));
            }
        }
        double p = tests.bonferroni();
        return new HomodyneVerdict(tests.maxAbsZ(), tests.tests(), p, p >= Convergence.ALPHA, tests.worst(),
                List.copyOf(unjudged), List.copyOf(shown));
    }

    /**
     * @param r the ensemble, which recorded {@link HomodyneCurrent} and, if it is to be judged, {@link HomodyneSpectrum}
     * @param exact the exact references of its machine and detectors
     * @param rho0 the initial state
     * @return the verdict, or null if it did not record the current or has fewer than two trajectories
     */
    public static HomodyneVerdict of(EnsembleResult r, HomodyneExact exact, ZMatrixRMaj rho0) {
        if (r.trajectories() < 2 || !r.records(HomodyneCurrent.NAME)) {
            return null;
        }
        List<Point> points = new ArrayList<>();
        double[][] mean = exact.meanCurrent(rho0, r.grid());
        for (int b = 0; b < exact.baths().size(); b++) {
            String column = HomodyneCurrent.column(exact.baths().get(b));
            for (int k = 1; k < r.grid().points(); k++) {
                RareEvents.Flagged e = r.estimate(column, k);
                points.add(new Point(column, r.grid().time(k), e.mean(), e.se(), mean[b][k]));
            }
        }
        List<String> unjudged = new ArrayList<>();
        List<Point> shown = new ArrayList<>(points);
        HomodyneSpectrum s = r.recorded(HomodyneSpectrum.class);
        if (s != null) {
            spectrum(r, s, exact, exact.stateAt(rho0, s.start()), points, unjudged, shown);
        }
        return of(points, unjudged, shown);
    }

    private static void spectrum(EnsembleResult r, HomodyneSpectrum s, HomodyneExact exact, ZMatrixRMaj start,
            List<Point> points, List<String> unjudged, List<Point> shown) {
        double[] sums = r.finalSums(HomodyneSpectrum.NAME);
        double[] squares = r.finalSquares(HomodyneSpectrum.NAME);
        long n = r.trajectories();
        double[] w = s.frequencies();
        for (int b = 0; b < s.baths().size(); b++) {
            List<Point> bath = new ArrayList<>();
            double smallest = Double.POSITIVE_INFINITY;
            for (int i = 0; i < w.length; i++) {
                int slot = s.index(b, i);
                double m = sums[slot] / n;
                double se = Math.sqrt(Math.max(0, (squares[slot] - n * m * m) / (n - 1)) / n);
                smallest = Math.min(smallest, se);
                bath.add(new Point(HomodyneSpectrum.slot(s.baths().get(b), i), w[i], m, se,
                        exact.windowed(b, w[i], s.window()), exact.spectrum(b, w[i])));
            }
            shown.addAll(bath);
            double bias = exact.transientBound(b, start, s.window());
            if (bias <= BIAS * smallest) {
                points.addAll(bath);
            } else {
                unjudged.add(reason(s.baths().get(b)) + " the transient at t = " + s.start()
                        + " may move it by " + bias + ", more than " + BIAS + " of its SE " + smallest);
            }
        }
    }
}
