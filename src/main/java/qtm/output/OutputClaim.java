package qtm.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Who is writing a staging directory: host, boot, pid namespace, pid and the process's start time, plus a heartbeat
 * (the claim file's modification time, refreshed while the owner lives). Runs on several hosts of a shared file
 * system may write into one parent at once, so a later run removes a staging directory only when its claim is
 * stale: on the same machine when the recorded process (pid and start time) is gone, elsewhere when the heartbeat is
 * older than {@link #STALE_AFTER}. The claim is also qtm's proof of ownership: a directory with one of qtm's names
 * but without a claim of exactly qtm's content ({@link #proven}) is the user's and is never removed.
 */
public final class OutputClaim {
    /** Name of the claim file inside a staging directory. */
    public static final String FILE = ".qtm-claim";
    /** How often a live owner refreshes its heartbeat. */
    public static final Duration HEARTBEAT_EVERY = Duration.ofSeconds(10);
    /**
     * A claim from another machine whose heartbeat is older than this is stale. It is long against the heartbeat
     * period and against NFS attribute caching (60 s by default), so a live owner is never taken for dead.
     */
    public static final Duration STALE_AFTER = Duration.ofSeconds(120);

    private static final String MAGIC = "qtm-claim 1";
    /** The fields of a claim qtm writes, in the order it writes them. */
    private static final List<String> KEYS = List.of("id", "host", "boot", "pidns", "pid", "start", "target");
    /** Larger than any claim qtm writes: a bigger file of that name is not read at all. */
    private static final long MAX_BYTES = 4096;
    private static final Identity LOCAL = Identity.local();

    private final Map<String, String> fields;

    private OutputClaim(Map<String, String> fields) {
        this.fields = fields;
    }

    /**
     * @param target the name of the output directory this claim is for
     * @return a claim for this process with a fresh random id
     */
    static OutputClaim mine(String target) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("id", UUID.randomUUID().toString());
        f.put("host", LOCAL.host());
        f.put("boot", LOCAL.boot());
        f.put("pidns", LOCAL.pidns());
        long pid = ProcessHandle.current().pid();
        f.put("pid", Long.toString(pid));
        f.put("start", startToken(pid).orElse(""));
        f.put("target", target);
        return new OutputClaim(f);
    }

    /** @return the claim's random id, which tells two claims of one process apart */
    String id() {
        return fields.getOrDefault("id", "");
    }

    /** @return "pid P on host H", for messages */
    String owner() {
        return "pid " + fields.getOrDefault("pid", "?") + " on host " + fields.getOrDefault("host", "?");
    }

    /**
     * Writes the claim; the file must not exist yet.
     *
     * @param file where
     * @throws IOException on failure
     */
    void create(Path file) throws IOException {
        Files.writeString(file, text(), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
    }

    private String text() {
        StringBuilder sb = new StringBuilder(MAGIC).append('\n');
        fields.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
        return sb.toString();
    }

    /**
     * The claim in {@code file} only if it is exactly what qtm writes for the output {@code target}: a regular
     * file holding the header and exactly qtm's fields in qtm's order, a random id, a numeric pid and this target.
     * This is the proof qtm needs before it removes anything: a file or directory that merely has one of qtm's names
     * is the user's.
     *
     * @param file a claim file
     * @param target the name of the output directory the claim must be for
     * @return the claim, or empty if it is missing, torn, or not one qtm wrote for this target
     */
    static Optional<OutputClaim> proven(Path file, String target) {
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) > MAX_BYTES) {
                return Optional.empty();
            }
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return read(file).filter(c -> new java.util.ArrayList<>(c.fields.keySet()).equals(KEYS)
                    && c.id().matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
                    && c.fields.get("pid").matches("[0-9]{1,19}") && target.equals(c.fields.get("target"))
                    && c.text().equals(text));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether {@code dir} is qtm's and its owner is gone, so that qtm may remove it: it carries a claim
     * {@link #proven} for {@code target}, and on the same machine the recorded process is gone, elsewhere the
     * heartbeat is older than {@link #STALE_AFTER}. A directory without such a claim is never abandoned: it may be
     * the user's, whatever its name.
     *
     * @param dir a staging, replaced or trash directory
     * @param target the name of the output directory it belongs to
     * @param now the current time
     * @return true when it is qtm's and its owner is certainly gone
     */
    static boolean abandoned(Path dir, String target, Instant now) {
        Path file = dir.resolve(FILE);
        Optional<OutputClaim> claim = proven(file, target);
        if (claim.isEmpty() || !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        if (claim.get().onThisMachine()) {
            return !claim.get().processAlive();
        }
        Optional<Instant> beat = modified(file);
        return beat.isPresent() && beat.get().plus(STALE_AFTER).isBefore(now);
    }

    /**
     * @param file a claim file
     * @return the claim, or empty if the file is missing or not (yet) a whole claim
     */
    static Optional<OutputClaim> read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        if (!text.startsWith(MAGIC + "\n") || !text.endsWith("\n")) {
            return Optional.empty();
        }
        Map<String, String> f = new LinkedHashMap<>();
        for (String line : text.substring(MAGIC.length() + 1).split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                f.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return f.containsKey("id") && f.containsKey("pid") && f.containsKey("host") ? Optional.of(new OutputClaim(f))
                : Optional.empty();
    }

    private boolean onThisMachine() {
        return LOCAL.host().equals(fields.get("host")) && !LOCAL.boot().isEmpty()
                && LOCAL.boot().equals(fields.get("boot")) && LOCAL.pidns().equals(fields.get("pidns"));
    }

    private boolean processAlive() {
        long pid;
        try {
            pid = Long.parseLong(fields.get("pid"));
        } catch (NumberFormatException e) {
            return false;
        }
        // A pid alone may have been reused by a newer process: the start time tells them apart.
        Optional<String> start = startToken(pid);
        return start.isPresent() && start.get().equals(fields.getOrDefault("start", ""));
    }

    /**
     * Refreshes the heartbeat.
     *
     * @param file the claim file
     * @throws IOException if it is gone or cannot be touched
     */
    static void beat(Path file) throws IOException {
        Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
    }

    private static Optional<Instant> modified(Path p) {
        try {
            return Optional.of(Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toInstant());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * The start time of a process in clock ticks since boot (field 22 of /proc/PID/stat, exact and stable), or where
     * there is no /proc the JDK's start instant.
     *
     * @param pid a process id
     * @return an opaque token that changes when the pid is reused, or empty if no such process runs
     */
    static Optional<String> startToken(long pid) {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        if (Files.isDirectory(Path.of("/proc/self"))) {
            try {
                String s = Files.readString(stat, StandardCharsets.ISO_8859_1);
                // The command name (field 2) may hold spaces and parentheses: count fields after the last ')'.
                String[] rest = s.substring(s.lastIndexOf(')') + 2).trim().split(" ");
                return Optional.of("ticks:" + rest[19]);
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        }
        return ProcessHandle.of(pid).flatMap(h -> h.info().startInstant()).map(i -> "ms:" + i.toEpochMilli());
    }

    /** What makes two processes comparable by pid: the same host name, the same boot and the same pid namespace. */
    private record Identity(String host, String boot, String pidns) {
        static Identity local() {
            String host = firstLine(Path.of("/proc/sys/kernel/hostname"));
            if (host.isEmpty()) {
                try {
                    host = java.net.InetAddress.getLocalHost().getHostName();
                } catch (IOException e) {
                    host = "unknown";
                }
            }
            String pidns = "";
            try {
                pidns = Files.readSymbolicLink(Path.of("/proc/self/ns/pid")).toString();
            } catch (IOException | RuntimeException e) {
                // No pid namespaces here (not Linux): the host name and boot id identify the machine.
            }
            return new Identity(host, firstLine(Path.of("/proc/sys/kernel/random/boot_id")), pidns);
        }

        private static String firstLine(Path p) {
            try {
                return Files.readString(p, StandardCharsets.UTF_8).strip();
            } catch (IOException | RuntimeException e) {
                return "";
            }
        }
    }
}
