package qtm.bench;

import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.ZMatrixRMaj;
import qtm.engine.JumpTrajectories;
import qtm.engine.NoJumpPropagator;
import qtm.engine.PureStates;
import qtm.ensemble.Block;
import qtm.ensemble.Layout;
import qtm.ensemble.StopFlag;
import qtm.ensemble.Streams;
import qtm.ensemble.Worker;
import qtm.model.Channels;
import qtm.model.Model;
import qtm.model.TimeGrid;

/**
 * The benchmark's measuring stick, used by nothing else: quantum-jump trajectories of a machine with one size of
 * quantum per bath (the reset and flux models) written as one plain loop that keeps exactly what the quantities it is
 * given keep (any of {@link qtm.observe.Quantities#standard}: ρ coordinates, pure-state concurrence, heat by the
 * formula and by counting, jump counts, N_k(t) and its square, the final products, the final-count and waiting-time
 * histograms) in the same fixed-point block sums, committed by the same runner. No observer interface, no recorder
 * objects, no dispatch: what a physicist would write by hand for this one machine, to see what the engine's
 * composable layers cost.
 *
 * <p>It takes the closed forms it shares with the engine and the quantities from the same code
 * ({@link NoJumpPropagator} for e^{−iH_eff t}, the same phases of H₀, the same random draws in the same order, the
 * quantities' static formulas), so that its sums equal the engine's to the bit: a test holds it to that, so it can
 * neither drop a statistic nor compute a different one.
 */
final class Baseline implements Worker {
    private static final double TIME_TOLERANCE = 1e-12;
    private static final int MAX_ITERATIONS = 200;

    private final long seed;
    private final StopFlag stop;
    private final PureStates initial;
    private final NoJumpPropagator propagator;
    private final NoJumpPropagator rotation;
    private final boolean uniform;
    private final double rate;
    private final double gridStep;
    private final double[] step = new double[NoJumpPropagator.COEFFICIENTS];
    private final double[] rotationStep = new double[NoJumpPropagator.COEFFICIENTS];
    private final double[] c = new double[NoJumpPropagator.COEFFICIENTS];
    private final double[] times;
    private final int points;
    // Channels with their rates, baths, energies and the two transitions (from → to) each has.
    private final double[] rates;
    private final int[] sides;
    private final double[] energies;
    private final int[] from0;
    private final int[] to0;
    private final int[] from1;
    private final int[] to1;
    private final double[] weights;
    private final double[] decay;
    private final BaselineRows out;
    private double[] re = new double[4];
    private double[] im = new double[4];
    private double[] nextRe = new double[4];
    private double[] nextIm = new double[4];
    private double threshold;

    /**
     * @param model the machine: one size of quantum per bath, channels of two transitions each
     * @param rho0 the initial state
     * @param grid the output grid
     * @param layout the quantities' layout: some of the standard quantities, in any order
     * @param seed the ensemble's seed
     * @param stop polled after every trajectory
     * @throws IllegalArgumentException for any other machine, or a quantity it cannot mirror
     */
    Baseline(Model model, ZMatrixRMaj rho0, TimeGrid grid, Layout layout, long seed, StopFlag stop) {
        this.seed = seed;
        this.stop = stop;
        initial = PureStates.of(rho0);
        Channels ch = Channels.of(model.jumps());
        ZMatrixRMaj h = model.hamiltonian();
        decay = ch.decay();
        propagator = new NoJumpPropagator(h, decay);
        rotation = NoJumpPropagator.unitary(h);
        uniform = propagator.uniform();
        rate = propagator.uniformRate();
        propagator.coefficients(grid.step(), step);
        rotation.coefficients(grid.step(), rotationStep);
        gridStep = grid.step();
        points = grid.points();
        times = new double[points];
        for (int k = 0; k < points; k++) {
            times[k] = grid.time(k);
        }
        int n = ch.size();
        rates = new double[n];
        sides = new int[n];
        energies = new double[n];
        from0 = new int[n];
        to0 = new int[n];
        from1 = new int[n];
        to1 = new int[n];
        weights = new double[n];
        channels(ch);
        out = new BaselineRows(h, grid, layout);
    }

    /** The channels' rates, baths, energies and transitions; refuses a bath with two sizes of quantum. */
    private void channels(Channels ch) {
        double[] size = new double[2];
        for (int j = 0; j < rates.length; j++) {
            int[][] t = ch.transitions(j);
            if (t.length != 2) {
                throw new IllegalArgumentException("the baseline needs channels of two transitions each");
            }
            rates[j] = ch.rate(j);
            sides[j] = ch.side(j).ordinal();
            energies[j] = ch.energy(j);
            from0[j] = t[0][0];
            to0[j] = t[0][1];
            from1[j] = t[1][0];
            to1[j] = t[1][1];
            double e = Math.abs(energies[j]);
            if (e != 0 && size[sides[j]] != 0 && size[sides[j]] != e) {
                throw new IllegalArgumentException("the baseline needs one size of quantum per bath");
            }
            if (e != 0) {
                size[sides[j]] = e;
            }
        }
    }

    @Override
    public int stepSize() {
        return out.stepSize();
    }

    @Override
    public boolean fill(Block b, long first, long end) {
        out.into(b);
        for (long i = first; i < end; i++) {
            trajectory(Streams.forTrajectory(seed, i));
            if (stop.raised()) {
                return false;
            }
        }
        out.settle();
        return true;
    }

    private void trajectory(UniformRandomProvider rng) {
        initial.sample(rng, re, im);
        out.begin();
        out.record(0, re, im);
        if (uniform) {
            uniformJumps(rng);
        } else {
            searchedJumps(rng);
        }
        out.end();
    }

    /** Every state decays at the same rate: exponential waiting times drawn up front, rotations in between. */
    private void uniformJumps(UniformRandomProvider rng) {
        double next = rate > 0 ? -Math.log(1.0 - rng.nextDouble()) / rate : Double.POSITIVE_INFINITY;
        double t = 0;
        for (int k = 1; k < points; k++) {
            double end = times[k];
            boolean fromGrid = true;
            while (next <= end) {
                rotation.coefficients(next - t, c);
                rotate(c);
                t = next;
                jump(rng, k, t);
                next = t - Math.log(1.0 - rng.nextDouble()) / rate;
                fromGrid = false;
            }
            if (fromGrid) {
                rotate(rotationStep);
            } else {
                rotation.coefficients(end - t, c);
                rotate(c);
            }
            t = end;
            out.record(k, re, im);
        }
    }

    /** The flux model's decay depends on the state: the jump time solves ‖ψ̃(τ)‖² = u, as in the engine. */
    private void searchedJumps(UniformRandomProvider rng) {
        threshold = 1.0 - rng.nextDouble();
        double t = 0;
        for (int k = 1; k < points; k++) {
            double end = times[k];
            boolean fromGrid = true;
            while (true) {
                double span;
                double n;
                if (fromGrid) {
                    span = gridStep;
                    n = NoJumpPropagator.apply(step, re, im, nextRe, nextIm);
                } else {
                    span = end - t;
                    propagator.coefficients(span, c);
                    n = NoJumpPropagator.apply(c, re, im, nextRe, nextIm);
                }
                if (n > threshold) {
                    accept(n);
                    threshold /= n;
                    t = end;
                    out.record(k, re, im);
                    break;
                }
                t += findJump(span);
                jump(rng, k, t);
                threshold = 1.0 - rng.nextDouble();
                fromGrid = false;
            }
        }
    }

    private double findJump(double hi) {
        double lo = 0;
        double target = Math.log(threshold);
        double r = propagator.decayRate(re, im);
        double tau = r > 0 ? -target / r : 0.5 * hi;
        if (!(tau > lo && tau < hi)) {
            tau = 0.5 * (lo + hi);
        }
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            propagator.coefficients(tau, c);
            double n = NoJumpPropagator.apply(c, re, im, nextRe, nextIm);
            double f = Math.log(n) - target;
            if (f > 0) {
                lo = tau;
            } else {
                hi = tau;
            }
            double slope = -propagator.decayRate(nextRe, nextIm) / n;
            double newton = slope < 0 ? -f / slope : Double.NaN;
            if (Math.abs(newton) <= TIME_TOLERANCE || hi - lo <= TIME_TOLERANCE) {
                accept(n);
                return tau;
            }
            double next = tau + newton;
            tau = next > lo && next < hi ? next : 0.5 * (lo + hi);
        }
        throw new IllegalStateException("jump-time search did not converge");
    }

    private void rotate(double[] k) {
        NoJumpPropagator.apply(k, re, im, nextRe, nextIm);
        swap();
    }

    private void swap() {
        double[] r = re;
        double[] i = im;
        re = nextRe;
        im = nextIm;
        nextRe = r;
        nextIm = i;
    }

    private void accept(double norm2) {
        swap();
        double f = 1.0 / Math.sqrt(norm2);
        for (int m = 0; m < 4; m++) {
            re[m] *= f;
            im[m] *= f;
        }
    }

    /** A jump before grid point k: choose the channel by its Born weight, apply it, count it. */
    private void jump(UniformRandomProvider rng, int k, double t) {
        double p0 = re[0] * re[0] + im[0] * im[0];
        double p1 = re[1] * re[1] + im[1] * im[1];
        double p2 = re[2] * re[2] + im[2] * im[2];
        double p3 = re[3] * re[3] + im[3] * im[3];
        double total = 0;
        for (int j = 0; j < rates.length; j++) {
            double w = (pick(from0[j], p0, p1, p2, p3) + pick(from1[j], p0, p1, p2, p3)) * rates[j];
            weights[j] = w;
            total += w;
        }
        int chosen = JumpTrajectories.choose(weights, rng.nextDouble() * total);
        int a = from0[chosen];
        int b = from1[chosen];
        double norm2 = re[a] * re[a] + im[a] * im[a] + (re[b] * re[b] + im[b] * im[b]);
        java.util.Arrays.fill(nextRe, 0);
        java.util.Arrays.fill(nextIm, 0);
        nextRe[to0[chosen]] = re[a];
        nextIm[to0[chosen]] = im[a];
        nextRe[to1[chosen]] = re[b];
        nextIm[to1[chosen]] = im[b];
        accept(norm2);
        out.count(sides[chosen], energies[chosen], k, t);
    }

    private static double pick(int i, double p0, double p1, double p2, double p3) {
        return i == 0 ? p0 : i == 1 ? p1 : i == 2 ? p2 : p3;
    }
}
