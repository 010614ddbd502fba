package qtm.output;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The marker file {@code .qtm-output} that qtm writes into every output directory: the list of files and directories
 * it wrote, each file with its SHA-256. It is how qtm tells its own result from a directory of the user's: a
 * directory without it, or holding anything it does not list (a new file, or a listed file whose content was
 * changed), is never replaced.
 */
public final class OutputManifest {
    /** Name of the marker file. */
    public static final String FILE = ".qtm-output";
    private static final String HEADER = "# qtm output: the files below were written by qtm. qtm replaces this "
            + "directory (with --force) only while it holds nothing else.\n";

    private OutputManifest() {
    }

    /**
     * Lists everything in {@code dir} (except a claim file) into {@code dir/.qtm-output}.
     *
     * @param dir a finished staging directory
     * @throws IOException on failure
     */
    static void write(Path dir) throws IOException {
        StringBuilder sb = new StringBuilder(HEADER);
        for (Map.Entry<String, String> e : scan(dir).entrySet()) {
            sb.append(e.getValue()).append(' ').append(e.getKey()).append('\n');
        }
        Files.writeString(dir.resolve(FILE), sb, StandardCharsets.UTF_8);
    }

    /**
     * Finds what in {@code dir} qtm did not write.
     *
     * @param dir an existing directory
     * @return the first entry that is not qtm's (the directory itself when it has no marker but is not empty), or
     *         empty when every entry is listed in the marker with its content unchanged
     * @throws IOException if the directory cannot be read
     */
    static Optional<Path> foreign(Path dir) throws IOException {
        Path marker = dir.resolve(FILE);
        if (!Files.isRegularFile(marker, LinkOption.NOFOLLOW_LINKS)) {
            // Not qtm's: decided without walking it, which may be as large as /usr.
            try (Stream<Path> list = Files.list(dir)) {
                return list.findAny().isPresent() ? Optional.of(dir) : Optional.empty();
            }
        }
        Map<String, String> listed = new TreeMap<>();
        for (String line : Files.readAllLines(marker, StandardCharsets.UTF_8)) {
            int sp = line.indexOf(' ');
            if (!line.startsWith("#") && sp > 0) {
                listed.put(line.substring(sp + 1), line.substring(0, sp));
            }
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                String rel = relative(dir, p);
                // A claim is qtm's only when proven (a run killed between its last two steps leaves one); a file
                // of the user's that merely has the name is foreign like any other, and is never replaced.
                if (rel.isEmpty() || rel.equals(FILE) || rel.equals(OutputClaim.FILE)
                        && OutputClaim.proven(p, dir.getFileName().toString()).isPresent()) {
                    continue;
                }
                String want = listed.get(rel);
                // Names first, so an unlisted entry is found without hashing anything.
                if (want == null || Files.isSymbolicLink(p) || !want.equals(kind(p))) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    /** @return whether {@code dir} carries the marker */
    static boolean marked(Path dir) {
        return Files.isRegularFile(dir.resolve(FILE), LinkOption.NOFOLLOW_LINKS);
    }

    /** Every entry under dir but the marker and a claim, by relative path, with its {@link #kind}. */
    private static Map<String, String> scan(Path dir) throws IOException {
        Map<String, String> m = new TreeMap<>();
        List<Path> all;
        try (Stream<Path> walk = Files.walk(dir)) {
            all = walk.toList();
        }
        for (Path p : all) {
            String rel = relative(dir, p);
            if (!rel.isEmpty() && !rel.equals(FILE) && !rel.equals(OutputClaim.FILE)) {
                m.put(rel, kind(p));
            }
        }
        return m;
    }

    private static String relative(Path dir, Path p) {
        return dir.relativize(p).toString().replace('\\', '/');
    }

    /** "dir", "link", or a file's SHA-256. */
    private static String kind(Path p) throws IOException {
        if (Files.isSymbolicLink(p)) {
            return "link";
        }
        return Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? "dir" : sha256(p);
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
