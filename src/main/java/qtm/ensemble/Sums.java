package qtm.ensemble;

import qtm.observe.Column;
import qtm.observe.FinalProducts;
import qtm.observe.Quantity;
import qtm.observe.RhoElements;
import qtm.stats.Estimate;
import qtm.stats.Jackknife;
import qtm.stats.RareEvents;

/**
 * The exact data of an {@link EnsembleResult}: the trajectory count, every number's Σq and Σq² as 128-bit integers
 * and each jackknife batch's sums, with the arithmetic that reads them (a mean, its SE, a column's estimate) and the
 * exact addition that merges two. Immutable (its arrays are never written after construction).
 */
final class Sums {
    final Layout layout;
    final long count;
    final long[] sumHi;
    final long[] sumLo;
    final long[] squareHi;
    final long[] squareLo;
    final long[][] batch;
    final long[] batchCount;

    Sums(Layout layout, long count, long[] sumHi, long[] sumLo, long[] squareHi, long[] squareLo, long[][] batch,
            long[] batchCount) {
        this.layout = layout;
        this.count = count;
        this.sumHi = sumHi;
        this.sumLo = sumLo;
        this.squareHi = squareHi;
        this.squareLo = squareLo;
        this.batch = batch;
        this.batchCount = batchCount;
    }

    /** @return the exact sum of these and {@code other}'s (same layout) */
    Sums plus(Sums other) {
        int n = sumHi.length;
        long[] sh = sumHi.clone();
        long[] sl = sumLo.clone();
        long[] qh = squareHi.clone();
        long[] ql = squareLo.clone();
        for (int i = 0; i < n; i++) {
            Int128.add(sh, sl, i, other.sumHi[i], other.sumLo[i]);
            Int128.add(qh, ql, i, other.squareHi[i], other.squareLo[i]);
        }
        int batches = EnsembleResult.BATCHES;
        long[][] b = new long[batches][];
        long[] bc = new long[batches];
        for (int j = 0; j < batches; j++) {
            b[j] = batch[j].clone();
            for (int i = 0; i < b[j].length; i++) {
                b[j][i] = Math.addExact(b[j][i], other.batch[j][i]);
            }
            bc[j] = batchCount[j] + other.batchCount[j];
        }
        return new Sums(layout, count + other.count, sh, sl, qh, ql, b, bc);
    }

    /** @return Σx of one number of the flat layout */
    double sum(int index) {
        return Int128.toDouble(sumHi[index], sumLo[index]) * layout.quantum(index);
    }

    /** @return Σx² of one number of the flat layout */
    double squares(int index) {
        double u = layout.quantum(index);
        return Int128.toDouble(squareHi[index], squareLo[index]) * u * u;
    }

    /** @return the mean of one number (NaN without trajectories) */
    double mean(int q, int k, int slot) {
        return sum(layout.index(q, k, slot)) / count;
    }

    /** @return the SE of the mean of one number, √(s²/n) with the unbiased s² (NaN below two trajectories) */
    double standardError(int q, int k, int slot) {
        if (count < 2) {
            return Double.NaN;
        }
        int i = layout.index(q, k, slot);
        double s = sum(i);
        double mean = s / count;
        double var = (squares(i) - mean * s) / (count - 1);
        return Math.sqrt(Math.max(0.0, var) / count);
    }

    /** @return per batch, the sums of the quantity's slots on row k (scaled to values) */
    double[][] batchSums(int q, int k) {
        int size = layout.quantities().get(q).slots().size();
        double[][] out = new double[EnsembleResult.BATCHES][size];
        for (int b = 0; b < EnsembleResult.BATCHES; b++) {
            for (int s = 0; s < size; s++) {
                out[b][s] = batch[b][layout.batchIndex(q, k, s)] * layout.quantum(layout.index(q, k, s));
            }
        }
        return out;
    }

    /** @return one column of quantity q (index {@code q}) on row k, with its reliability flag */
    RareEvents.Flagged estimate(int q, Quantity x, Column column, int k) {
        if ((x.binned() && k == 0) || count == 0) {
            return new RareEvents.Flagged(Double.NaN, Double.NaN, false);
        }
        if (column instanceof Column.Mean m) {
            double mean = mean(q, k, m.slot()) * m.scale();
            double se = standardError(q, k, m.slot()) * Math.abs(m.scale());
            boolean reliable = switch (m.rare()) {
                case NEVER -> true;
                case POPULATION -> !RareEvents.rareObserved(mean(q, k, m.rareSlot()), count);
                case COUNT -> !RareEvents.rareCount(sum(layout.index(q, k, m.rareSlot())));
            };
            return new RareEvents.Flagged(mean == 0 ? 0.0 : mean, se, reliable);
        }
        Column.OfMean f = (Column.OfMean) column;
        double[][] sums = batchSums(q, k);
        RareEvents.Flagged r;
        if (f.populations().length > 0) {
            r = RareEvents.floor(sums, batchCount, f.populations(), f.function());
        } else {
            Estimate e = Jackknife.of(sums, batchCount, f.function());
            r = new RareEvents.Flagged(e.mean(), e.se(), true);
        }
        boolean reliable = r.reliable()
                && (f.countSlot() < 0 || !RareEvents.rareCount(sum(layout.index(q, k, f.countSlot()))));
        return new RareEvents.Flagged(f.clipAtZero() ? Math.max(0.0, r.mean()) : r.mean(), r.se(), reliable);
    }

    /**
     * @param rho index of the ρ coordinates
     * @param products index of their final products
     * @return the unbiased sample covariance of the mean coordinates at the final time, Σ̂/n
     */
    double[][] covariance(int rho, int products) {
        int last = layout.grid().points() - 1;
        int d = RhoElements.SIZE;
        double[] s = new double[d];
        for (int i = 0; i < d; i++) {
            s[i] = sum(layout.index(rho, last, i));
        }
        double[][] c = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                double x = sum(layout.index(products, 0, FinalProducts.slot(i, j)));
                double v = (x - s[i] * s[j] / count) / (count - 1) / count;
                c[i][j] = v;
                c[j][i] = v;
            }
        }
        return c;
    }
}
