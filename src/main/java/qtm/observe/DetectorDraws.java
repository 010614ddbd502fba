package qtm.observe;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * One trajectory's draws of imperfect detectors (issue 28), in a fixed order: at its start every dark click of the
 * run, bath by bath (exponential intervals of mean 1/θ up to the final time, each +1 or −1 with probability ½), then
 * one number per counted jump of a bath with η &lt; 1, which keeps it with probability η. Two recorders handed
 * generators in the same state (the ensemble makes one per recorder from the trajectory's index) therefore see the
 * same detected count: the time series and the final-count histogram describe the same clicks. Belongs to one thread.
 */
final class DetectorDraws {
    private final double[] efficiency;
    private final double[] darkRate;
    private final double end;
    /** Per detector: its dark clicks' times and signs, how many, and how many have joined the count. */
    private final double[][] times;
    private final int[][] signs;
    private final int[] clicks;
    private final int[] used;
    private UniformRandomProvider rng;

    /**
     * @param efficiency η per detector
     * @param darkRate θ per detector
     * @param end the final time
     */
    DetectorDraws(double[] efficiency, double[] darkRate, double end) {
        this.efficiency = efficiency;
        this.darkRate = darkRate;
        this.end = end;
        int n = efficiency.length;
        times = new double[n][8];
        signs = new int[n][8];
        clicks = new int[n];
        used = new int[n];
    }

    /** @param rng the trajectory's generator, in the state the ensemble made it */
    void stream(UniformRandomProvider rng) {
        this.rng = rng;
    }

    /** Draws the trajectory's dark clicks; call at its start. */
    void begin() {
        Arrays.fill(clicks, 0);
        Arrays.fill(used, 0);
        for (int d = 0; d < darkRate.length; d++) {
            if (darkRate[d] == 0) {
                continue;
            }
            double t = wait(d);
            while (t <= end) {
                if (clicks[d] == times[d].length) {
                    times[d] = Arrays.copyOf(times[d], 2 * clicks[d]);
                    signs[d] = Arrays.copyOf(signs[d], 2 * clicks[d]);
                }
                times[d][clicks[d]] = t;
                signs[d][clicks[d]++] = rng.nextBoolean() ? 1 : -1;
                t += wait(d);
            }
        }
    }

    /** An exponential waiting time of rate θ: the gap between dark clicks. */
    private double wait(int d) {
        return -Math.log1p(-rng.nextDouble()) / darkRate[d];
    }

    /**
     * @param d the detector
     * @return whether it sees the jump it is shown now (a perfect detector draws nothing)
     */
    boolean kept(int d) {
        return efficiency[d] == 1 || rng.nextDouble() < efficiency[d];
    }

    /**
     * @param d the detector
     * @param t a time, not before the last one asked
     * @return the net count of its dark clicks in (last time asked, t]
     */
    int darkUpTo(int d, double t) {
        int net = 0;
        while (used[d] < clicks[d] && times[d][used[d]] <= t) {
            net += signs[d][used[d]++];
        }
        return net;
    }

    /**
     * @param d the detector
     * @return the time of its next dark click not yet taken, +∞ when none is left
     */
    double nextDark(int d) {
        return used[d] < clicks[d] ? times[d][used[d]] : Double.POSITIVE_INFINITY;
    }

    /** @param d the detector, whose next dark click ({@link #nextDark}) is taken, as {@link #darkUpTo} takes it */
    void takeDark(int d) {
        used[d]++;
    }

    /**
     * @param d the detector
     * @return whether any of its dark clicks has joined the count
     */
    boolean darkSeen(int d) {
        return used[d] > 0;
    }
}
