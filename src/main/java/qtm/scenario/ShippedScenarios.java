package qtm.scenario;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The scenarios that travel with qtm: the files of the checkout's {@code scenarios/}, packed by the pom under
 * {@code qtm/scenarios/} of the jar, and read where the classes were loaded from (the jar, or {@code target/classes}
 * in a build). A shipped scenario is a {@link Path} like any other (inside the jar, one of its zip file system), so
 * every reader takes it unchanged; only messages name it {@code shipped:NAME.yaml} instead of a path in the jar.
 */
public final class ShippedScenarios {
    /** Where the pom puts them, relative to the classes' root. */
    static final String RESOURCE_DIR = "qtm/scenarios";
    /** How a message names a shipped file: {@code shipped:paper/fig2a.yaml}. */
    public static final String LABEL = "shipped:";

    /** The order names are listed in: top-level files first, then each folder's, as the checkout's scenarios/. */
    public static final java.util.Comparator<String> ORDER = (a, b) -> a.contains("/") != b.contains("/")
            ? (a.contains("/") ? 1 : -1) : a.compareTo(b);

    private ShippedScenarios() {
    }

    /** Opened once, on first use, and kept for the life of the JVM (a zip file system is cheap to keep). */
    private static final class Root {
        static final Path DIR = locate();

        private static Path locate() {
            try {
                Path code = Path.of(ShippedScenarios.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                Path root = code;
                if (Files.isRegularFile(code)) {
                    FileSystem jar = FileSystems.newFileSystem(code, (ClassLoader) null);
                    root = jar.getPath("/");
                }
                Path dir = root.resolve(RESOURCE_DIR);
                return Files.isDirectory(dir) ? dir : null;
            } catch (IOException | URISyntaxException | RuntimeException e) {
                // Classes loaded from somewhere unusual (no code source, a nested jar): qtm works, nothing is shipped.
                return null;
            }
        }
    }

    /**
     * @return the shipped names, sorted: the file's path under {@code scenarios/} without {@code .yaml}, such as
     *     {@code reset-paper} and {@code paper/fig2a}; empty when the classes carry none
     */
    public static List<String> names() {
        Path dir = Root.DIR;
        if (dir == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir)) {
            s.filter(p -> p.getFileName() != null && p.getFileName().toString().endsWith(".yaml")
                    && Files.isRegularFile(p)).forEach(p -> out.add(nameOf(dir.relativize(p))));
        } catch (IOException e) {
            return List.of();
        }
        out.sort(ORDER);
        return out;
    }

    /**
     * The shipped file for a name: {@code paper/fig2a}, with or without {@code .yaml}, or written as the checkout's
     * path {@code scenarios/paper/fig2a.yaml} (so a README command works anywhere), or a file name alone
     * ({@code fig2a}) when only one shipped file has it.
     *
     * @param name the name as typed
     * @return the file, or null if none is shipped under that name
     */
    public static Path find(String name) {
        String n = name.replace('\\', '/');
        n = n.startsWith("./") ? n.substring(2) : n;
        n = n.startsWith("scenarios/") ? n.substring("scenarios/".length()) : n;
        n = n.endsWith(".yaml") ? n.substring(0, n.length() - ".yaml".length()) : n;
        List<String> all = names();
        if (all.contains(n)) {
            return Root.DIR.resolve(n + ".yaml");
        }
        String bare = n;
        List<String> same = all.stream().filter(s -> s.endsWith("/" + bare)).toList();
        return same.size() == 1 ? Root.DIR.resolve(same.get(0) + ".yaml") : null;
    }

    /**
     * What a scenario argument names: a path that exists always wins, then {@code ./scenarios/NAME.yaml}, then the
     * shipped file of that name. Otherwise the path as typed, so that the reader's message says what is wrong with it.
     *
     * @param typed the argument as typed, a path or a name
     * @return the file to read
     */
    public static Path resolve(String typed) {
        Path given = Path.of(typed);
        if (Files.exists(given, java.nio.file.LinkOption.NOFOLLOW_LINKS) || typed.isEmpty()) {
            return given;
        }
        for (String file : List.of(typed + ".yaml", typed)) {
            Path local = Path.of("scenarios", file);
            if (Files.isRegularFile(local)) {
                return local;
            }
        }
        Path shipped = find(typed);
        return shipped != null ? shipped : given;
    }

    /**
     * @param file any scenario path
     * @return {@code shipped:NAME.yaml} for a shipped file, else the path as given
     */
    public static String label(Path file) {
        Path dir = Root.DIR;
        if (dir != null && file.getFileSystem() == dir.getFileSystem()) {
            Path abs = file.toAbsolutePath().normalize();
            if (abs.startsWith(dir)) {
                return LABEL + dir.relativize(abs).toString().replace('\\', '/');
            }
        }
        return file.toString();
    }

    /**
     * The end of a "no such file" message for a scenario argument that is no path: where qtm looked, and the shipped
     * names close to it.
     *
     * @param typed the argument
     * @return text to append to the message
     */
    static String hint(String typed) {
        List<String> all = names();
        if (all.isEmpty()) {
            return "";
        }
        String n = typed.endsWith(".yaml") ? typed.substring(0, typed.length() - ".yaml".length()) : typed;
        List<String> close = Nearest.of(n, all);
        return " or the name of one in ./scenarios or shipped with qtm (qtm list names them)"
                + (close.isEmpty() ? "" : "; did you mean " + String.join(" or ", close) + "?");
    }

    private static String nameOf(Path relative) {
        String s = relative.toString().replace('\\', '/');
        return s.substring(0, s.length() - ".yaml".length());
    }
}
