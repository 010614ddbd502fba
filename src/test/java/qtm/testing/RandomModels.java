package qtm.testing;

import java.util.SplittableRandom;
import qtm.model.Bath;
import qtm.model.DotModel;
import qtm.model.FluxModel;
import qtm.model.Model;
import qtm.model.ResetModel;

/** Random parameter sets in the paper's weak-coupling regime, with the edge temperatures 0 and ∞ mixed in. */
public final class RandomModels {
    private final SplittableRandom rng;

    public RandomModels(long seed) {
        rng = new SplittableRandom(seed);
    }

    public double logUniform(double lo, double hi) {
        return lo * Math.pow(hi / lo, rng.nextDouble());
    }

    public double temperature(boolean allowInfinite) {
        int pick = rng.nextInt(10);
        if (pick == 0) {
            return 0.0;
        }
        if (pick == 1 && allowInfinite) {
            return Double.POSITIVE_INFINITY;
        }
        return logUniform(0.01, 100);
    }

    public Bath bath(boolean allowInfinite) {
        return new Bath(temperature(allowInfinite), logUniform(1e-4, 1e-2));
    }

    public ResetModel reset() {
        return new ResetModel(logUniform(0.5, 2), logUniform(1e-4, 1e-2), bath(true), bath(true));
    }

    /** Flux qubits with the transition rates Γ(2n_B + 1), not Γ, drawn in [1e-4, 1e-2]: the models' valid range. */
    public FluxModel flux() {
        double e = logUniform(0.5, 2);
        double g = logUniform(1e-4, 1e-2);
        return new FluxModel(e, g, fluxBath(e), fluxBath(e));
    }

    private Bath fluxBath(double e) {
        Bath b = bath(false);
        return new Bath(b.temperature(), b.rate() / (2 * qtm.model.Thermal.bose(e, b.temperature()) + 1));
    }

    public DotModel dot() {
        return new DotModel(logUniform(0.5, 2), logUniform(1e-4, 1e-2), rng.nextBoolean() ? 0 : logUniform(0.1, 300),
                bath(true), bath(true));
    }

    /** One of the three kinds, in turn. */
    public Model any(int i) {
        return switch (i % 3) {
            case 0 -> reset();
            case 1 -> flux();
            default -> dot();
        };
    }
}
