package qtm.engine;

/** Sums and squares of ρ's 2d² real coordinates (interleaved re/im) at every grid point, from ψ or from ρ. */
class DensitySums implements TrajectoryObserver {
    final int d;
    final double[][] sum;
    final double[][] squares;

    DensitySums(int d, int points) {
        this.d = d;
        this.sum = new double[points][2 * d * d];
        this.squares = new double[points][2 * d * d];
    }

    @Override
    public void begin() {
    }

    @Override
    public void state(int k, double[] re, double[] im) {
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                // ψ_i ψ_j*
                add(k, 2 * (i * d + j), re[i] * re[j] + im[i] * im[j]);
                add(k, 2 * (i * d + j) + 1, im[i] * re[j] - re[i] * im[j]);
            }
        }
    }

    @Override
    public void mixed(int k, double[] re, double[] im) {
        for (int e = 0; e < d * d; e++) {
            add(k, 2 * e, re[e]);
            add(k, 2 * e + 1, im[e]);
        }
    }

    private void add(int k, int c, double x) {
        sum[k][c] += x;
        squares[k][c] += x * x;
    }

    @Override
    public void jump(int channel, int bath, double energy, double time) {
        throw new AssertionError("the diffusive engine has no jumps");
    }

    @Override
    public void end() {
    }
}
