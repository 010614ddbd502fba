package qtm.scenario;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import qtm.input.InputException;
import qtm.model.DotModel;
import qtm.model.Machine;
import qtm.model.MachineBath;
import qtm.model.Model;
import qtm.model.ResetModel;
import qtm.model.Side;

/**
 * Reads {@code diffusive: {dt: h, <bath>: {phase: φ}}} (issue 29) and refuses the engine where homodyne detection has
 * no meaning qtm accepts. A bath cannot be called {@code dt}: the machine's bath names follow its site-name rule, which
 * already excludes {@code dt} ({@link MachineReader}), and the presets' baths are cold and hot.
 *
 * <p>As with {@code collision}, the section is read and checked whether or not {@code engines} lists the diffusive
 * engine, and has no effect without it: a scenario can carry both engines' settings and switch engines with
 * {@code --set engines=...} alone.
 */
final class DiffusiveReader {
    /** The engine's name in {@code engines}. */
    static final String ENGINE = "diffusive";
    /** Why a reset bath is not watched, for the refusals and the guide. */
    static final String RESET_REASON = "a reset bath's jump operators are one arbitrary decomposition of its channel "
            + "(other decompositions give the same master equation but different homodyne records)";
    /** Why a fermionic bath is not watched. */
    static final String FERMION_REASON = "homodyning a fermionic bath mixes states of even and odd fermion number, "
            + "the coherence qtm refuses (parity superselection)";

    private DiffusiveReader() {
    }

    /**
     * The bath facts the checks need, by bath name in model order.
     *
     * @param kind each bath's kind: bosonic, fermionic or reset
     * @param rate each bath's rate (0: the bath has no channel to watch)
     */
    record Bath(String kind, double rate) {
    }

    /**
     * @param root the scenario's root mapping
     * @param baths the model's baths by name, in model order
     * @param engines the engines the scenario runs
     * @return the settings; {@link Diffusive#DEFAULT} without a {@code diffusive} section
     * @throws InputException naming the key for an unknown bath or key, a bad step or phase, a bath without a
     *     channel, or the engine listed on a model with a reset or fermionic bath
     */
    static Diffusive read(Node root, Map<String, Bath> baths, List<String> engines) {
        if (engines.contains(ENGINE)) {
            for (Map.Entry<String, Bath> e : baths.entrySet()) {
                String why = refusal(e.getValue().kind());
                if (why != null) {
                    throw root.error("engines", "the diffusive engine watches bosonic baths only; bath "
                            + e.getKey() + " is " + e.getValue().kind() + ": " + why);
                }
            }
        }
        if (!root.has(ENGINE)) {
            return Diffusive.DEFAULT;
        }
        Node d = root.child(ENGINE);
        List<String> names = List.copyOf(baths.keySet());
        double dt = Double.NaN;
        Map<String, Double> phases = new LinkedHashMap<>();
        for (String key : d.keys()) {
            if (key.equals("dt")) {
                dt = d.number("dt", Double.MIN_VALUE, Double.MAX_VALUE);
                continue;
            }
            if (!baths.containsKey(key)) {
                throw d.error(key, "unknown key; expected dt or a bath name (the baths are " + String.join(", ", names)
                        + ")" + Nearest.didYouMean(key, names));
            }
            Bath b = baths.get(key);
            String why = refusal(b.kind());
            if (why != null) {
                throw d.error(key, "a bosonic bath; " + key + " is " + b.kind() + ": " + why);
            }
            if (!(b.rate() > 0)) {
                throw d.error(key, "a bath with a channel to watch; " + key + " has rate 0, so no channel");
            }
            Node p = d.child(key);
            p.allowOnly(Set.of("phase"));
            if (p.has("phase")) {
                try {
                    phases.put(key, p.number("phase", -Double.MAX_VALUE, Double.MAX_VALUE));
                } catch (InputException e) {
                    throw p.error("phase", "expected a finite number: the local oscillator's phase in radians");
                }
            }
        }
        return new Diffusive(dt, phases);
    }

    /**
     * @param model a preset
     * @return its baths cold and hot: the reset model's are reset baths, the double dot's fermionic leads
     */
    static Map<String, Bath> baths(Model model) {
        String kind = model instanceof ResetModel ? "reset" : model instanceof DotModel ? "fermionic" : "bosonic";
        Map<String, Bath> out = new LinkedHashMap<>();
        for (Side side : Side.values()) {
            out.put(side.key(), new Bath(kind, model.bath(side).rate()));
        }
        return out;
    }

    /**
     * @param machine a machine
     * @return its baths by name
     */
    static Map<String, Bath> baths(Machine machine) {
        Map<String, Bath> out = new LinkedHashMap<>();
        for (MachineBath b : machine.baths()) {
            out.put(b.name(), new Bath(b.kind().key(), b.rate()));
        }
        return out;
    }

    /** @return why a bath of that kind is not watched, or null for a bosonic bath */
    private static String refusal(String kind) {
        return switch (kind) {
            case "reset" -> RESET_REASON;
            case "fermionic" -> FERMION_REASON;
            default -> null;
        };
    }
}
