package qtm.ensemble;

import java.util.Arrays;
import qtm.model.Side;

/**
 * The jumps of some consecutive trajectories, in index order and within a trajectory in time order, in flat
 * primitive arrays that grow by doubling, so recording allocates only while a buffer grows to its working size.
 * Mutable; owned by one worker until its block is committed, then read by the {@link JumpSink}.
 */
public final class JumpBuffer {
    private long[] index = new long[64];
    private double[] time = new double[64];
    private double[] energy = new double[64];
    private int[] channel = new int[64];
    private byte[] bath = new byte[64];
    private int size;
    /** The size when the last trajectory ended: the jumps beyond it belong to one not (yet) complete. */
    private int complete;

    JumpBuffer() {
    }

    /** @return the number of jumps held */
    public int size() {
        return size;
    }

    /**
     * @param i jump number, 0 … size − 1
     * @return the trajectory index of jump i
     */
    public long index(int i) {
        return index[i];
    }

    /**
     * @param i jump number
     * @return when it happened
     */
    public double time(int i) {
        return time[i];
    }

    /**
     * @param i jump number
     * @return its channel's index in the model's jump list
     */
    public int channel(int i) {
        return channel[i];
    }

    /**
     * @param i jump number
     * @return the bath involved
     */
    public Side side(int i) {
        return Side.of(bath[i]);
    }

    /**
     * @param i jump number
     * @return the index of the bath involved
     */
    public int bath(int i) {
        return bath[i];
    }

    /**
     * @param i jump number
     * @return the energy it moved from the qubits into that bath
     */
    public double energy(int i) {
        return energy[i];
    }

    void clear() {
        size = 0;
        complete = 0;
    }

    /** Drops the jumps of a trajectory that began but never ended (abandoned at a stop). */
    void rewind() {
        size = complete;
    }

    /** The current trajectory is complete. */
    void seal() {
        complete = size;
    }

    void add(long trajectory, int ch, int b, double e, double t) {
        if (size == index.length) {
            int n = 2 * size;
            index = Arrays.copyOf(index, n);
            time = Arrays.copyOf(time, n);
            energy = Arrays.copyOf(energy, n);
            channel = Arrays.copyOf(channel, n);
            bath = Arrays.copyOf(bath, n);
        }
        index[size] = trajectory;
        time[size] = t;
        energy[size] = e;
        channel[size] = ch;
        bath[size] = (byte) b;
        size++;
    }
}
