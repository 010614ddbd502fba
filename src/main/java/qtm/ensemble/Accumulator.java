package qtm.ensemble;

import qtm.engine.TrajectoryObserver;
import qtm.linalg.HermitianBasis;
import qtm.model.Jump;
import qtm.model.Model;
import qtm.model.Side;
import qtm.model.TimeGrid;
import qtm.stats.Covariance;
import qtm.stats.RunningSums;

/**
 * The observer that turns trajectories into running sums: ρ = |ψ⟩⟨ψ| coordinates, pure-state concurrence and the
 * formula heat on every grid point, and jump energy and counts per bin. Nothing of a trajectory is kept beyond the
 * current bin. Mutable; one per thread or chunk.
 */
final class Accumulator implements TrajectoryObserver {
    private final RunningSums sums;
    private final Covariance last;
    private final int lastPoint;
    private final double binWidth;
    private final double[] heatWeightCold = new double[4];
    private final double[] heatWeightHot = new double[4];
    private final int[] row;
    private final int[] col;
    private final double[] coordinates = new double[Layout.RHO_SIZE];
    private final double[] block = new double[Layout.WIDTH];
    private double binEnergyCold;
    private double binEnergyHot;
    private int binJumpsCold;
    private int binJumpsHot;

    Accumulator(Model model, TimeGrid grid) {
        this.sums = new RunningSums(Layout.WIDTH * grid.points());
        this.last = new Covariance(Layout.RHO_SIZE);
        this.lastPoint = grid.points() - 1;
        this.binWidth = grid.step();
        // Heat by the formula is Σ_j γ_j ω_j ⟨A_j†A_j⟩, a diagonal functional: weight per basis state.
        for (Jump j : model.jumps()) {
            double[] w = j.side() == Side.COLD ? heatWeightCold : heatWeightHot;
            for (int c = 0; c < 4; c++) {
                for (int r = 0; r < 4; r++) {
                    double a = j.operator().getReal(r, c);
                    double b = j.operator().getImag(r, c);
                    w[c] += j.rate() * j.energy() * (a * a + b * b);
                }
            }
        }
        int pairs = 6;
        row = new int[pairs];
        col = new int[pairs];
        int m = 0;
        for (int i = 0; i < 4; i++) {
            for (int k = i + 1; k < 4; k++) {
                row[m] = i;
                col[m] = k;
                m++;
            }
        }
        assert checkBasisOrder();
    }

    private boolean checkBasisOrder() {
        HermitianBasis basis = new HermitianBasis(4);
        return basis.element(4).getReal(0, 1) == 1 && basis.element(5).getImag(0, 1) == 1;
    }

    RunningSums sums() {
        return sums;
    }

    Covariance last() {
        return last;
    }

    @Override
    public void begin() {
        binEnergyCold = 0;
        binEnergyHot = 0;
        binJumpsCold = 0;
        binJumpsHot = 0;
    }

    @Override
    public void state(int k, double[] re, double[] im) {
        double[] x = block;
        for (int i = 0; i < 4; i++) {
            x[i] = re[i] * re[i] + im[i] * im[i];
        }
        for (int m = 0; m < row.length; m++) {
            int r = row[m];
            int c = col[m];
            // ρ_rc = ψ_r ψ_c*
            x[4 + 2 * m] = re[r] * re[c] + im[r] * im[c];
            x[4 + 2 * m + 1] = im[r] * re[c] - re[r] * im[c];
        }
        double detRe = re[0] * re[3] - im[0] * im[3] - (re[1] * re[2] - im[1] * im[2]);
        double detIm = re[0] * im[3] + im[0] * re[3] - (re[1] * im[2] + im[1] * re[2]);
        x[Layout.PURE_CONCURRENCE] = 2 * Math.sqrt(detRe * detRe + detIm * detIm);
        double qc = 0;
        double qh = 0;
        for (int i = 0; i < 4; i++) {
            qc += heatWeightCold[i] * x[i];
            qh += heatWeightHot[i] * x[i];
        }
        x[Layout.HEAT_FORMULA] = qc;
        x[Layout.HEAT_FORMULA + 1] = qh;
        int base = k * Layout.WIDTH;
        if (k > 0) {
            x[Layout.HEAT_COUNT] = binEnergyCold / binWidth;
            x[Layout.HEAT_COUNT + 1] = binEnergyHot / binWidth;
            x[Layout.JUMPS] = binJumpsCold;
            x[Layout.JUMPS + 1] = binJumpsHot;
            binEnergyCold = 0;
            binEnergyHot = 0;
            binJumpsCold = 0;
            binJumpsHot = 0;
            sums.add(base, x, Layout.WIDTH);
        } else {
            // No bin ends at t = 0: the counting series stay empty there.
            sums.add(base, x, Layout.HEAT_COUNT);
        }
        if (k == lastPoint) {
            System.arraycopy(x, 0, coordinates, 0, Layout.RHO_SIZE);
            last.add(coordinates);
        }
    }

    @Override
    public void jump(Side side, double energy, double time) {
        if (side == Side.COLD) {
            binEnergyCold += energy;
            binJumpsCold++;
        } else {
            binEnergyHot += energy;
            binJumpsHot++;
        }
    }

    @Override
    public void end() {
        sums.endSample();
    }

    void merge(Accumulator other) {
        sums.merge(other.sums);
        last.merge(other.last);
    }
}
