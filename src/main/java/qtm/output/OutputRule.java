package qtm.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import qtm.input.InputException;

/**
 * The checks of {@link OutputDirectory}'s rule that write nothing: a target is never the user's data (an empty path,
 * {@code /}, the current or home directory or an ancestor of either, a directory holding the scenario file, a
 * symbolic link, or a name too long for qtm's names beside it), and an existing directory is replaced only if qtm
 * wrote it ({@link OutputManifest#foreign}) and only with {@code --force}. Refusals are {@link InputException}s
 * naming the option that gave the directory.
 */
final class OutputRule {
    /** The end of a refusal that a new directory would avoid. */
    static final String ELSEWHERE = "; choose a new directory such as output/NAME";
    /** Longest last name of a target: {@code .NAME.qtm-trash-UUID} adds 52 bytes, and a name holds 255. */
    private static final int MAX_NAME_BYTES = 203;

    private OutputRule() {
    }

    /** The path rules that need no look inside: returns the target with its parent's real path. */
    static Path check(Who label, Path target, Path scenario) {
        String given = target.toString();
        if (given.isEmpty()) {
            throw new InputException(label.source(), label.key(), "\"\"",
                    "an empty path is the current directory, which qtm never writes into" + ELSEWHERE);
        }
        Path abs = target.toAbsolutePath().normalize();
        if (abs.getParent() == null) {
            throw refuse(label, given, "the root directory is never an output directory" + ELSEWHERE);
        }
        Path where = real(abs.getParent()).resolve(abs.getFileName());
        Path cwd = real(Path.of("").toAbsolutePath());
        if (cwd.startsWith(where) || cwd.startsWith(real(where))) {
            throw refuse(label, given, "is the current directory or contains it, which qtm never replaces" + ELSEWHERE);
        }
        for (String home : homes()) {
            Path h = real(Path.of(home).toAbsolutePath().normalize());
            if (h.startsWith(where) || h.startsWith(real(where))) {
                throw refuse(label, given,
                        "is the home directory or contains it, which qtm never replaces" + ELSEWHERE);
            }
        }
        if (scenario != null) {
            Path s = real(scenario.toAbsolutePath().normalize());
            if (s.startsWith(where) || s.startsWith(real(where))) {
                throw refuse(label, given,
                        "holds the scenario file " + scenario + ", which qtm never replaces" + ELSEWHERE);
            }
        }
        if (Files.isSymbolicLink(where)) {
            throw refuse(label, given, "is a symbolic link; qtm writes only real directories" + ELSEWHERE);
        }
        // Checked before anything is written: a longer name fits, but its staging and trash names do not.
        int bytes = where.getFileName().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (bytes > MAX_NAME_BYTES) {
            throw refuse(label, given, "its last name has " + bytes + " bytes; expected at most " + MAX_NAME_BYTES
                    + " (qtm's staging and trash names beside it add " + (255 - MAX_NAME_BYTES) + ", and a file name "
                    + "holds 255)");
        }
        return where;
    }

    /** Whether an existing target may be replaced: only a qtm result holding nothing else, and only when forced. */
    static void checkExisting(Who label, String given, Path where, boolean force) {
        if (!Files.exists(where, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (Files.isSymbolicLink(where)) {
            throw refuse(label, given, "is a symbolic link; qtm writes only real directories" + ELSEWHERE);
        }
        if (!Files.isDirectory(where, LinkOption.NOFOLLOW_LINKS)) {
            throw refuse(label, given,
                    "exists and is not a directory; qtm never replaces it, even with --force" + ELSEWHERE);
        }
        Optional<Path> foreign;
        try {
            foreign = OutputManifest.foreign(where);
        } catch (IOException | RuntimeException e) {
            throw refuse(label, given, "exists and cannot be read (" + e.getMessage()
                    + "); qtm replaces only directories it can check" + ELSEWHERE);
        }
        if (foreign.isPresent() && foreign.get().equals(where)) {
            throw refuse(label, given, "exists and was not written by qtm (it has no " + OutputManifest.FILE
                    + "); qtm never replaces it, even with --force" + ELSEWHERE);
        }
        if (foreign.isPresent()) {
            throw refuse(label, given, "holds " + foreign.get()
                    + ", which qtm did not write (or which was changed since); qtm never replaces it, even with "
                    + "--force: move it away" + ELSEWHERE.replace(";", " or"));
        }
        if (!force) {
            throw refuse(label, given, "exists (an earlier qtm result); pass --force to replace it, or choose another "
                    + "directory");
        }
    }

    static InputException refuse(Who label, String given, String why) {
        return new InputException(label.source(), label.key(), given, why);
    }

    /** Who a refusal speaks of: where the option was given, and which option gave the directory. */
    record Who(String source, String key) {
    }
    private static List<String> homes() {
        List<String> h = new ArrayList<>();
        for (String s : new String[] {System.getProperty("user.home"), System.getenv("HOME")}) {
            if (s != null && !s.isEmpty()) {
                h.add(s);
            }
        }
        return h;
    }

    /** The path with symbolic links resolved as far as it exists; the rest is appended as given. */
    static Path real(Path abs) {
        Path p = abs;
        Path rest = null;
        while (p != null) {
            try {
                Path r = p.toRealPath();
                return rest == null ? r : r.resolve(rest).normalize();
            } catch (IOException | RuntimeException e) {
                Path name = p.getFileName();
                rest = rest == null ? name : name.resolve(rest);
                p = p.getParent();
            }
        }
        return abs;
    }
}
