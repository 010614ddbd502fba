package qtm.ensemble;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import qtm.engine.TrajectoryObserver;
import qtm.model.Side;
import qtm.observe.Changes;
import qtm.observe.FinalQuantity;
import qtm.observe.FinalRecorder;
import qtm.observe.JumpListener;
import qtm.observe.JumpQuantity;
import qtm.observe.JumpRecorder;
import qtm.observe.Quantity;
import qtm.observe.Randomised;
import qtm.observe.StateQuantity;
import qtm.observe.StateRecorder;

/**
 * The observer an engine feeds: it passes each event to the quantities' recorders, and rounds the numbers they write
 * to their fixed-point quanta into the current {@link Block}. One per worker thread.
 *
 * <p>The numbers of {@link JumpQuantity jump-driven} quantities (counts) are not written row by row: at a jump their
 * recorders report the change, and the tally adds the change of the rounded value and of its square at the row where
 * it first shows (and, for a bin, takes it back at the next row) into the block's {@link Block#steps}. A running sum
 * over the rows at the end of the block ({@link #settle}) gives Σq and Σq² of every row: the same integers as writing
 * each row, at a cost per jump rather than per grid point.
 *
 * <p>The first recorders are held in fields of their own rather than looped over, so that each call site sees one
 * recorder class and the JIT can inline it: a loop over an array of recorders is a megamorphic call per event.
 */
final class Tally implements TrajectoryObserver, Changes {
    private final StateRecorder r0;
    private final StateRecorder r1;
    private final StateRecorder r2;
    private final StateRecorder r3;
    private final StateRecorder r4;
    private final StateRecorder[] rest;
    /** The recorders that hear jumps, the first two in fields of their own as for states. */
    private final JumpListener j0;
    private final JumpListener j1;
    private final JumpListener[] jumpRest;
    /** The recorders that hear collisions (most do not; the collision model calls this after every collision). */
    private final StateRecorder[] collisions;
    /** The recorders that hear a machine's collisions: any at all turns off its collision engine's fast path. */
    private final StateRecorder[] machineCollisions;
    /** The recorders that hear the diffusive engine's homodyne increments at every step, series and final-only. */
    private final StateRecorder[] homodyne;
    private final FinalRecorder[] finalHomodyne;
    private final int[] offsets;
    /** The jump-driven recorders, the first in a field of its own, and their offsets in the row. */
    private final JumpRecorder e0;
    private final int e0Offset;
    private final JumpRecorder[] eventRest;
    private final int[] eventOffsets;
    /** For each row position, its index among the jump-driven numbers, or −1. */
    private final int[] eventIndex;
    /** For each jump-driven number, its row position. */
    private final int[] eventPosition;
    /** Per jump-driven number: its current rounded value, and for a bin its unrounded value and row. */
    private final double[] level;
    private final double[] binValue;
    private final int[] binRow;
    private final int events;
    private final int points;
    private int next;
    private final StateRecorder[] series;
    private final JumpRecorder[] driven;
    private final FinalRecorder[] finals;
    private final int[] finalOffsets;
    /**
     * The trajectory's rows, all of them, and 1/quantum for each of their numbers: rounded and added into the block
     * in one long loop at its end, which the JIT vectorises (row by row, in loops of 20 numbers, it cost 3× as much).
     * The jump-driven numbers' places are never written and stay 0.
     */
    private final double[] rows;
    private final double[] rowInverse;
    private final double[] finalRow;
    private final double[] inverse;
    private final int width;
    private final int finalBase;
    private final int last;
    private final StopFlag stop;
    /** The recorders that draw from a stream of their own ({@link Randomised}): none unless a run has detectors. */
    private final Randomised[] randomised;
    private Block block;
    private int polls;

    Tally(Layout layout, StopFlag stop) {
        this.stop = stop;
        List<StateRecorder> rs = new ArrayList<>();
        List<Integer> rsAt = new ArrayList<>();
        List<JumpRecorder> es = new ArrayList<>();
        List<Integer> esAt = new ArrayList<>();
        List<FinalRecorder> fs = new ArrayList<>();
        List<Integer> fsAt = new ArrayList<>();
        List<Quantity> qs = layout.quantities();
        for (int q = 0; q < qs.size(); q++) {
            Quantity x = qs.get(q);
            if (x instanceof FinalQuantity f) {
                fs.add(f.recorder());
                fsAt.add(layout.offset(q));
            } else if (x instanceof JumpQuantity j) {
                es.add(j.recorder());
                esAt.add(layout.offset(q));
            } else {
                rs.add(((StateQuantity) x).recorder());
                rsAt.add(layout.offset(q));
            }
        }
        series = rs.toArray(new StateRecorder[0]);
        offsets = ints(rsAt);
        driven = es.toArray(new JumpRecorder[0]);
        eventOffsets = ints(esAt);
        finals = fs.toArray(new FinalRecorder[0]);
        finalOffsets = ints(fsAt);
        r0 = at(series, 0);
        r1 = at(series, 1);
        r2 = at(series, 2);
        r3 = at(series, 3);
        r4 = at(series, 4);
        rest = series.length > 5 ? Arrays.copyOfRange(series, 5, series.length) : new StateRecorder[0];
        e0 = at(driven, 0);
        e0Offset = driven.length > 0 ? eventOffsets[0] : 0;
        eventRest = driven.length > 1 ? Arrays.copyOfRange(driven, 1, driven.length) : new JumpRecorder[0];
        width = layout.width();
        eventIndex = eventIndex(layout);
        events = (int) Arrays.stream(eventIndex).filter(e -> e >= 0).count();
        eventPosition = new int[events];
        for (int p = 0; p < width; p++) {
            if (eventIndex[p] >= 0) {
                eventPosition[eventIndex[p]] = p;
            }
        }
        level = new double[events];
        binValue = new double[events];
        binRow = new int[events];
        points = layout.grid().points();
        rows = new double[points * width];
        rowInverse = new double[rows.length];
        double[] perSlot = layout.inverseQuanta();
        for (int i = 0; i < rows.length; i++) {
            rowInverse[i] = perSlot[i % width];
        }
        finalRow = new double[layout.finalWidth()];
        inverse = layout.inverseQuanta();
        finalBase = points * width;
        last = points - 1;
        List<JumpListener> hear = new ArrayList<>();
        hear.addAll(Hearing.of(series, "jump", int.class, int.class, double.class, double.class));
        hear.addAll(Hearing.of(finals, "jump", int.class, int.class, double.class, double.class));
        j0 = at(hear.toArray(new JumpListener[0]), 0);
        j1 = at(hear.toArray(new JumpListener[0]), 1);
        jumpRest = hear.size() > 2 ? hear.subList(2, hear.size()).toArray(new JumpListener[0]) : new JumpListener[0];
        collisions = Hearing.of(series, "collided", Side.class, double[].class, double[].class)
                .toArray(new StateRecorder[0]);
        machineCollisions = Hearing.of(series, "collided", int.class, double[].class, double[].class)
                .toArray(new StateRecorder[0]);
        homodyne = Hearing.of(series, "homodyne", int.class, double[].class).toArray(new StateRecorder[0]);
        finalHomodyne = Hearing.of(finals, "homodyne", int.class, double[].class).toArray(new FinalRecorder[0]);
        List<Object> all = new ArrayList<>(List.of(series));
        all.addAll(List.of(finals));
        randomised = all.stream().filter(r -> r instanceof Randomised).map(r -> (Randomised) r)
                .toArray(Randomised[]::new);
    }

    /** @return whether a recorder draws from a stream of its own, which {@link #stream} must give it */
    boolean randomised() {
        return randomised.length > 0;
    }

    /**
     * Gives each recorder that draws its own random numbers the second stream of the trajectory about to run, a
     * generator of its own in the same state, so that they all draw the same numbers.
     *
     * @param seed the run's seed
     * @param index the trajectory's index
     */
    void streams(long seed, long index) {
        for (Randomised r : randomised) {
            r.stream(Streams.forDetectors(seed, index));
        }
    }

    private static <T> T at(T[] a, int i) {
        return a.length > i ? a[i] : null;
    }

    private static int[] ints(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).toArray();
    }

    /** For each row position, its index among the jump-driven numbers (in quantity order), or −1. */
    private static int[] eventIndex(Layout layout) {
        int[] index = new int[layout.width()];
        Arrays.fill(index, -1);
        int positions = 0;
        List<Quantity> qs = layout.quantities();
        for (int q = 0; q < qs.size(); q++) {
            if (qs.get(q) instanceof JumpQuantity j) {
                for (int i = 0; i < j.slots().size(); i++) {
                    index[layout.offset(q) + i] = positions++;
                }
            }
        }
        return index;
    }

    void into(Block b) {
        block = b;
    }

    /** @return the length of a block's {@link Block#steps}, in pairs: one row past the grid per jump-driven number */
    int stepSize() {
        return (points + 1) * events;
    }

    /**
     * Adds the running sums of the block's changes, row by row, into its sums: then every jump-driven number's sums are
     * what writing each row would have given. Called once a block's trajectories are done.
     */
    void settle() {
        block.settle(eventPosition, points, width);
    }

    @Override
    public void level(int slot, double value) {
        if (next >= points) {
            return;
        }
        int e = eventIndex[slot];
        double q = Math.rint(value * inverse[slot]);
        double was = level[e];
        if (q != was) {
            block.level(next, e, events, was, q);
            level[e] = q;
        }
    }

    @Override
    public void bin(int slot, double delta) {
        if (next >= points) {
            return;
        }
        int e = eventIndex[slot];
        if (binRow[e] != next) {
            binRow[e] = next;
            binValue[e] = 0;
        }
        double was = Math.rint(binValue[e] * inverse[slot]);
        binValue[e] += delta;
        double q = Math.rint(binValue[e] * inverse[slot]);
        block.bin(next, e, events, was, q);
    }

    @Override
    public void begin() {
        next = 0;
        java.util.Arrays.fill(level, 0);
        java.util.Arrays.fill(binRow, -1);
        for (StateRecorder r : series) {
            r.begin();
        }
        for (JumpRecorder r : driven) {
            r.begin();
        }
        for (FinalRecorder r : finals) {
            r.begin();
        }
    }

    @Override
    public void state(int k, double[] re, double[] im) {
        double[] x = rows;
        int o = k * width;
        if (r0 != null) {
            r0.state(k, re, im, x, o + offsets[0]);
        }
        if (r1 != null) {
            r1.state(k, re, im, x, o + offsets[1]);
        }
        if (r2 != null) {
            r2.state(k, re, im, x, o + offsets[2]);
        }
        if (r3 != null) {
            r3.state(k, re, im, x, o + offsets[3]);
        }
        if (r4 != null) {
            r4.state(k, re, im, x, o + offsets[4]);
        }
        for (int i = 0; i < rest.length; i++) {
            rest[i].state(k, re, im, x, o + offsets[5 + i]);
        }
        next = k + 1;
        if (k == last && finals.length > 0) {
            recordFinal(re, im, false);
        }
    }

    /**
     * The mixed conditional state at grid point k: every recorder writes its row from ρ, and at the last point the
     * final-only ones theirs ({@link FinalRecorder#endMixed}, which those that read only ψ refuse).
     */
    @Override
    public void mixed(int k, double[] re, double[] im) {
        for (int i = 0; i < series.length; i++) {
            series[i].mixed(k, re, im, rows, k * width + offsets[i]);
        }
        next = k + 1;
        if (k == last && finals.length > 0) {
            recordFinal(re, im, true);
        }
    }

    @Override
    public void homodyne(int step, double[] increments) {
        for (StateRecorder r : homodyne) {
            r.homodyne(step, increments);
        }
        for (FinalRecorder r : finalHomodyne) {
            r.homodyne(step, increments);
        }
    }

    /**
     * The final-only quantities, once per trajectory. Kept out of {@link #state} so that its rare, long body (136
     * products for the covariance) does not weigh on the compiled code of the path taken at every grid point.
     */
    private void recordFinal(double[] re, double[] im, boolean mixed) {
        for (int i = 0; i < finals.length; i++) {
            if (mixed) {
                finals[i].endMixed(re, im, finalRow, finalOffsets[i]);
            } else {
                finals[i].end(re, im, finalRow, finalOffsets[i]);
            }
        }
        block.addFinal(finalRow, inverse, width, finalBase);
    }

    @Override
    public void jump(int channel, int bath, double energy, double time) {
        if (j0 != null) {
            j0.jump(channel, bath, energy, time);
        }
        if (j1 != null) {
            j1.jump(channel, bath, energy, time);
        }
        for (JumpListener r : jumpRest) {
            r.jump(channel, bath, energy, time);
        }
        if (e0 != null) {
            e0.jump(channel, bath, energy, time, this, e0Offset);
        }
        for (int i = 0; i < eventRest.length; i++) {
            eventRest[i].jump(channel, bath, energy, time, this, eventOffsets[1 + i]);
        }
    }

    @Override
    public void collided(Side side, double[] re, double[] im) {
        for (StateRecorder r : collisions) {
            r.collided(side, re, im);
        }
    }

    @Override
    public void collided(int bath, double[] re, double[] im) {
        for (StateRecorder r : machineCollisions) {
            r.collided(bath, re, im);
        }
    }

    @Override
    public boolean hearsCollisions() {
        return machineCollisions.length > 0;
    }

    @Override
    public void end() {
        block.addRows(rows, rowInverse);
    }

    /**
     * Reads the volatile flag at every 64th poll only: the engines poll at every grid point and jump, and a volatile
     * read there, an ordering barrier for the JIT, cost about 5 % of a trajectory. A stop still takes effect within
     * microseconds.
     */
    @Override
    public boolean cancelled() {
        return (++polls & 63) == 0 && stop.raised();
    }
}
