package qtm.engine;

/**
 * One trajectory's state ψ (real and imaginary parts in the frame its engine propagates in) with the spare buffers a
 * step writes into and the buffers its lab-frame copy goes out in: both engines step, renormalise and hand out a
 * state alike, so they keep it here once. A step allocates nothing; one instance per engine, used by one thread.
 */
final class StateVector {
    /** ψ now. */
    double[] re = new double[4];
    double[] im = new double[4];
    /** Where the next ψ is written before it is accepted. */
    double[] nextRe = new double[4];
    double[] nextIm = new double[4];
    private final Frame frame;
    private final double[] labRe = new double[4];
    private final double[] labIm = new double[4];

    /** @param frame the frame the engine propagates in, which {@link #emit} undoes */
    StateVector(Frame frame) {
        this.frame = frame;
    }

    /** Makes the spare buffers the state, as they are. */
    void swap() {
        double[] r = re;
        double[] i = im;
        re = nextRe;
        im = nextIm;
        nextRe = r;
        nextIm = i;
    }

    /**
     * Makes the spare buffers the state, normalised.
     *
     * @param norm2 their squared norm
     */
    void accept(double norm2) {
        swap();
        scale(1.0 / Math.sqrt(norm2));
    }

    /** @param f the factor ψ is multiplied by */
    void scale(double f) {
        for (int m = 0; m < 4; m++) {
            re[m] *= f;
            im[m] *= f;
        }
    }

    /**
     * Starts a trajectory: draws ψ(0) and hands it to the observer as grid point 0.
     *
     * @param initial the initial state's pure-state ensemble
     * @param rng the trajectory's stream
     * @param observer the trajectory's observer
     */
    void begin(PureStates initial, org.apache.commons.rng.UniformRandomProvider rng, TrajectoryObserver observer) {
        initial.sample(rng, re, im);
        observer.begin();
        emit(0, observer);
    }

    /**
     * Hands the observer ψ at grid point k in the computational basis.
     *
     * @param k the grid index
     * @param observer the trajectory's observer
     */
    void emit(int k, TrajectoryObserver observer) {
        frame.toLab(k, re, im, labRe, labIm);
        observer.state(k, labRe, labIm);
    }
}
