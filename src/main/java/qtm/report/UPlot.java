package qtm.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;

/**
 * uPlot (MIT licence), the library that draws the interactive charts of report.html, read from its WebJar on the
 * classpath so that the page can carry it inline and load nothing. The version is the WebJar's own, so the pom is the
 * one place that pins it.
 */
final class UPlot {
    private static final String WEBJAR = "META-INF/resources/webjars/uplot/";

    /** The version on the classpath. */
    static final String VERSION = version();
    /** The library, minified, as one script. */
    static final String SCRIPT = inlineable(read(WEBJAR + VERSION + "/dist/uPlot.iife.min.js"), "</script");
    /** Its style sheet. */
    static final String CSS = inlineable(read(WEBJAR + VERSION + "/dist/uPlot.min.css"), "</style");
    /** The report's own glue: uPlot options and data arrays from the embedded JSON, and the #selftest hook. */
    static final String GLUE = inlineable(read("qtm/report/plots.js"), "</script");

    private UPlot() {
    }

    private static String version() {
        Properties p = new Properties();
        try (InputStream in = stream("META-INF/maven/org.webjars.npm/uplot/pom.properties")) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("version");
    }

    private static String read(String resource) {
        try (InputStream in = stream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream stream(String resource) {
        InputStream in = UPlot.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("the jar lacks " + resource + " (org.webjars.npm:uplot is a dependency)");
        }
        return in;
    }

    /** A closing tag inside the text would end the element early and spill the rest into the page as text. */
    private static String inlineable(String text, String closing) {
        if (text.toLowerCase(Locale.ROOT).contains(closing)) {
            throw new IllegalStateException("cannot inline a text that contains " + closing);
        }
        return text;
    }
}
