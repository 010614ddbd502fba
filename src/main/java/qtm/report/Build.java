package qtm.report;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The qtm version and the git commit this copy was built from, as Maven wrote them into {@code qtm/build.properties}
 * (see pom.xml). A copy built outside a git checkout says "unknown" for the commit; one whose resources were never
 * filtered (an IDE that skips Maven) says "dev" and "unknown".
 */
public final class Build {
    private static final Properties PROPERTIES = load();

    private Build() {
    }

    /** @return the version, such as "0.1.0", or "dev" */
    public static String version() {
        return value("version", "dev");
    }

    /** @return the full commit id, or "unknown" */
    public static String commit() {
        return value("commit", "unknown");
    }

    private static String value(String key, String fallback) {
        String v = PROPERTIES.getProperty(key, "").strip();
        // An unfiltered resource still holds Maven's placeholder.
        return v.isEmpty() || v.startsWith("${") ? fallback : v;
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = Build.class.getResourceAsStream("/qtm/build.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // Provenance is a courtesy: without it qtm still runs and says "unknown".
        }
        return p;
    }
}
