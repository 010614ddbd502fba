package qtm.model;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.ZMatrixRMaj;
import qtm.math.Ops;

/**
 * The reset collision of a reset bath on a machine, as for the paper's machine: with probability p = rate·Δt the
 * bath's site is replaced by its Gibbs state τ at T (ρ ↦ (1 − p)ρ + p τ ⊗ Tr_site ρ), otherwise nothing happens.
 *
 * @param bath the bath's index
 * @param site the index of the site it resets
 * @param probability p = rate·Δt, in [0, 1]
 * @param tau the Gibbs populations τ_n of the site's own levels (a copy is kept)
 * @param first index in {@link Machine#channels()} of the bath's first reset channel √(rate·τ_n)|n⟩⟨m|; the channel
 *     of (n, m) is first + n·d_site + m, as {@link MachineChannels} lists them
 * @param space the machine's space
 */
public record MachineReset(int bath, int site, double probability, double[] tau, int first, ProductSpace space)
        implements MachineCollision.Event {
    /** @throws IllegalArgumentException if p is not in [0, 1] */
    public MachineReset {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("reset probability must be in [0, 1], got " + probability);
        }
        tau = tau.clone();
    }

    @Override
    public double[] tau() {
        return tau.clone();
    }

    /** @return the site's number of levels */
    public int levels() {
        return tau.length;
    }

    /**
     * @return the Kraus operators √(1 − p)·1 and √(p τ_n)|n⟩⟨m| on the site, for every n with τ_n &gt; 0 and every m
     */
    @Override
    public List<ZMatrixRMaj> kraus() {
        int ds = tau.length;
        int d = space.dimension();
        List<ZMatrixRMaj> out = new ArrayList<>();
        if (probability < 1) {
            ZMatrixRMaj stay = new ZMatrixRMaj(d, d);
            for (int i = 0; i < d; i++) {
                stay.set(i, i, Math.sqrt(1 - probability), 0);
            }
            out.add(stay);
        }
        for (int n = 0; n < ds; n++) {
            if (tau[n] > 0 && probability > 0) {
                for (int m = 0; m < ds; m++) {
                    out.add(space.embed(site, Ops.scale(Math.sqrt(probability * tau[n]), 0, Ops.unit(ds, n, m))));
                }
            }
        }
        return out;
    }
}
