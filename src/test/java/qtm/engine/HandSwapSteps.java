package qtm.engine;

import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.ZMatrixRMaj;
import qtm.model.Channels;
import qtm.model.Collision;
import qtm.model.Model;
import qtm.model.TimeGrid;

/**
 * The partial-swap collision step (flux, double dot) written by hand for the benchmark that prices the engine's step:
 * channel tables flattened to at most two transitions, no observer interface, the two swaps of a step in one method.
 * It keeps the engine's arithmetic, operation for operation, so that {@code HandSwapStepsTest} can require the same
 * jumps and states as {@link CollisionEngine} from the same random numbers.
 */
final class HandSwapSteps {
    /** What the loop reports: the engine's observer, cut down to what the benchmark consumes. */
    interface Sink {
        void state(int k, double[] re, double[] im);

        void jump(int channel, double time);
    }

    private final Collision collision;
    private final Frame frame;
    private final double[] rotation = new double[NoJumpPropagator.COEFFICIENTS];
    private final int[] down;
    private final int[] up;
    private final double[] cos;
    private final double[] sin2;
    private final double[] excited;
    // Per channel: its transitions (−1 where it has only one).
    private final int[] from0;
    private final int[] to0;
    private final int[] from1;
    private final int[] to1;
    private final double[] times;
    private final double[] re = new double[4];
    private final double[] im = new double[4];
    private final double[] labRe = new double[4];
    private final double[] labIm = new double[4];

    HandSwapSteps(Model model, TimeGrid grid, double dt) {
        collision = Collision.of(model, grid, dt);
        ZMatrixRMaj h = model.hamiltonian();
        frame = new Frame(h, grid);
        new NoJumpPropagator(h, new double[4]).coefficients(collision.dt(), rotation);
        Collision.Swap[] swaps = collision.swaps().toArray(new Collision.Swap[0]);
        if (swaps.length == 0 || !collision.resets().isEmpty()) {
            throw new IllegalArgumentException("partial swaps only");
        }
        down = new int[swaps.length];
        up = new int[swaps.length];
        cos = new double[swaps.length];
        sin2 = new double[swaps.length];
        excited = new double[swaps.length];
        for (int s = 0; s < swaps.length; s++) {
            down[s] = swaps[s].down();
            up[s] = swaps[s].up();
            cos[s] = swaps[s].cos();
            sin2[s] = swaps[s].sin2();
            excited[s] = swaps[s].excited();
        }
        Channels ch = collision.channels();
        int n = ch.size();
        from0 = new int[n];
        to0 = new int[n];
        from1 = new int[n];
        to1 = new int[n];
        for (int j = 0; j < n; j++) {
            int[][] t = ch.transitions(j);
            if (t.length < 1 || t.length > 2) {
                throw new IllegalArgumentException("one or two transitions per channel");
            }
            from0[j] = t[0][0];
            to0[j] = t[0][1];
            from1[j] = t.length == 2 ? t[1][0] : -1;
            to1[j] = t.length == 2 ? t[1][1] : -1;
        }
        times = new double[grid.points()];
        for (int k = 0; k < times.length; k++) {
            times[k] = grid.time(k);
        }
    }

    /** @return the steps of one trajectory */
    long steps() {
        return (long) (times.length - 1) * collision.stepsPerPoint();
    }

    /** One trajectory from |00⟩. */
    void run(UniformRandomProvider rng, Sink sink) {
        java.util.Arrays.fill(re, 0);
        java.util.Arrays.fill(im, 0);
        re[0] = 1;
        emit(0, sink);
        double dt = collision.dt();
        int steps = collision.stepsPerPoint();
        double c0 = rotation[0];
        double c1 = rotation[1];
        double c2 = rotation[2];
        double c3 = rotation[3];
        double c4 = rotation[4];
        for (int k = 1; k < times.length; k++) {
            double t0 = times[k - 1];
            for (int s = 1; s <= steps; s++) {
                double r0 = c0 * re[0];
                double i0 = c0 * im[0];
                double r3 = c1 * re[3];
                double i3 = c1 * im[3];
                double r1 = c2 * re[1] - c4 * im[2];
                double i1 = c2 * im[1] + c4 * re[2];
                double r2 = c3 * re[2] - c4 * im[1];
                double i2 = c3 * im[2] + c4 * re[1];
                double n = 0 + (r0 * r0 + i0 * i0) + (r1 * r1 + i1 * i1) + (r2 * r2 + i2 * i2) + (r3 * r3 + i3 * i3);
                double f = 1.0 / Math.sqrt(n);
                re[0] = r0 * f;
                im[0] = i0 * f;
                re[1] = r1 * f;
                im[1] = i1 * f;
                re[2] = r2 * f;
                im[2] = i2 * f;
                re[3] = r3 * f;
                im[3] = i3 * f;
                double t = t0 + s * dt;
                for (int w = 0; w < down.length; w++) {
                    swap(w, rng, sink, t);
                }
            }
            emit(k, sink);
        }
    }

    private void emit(int k, Sink sink) {
        frame.toLab(k, re, im, labRe, labIm);
        sink.state(k, labRe, labIm);
    }

    private double weight(int j) {
        int a = from0[j];
        double w = 0 + (re[a] * re[a] + im[a] * im[a]);
        int b = from1[j];
        return b < 0 ? w : w + (re[b] * re[b] + im[b] * im[b]);
    }

    private void swap(int w, UniformRandomProvider rng, Sink sink, double t) {
        double q = excited[w];
        double s2 = sin2[w];
        double d = weight(down[w]);
        double u0 = up[w] < 0 ? 0 : weight(up[w]);
        double clickDown = (1 - q) * s2 * d;
        double clickUp = q * s2 * u0;
        double quietGround = (1 - q) * (1 - s2 * d);
        double u = rng.nextDouble();
        if (u < clickDown) {
            jump(down[w], sink, t);
        } else if (u < clickDown + clickUp) {
            jump(up[w], sink, t);
        } else if (u < clickDown + clickUp + quietGround) {
            quiet(down[w], cos[w]);
        } else if (up[w] >= 0) {
            quiet(up[w], cos[w]);
        }
    }

    private void jump(int j, Sink sink, double t) {
        double w = weight(j);
        double f = 1.0 / Math.sqrt(w);
        int a = from0[j];
        int b = from1[j];
        double ra = re[a];
        double ia = im[a];
        double rb = b < 0 ? 0 : re[b];
        double ib = b < 0 ? 0 : im[b];
        java.util.Arrays.fill(re, 0);
        java.util.Arrays.fill(im, 0);
        re[to0[j]] = ra * f;
        im[to0[j]] = ia * f;
        if (b >= 0) {
            re[to1[j]] = rb * f;
            im[to1[j]] = ib * f;
        }
        sink.jump(j, t);
    }

    private void quiet(int j, double c) {
        double w = weight(j);
        int a = from0[j];
        int b = from1[j];
        re[a] *= c;
        im[a] *= c;
        if (b >= 0) {
            re[b] *= c;
            im[b] *= c;
        }
        double f = 1.0 / Math.sqrt(1 - (1 - c * c) * w);
        for (int m = 0; m < 4; m++) {
            re[m] *= f;
            im[m] *= f;
        }
    }
}
