package qtm.ensemble;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.ejml.data.ZMatrixRMaj;
import qtm.model.Side;
import qtm.model.TimeGrid;
import qtm.observe.Column;
import qtm.observe.Estimates;
import qtm.observe.FinalProducts;
import qtm.observe.Quantity;
import qtm.observe.RhoElements;
import qtm.stats.Estimate;
import qtm.stats.Jackknife;
import qtm.stats.RareEvents;

/**
 * The outcome of an ensemble as exact data: for the trajectory indices it covers, every quantity's fixed-point sums
 * Σq and Σq² as 128-bit integers, and the sums of each jackknife batch for the batched quantities. Trajectory i
 * belongs to batch (i / {@link EnsembleRunner#BLOCK}) mod {@link #BATCHES}, a function of its index alone. Integer
 * sums add exactly in any order, so {@link #merge} is exact, associative and commutative: an ensemble run in one
 * piece, in shards or in extensions is the same data. Every estimate is computed here, from the sums; callers only
 * read. Immutable.
 */
public final class EnsembleResult {
    /** Number of jackknife batches. */
    public static final int BATCHES = 32;
    private final Layout layout;
    private final Sums sums;
    private final List<long[]> ranges;
    private final StopReason stopReason;
    private final double seconds;

    EnsembleResult(Layout layout, long count, List<long[]> ranges, long[] sumHi, long[] sumLo, long[] squareHi,
            long[] squareLo, long[][] batch, long[] batchCount, StopReason stopReason, double seconds) {
        this(new Sums(layout, count, sumHi, sumLo, squareHi, squareLo, batch, batchCount), ranges, stopReason,
                seconds);
    }

    private EnsembleResult(Sums sums, List<long[]> ranges, StopReason stopReason, double seconds) {
        this.layout = sums.layout;
        this.sums = sums;
        this.ranges = Ranges.coalesce(ranges);
        this.stopReason = stopReason;
        this.seconds = seconds;
    }

    /**
     * The exact sum of two results over disjoint index ranges.
     *
     * @param other a result of the same quantities on the same grid
     * @return the merged result (its stop reason is this one's, its time the sum)
     * @throws IllegalArgumentException if the quantities or grids differ, or the ranges overlap
     */
    public EnsembleResult merge(EnsembleResult other) {
        if (!layout.signature().equals(other.layout.signature())) {
            throw new IllegalArgumentException("cannot merge ensembles of different quantities or grids");
        }
        List<long[]> r = new ArrayList<>(ranges);
        r.addAll(other.ranges);
        return new EnsembleResult(sums.plus(other.sums), r, stopReason, seconds + other.seconds);
    }

    /**
     * @param reason the stop reason to record
     * @param wallSeconds the wall time to record
     * @return the same data with another stop reason and time
     */
    public EnsembleResult withStop(StopReason reason, double wallSeconds) {
        return new EnsembleResult(sums, ranges, reason, wallSeconds);
    }

    Layout layout() {
        return layout;
    }

    long[] sumHi() {
        return sums.sumHi;
    }

    long[] sumLo() {
        return sums.sumLo;
    }

    long[] squareHi() {
        return sums.squareHi;
    }

    long[] squareLo() {
        return sums.squareLo;
    }

    long[][] batches() {
        return sums.batch;
    }

    long[] batchCounts() {
        return sums.batchCount;
    }

    /** @return the output grid */
    public TimeGrid grid() {
        return layout.grid();
    }

    /** @return the quantities recorded */
    public List<Quantity> quantities() {
        return layout.quantities();
    }

    /** @return number of trajectories */
    public long trajectories() {
        return sums.count;
    }

    /** @return the trajectory index ranges [from, to) covered, sorted and coalesced */
    public List<long[]> ranges() {
        List<long[]> out = new ArrayList<>();
        for (long[] r : ranges) {
            out.add(r.clone());
        }
        return out;
    }

    /** @return why the run stopped */
    public StopReason stopReason() {
        return stopReason;
    }

    /** @return wall time of the run in seconds (not part of the data) */
    public double seconds() {
        return seconds;
    }

    private int quantity(String name) {
        int q = layout.find(name);
        if (q < 0) {
            throw new IllegalArgumentException("the ensemble did not record " + name);
        }
        return q;
    }

    /** @return the names of every column of every quantity, in order */
    public List<String> columns() {
        return new ArrayList<>(layout.columns().keySet());
    }

    /**
     * One column's estimate on one grid point, with its reliability flag.
     *
     * @param column a name from {@link #columns()}
     * @param k grid index
     * @return the estimate (NaN on the first row of a binned quantity, or without trajectories)
     */
    public RareEvents.Flagged estimate(String column, int k) {
        Layout.Located c = layout.columns().get(column);
        if (c == null) {
            throw new IllegalArgumentException("no column " + column);
        }
        return sums.estimate(c.quantity(), layout.quantities().get(c.quantity()), c.column(), k);
    }

    /**
     * The target-SE stop's measure at grid point k, with its floored SE: the unclipped C(ρ̄) where the state is two
     * qubits', else (a machine of issue 24) the unclipped negativity of its first bipartition, the one its CSV lists
     * first ({@code c|h}, {@code c|m,h}).
     */
    RareEvents.Flagged signedConcurrence(int k) {
        int q = quantity(RhoElements.NAME);
        RhoElements rho = recorded(RhoElements.class);
        String target = rho.dimension() == 4 && rho.sites().dims().length == 2 ? Estimates.concurrence()
                : Estimates.negativity(rho.sites().bipartitions().get(0));
        for (Column c : layout.quantities().get(q).columns()) {
            if (c instanceof Column.OfMean f && f.name().equals(target)) {
                return RareEvents.floor(sums.batchSums(q, k), sums.batchCount, f.populations(), f.function());
            }
        }
        throw new IllegalStateException("no column " + target);
    }

    // Conveniences over the standard quantities, for the verdict, the writers and tests.

    /**
     * @param k grid index
     * @return ρ̄(t_k)
     */
    public ZMatrixRMaj rho(int k) {
        return recorded(RhoElements.class).matrix(rhoMeans(k));
    }

    /**
     * @param k grid index
     * @return the mean of every ρ coordinate (HermitianBasis order)
     */
    public double[] rhoMeans(int k) {
        return perCoordinate((q, m) -> sums.mean(q, k, m));
    }

    /**
     * @param k grid index
     * @return SE of every ρ̄ coordinate in HermitianBasis order
     */
    public double[] rhoStandardErrors(int k) {
        return perCoordinate((q, m) -> sums.standardError(q, k, m));
    }

    /**
     * @param k grid index
     * @return the mean over the trajectories of the square of every ρ coordinate (HermitianBasis order): with the
     *     means, what a null-hypothesis variance needs to know of how the values are spread
     */
    public double[] rhoMeanSquares(int k) {
        return perCoordinate((q, m) -> sums.squares(layout.index(q, k, m)) / sums.count);
    }

    /** A number of ρ coordinate m, ρ being quantity q. */
    private interface OfCoordinate {
        double value(int q, int m);
    }

    /** @return the number for each of the d² coordinates */
    private double[] perCoordinate(OfCoordinate f) {
        int q = quantity(RhoElements.NAME);
        double[] v = new double[recorded(RhoElements.class).size()];
        for (int m = 0; m < v.length; m++) {
            v[m] = f.value(q, m);
        }
        return v;
    }

    /** @return C(ρ̄(t_k)) with its SE (see {@link RareEvents#floor}) */
    public Estimate concurrence(int k) {
        return estimate(Estimates.concurrence(), k).estimate();
    }

    /** @return C(ρ̄(t_k)) with its reliability flag */
    public RareEvents.Flagged concurrenceFlagged(int k) {
        return estimate(Estimates.concurrence(), k);
    }

    /** @return whether the concurrence's error bar can be trusted */
    public boolean concurrenceReliable(int k) {
        return estimate(Estimates.concurrence(), k).reliable();
    }

    /** @return Tr ρ̄(t_k)² with its jackknife SE */
    public Estimate purity(int k) {
        return estimate(Estimates.purity(), k).estimate();
    }

    /** @return heat current into the bath by the formula on ρ̄ */
    public Estimate heatFormula(int k, Side side) {
        return estimate(Estimates.heatFormula(side), k).estimate();
    }

    /** @return heat current into the bath by counting the energy moved in the bin ending at t_k (NaN at k = 0) */
    public Estimate heatCount(int k, Side side) {
        return estimate(Estimates.heatCount(side), k).estimate();
    }

    /** @return whether the bin's counted heat rests on more than a handful of jumps */
    public boolean jumpsReliable(int k, Side side) {
        return estimate(Estimates.heatCount(side), k).reliable();
    }

    /** @return mean number of jumps into one bath in the bin ending at t_k (NaN at k = 0) */
    public Estimate jumps(int k, Side side) {
        return estimate(Estimates.jumps(side), k).estimate();
    }

    /** @return mean concurrence of the trajectories' pure states */
    public Estimate pureConcurrence(int k) {
        return estimate(Estimates.pureConcurrence(), k).estimate();
    }

    /**
     * @param type a quantity's class
     * @param <T> that class
     * @return the instance of it the ensemble recorded (its bins, sizes of quantum, …), or null
     */
    public <T extends Quantity> T recorded(Class<T> type) {
        for (Quantity q : layout.quantities()) {
            if (type.isInstance(q)) {
                return type.cast(q);
            }
        }
        return null;
    }

    /**
     * @param quantity a quantity's name
     * @return whether the ensemble recorded it
     */
    public boolean records(String quantity) {
        return layout.find(quantity) >= 0;
    }

    /** @return mean ρ coordinates at the final time (new array) */
    public double[] finalMean() {
        return rhoMeans(grid().points() - 1);
    }

    /** @return the unbiased sample covariance of the mean ρ coordinates at the final time, Σ̂/n (new array) */
    public double[][] finalCovariance() {
        return sums.covariance(quantity(RhoElements.NAME), quantity(FinalProducts.NAME));
    }

    /**
     * The sums over the trajectories of every number of a final-only quantity, for estimates that the quantity's
     * columns cannot express (such as a covariance from recorded products).
     *
     * @param name the quantity's name
     * @return Σx per slot (new array)
     * @throws IllegalArgumentException if the ensemble did not record it, or it is not final-only
     */
    public double[] finalSums(String name) {
        return perFinalSlot(name, sums::sum);
    }

    /**
     * @param name the quantity's name
     * @return Σx² per slot of a final-only quantity (new array)
     * @throws IllegalArgumentException if the ensemble did not record it, or it is not final-only
     */
    public double[] finalSquares(String name) {
        return perFinalSlot(name, sums::squares);
    }

    /** @return f(index in the flat sums) for each slot of a final-only quantity */
    private double[] perFinalSlot(String name, java.util.function.IntToDoubleFunction f) {
        int q = quantity(name);
        if (!(layout.quantities().get(q) instanceof qtm.observe.FinalQuantity)) {
            throw new IllegalArgumentException(name + " is not a final-only quantity");
        }
        double[] out = new double[layout.quantities().get(q).slots().size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = f.applyAsDouble(layout.index(q, 0, i));
        }
        return out;
    }

    /**
     * Any function of ρ̄(t_k), with its jackknife SE over batches.
     *
     * @param k grid index
     * @param f the function
     * @return the estimate
     */
    public Estimate jackknife(int k, ToDoubleFunction<ZMatrixRMaj> f) {
        int q = quantity(RhoElements.NAME);
        RhoElements rho = recorded(RhoElements.class);
        return Jackknife.of(sums.batchSums(q, k), sums.batchCount, v -> f.applyAsDouble(rho.matrix(v)));
    }

    /**
     * A function of the mean rows of several batched quantities at grid point k, their slots concatenated in the
     * order given, with the delete-one-batch jackknife SE: for estimates that join quantities, such as the
     * collision model's total entropy production S(ρ̄) − S(ρ₀) + Σ_k Q_k/T_k from ρ̄ and the counted heat, whose
     * error bar needs the covariance of the two that only the batches keep.
     *
     * @param k grid index
     * @param names the quantities, each batched
     * @param f the function of the concatenated mean vector
     * @return the estimate
     * @throws IllegalArgumentException if a quantity was not recorded or is not batched
     */
    public Estimate jackknife(int k, List<String> names, ToDoubleFunction<double[]> f) {
        double[][][] parts = new double[names.size()][][];
        int width = 0;
        for (int i = 0; i < names.size(); i++) {
            int q = quantity(names.get(i));
            if (!layout.quantities().get(q).batched()) {
                throw new IllegalArgumentException(names.get(i) + " keeps no batch sums");
            }
            parts[i] = sums.batchSums(q, k);
            width += parts[i][0].length;
        }
        double[][] joined = new double[BATCHES][width];
        for (int b = 0; b < BATCHES; b++) {
            int at = 0;
            for (double[][] p : parts) {
                System.arraycopy(p[b], 0, joined[b], at, p[b].length);
                at += p[b].length;
            }
        }
        return Jackknife.of(joined, sums.batchCount, f);
    }

    @Override
    public String toString() {
        return "EnsembleResult" + Arrays.toString(ranges.stream().map(Arrays::toString).toArray());
    }
}
