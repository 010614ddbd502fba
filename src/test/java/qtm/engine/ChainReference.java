package qtm.engine;

import java.util.List;
import java.util.Locale;
import org.ejml.data.ZMatrixRMaj;
import qtm.exact.MachineExact;
import qtm.math.Ops;
import qtm.model.Machine;
import qtm.model.MachineChannel;
import qtm.model.TimeGrid;

/**
 * Prints, as JSON on stdout, the machine {@link MachineEngineBenchmark} runs as {@code chain-general}
 * ({@link TestMachines#benchChain}): its H, every channel's jump operator √rate·A with its label, and the exact
 * populations ⟨i|ρ(t_k)|i⟩ from |000⟩ on the benchmark's grid (21 points on [0, 2000]) by {@link MachineExact}. The
 * QuTiP comparison ({@code src/site/scripts/qutip-speed.sh}) builds its own model from the words and checks
 * it against these matrices and numbers, so that the two speeds it compares are speeds of the same simulation. Not a
 * test: nothing here is asserted; the Python side asserts.
 */
public final class ChainReference {
    private ChainReference() {
    }

    /**
     * @param args none
     */
    public static void main(String[] args) {
        Machine m = TestMachines.benchChain();
        int d = m.dimension();
        TimeGrid grid = new TimeGrid(2000, 21);
        List<ZMatrixRMaj> rho = new MachineExact(m).evolve(Ops.unit(d, 0, 0), grid);
        StringBuilder out = new StringBuilder("{\n\"d\": ").append(d).append(",\n\"H\": ");
        matrix(out, m.hamiltonian(), 1.0);
        out.append(",\n\"channels\": [");
        List<MachineChannel> channels = m.channels();
        for (int c = 0; c < channels.size(); c++) {
            MachineChannel ch = channels.get(c);
            out.append(c == 0 ? "\n" : ",\n").append("{\"label\": \"").append(ch.label()).append("\", \"rate\": ")
                    .append(num(ch.rate())).append(", \"op\": ");
            matrix(out, ch.operator(), Math.sqrt(ch.rate()));
            out.append('}');
        }
        out.append("],\n\"times\": [");
        for (int k = 0; k < grid.points(); k++) {
            out.append(k == 0 ? "" : ", ").append(num(grid.time(k)));
        }
        out.append("],\n\"populations\": [");
        for (int k = 0; k < grid.points(); k++) {
            out.append(k == 0 ? "\n[" : ",\n[");
            for (int i = 0; i < d; i++) {
                out.append(i == 0 ? "" : ", ").append(num(rho.get(k).getReal(i, i)));
            }
            out.append(']');
        }
        out.append("]\n}\n");
        System.out.print(out);
    }

    private static void matrix(StringBuilder out, ZMatrixRMaj a, double scale) {
        StringBuilder re = new StringBuilder("[");
        StringBuilder im = new StringBuilder("[");
        for (int i = 0; i < a.numRows; i++) {
            re.append(i == 0 ? "[" : ", [");
            im.append(i == 0 ? "[" : ", [");
            for (int j = 0; j < a.numCols; j++) {
                re.append(j == 0 ? "" : ", ").append(num(scale * a.getReal(i, j)));
                im.append(j == 0 ? "" : ", ").append(num(scale * a.getImag(i, j)));
            }
            re.append(']');
            im.append(']');
        }
        out.append("{\"re\": ").append(re).append("], \"im\": ").append(im).append("]}");
    }

    private static String num(double x) {
        return String.format(Locale.ROOT, "%.17g", x);
    }
}
