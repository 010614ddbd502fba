package qtm.observe;

import qtm.model.Side;

/**
 * The names of the standard estimates, the one place where they are spelled: the quantities build their
 * {@link Column}s with them, and everything that reads an ensemble, writes a CSV header or a summary.json key, or
 * judges a column asks here instead of repeating the string.
 */
public final class Estimates {
    private static final String[] STATES = {"00", "01", "10", "11"};

    private Estimates() {
    }

    /** @return C(ρ̄), clipped at 0, with its floored jackknife SE ({@link RhoElements}) */
    public static String concurrence() {
        return "concurrence";
    }

    /** @return Tr ρ̄² ({@link RhoElements}) */
    public static String purity() {
        return "purity";
    }

    /**
     * @param i basis state 0 … 3 (|00⟩, |01⟩, |10⟩, |11⟩)
     * @return its population, p00 … p11 ({@link RhoElements})
     */
    public static String population(int i) {
        return "p" + STATES[i];
    }

    /** @return Re ρ̄_01,10 ({@link RhoElements}) */
    public static String coherenceRe() {
        return "rho_01_10_re";
    }

    /** @return Im ρ̄_01,10 ({@link RhoElements}) */
    public static String coherenceIm() {
        return "rho_01_10_im";
    }

    /**
     * @param p a bipartition of the machine's sites
     * @return N(ρ̄) of it, as a CSV header spells it: {@code negativity_c_vs_h} ({@link SiteObservables})
     */
    public static String negativity(qtm.math.Bipartition p) {
        return p.column("negativity");
    }

    /**
     * @param p a bipartition of the machine's sites
     * @return log₂(2N + 1) of it, as a CSV header spells it: {@code log_negativity_c_vs_h}
     */
    public static String logNegativity(qtm.math.Bipartition p) {
        return p.column("log_negativity");
    }

    /**
     * @param bath a bath's name (a preset's are cold and hot)
     * @return the exact steady heat current into it, as a sweep's CSV header spells it: {@code heat_cold}
     */
    public static String heat(String bath) {
        return "heat_" + bath;
    }

    /**
     * @param bath a bath's name (a preset's are cold and hot)
     * @return the exact stationary current of the net quanta into it, d⟨N_k⟩/dt, as a sweep's CSV header spells it
     *     with {@code --fcs}: {@code count_current_cold}
     */
    public static String countCurrent(String bath) {
        return "count_current_" + bath;
    }

    /**
     * @param bath a bath's name
     * @return the exact stationary noise of the net quanta into it, d Var N_k/dt: {@code count_noise_cold}
     */
    public static String countNoise(String bath) {
        return "count_noise_" + bath;
    }

    /**
     * @param first a qubit site's name
     * @param second a later qubit site's name
     * @return Wootters' C of their reduced ρ̄: {@code pair_concurrence_c_h} ({@link SiteObservables})
     */
    public static String pairConcurrence(String first, String second) {
        return "pair_concurrence_" + first + "_" + second;
    }

    /**
     * @param site a site's name
     * @param level one of its levels, from 0
     * @return the population of that level of that site: {@code population_c_0} ({@link SiteObservables})
     */
    public static String sitePopulation(String site, int level) {
        return "population_" + site + "_" + level;
    }

    /** @return the mean concurrence of the trajectories' pure states ({@link PureConcurrence}) */
    public static String pureConcurrence() {
        return PureConcurrence.NAME;
    }

    /**
     * @param side the bath
     * @return the heat current into it by the formula ({@link HeatFormula})
     */
    public static String heatFormula(Side side) {
        return "heat_" + side.key();
    }

    /**
     * @param side the bath
     * @return the heat current into it by counting ({@link HeatCount})
     */
    public static String heatCount(Side side) {
        return heatCount(side.key());
    }

    /**
     * @param bath a bath's name (a preset's: cold, hot)
     * @return the heat current into it by counting ({@link HeatCount})
     */
    public static String heatCount(String bath) {
        return "heat_" + bath + "_count";
    }

    /**
     * @param side the bath
     * @return the number of its jumps in a bin ({@link JumpCounts})
     */
    public static String jumps(Side side) {
        return "jumps_" + side.key();
    }

    /**
     * @param side the bath
     * @return the mean net count N_k(t) ({@link NetCounts})
     */
    public static String count(Side side) {
        return count(side.key());
    }

    /**
     * @param bath a bath's name (a preset's: cold, hot)
     * @return the mean net count N_k(t) ({@link NetCounts})
     */
    public static String count(String bath) {
        return "count_" + bath;
    }

    /**
     * @param side the bath
     * @return Var N_k(t) ({@link NetCounts})
     */
    public static String countVariance(Side side) {
        return countVariance(side.key());
    }

    /**
     * @param bath a bath's name (a preset's: cold, hot)
     * @return Var N_k(t) ({@link NetCounts})
     */
    public static String countVariance(String bath) {
        return count(bath) + "_var";
    }

    /**
     * @param side the bath
     * @return the Fano factor of N_k(t) ({@link NetCounts})
     */
    public static String fano(Side side) {
        return fano(side.key());
    }

    /**
     * @param bath a bath's name (a preset's: cold, hot)
     * @return the Fano factor of N_k(t) ({@link NetCounts}), and in sweep.csv the exact stationary one (noise over
     *     |current|): {@code fano_cold}
     */
    public static String fano(String bath) {
        return "fano_" + bath;
    }

    /**
     * @param side the bath
     * @return the mean energy Q_k(t) moved into it ({@link NetCounts})
     */
    public static String energy(Side side) {
        return energy(side.key());
    }

    /**
     * @param bath a bath's name (a preset's: cold, hot)
     * @return the mean energy Q_k(t) moved into it ({@link NetCounts})
     */
    public static String energy(String bath) {
        return "energy_" + bath;
    }

    /**
     * @param side the bath
     * @return Var Q_k(t) ({@link NetCounts})
     */
    public static String energyVariance(Side side) {
        return energyVariance(side.key());
    }

    /**
     * @param bath a bath's name (a preset's: cold, hot)
     * @return Var Q_k(t) ({@link NetCounts})
     */
    public static String energyVariance(String bath) {
        return energy(bath) + "_var";
    }

    /**
     * @param side the bath
     * @return the collision model's switching work W_k(t) ({@link CollisionWork})
     */
    public static String work(Side side) {
        return "work_" + side.key();
    }

    /**
     * @param bath a machine's bath name
     * @return the collision model's switching work W_k(t) of that bath ({@link MachineCollisionWork})
     */
    public static String work(String bath) {
        return "work_" + bath;
    }

    /**
     * @param bath a machine's bath name
     * @return the collision model's heat Q_k(t) into that bath, summed from its jumps ({@link MachineCollisionWork})
     */
    public static String collisionHeat(String bath) {
        return "collision_heat_" + bath;
    }
}
