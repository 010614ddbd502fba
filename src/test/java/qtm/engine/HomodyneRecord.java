package qtm.engine;

/** Every number a trajectory reports, in order. */
final class HomodyneRecord implements TrajectoryObserver {
    private final java.util.List<Double> values = new java.util.ArrayList<>();
    private final java.util.List<Double> increments = new java.util.ArrayList<>();

    double[] increments() {
        return increments.stream().mapToDouble(Double::doubleValue).toArray();
    }

    double[] values() {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Override
    public void begin() {
    }

    @Override
    public void state(int k, double[] re, double[] im) {
        add(re);
        add(im);
    }

    @Override
    public void mixed(int k, double[] re, double[] im) {
        add(re);
        add(im);
    }

    @Override
    public void homodyne(int step, double[] dY) {
        add(dY);
        for (double v : dY) {
            increments.add(v);
        }
    }

    private void add(double[] x) {
        for (double v : x) {
            values.add(v);
        }
    }

    @Override
    public void jump(int channel, int bath, double energy, double time) {
    }

    @Override
    public void end() {
    }
}
