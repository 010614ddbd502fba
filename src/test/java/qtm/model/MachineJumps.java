package qtm.model;

import java.util.List;

/**
 * Test-only bridge from a two-bath, two-qubit machine's channels to the shipped {@link Jump}s, so that the exact layer
 * ({@code qtm.exact.Liouvillian}) can be held to the existing models: bath 0 is the cold side, bath 1 the hot.
 */
final class MachineJumps {
    private MachineJumps() {
    }

    static List<Jump> of(Machine machine) {
        if (machine.baths().size() != 2 || machine.dimension() != 4) {
            throw new IllegalArgumentException("only two-qubit, two-bath machines have Jumps");
        }
        return machine.channels().stream()
                .map(c -> new Jump(Side.values()[c.bath()], c.operator(), c.rate(), c.energy(), c.label()))
                .toList();
    }
}
