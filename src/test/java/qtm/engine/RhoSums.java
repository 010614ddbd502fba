package qtm.engine;


/**
 * Test accumulator of an ensemble: at every grid point the sums and sums of squares of the {@code HermitianBasis}
 * coordinates of |ψ⟩⟨ψ| (diagonal, then Re and Im of ψ_iψ_j* for i &lt; j, row by row), and per trajectory the heat
 * into each bath. It listens to both the general engine and {@link JumpTrajectories}, so that the two can be compared.
 */
final class RhoSums implements TrajectoryObserver {
    private final int d;
    private final double[][] sum;
    private final double[][] squares;
    private final double[] heat;
    private final double[] heatSum;
    private final double[] heatSquares;
    private final double[] coordinates;
    private long trajectories;

    RhoSums(int d, int points, int baths) {
        this.d = d;
        this.sum = new double[points][d * d];
        this.squares = new double[points][d * d];
        this.heat = new double[baths];
        this.heatSum = new double[baths];
        this.heatSquares = new double[baths];
        this.coordinates = new double[d * d];
    }

    @Override
    public void begin() {
        java.util.Arrays.fill(heat, 0);
    }

    @Override
    public void state(int k, double[] re, double[] im) {
        for (int i = 0; i < d; i++) {
            coordinates[i] = re[i] * re[i] + im[i] * im[i];
        }
        int m = d;
        for (int i = 0; i < d; i++) {
            for (int j = i + 1; j < d; j++) {
                coordinates[m++] = re[i] * re[j] + im[i] * im[j];
                coordinates[m++] = im[i] * re[j] - re[i] * im[j];
            }
        }
        for (int c = 0; c < d * d; c++) {
            sum[k][c] += coordinates[c];
            squares[k][c] += coordinates[c] * coordinates[c];
        }
    }

    @Override
    public void jump(int channel, int bath, double energy, double time) {
        heat[bath] += energy;
    }

    @Override
    public void end() {
        trajectories++;
        for (int b = 0; b < heat.length; b++) {
            heatSum[b] += heat[b];
            heatSquares[b] += heat[b] * heat[b];
        }
    }

    long trajectories() {
        return trajectories;
    }

    double mean(int k, int c) {
        return sum[k][c] / trajectories;
    }

    double se(int k, int c) {
        return se(sum[k][c], squares[k][c]);
    }

    double heatMean(int bath) {
        return heatSum[bath] / trajectories;
    }

    double heatSe(int bath) {
        return se(heatSum[bath], heatSquares[bath]);
    }

    private double se(double s, double s2) {
        double n = trajectories;
        double variance = Math.max(0, (s2 - s * s / n) / (n - 1));
        return Math.sqrt(variance / n);
    }
}
