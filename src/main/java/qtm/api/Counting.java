package qtm.api;

import java.util.List;
import qtm.exact.CountingStatistics.Distribution;
import qtm.exact.Fluctuations;
import qtm.run.FcsOutcome;

/**
 * The exact full counting statistics of a scenario, the numbers of {@code qtm fcs --json} (with {@code --collision}
 * for the collision model): per bath the stationary cumulants of the net quanta N_k into it per unit time, its Fano
 * factor and heat current and noise; the entropy production rate and the TUR ratio; and the distribution
 * P(N_k = n, t) at the times asked for. Baths are named as in the scenario (a preset's are {@code cold} and
 * {@code hot}).
 */
public final class Counting {
    private final FcsOutcome outcome;

    Counting(FcsOutcome outcome) {
        this.outcome = outcome;
    }

    /** @return the bath names, in order */
    public List<String> baths() {
        return outcome.fluctuations().names();
    }

    /**
     * @param bath a bath name
     * @return the stationary current ⟨N_k⟩/t (fcs --json's {@code current})
     * @throws IllegalArgumentException for a name that is not a bath
     */
    public double current(String bath) {
        return bath(bath).quanta().current();
    }

    /**
     * @param bath a bath name
     * @return the stationary noise Var(N_k)/t ({@code noise})
     * @throws IllegalArgumentException for a name that is not a bath
     */
    public double noise(String bath) {
        return bath(bath).quanta().noise();
    }

    /**
     * @param bath a bath name
     * @return the third cumulant of N_k per unit time ({@code third})
     * @throws IllegalArgumentException for a name that is not a bath
     */
    public double third(String bath) {
        return bath(bath).quanta().third();
    }

    /**
     * @param bath a bath name
     * @return the Fano factor noise/|current| ({@code fano})
     * @throws IllegalArgumentException for a name that is not a bath
     */
    public double fano(String bath) {
        return bath(bath).fano();
    }

    /**
     * @param bath a bath name
     * @return the stationary heat current into it ({@code heat_current})
     * @throws IllegalArgumentException for a name that is not a bath
     */
    public double heatCurrent(String bath) {
        return bath(bath).heat().current();
    }

    /**
     * @param bath a bath name
     * @return the stationary heat noise ({@code heat_noise})
     * @throws IllegalArgumentException for a name that is not a bath
     */
    public double heatNoise(String bath) {
        return bath(bath).heat().noise();
    }

    /** @return the entropy production rate σ = Σ_k Q_k/T_k ({@code entropy_production}) */
    public double entropyProduction() {
        return outcome.fluctuations().entropyProduction();
    }

    /** @return the TUR ratio Var(Q_first) σ / ⟨Q_first⟩² of the first bath ({@code tur}; classical bound 2) */
    public double tur() {
        return outcome.fluctuations().tur();
    }

    /** @return the collision step in use, or null for the master equation */
    public Double dt() {
        return outcome.dt();
    }

    /** @return the times of the count distributions, in the order asked for */
    public List<Double> times() {
        return outcome.times();
    }

    /**
     * @param bath a bath name
     * @param i an index into {@link #times()}
     * @return P(N_k = n, t_i) for n = first … first + length − 1, from the scenario's initial state
     * @throws IllegalArgumentException for a name that is not a bath
     * @throws IndexOutOfBoundsException for an index outside the times
     */
    public Distribution distribution(String bath, int i) {
        var counts = outcome.counts().get(bath);
        if (counts == null) {
            throw new IllegalArgumentException("no bath " + bath + "; the baths are " + baths());
        }
        return counts.get(i);
    }

    private Fluctuations.Bath bath(String name) {
        int k = baths().indexOf(name);
        if (k < 0) {
            throw new IllegalArgumentException("no bath " + name + "; the baths are " + baths());
        }
        return outcome.fluctuations().baths().get(k);
    }
}
