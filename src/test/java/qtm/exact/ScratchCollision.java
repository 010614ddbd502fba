package qtm.exact;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.ejml.data.ZMatrixRMaj;
import qtm.math.Hermitian;
import qtm.math.Ops;
import qtm.model.BathKind;
import qtm.model.Machine;
import qtm.model.MachineBath;
import qtm.model.MachineChannel;
import qtm.model.Site;

/**
 * The collision step of issue 25 written from its text, independently of {@code MachineCollision} and its exact
 * layer: e^{−iHΔt} and e^{−iθG} by a Taylor series with scaling and squaring, the Kraus operators read off the joint
 * unitary on system⊗ancilla, the reset's Kraus operators and Gibbs state from the site's levels, the order from the
 * text (the unitary, then the baths in file order, each bath's channels by increasing ω). It takes H and the Lindblad
 * channels A_ω (with their rates) from the machine, which issue 24's tests hold.
 */
public final class ScratchCollision {
    /** One collision: its Kraus operators, and the joint unitary and ancilla it was built from. */
    public record Event(int bath, List<ZMatrixRMaj> kraus, ZMatrixRMaj joint, double[] ancilla, double[] energies) {
    }

    public final ZMatrixRMaj unitary;
    public final List<Event> events = new ArrayList<>();

    public ScratchCollision(Machine m, double dt) {
        unitary = expMinusI(m.hamiltonian(), dt);
        List<MachineChannel> all = m.channels();
        int d = m.dimension();
        for (int k = 0; k < m.baths().size(); k++) {
            MachineBath bath = m.baths().get(k);
            if (bath.kind() == BathKind.RESET) {
                events.add(reset(m, k, bath, dt));
                continue;
            }
            final int b = k;
            List<MachineChannel> lowering = new ArrayList<>(all.stream().filter(c -> c.bath() == b && c.energy() > 0)
                    .toList());
            lowering.sort(Comparator.comparingDouble(MachineChannel::energy));
            for (MachineChannel down : lowering) {
                ZMatrixRMaj a = down.operator();
                MachineChannel up = all.stream().filter(c -> c.bath() == b
                        && Ops.maxAbsDiff(c.operator(), Ops.dagger(a)) == 0).findFirst().orElseThrow();
                double sum = down.rate() + up.rate();
                if (sum == 0) {
                    continue;
                }
                double q = up.rate() / sum;
                double theta = Math.sqrt(sum * dt);
                ZMatrixRMaj plus = Ops.unit(2, 1, 0);
                ZMatrixRMaj g = Ops.add(1.0, Ops.kron(a, plus), 1.0, Ops.kron(Ops.dagger(a), Ops.dagger(plus)));
                ZMatrixRMaj v = expMinusI(g, theta);
                double[] p = {1 - q, q};
                List<ZMatrixRMaj> kraus = new ArrayList<>();
                for (int from = 0; from < 2; from++) {
                    for (int to = 0; to < 2; to++) {
                        ZMatrixRMaj kk = new ZMatrixRMaj(d, d);
                        for (int i = 0; i < d; i++) {
                            for (int j = 0; j < d; j++) {
                                kk.set(i, j, Math.sqrt(p[from]) * v.getReal(2 * i + to, 2 * j + from),
                                        Math.sqrt(p[from]) * v.getImag(2 * i + to, 2 * j + from));
                            }
                        }
                        kraus.add(kk);
                    }
                }
                events.add(new Event(k, kraus, v, p, new double[] {0, down.heat()}));
            }
        }
    }

    /** Kraus √(1−p)·1 and √(pτ_n)|n⟩⟨m|; the joint unitary is the coin-controlled SWAP on S⊗coin⊗copy. */
    private static Event reset(Machine m, int k, MachineBath bath, double dt) {
        int s = m.siteIndex(bath.site());
        Site site = m.sites().get(s);
        int ds = site.dimension();
        double[] tau = gibbs(site, bath.temperature());
        double p = bath.rate() * dt;
        int d = m.dimension();
        List<ZMatrixRMaj> kraus = new ArrayList<>();
        kraus.add(Ops.scale(Math.sqrt(1 - p), 0, identity(d)));
        for (int n = 0; n < ds; n++) {
            for (int mm = 0; mm < ds; mm++) {
                kraus.add(m.space().embed(s, Ops.scale(Math.sqrt(p * tau[n]), 0, Ops.unit(ds, n, mm))));
            }
        }
        int da = 2 * ds;
        ZMatrixRMaj v = new ZMatrixRMaj(d * da, d * da);
        double[] ancilla = new double[da];
        double[] energies = new double[da];
        for (int x = 0; x < ds; x++) {
            ancilla[x] = (1 - p) * tau[x];
            ancilla[ds + x] = p * tau[x];
            energies[x] = site.level(x) - site.level(0);
            energies[ds + x] = energies[x];
        }
        for (int i = 0; i < d; i++) {
            int n = m.space().level(i, s);
            for (int x = 0; x < ds; x++) {
                v.set(i * da + x, i * da + x, 1, 0);
                int swapped = -1;
                for (int j = 0; j < d; j++) {
                    if (m.space().level(j, s) == x && sameElsewhere(m, i, j, s)) {
                        swapped = j;
                    }
                }
                v.set(swapped * da + ds + n, i * da + ds + x, 1, 0);
            }
        }
        return new Event(k, kraus, v, ancilla, energies);
    }

    private static boolean sameElsewhere(Machine m, int i, int j, int s) {
        for (int t = 0; t < m.sites().size(); t++) {
            if (t != s && m.space().level(i, t) != m.space().level(j, t)) {
                return false;
            }
        }
        return true;
    }

    static double[] gibbs(Site site, double t) {
        int n = site.dimension();
        double[] w = new double[n];
        double z = 0;
        for (int i = 0; i < n; i++) {
            double e = site.level(i) - site.level(0);
            w[i] = Double.isInfinite(t) ? 1 : t == 0 ? (i == 0 ? 1 : 0) : Math.exp(-e / t);
            z += w[i];
        }
        for (int i = 0; i < n; i++) {
            w[i] /= z;
        }
        return w;
    }

    /** One whole step. */
    public ZMatrixRMaj apply(ZMatrixRMaj rho) {
        ZMatrixRMaj out = Ops.mult(Ops.mult(unitary, rho), Ops.dagger(unitary));
        for (Event e : events) {
            out = collide(e, out);
        }
        return out;
    }

    public static ZMatrixRMaj collide(Event e, ZMatrixRMaj rho) {
        ZMatrixRMaj next = new ZMatrixRMaj(rho.numRows, rho.numCols);
        for (ZMatrixRMaj k : e.kraus()) {
            next = Ops.add(1.0, next, 1.0, Ops.mult(Ops.mult(k, rho), Ops.dagger(k)));
        }
        return next;
    }

    /** e^{−iXt} for Hermitian X by a Taylor series of 40 terms after scaling ‖Xt‖ below 1/2, then squaring. */
    static ZMatrixRMaj expMinusI(ZMatrixRMaj x, double t) {
        int n = x.numRows;
        double norm = 0;
        for (int i = 0; i < n; i++) {
            double row = 0;
            for (int j = 0; j < n; j++) {
                row += Math.hypot(x.getReal(i, j), x.getImag(i, j));
            }
            norm = Math.max(norm, row);
        }
        int squarings = 0;
        double scale = Math.abs(t);
        while (norm * scale > 0.5) {
            scale /= 2;
            squarings++;
        }
        ZMatrixRMaj step = Ops.scale(0, -Math.signum(t) * scale, x);
        ZMatrixRMaj sum = identity(n);
        ZMatrixRMaj term = identity(n);
        for (int k = 1; k <= 40; k++) {
            term = Ops.scale(1.0 / k, 0, Ops.mult(term, step));
            sum = Ops.add(1.0, sum, 1.0, term);
        }
        for (int s = 0; s < squarings; s++) {
            sum = Ops.mult(sum, sum);
        }
        return sum;
    }

    static ZMatrixRMaj identity(int n) {
        ZMatrixRMaj id = new ZMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            id.set(i, i, 1, 0);
        }
        return id;
    }

    /** S(ρ) = −Tr ρ ln ρ. */
    static double entropy(ZMatrixRMaj rho) {
        double s = 0;
        for (double l : Hermitian.eigenvalues(rho)) {
            s -= l > 0 ? l * Math.log(l) : 0;
        }
        return s;
    }

    /**
     * The cumulative heat and switching work of each bath on a grid: Q_k the energy its collisions' ancillas gained
     * (each joint unitary applied to ρ_S ⊗ ρ_A, the ancilla's populations read off), W_k = ΔE_S + Q_k with ΔE_S the
     * change of Tr[Hρ_S] across each of its collisions.
     *
     * @param m the machine (its H)
     * @param rho0 the initial state
     * @param steps steps per grid interval
     * @param points grid points
     * @return [0] heat, [1] work, each [bath][grid point]
     */
    public double[][][] bookkeeping(Machine m, ZMatrixRMaj rho0, int steps, int points) {
        int baths = m.baths().size();
        double[][][] out = new double[2][baths][points];
        double[] q = new double[baths];
        double[] w = new double[baths];
        ZMatrixRMaj h = m.hamiltonian();
        ZMatrixRMaj rho = rho0.copy();
        for (int k = 1; k < points; k++) {
            for (int n = 0; n < steps; n++) {
                rho = Ops.mult(Ops.mult(unitary, rho), Ops.dagger(unitary));
                for (Event e : events) {
                    ZMatrixRMaj after = collide(e, rho);
                    double heat = ancillaGain(e, rho);
                    q[e.bath()] += heat;
                    w[e.bath()] += Ops.traceProductRe(h, after) - Ops.traceProductRe(h, rho) + heat;
                    rho = after;
                }
            }
            for (int b = 0; b < baths; b++) {
                out[0][b][k] = q[b];
                out[1][b][k] = w[b];
            }
        }
        return out;
    }

    /** Σ_a E_a (⟨a|Tr_S[V(ρ⊗ρ_A)V†]|a⟩ − p_a): the energy the collision's ancilla gained. */
    private static double ancillaGain(Event e, ZMatrixRMaj rho) {
        int d = rho.numRows;
        int da = e.ancilla().length;
        ZMatrixRMaj joint = new ZMatrixRMaj(d * da, d * da);
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                for (int a = 0; a < da; a++) {
                    joint.set(i * da + a, j * da + a, rho.getReal(i, j) * e.ancilla()[a],
                            rho.getImag(i, j) * e.ancilla()[a]);
                }
            }
        }
        ZMatrixRMaj after = Ops.mult(Ops.mult(e.joint(), joint), Ops.dagger(e.joint()));
        double gain = 0;
        for (int a = 0; a < da; a++) {
            double p = 0;
            for (int s = 0; s < d; s++) {
                p += after.getReal(s * da + a, s * da + a);
            }
            gain += e.energies()[a] * (p - e.ancilla()[a]);
        }
        return gain;
    }
}
