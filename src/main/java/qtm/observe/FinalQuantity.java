package qtm.observe;

import java.util.List;

/**
 * A quantity with one row, at the final grid point (products for a covariance, histograms over the whole run). It
 * keeps no jackknife batches and offers no per-row estimates: its sums are read whole
 * ({@code EnsembleResult.finalSums}).
 */
public non-sealed interface FinalQuantity extends Quantity {
    @Override
    FinalRecorder recorder();

    /** @return false: a final-only quantity keeps no batch sums */
    @Override
    default boolean batched() {
        return false;
    }

    /** @return none: its sums are read whole */
    @Override
    default List<Column> columns() {
        return List.of();
    }
}
