package qtm.observe;

import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import qtm.model.Side;

/**
 * One estimate a {@link Quantity} offers on every row: a name for the output and how it is computed from the
 * ensemble's sums. The statistics (standard errors, jackknife, the rare-event rule) are the ensemble's job; a column
 * only says which numbers and which function.
 */
public sealed interface Column {
    /** @return the column name in CSV files and summary.json */
    String name();

    /**
     * @param column the column of one bath
     * @return the columns of the cold bath, then the hot one
     */
    static List<Column> perSide(Function<Side, Column> column) {
        return List.of(column.apply(Side.COLD), column.apply(Side.HOT));
    }

    /** How to judge whether the error bar of a {@link Mean} can be trusted. */
    enum Rare {
        /** Always trusted. */
        NEVER,
        /** The slot is a probability: unreliable when its rarer side was seen a handful of times. */
        POPULATION,
        /** The slot {@code rareSlot} counts events: unreliable when the total count is a handful. */
        COUNT
    }

    /**
     * scale × the mean of one slot, with the SE of a mean.
     *
     * @param name column name
     * @param slot the slot
     * @param scale factor applied to the mean, its magnitude to the SE (a machine's quantum may carry negative heat)
     * @param rare the reliability rule
     * @param rareSlot the slot the rule reads (the counted events for {@link Rare#COUNT})
     */
    record Mean(String name, int slot, double scale, Rare rare, int rareSlot) implements Column {
        /**
         * @param name column name
         * @param slot the slot
         * @return a plain mean, always reliable
         */
        public static Mean of(String name, int slot) {
            return new Mean(name, slot, 1, Rare.NEVER, slot);
        }
    }

    /**
     * A function of the quantity's mean row (all its slots), with the delete-one-batch jackknife SE; needs a
     * {@link Quantity#batched()} quantity.
     *
     * @param name column name
     * @param function the function of the mean vector
     * @param populations slots that are probabilities: where rare, their share of the error comes from their
     *     posterior and the estimate may be flagged unreliable (empty: plain jackknife)
     * @param clipAtZero report max(0, value) (the SE is that of the unclipped function)
     * @param countSlot a slot counting events, whose handful makes the estimate unreliable (−1: none)
     */
    record OfMean(String name, ToDoubleFunction<double[]> function, int[] populations, boolean clipAtZero,
            int countSlot) implements Column {
    }
}
