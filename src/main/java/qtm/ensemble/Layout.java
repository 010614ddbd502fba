package qtm.ensemble;

/**
 * Where each per-trajectory series sits in the running sums: one block of {@link #WIDTH} values per grid point.
 */
public final class Layout {
    /** First of the 16 {@link qtm.linalg.HermitianBasis} coordinates of |ψ⟩⟨ψ|. */
    public static final int RHO = 0;
    /** Number of ρ coordinates. */
    public static final int RHO_SIZE = 16;
    /** The pure-state concurrence 2|ψ₀₀ψ₁₁ − ψ₀₁ψ₁₀|. */
    public static final int PURE_CONCURRENCE = 16;
    /** Heat current by the formula, cold then hot. */
    public static final int HEAT_FORMULA = 17;
    /** Heat current by counting: energy moved in the bin ending at this point ÷ bin width; cold then hot. */
    public static final int HEAT_COUNT = 19;
    /** Number of jumps in the bin ending at this point; cold then hot. */
    public static final int JUMPS = 21;
    /** Values per grid point. */
    public static final int WIDTH = 23;

    private Layout() {
    }

    /**
     * @param k grid index
     * @param series offset within the block
     * @return the index into the running sums
     */
    public static int index(int k, int series) {
        return k * WIDTH + series;
    }
}
