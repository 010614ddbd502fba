package qtm.model;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one rule for the names of a machine's sites and baths (issue 24): they become JSON keys, CSV column parts and
 * {@code --set} paths, so they are short lower-case identifiers, and the few words the output already uses for its own
 * columns are reserved.
 */
public final class MachineNames {
    /** {@code [a-z][a-z0-9]{0,11}}. */
    static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]{0,11}");
    /** Output keys that a site or bath name would collide with. */
    static final Set<String> RESERVED = Set.of("tur", "entropy_production", "counts", "dt");

    private MachineNames() {
    }

    /**
     * @param what "site" or "bath", for the message
     * @param name the name
     * @throws IllegalArgumentException if the name is null, reserved or malformed
     */
    public static void check(String what, String name) {
        if (name == null) {
            throw new IllegalArgumentException(what + " name is required");
        }
        if (RESERVED.contains(name)) {
            throw new IllegalArgumentException(what + " name '" + name + "' is reserved (tur, entropy_production, "
                    + "counts and dt name output columns)");
        }
        if (!NAME.matcher(name).matches()) {
            // Quoted only when short and plain, so that a malformed name cannot smuggle control characters out.
            String shown = name.length() <= 40 && name.chars().allMatch(c -> c >= 0x20 && c < 0x7f)
                    ? "'" + name + "'" : "(of " + name.length() + " characters)";
            throw new IllegalArgumentException(what + " name " + shown
                    + " is malformed: expected a lower-case letter then up to 11 lower-case letters or digits, "
                    + "[a-z][a-z0-9]{0,11}");
        }
    }
}
