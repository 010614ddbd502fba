package qtm.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;
import qtm.math.Ops;
import qtm.model.Approach;
import qtm.model.BathKind;
import qtm.model.Coupling;
import qtm.model.Ladder;
import qtm.model.Machine;
import qtm.model.MachineBath;
import qtm.model.Site;
import qtm.model.TimeGrid;

/**
 * Issue 25: the exact heat of the collision model over one grid interval, the collision engine's last-bin reference on
 * a machine, against stepping the step of {@link ScratchCollision} (written from the text) one collision at a
 * time and booking each ancilla's energy change from the joint state V(ρ⊗ρ_A)V†, from a random mixed state, to 1e-10
 * of the largest heat. Both ways of summing the interval's steps are taken: step by step (15 and 40 steps on 6 random
 * machines of mixed bath kinds, seed 77) and by doubling (1,000 and 1,001 steps on a qubit and a harmonic qutrit with
 * a bosonic and a reset bath).
 */
public class MachineCollisionIntervalHeatTest {
    @Test
    void stepByStepOnRandomMachines() {
        SplittableRandom r = new SplittableRandom(77);
        for (int i = 0; i < 6; i++) {
            Machine m = MachineCollisionThermodynamicsTest.random(r);
            for (int steps : new int[] {15, 40}) {
                assertFalse(MachineCollisionIntervalHeat.doubles(steps, m.baths().size(), m.dimension() * m.dimension()));
                check("machine " + i, m, randomState(m.dimension(), r), 5 + 5 * r.nextDouble(), steps);
            }
        }
    }

    @Test
    void byDoublingOverManySteps() {
        Machine m = new Machine(Approach.LOCAL,
                List.of(new Site("c", 0.0, 1.0), new Site("h", new double[] {0.0, 1.0, 2.0}, Ladder.HARMONIC)),
                List.of(new Coupling.Exchange("c", "h", 0.04), new Coupling.Density("c", "h", 0.3)),
                List.of(new MachineBath("cold", "c", BathKind.BOSONIC, 0.5, 0.03),
                        new MachineBath("hot", "h", BathKind.RESET, 3.0, 0.02)));
        SplittableRandom r = new SplittableRandom(78);
        for (int steps : new int[] {1000, 1001}) {
            assertTrue(MachineCollisionIntervalHeat.doubles(steps, 2, 36));
            check("qutrit", m, randomState(6, r), 10, steps);
        }
    }

    private static void check(String name, Machine m, ZMatrixRMaj rho, double width, int steps) {
        double dt = width / steps;
        double[] got = new MachineCollisionIntervalHeat(m, new TimeGrid(width, 2), dt).perTime(rho);
        double[] want = scratch(m, rho, dt, steps, width);
        double scale = 0;
        for (double q : want) {
            scale = Math.max(scale, Math.abs(q));
        }
        for (int b = 0; b < want.length; b++) {
            assertEquals(want[b], got[b], 1e-10 * scale, name + ", " + steps + " steps, bath " + b);
        }
    }

    /** Heat per bath over the steps ÷ width, each collision booked as its ancilla's energy change. */
    public static double[] scratch(Machine m, ZMatrixRMaj rho0, double dt, int steps, double width) {
        ScratchCollision c = new ScratchCollision(m, dt);
        double[] q = new double[m.baths().size()];
        ZMatrixRMaj rho = rho0.copy();
        for (int s = 0; s < steps; s++) {
            rho = Ops.mult(Ops.mult(c.unitary, rho), Ops.dagger(c.unitary));
            for (ScratchCollision.Event e : c.events) {
                q[e.bath()] += ancillaGain(e, rho);
                rho = ScratchCollision.collide(e, rho);
            }
        }
        for (int b = 0; b < q.length; b++) {
            q[b] /= width;
        }
        return q;
    }

    /** Σ_x E_x (p′_x − p_x Tr ρ) with p′ the ancilla's populations in V(ρ⊗diag p)V† (index s·d_A + a). */
    static double ancillaGain(ScratchCollision.Event e, ZMatrixRMaj rho) {
        int da = e.ancilla().length;
        ZMatrixRMaj a = new ZMatrixRMaj(da, da);
        for (int x = 0; x < da; x++) {
            a.set(x, x, e.ancilla()[x], 0);
        }
        ZMatrixRMaj joint = Ops.mult(Ops.mult(e.joint(), Ops.kron(rho, a)), Ops.dagger(e.joint()));
        double trace = 0;
        for (int s = 0; s < rho.numRows; s++) {
            trace += rho.getReal(s, s);
        }
        double q = 0;
        for (int x = 0; x < da; x++) {
            double p = 0;
            for (int s = 0; s < rho.numRows; s++) {
                p += joint.getReal(s * da + x, s * da + x);
            }
            q += e.energies()[x] * (p - trace * e.ancilla()[x]);
        }
        return q;
    }

    /** G G† / Tr for a random complex G: a full-rank mixed state with coherences. */
    static ZMatrixRMaj randomState(int d, SplittableRandom r) {
        ZMatrixRMaj g = new ZMatrixRMaj(d, d);
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                g.set(i, j, r.nextGaussian(), r.nextGaussian());
            }
        }
        ZMatrixRMaj rho = Ops.mult(g, Ops.dagger(g));
        return Ops.scale(1 / Ops.traceRe(rho), 0, rho);
    }
}
