package qtm.ensemble;

import java.util.Arrays;
import org.ejml.data.ZMatrixRMaj;
import qtm.engine.EngineKind;
import qtm.model.Bath;
import qtm.model.Model;
import qtm.model.ResetModel;
import qtm.model.TimeGrid;
import qtm.model.TwoQubits;
import qtm.observe.Quantities;

/**
 * The speed benchmark of {@code qtm bench}: quantum-jump trajectories per second per core on the reset-paper machine
 * (|00⟩, t ∈ [0, 5000], 201 points) with every standard quantity recorded, over several timed runs after a warm-up.
 */
public final class Bench {
    private Bench() {
    }

    /**
     * The figures of a benchmark, sorted.
     *
     * @param rates trajectories per second per core of each timed run, ascending
     */
    public record Rates(double[] rates) {
        /** @return the median */
        public double median() {
            int n = rates.length;
            return n % 2 == 1 ? rates[n / 2] : 0.5 * (rates[n / 2 - 1] + rates[n / 2]);
        }

        /** @return the slowest run */
        public double min() {
            return rates[0];
        }

        /** @return the fastest run */
        public double max() {
            return rates[rates.length - 1];
        }
    }

    /**
     * @param runs timed runs, ≥ 1
     * @param trajectories per run
     * @param threads worker threads (the rate is divided by them)
     * @return the rates
     */
    public static Rates resetPaper(int runs, long trajectories, int threads) {
        Model model = new ResetModel(1, 1.6e-3, new Bath(0, 1e-2), new Bath(Double.POSITIVE_INFINITY, 1.1e-3));
        TimeGrid grid = new TimeGrid(5000, 201);
        ZMatrixRMaj rho0 = TwoQubits.basisState("00");
        double[] rates = new double[runs];
        // Warm-up: let the JIT compile the hot loop before anything is timed.
        for (int w = 0; w < 2; w++) {
            once(model, grid, rho0, trajectories, w, threads);
        }
        for (int i = 0; i < runs; i++) {
            EnsembleResult r = once(model, grid, rho0, trajectories, 100 + i, threads);
            rates[i] = r.trajectories() / r.seconds() / threads;
        }
        Arrays.sort(rates);
        return new Rates(rates);
    }

    private static EnsembleResult once(Model model, TimeGrid grid, ZMatrixRMaj rho0, long n, long seed, int threads) {
        return EnsembleRunner.run(() -> EngineKind.TRAJECTORIES.create(model, rho0, grid, 0),
                Quantities.standard(model, rho0, grid), grid, EnsembleSettings.count(n, seed, threads));
    }
}
