package qtm.run;

import java.util.List;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.ejml.data.ZMatrixRMaj;
import qtm.engine.HomodyneStep;
import qtm.engine.PureStates;
import qtm.ensemble.Streams;
import qtm.model.MonitoredChannel;

/**
 * The measured orders of the diffusive engine's step (issue 29), as the collision model's Δt study measures its own:
 * N trajectories to time T at the steps h, 2h, 4h, 8h and at a reference step h/2^r, all driven by one path of the
 * Wiener process (a coarse step's increment is the sum of the fine steps' it spans).
 *
 * <p>The <b>strong error</b> at step s is E‖ρ_s(T) − ρ_ref(T)‖ (Frobenius norm, pathwise against the reference
 * step, ρ = |ψ⟩⟨ψ| for pure states so that no global phase enters), with the SE of that mean. The <b>weak error</b> is
 * ‖E ρ_s(T) − ρ_exact(T)‖, estimated without the bias the sampling noise adds to a norm: ‖ρ̄ − ρ_exact‖² less the sum of
 * the squared SEs of ρ̄'s coordinates, whose expectation is exactly the squared weak error; its SE is the delta method's
 * (coordinates taken as independent). Each slope is the least-squares log–log slope over the four steps, and its SE the
 * sum over steps of |∂slope/∂log e_s| · SE(e_s)/e_s: the steps share their noise, and the absolute sum bounds the
 * slope's error whatever the correlation.
 *
 * @param steps h, 2h, 4h, 8h
 * @param strong strong error at each step
 * @param strongSe its SE
 * @param weak weak error at each step (0 where the noise exceeds it)
 * @param weakSe its SE
 * @param strongSlope fitted log–log slope of the strong error
 * @param strongSlopeSe its error bound
 * @param weakSlope fitted log–log slope of the weak error
 * @param weakSlopeSe its error bound
 * @param trajectories N
 */
public record DiffusiveOrders(double[] steps, double[] strong, double[] strongSe, double[] weak, double[] weakSe,
        double strongSlope, double strongSlopeSe, double weakSlope, double weakSlopeSe, long trajectories) {
    /** The steps measured: h·2^m for m below this. */
    public static final int LEVELS = 4;

    /**
     * @param hamiltonian H, d×d
     * @param channels the monitored channels
     * @param rho0 the initial state: each trajectory draws a pure state from it where every η = 1, and starts from it
     *        otherwise
     * @param end T, a whole number of steps 8h
     * @param step h
     * @param refinement r ≥ 1: the reference step is h/2^r
     * @param trajectories N ≥ 2
     * @param seed the seed of the trajectories' streams ({@link Streams#forTrajectory})
     * @param exact ρ_exact(T) of the master equation
     * @return the errors and their slopes
     * @throws IllegalArgumentException if T is not a whole number of the coarsest steps, or on too few trajectories
     */
    public static DiffusiveOrders measure(ZMatrixRMaj hamiltonian, List<MonitoredChannel> channels, ZMatrixRMaj rho0,
            double end, double step, int refinement, int trajectories, long seed, ZMatrixRMaj exact) {
        int finePerStep = 1 << refinement;
        long coarse = Math.round(end / (step * (1 << (LEVELS - 1))));
        if (coarse < 1 || Math.abs(coarse * step * (1 << (LEVELS - 1)) - end) > 1e-9 * end || refinement < 1
                || trajectories < 2) {
            throw new IllegalArgumentException("T = " + end + " must be a whole number of steps 8h = " + 8 * step
                    + ", r >= 1 and N >= 2");
        }
        int fine = (int) (coarse * (1 << (LEVELS - 1)) * finePerStep);
        Paths paths = new Paths(hamiltonian, channels, rho0, fine, step / finePerStep);
        int d = hamiltonian.numRows;
        double[][] sum = new double[LEVELS][2 * d * d];
        double[][] squares = new double[LEVELS][2 * d * d];
        double[] strongSum = new double[LEVELS];
        double[] strongSquares = new double[LEVELS];
        double[] reference = new double[2 * d * d];
        for (int n = 0; n < trajectories; n++) {
            paths.draw(Streams.forTrajectory(seed, n));
            System.arraycopy(paths.finalState(1), 0, reference, 0, reference.length);
            for (int m = 0; m < LEVELS; m++) {
                double[] rho = paths.finalState(finePerStep << m);
                double distance = 0;
                for (int c = 0; c < rho.length; c++) {
                    sum[m][c] += rho[c];
                    squares[m][c] += rho[c] * rho[c];
                    distance += (rho[c] - reference[c]) * (rho[c] - reference[c]);
                }
                distance = Math.sqrt(distance);
                strongSum[m] += distance;
                strongSquares[m] += distance * distance;
            }
        }
        double[] steps = new double[LEVELS];
        double[] strong = new double[LEVELS];
        double[] strongSe = new double[LEVELS];
        double[] weak = new double[LEVELS];
        double[] weakSe = new double[LEVELS];
        double[] target = exact.data;
        for (int m = 0; m < LEVELS; m++) {
            steps[m] = step * (1 << m);
            strong[m] = strongSum[m] / trajectories;
            strongSe[m] = se(strongSum[m], strongSquares[m], trajectories);
            double bias2 = 0;
            double noise2 = 0;
            double slope2 = 0;
            double quartic = 0;
            for (int c = 0; c < target.length; c++) {
                double mean = sum[m][c] / trajectories;
                double se = se(sum[m][c], squares[m][c], trajectories);
                bias2 += (mean - target[c]) * (mean - target[c]);
                noise2 += se * se;
                slope2 += 4 * (mean - target[c]) * (mean - target[c]) * se * se;
                quartic += 2 * se * se * se * se;
            }
            weak[m] = Math.sqrt(Math.max(0, bias2 - noise2));
            weakSe[m] = weak[m] > 0 ? Math.sqrt(slope2 + quartic) / (2 * weak[m]) : Math.sqrt(noise2);
        }
        double[] strongFit = slope(steps, strong, strongSe);
        double[] weakFit = slope(steps, weak, weakSe);
        return new DiffusiveOrders(steps, strong, strongSe, weak, weakSe, strongFit[0], strongFit[1], weakFit[0],
                weakFit[1], trajectories);
    }

    /** @return {least-squares log–log slope, Σ |w_s| SE_s/e_s}; NaN where an error is not positive */
    static double[] slope(double[] steps, double[] errors, double[] ses) {
        SimpleRegression fit = new SimpleRegression();
        double mean = 0;
        for (double s : steps) {
            mean += Math.log(s) / steps.length;
        }
        double sxx = 0;
        for (double s : steps) {
            sxx += (Math.log(s) - mean) * (Math.log(s) - mean);
        }
        double bound = 0;
        for (int m = 0; m < steps.length; m++) {
            if (!(errors[m] > 0)) {
                return new double[] {Double.NaN, Double.NaN};
            }
            fit.addData(Math.log(steps[m]), Math.log(errors[m]));
            bound += Math.abs(Math.log(steps[m]) - mean) / sxx * ses[m] / errors[m];
        }
        return new double[] {fit.getSlope(), bound};
    }

    private static double se(double sum, double squares, long n) {
        double mean = sum / n;
        return Math.sqrt(Math.max(0, squares / n - mean * mean) / (n - 1));
    }

    /** One path of the Wiener process at the finest step, and the state it drives to T at any multiple of it. */
    private static final class Paths {
        private final HomodyneStep kernel;
        private final int d;
        private final int fine;
        private final double dt;
        private final boolean pure;
        private final PureStates initial;
        private final double[] rho0;
        private final double[][] increments;
        private final double[] sumW;
        private final double[] dY;
        private final double[] re;
        private final double[] im;
        private final double[] startRe;
        private final double[] startIm;
        private final double[] out;

        Paths(ZMatrixRMaj h, List<MonitoredChannel> channels, ZMatrixRMaj rho0, int fine, double dt) {
            this.kernel = new HomodyneStep(h, channels);
            this.d = h.numRows;
            this.fine = fine;
            this.dt = dt;
            boolean all = true;
            for (MonitoredChannel c : channels) {
                all &= c.efficiency() == 1.0;
            }
            this.pure = all;
            this.initial = pure ? PureStates.of(rho0) : null;
            this.rho0 = rho0.data.clone();
            this.increments = new double[fine][channels.size()];
            this.sumW = new double[channels.size()];
            this.dY = new double[channels.size()];
            this.re = new double[pure ? d : d * d];
            this.im = new double[pure ? d : d * d];
            this.startRe = new double[re.length];
            this.startIm = new double[re.length];
            this.out = new double[2 * d * d];
        }

        void draw(UniformRandomProvider rng) {
            if (pure) {
                initial.sample(rng, startRe, startIm);
            } else {
                for (int e = 0; e < d * d; e++) {
                    startRe[e] = rho0[2 * e];
                    startIm[e] = rho0[2 * e + 1];
                }
            }
            ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
            double scale = Math.sqrt(dt);
            for (double[] w : increments) {
                for (int j = 0; j < w.length; j++) {
                    w[j] = scale * gauss.sample();
                }
            }
        }

        /** @return ρ(T) at the step of {@code stride} fine steps, interleaved re/im row-major (a reused array) */
        double[] finalState(int stride) {
            System.arraycopy(startRe, 0, re, 0, re.length);
            System.arraycopy(startIm, 0, im, 0, im.length);
            double h = stride * dt;
            for (int s = 0; s < fine; s += stride) {
                java.util.Arrays.fill(sumW, 0.0);
                for (int f = s; f < s + stride; f++) {
                    for (int j = 0; j < sumW.length; j++) {
                        sumW[j] += increments[f][j];
                    }
                }
                if (pure) {
                    kernel.pure(re, im, s * dt, h, sumW, dY);
                } else {
                    kernel.mixed(re, im, s * dt, h, sumW, dY);
                }
            }
            for (int i = 0; i < d; i++) {
                for (int k = 0; k < d; k++) {
                    int e = 2 * (i * d + k);
                    if (pure) {
                        out[e] = re[i] * re[k] + im[i] * im[k];
                        out[e + 1] = im[i] * re[k] - re[i] * im[k];
                    } else {
                        out[e] = re[i * d + k];
                        out[e + 1] = im[i * d + k];
                    }
                }
            }
            return out;
        }
    }
}
