package qtm.exact;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import qtm.math.HermitianBasis;
import qtm.model.Jump;
import qtm.model.MachineChannel;
import qtm.model.Model;

/**
 * What every waiting-time distribution of one machine is built from: its generator L in {@link HermitianBasis}
 * coordinates, the steady state ρ∞, and per bath the sum of the jump terms ρ ↦ γAρA† of its counted channels (those
 * that move energy, N_k ≠ 0). A two-qubit model's and a machine's are made here alike, so that {@link WaitingTimes}
 * has one path for both. A machine's distributions are evaluated through the eigendecomposition of L − J where it
 * is well conditioned ({@link FreeEvolution}); the presets keep one exponential per τ. Immutable; the matrices are
 * shared read-only.
 */
final class WaitingSource {
    private final HermitianBasis basis;
    private final DMatrixRMaj generator;
    private final double[] steady;
    private final DMatrixRMaj[] terms;
    private final List<String> baths;
    private final boolean spectral;

    private WaitingSource(HermitianBasis basis, DMatrixRMaj generator, double[] steady, DMatrixRMaj[] terms,
            List<String> baths, boolean spectral) {
        this.spectral = spectral;
        this.basis = basis;
        this.generator = generator;
        this.steady = steady;
        this.terms = terms;
        this.baths = List.copyOf(baths);
    }

    /**
     * @param model a two-qubit model (baths cold and hot)
     * @return its source
     * @throws IllegalArgumentException if its steady state is not unique
     */
    static WaitingSource of(Model model) {
        if (!model.hasUniqueSteadyState()) {
            throw new IllegalArgumentException("waiting times need a unique steady state");
        }
        Liouvillian l = new Liouvillian(model);
        HermitianBasis basis = l.basis();
        DMatrixRMaj generator = l.matrix();
        int n = basis.size();
        DMatrixRMaj[] terms = {new DMatrixRMaj(n, n), new DMatrixRMaj(n, n)};
        for (Jump j : model.jumps()) {
            if (j.rate() != 0 && j.energy() != 0) {
                CommonOps_DDRM.addEquals(terms[j.side().bath()], l.jumpTerm(j));
            }
        }
        double[] steady = basis.coordinates(SteadyState.solve(generator.copy(), basis), new double[n]);
        // The presets' pinned outputs were made with one exponential per τ: they keep it.
        return new WaitingSource(basis, generator, steady, terms, List.of("cold", "hot"), false);
    }

    /**
     * @param exact a machine's exact layer (its steady state is unique by construction)
     * @return its source
     */
    static WaitingSource of(MachineExact exact) {
        HermitianBasis basis = exact.basis();
        int n = basis.size();
        List<String> baths = exact.machine().bathNames();
        DMatrixRMaj[] terms = new DMatrixRMaj[baths.size()];
        for (int k = 0; k < terms.length; k++) {
            terms[k] = new DMatrixRMaj(n, n);
        }
        for (MachineChannel c : exact.machine().channels()) {
            if (c.rate() > 0 && c.count() != 0) {
                CommonOps_DDRM.addEquals(terms[c.bath()], Liouvillian.jumpTerm(basis, c.operator(), c.rate()));
            }
        }
        double[] steady = basis.coordinates(exact.steadyState(), new double[n]);
        return new WaitingSource(basis, exact.generator(), steady, terms, baths, true);
    }

    /**
     * A machine's source with one term per channel instead of per bath (issue 25, waiting times between channels):
     * term c is channel c's jump term γAρA† (zero for a channel of rate 0), whether or not the channel moves energy,
     * and its name is the channel's label, as jump records name it.
     *
     * @param exact a machine's exact layer
     * @return its source, indexed as {@code Machine.channels()}
     */
    static WaitingSource channels(MachineExact exact) {
        HermitianBasis basis = exact.basis();
        int n = basis.size();
        List<MachineChannel> channels = exact.machine().channels();
        DMatrixRMaj[] terms = new DMatrixRMaj[channels.size()];
        for (int c = 0; c < terms.length; c++) {
            MachineChannel ch = channels.get(c);
            terms[c] = ch.rate() > 0 ? Liouvillian.jumpTerm(basis, ch.operator(), ch.rate()) : new DMatrixRMaj(n, n);
        }
        double[] steady = basis.coordinates(exact.steadyState(), new double[n]);
        return new WaitingSource(basis, exact.generator(), steady, terms,
                channels.stream().map(MachineChannel::label).toList(), true);
    }

    /**
     * The same source with bath k's counted jumps seen by an imperfect detector (issue 28): its term becomes
     * 𝒥 = η J + θ·1, the detected jumps and the dark clicks, which leave the state as it is.
     *
     * @param bath the bath's index
     * @param efficiency η
     * @param darkRate θ
     * @return the new source; the others' terms, L and ρ∞ are shared
     */
    WaitingSource detected(int bath, double efficiency, double darkRate) {
        DMatrixRMaj[] out = terms.clone();
        out[bath] = terms[bath].copy();
        CommonOps_DDRM.scale(efficiency, out[bath]);
        for (int i = 0; i < out[bath].numRows; i++) {
            out[bath].add(i, i, darkRate);
        }
        return new WaitingSource(basis, generator, steady, out, baths, spectral);
    }

    HermitianBasis basis() {
        return basis;
    }

    /** @return L, shared: never modify it */
    DMatrixRMaj generator() {
        return generator;
    }

    /** @return ρ∞'s coordinates, shared */
    double[] steady() {
        return steady;
    }

    /** @return bath k's counted jump terms, shared: never modify them */
    DMatrixRMaj term(int bath) {
        return terms[bath];
    }

    /** @return whether e^{(L−J)τ} may be evaluated through its eigendecomposition ({@link FreeEvolution}) */
    boolean spectral() {
        return spectral;
    }

    /** @return the number of baths */
    int baths() {
        return terms.length;
    }

    /** @return bath k's name */
    String bath(int k) {
        return baths.get(k);
    }

    /** @return Tr J_k ρ∞, the stationary rate of bath k's counted jumps */
    double rate(int bath) {
        return qtm.math.RealVectors.dot(basis.traceFunctional(), qtm.math.RealVectors.mult(terms[bath], steady));
    }
}
