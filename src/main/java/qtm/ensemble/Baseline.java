package qtm.ensemble;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.ZMatrixRMaj;
import qtm.engine.NoJumpPropagator;
import qtm.engine.PureStates;
import qtm.model.Channels;
import qtm.model.Model;
import qtm.model.Side;
import qtm.model.TimeGrid;
import qtm.observe.CountHistogram;
import qtm.observe.FinalProducts;
import qtm.observe.HeatFormula;
import qtm.observe.Quantity;
import qtm.observe.RhoElements;
import qtm.observe.WaitingHistogram;

/**
 * The benchmark's measuring stick, used by nothing else: quantum-jump trajectories of a machine with one size of
 * quantum per bath (the reset and flux models) written as one plain loop that keeps exactly what the standard
 * quantities keep ({@link qtm.observe.Quantities#standard}: ρ coordinates, pure-state concurrence, heat by the
 * formula and by counting, jump counts, N_k(t) and its square, the final products, the final-count and
 * waiting-time histograms) in the same fixed-point block sums, committed by the same runner. No observer interface,
 * no recorder objects, no dispatch: what a physicist would write by hand for this one machine, to see what the
 * engine's composable layers cost.
 *
 * <p>It takes the closed forms it shares with the engine from the same code ({@link NoJumpPropagator} for
 * e^{−iH_eff t}, the same phases of H₀ and the same random draws in the same order), so that its sums equal the
 * engine's to the bit: a test holds it to that, so it can neither drop a statistic nor compute a different one.
 */
final class Baseline implements Worker {
    private static final double TIME_TOLERANCE = 1e-12;
    private static final int MAX_ITERATIONS = 200;
    /** The standard quantities, in order: the only layout this loop knows how to fill. */
    private static final List<String> NAMES = List.of(RhoElements.NAME, qtm.observe.PureConcurrence.NAME,
            qtm.observe.HeatFormula.NAME, qtm.observe.HeatCount.NAME, qtm.observe.JumpCounts.NAME,
            qtm.observe.NetCounts.NAME, FinalProducts.NAME, CountHistogram.NAME, WaitingHistogram.NAME);

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
    private final double[] cos;
    private final double[] sin;
    private final int points;
    private final int width;
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
    private final double[] heatCold;
    private final double[] heatHot;
    // Row positions.
    private final int rho;
    private final int concurrence;
    private final int heat;
    // Jump-driven numbers, by their index among them (the block's steps): per bath the net quanta and moves of the
    // heat count, the jump count, and N, N², moved of the net counts.
    private final int events;
    private final int[] eventPosition;
    private final int[] quantaEvent = new int[2];
    private final int[] movesEvent = new int[2];
    private final int[] jumpsEvent = new int[2];
    private final int[] netEvent = new int[2];
    private final int[] squareEvent = new int[2];
    private final int[] movedEvent = new int[2];
    private final double[] eventInverse;
    private final double[] level;
    private final double[] binValue;
    private final int[] binRow;
    private final long[] net = new long[2];
    // Final-only numbers.
    private final double[] rows;
    private final double[] rowInverse;
    private final double[] finals;
    private final double[] finalInverse;
    private final int finalBase;
    private final int products;
    private final CountHistogram.Bins[] bins = new CountHistogram.Bins[2];
    private final int[] histogram = new int[2];
    private final WaitingHistogram.Plan[] plans;
    private final int waiting;
    private final long[][] waited;
    private final double[][] open;
    private final int[] opened;
    private double[] re = new double[4];
    private double[] im = new double[4];
    private double[] nextRe = new double[4];
    private double[] nextIm = new double[4];
    private final double[] x = new double[RhoElements.SIZE];
    private double threshold;
    private Block block;

    /**
     * @param model the machine: one size of quantum per bath, channels of two transitions each
     * @param rho0 the initial state
     * @param grid the output grid
     * @param layout the standard quantities' layout
     * @param seed the ensemble's seed
     * @param stop polled after every trajectory
     * @throws IllegalArgumentException for any other machine or layout
     */
    Baseline(Model model, ZMatrixRMaj rho0, TimeGrid grid, Layout layout, long seed, StopFlag stop) {
        this.seed = seed;
        this.stop = stop;
        List<Quantity> qs = layout.quantities();
        if (!qs.stream().map(Quantity::name).toList().equals(NAMES)) {
            throw new IllegalArgumentException("the baseline fills the standard quantities only: " + NAMES);
        }
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
        width = layout.width();
        times = new double[points];
        cos = new double[4 * points];
        sin = new double[4 * points];
        for (int k = 0; k < points; k++) {
            times[k] = grid.time(k);
            for (int i = 0; i < 4; i++) {
                double phase = h.getReal(i, i) * grid.time(k);
                cos[4 * k + i] = Math.cos(phase);
                sin[4 * k + i] = -Math.sin(phase);
            }
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
        double[] size = new double[2];
        for (int j = 0; j < n; j++) {
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
        double[][] w = qtm.observe.Heat.weights(model);
        heatCold = w[0];
        heatHot = w[1];
        rho = layout.offset(0);
        concurrence = layout.offset(1);
        heat = layout.offset(2);
        // Heat count: quanta_c, moves_c, quanta_h, moves_h; jumps: cold, hot; net counts: N, N², moved per bath.
        int[] jumpDriven = {3, 4, 5};
        int e = 0;
        eventPosition = new int[12];
        for (int q : jumpDriven) {
            for (int s = 0; s < qs.get(q).slots().size(); s++) {
                eventPosition[e++] = layout.offset(q) + s;
            }
        }
        if (e != 12) {
            throw new IllegalArgumentException("the baseline needs one size of quantum per bath");
        }
        events = e;
        for (int s = 0; s < 2; s++) {
            quantaEvent[s] = 2 * s;
            movesEvent[s] = 2 * s + 1;
            jumpsEvent[s] = 4 + s;
            netEvent[s] = 6 + 3 * s;
            squareEvent[s] = 7 + 3 * s;
            movedEvent[s] = 8 + 3 * s;
        }
        double[] inverse = layout.inverseQuanta();
        eventInverse = new double[events];
        for (int i = 0; i < events; i++) {
            eventInverse[i] = inverse[eventPosition[i]];
        }
        level = new double[events];
        binValue = new double[events];
        binRow = new int[events];
        rows = new double[points * width];
        rowInverse = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            rowInverse[i] = inverse[i % width];
        }
        finals = new double[layout.finalWidth()];
        finalInverse = java.util.Arrays.copyOfRange(inverse, width, inverse.length);
        finalBase = points * width;
        products = layout.offset(6);
        CountHistogram hist = (CountHistogram) qs.get(7);
        bins[0] = hist.bins(Side.COLD);
        bins[1] = hist.bins(Side.HOT);
        histogram[0] = layout.offset(7) + hist.offset(Side.COLD);
        histogram[1] = layout.offset(7) + hist.offset(Side.HOT);
        plans = ((WaitingHistogram) qs.get(8)).plans().toArray(new WaitingHistogram.Plan[0]);
        waiting = layout.offset(8);
        waited = new long[plans.length][];
        open = new double[plans.length][16];
        opened = new int[plans.length];
        for (int p = 0; p < plans.length; p++) {
            waited[p] = new long[plans[p].bins() + 2];
        }
    }

    @Override
    public int stepSize() {
        return (points + 1) * events;
    }

    @Override
    public boolean fill(Block b, long first, long end) {
        block = b;
        for (long i = first; i < end; i++) {
            trajectory(Streams.forTrajectory(seed, i));
            if (stop.raised()) {
                return false;
            }
        }
        b.settle(eventPosition, points, width);
        return true;
    }

    private void trajectory(UniformRandomProvider rng) {
        initial.sample(rng, re, im);
        java.util.Arrays.fill(level, 0);
        java.util.Arrays.fill(binRow, -1);
        net[0] = 0;
        net[1] = 0;
        for (int p = 0; p < plans.length; p++) {
            java.util.Arrays.fill(waited[p], 0);
            opened[p] = 0;
        }
        record(0);
        if (uniform) {
            uniformJumps(rng);
        } else {
            searchedJumps(rng);
        }
        recordFinal();
        double[] s = block.sums;
        double[] s2 = block.squares;
        double[] y = rows;
        double[] inv = rowInverse;
        for (int i = 0; i < y.length; i++) {
            double q = Math.rint(y[i] * inv[i]);
            s[i] += q;
            s2[i] += q * q;
        }
        block.count++;
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
            record(k);
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
                    record(k);
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
        double r = rng.nextDouble() * total;
        int chosen = -1;
        for (int j = 0; j < weights.length; j++) {
            if (weights[j] > 0) {
                chosen = j;
                r -= weights[j];
                if (r < 0) {
                    break;
                }
            }
        }
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
        count(sides[chosen], energies[chosen], k, t);
    }

    private static double pick(int i, double p0, double p1, double p2, double p3) {
        return i == 0 ? p0 : i == 1 ? p1 : i == 2 ? p2 : p3;
    }

    /** The counts a jump of energy e into bath s changes, from row k on (levels) or in row k only (bins). */
    private void count(int s, double e, int k, double t) {
        bin(jumpsEvent[s], k, 1);
        if (e == 0) {
            return;
        }
        int nu = e > 0 ? 1 : -1;
        bin(quantaEvent[s], k, nu);
        bin(movesEvent[s], k, 1);
        double n = net[s] += nu;
        level(netEvent[s], k, n);
        level(squareEvent[s], k, n * n);
        level(movedEvent[s], k, 1);
        Side side = Side.values()[s];
        for (int p = 0; p < plans.length; p++) {
            WaitingHistogram.Plan plan = plans[p];
            // Close first: for cold→cold the jump that ends one interval starts the next.
            if (side == plan.pair().to()) {
                for (int i = 0; i < opened[p]; i++) {
                    waited[p][bin(plan.edges(), t - open[p][i])]++;
                }
                opened[p] = 0;
            }
            if (side == plan.pair().from() && t >= plan.windowStart() && t <= plan.windowEnd()) {
                if (opened[p] == open[p].length) {
                    open[p] = java.util.Arrays.copyOf(open[p], 2 * opened[p]);
                }
                open[p][opened[p]++] = t;
                waited[p][plan.bins() + 1]++;
            }
        }
    }

    private static int bin(double[] edges, double tau) {
        int lo = 0;
        int hi = edges.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (tau < edges[mid]) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    private void level(int e, int k, double value) {
        double q = Math.rint(value * eventInverse[e]);
        double was = level[e];
        if (q != was) {
            double[] d = block.steps;
            int at = 2 * (k * events + e);
            d[at] += q - was;
            d[at + 1] += q * q - was * was;
            level[e] = q;
        }
    }

    private void bin(int e, int k, double delta) {
        if (binRow[e] != k) {
            binRow[e] = k;
            binValue[e] = 0;
        }
        double inv = eventInverse[e];
        double was = Math.rint(binValue[e] * inv);
        binValue[e] += delta;
        double q = Math.rint(binValue[e] * inv);
        double[] d = block.steps;
        int at = 2 * (k * events + e);
        d[at] += q - was;
        d[at + 1] += q * q - was * was;
        d[at + 2 * events] -= q - was;
        d[at + 2 * events + 1] -= q * q - was * was;
    }

    /** Row k: ρ, the pure-state concurrence and the heat formula of the state in the lab frame. */
    private void record(int k) {
        int f = 4 * k;
        double r0 = cos[f] * re[0] - sin[f] * im[0];
        double i0 = cos[f] * im[0] + sin[f] * re[0];
        double r1 = cos[f + 1] * re[1] - sin[f + 1] * im[1];
        double i1 = cos[f + 1] * im[1] + sin[f + 1] * re[1];
        double r2 = cos[f + 2] * re[2] - sin[f + 2] * im[2];
        double i2 = cos[f + 2] * im[2] + sin[f + 2] * re[2];
        double r3 = cos[f + 3] * re[3] - sin[f + 3] * im[3];
        double i3 = cos[f + 3] * im[3] + sin[f + 3] * re[3];
        double[] out = rows;
        int o = k * width + rho;
        double p0 = r0 * r0 + i0 * i0;
        double p1 = r1 * r1 + i1 * i1;
        double p2 = r2 * r2 + i2 * i2;
        double p3 = r3 * r3 + i3 * i3;
        out[o] = p0;
        out[o + 1] = p1;
        out[o + 2] = p2;
        out[o + 3] = p3;
        out[o + 4] = r0 * r1 + i0 * i1;
        out[o + 5] = i0 * r1 - r0 * i1;
        out[o + 6] = r0 * r2 + i0 * i2;
        out[o + 7] = i0 * r2 - r0 * i2;
        out[o + 8] = r0 * r3 + i0 * i3;
        out[o + 9] = i0 * r3 - r0 * i3;
        out[o + 10] = r1 * r2 + i1 * i2;
        out[o + 11] = i1 * r2 - r1 * i2;
        out[o + 12] = r1 * r3 + i1 * i3;
        out[o + 13] = i1 * r3 - r1 * i3;
        out[o + 14] = r2 * r3 + i2 * i3;
        out[o + 15] = i2 * r3 - r2 * i3;
        double detRe = r0 * r3 - i0 * i3 - (r1 * r2 - i1 * i2);
        double detIm = r0 * i3 + i0 * r3 - (r1 * i2 + i1 * r2);
        out[k * width + concurrence] = 2 * Math.sqrt(detRe * detRe + detIm * detIm);
        double[] wc = heatCold;
        double[] wh = heatHot;
        out[k * width + heat] = 0 + wc[0] * p0 + wc[1] * p1 + wc[2] * p2 + wc[3] * p3;
        out[k * width + heat + 1] = 0 + wh[0] * p0 + wh[1] * p1 + wh[2] * p2 + wh[3] * p3;
    }

    /** The final-only numbers: products of the last row's ρ coordinates, the histograms of N_k and of waits. */
    private void recordFinal() {
        double[] y = finals;
        System.arraycopy(rows, (points - 1) * width + rho, x, 0, RhoElements.SIZE);
        int m = products;
        for (int i = 0; i < RhoElements.SIZE; i++) {
            for (int j = 0; j <= i; j++) {
                y[m++] = x[i] * x[j];
            }
        }
        for (int s = 0; s < 2; s++) {
            for (int i = 0; i < bins[s].slots(); i++) {
                y[histogram[s] + i] = 0;
            }
            y[histogram[s] + bins[s].slot(net[s])] = 1;
        }
        for (int p = 0; p < plans.length; p++) {
            WaitingHistogram.Plan plan = plans[p];
            long[] w = waited[p];
            int b = plan.bins();
            // Still open at the end: not closed within t_end − t_start ≥ τ_max.
            w[b] += opened[p];
            opened[p] = 0;
            int base = waiting + plan.first();
            for (int i = 0; i <= b + 1; i++) {
                y[base + i] = w[i];
            }
            double starts = w[b + 1];
            for (int i = 0; i < b; i++) {
                for (int j = i + 1; j < b; j++) {
                    y[waiting + plan.product(i, j)] = (double) w[i] * w[j];
                }
                y[waiting + plan.withStarts(i)] = w[i] * starts;
            }
        }
        double[] s = block.sums;
        double[] s2 = block.squares;
        for (int i = 0; i < y.length; i++) {
            double q = Math.rint(y[i] * finalInverse[i]);
            s[finalBase + i] += q;
            s2[finalBase + i] += q * q;
        }
    }
}
