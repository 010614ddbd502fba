package qtm.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What every scenario key means, its range and its default, read from {@code qtm/scenario/keys.txt}: the comments of
 * {@code qtm init}'s files and the keys and example a message gives for a missing or malformed section. The readers
 * stay the authority on what is valid; this is their documentation in one place.
 */
public final class KeyGuide {
    /**
     * One key.
     *
     * @param path dotted path without list indices ({@code model.sites.levels})
     * @param models where it applies: all, preset, reset, flux, dqd, machine, study, or several joined by '+'
     * @param meaning what it is
     * @param range what values are allowed
     * @param fallback its default, or "required"
     */
    public record Key(String path, String models, String meaning, String range, String fallback) {
        /**
         * @param type a model type (reset, flux, dqd, machine)
         * @return whether the key belongs to scenarios of that type (study keys: to every type)
         */
        public boolean appliesTo(String type) {
            for (String m : models.split("\\+")) {
                if (m.equals("all") || m.equals("study") || m.equals(type)
                        || m.equals("preset") && Set.of("reset", "flux", "dqd").contains(type)) {
                    return true;
                }
            }
            return false;
        }

        /** @return the key's last name */
        public String name() {
            return path.substring(path.lastIndexOf('.') + 1);
        }
    }

    private record Section(String keys, String example) {
    }

    private static final Map<String, Key> KEYS = new LinkedHashMap<>();
    private static final Map<String, Section> SECTIONS = new LinkedHashMap<>();

    static {
        try (InputStream in = KeyGuide.class.getResourceAsStream("keys.txt")) {
            if (in == null) {
                throw new IllegalStateException("qtm/scenario/keys.txt is missing from the classpath");
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split(" \\| ", -1);
                if (line.startsWith("@")) {
                    SECTIONS.put(f[0].substring(1).trim(), new Section(f[1].trim(), f[2].trim()));
                } else {
                    KEYS.put(f[0].trim(), new Key(f[0].trim(), f[1].trim(), f[2].trim(), f[3].trim(), f[4].trim()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private KeyGuide() {
    }

    /**
     * @param path a dotted key path, list indices and all ({@code model.sites[1].levels})
     * @return its documentation, or null for a key not documented
     */
    public static Key key(String path) {
        return KEYS.get(plain(path));
    }

    /**
     * @param section a section's path without indices ("" for the top level)
     * @return the documented keys directly inside it, in the guide's order
     */
    public static List<Key> keysOf(String section) {
        List<Key> out = new ArrayList<>();
        for (Key k : KEYS.values()) {
            int dot = k.path().lastIndexOf('.');
            if ((dot < 0 ? "" : k.path().substring(0, dot)).equals(section)) {
                out.add(k);
            }
        }
        return out;
    }

    /**
     * The end of a "expected a mapping" message: the keys the section needs and an example.
     *
     * @param path the section's dotted path, indices and all
     * @return {@code " with keys end, points, e.g. time: {end: 5000, points: 201}"}, or "" for a section not documented
     */
    public static String sectionHelp(String path) {
        Section s = SECTIONS.get(plain(path));
        return s == null ? "" : " with keys " + s.keys() + ", e.g. " + s.example();
    }

    /**
     * @param path a section's dotted path
     * @return an example of the section, as YAML ({@code time: {end: 5000, points: 201}}), or ""
     */
    public static String example(String path) {
        Section s = SECTIONS.get(plain(path));
        return s == null ? "" : s.example();
    }

    /** model.sites[1].levels → model.sites.levels. */
    static String plain(String path) {
        return path.replaceAll("\\[[^\\]]*\\]", "");
    }
}
