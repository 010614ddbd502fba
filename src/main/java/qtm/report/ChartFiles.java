package qtm.report;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.text.TextUtils;
import org.jfree.pdf.PDFDocument;
import org.jfree.pdf.PDFGraphics2D;
import org.jfree.pdf.PDFHints;
import org.jfree.pdf.dictionary.DictionaryObject;
import org.jfree.svg.SVGGraphics2D;

/** Writes a chart as PNG (JFreeChart), SVG (JFreeSVG) and PDF (OrsonPDF), headless, the same bytes on every run. */
public final class ChartFiles {
    /** Default size, at which legends and ticks are readable. */
    public static final int WIDTH = 1200;
    /** Default height. */
    public static final int HEIGHT = 800;
    /** PDF points per pixel: a 1200×800 chart becomes a 600×400 pt page, its 16 px ticks 8 pt type. */
    static final double PDF_SCALE = 0.5;

    static {
        System.setProperty("java.awt.headless", "true");
        // JFreeChart lays text out with FontMetrics.stringWidth, the whole-pixel advances of a BufferedImage's
        // context, unless told to measure with the drawing Graphics2D's own FontRenderContext. OrsonPDF draws its
        // glyph outlines with fractional metrics, about 4 % wider at 16 px, so every legend label ran into the next
        // entry's swatch. Measured with the context that draws, text is as wide in the layout as on the page, for
        // the PNG, the SVG and the PDF alike.
        TextUtils.setUseFontMetricsGetStringBounds(true);
    }

    private ChartFiles() {
    }

    /**
     * The chart as an SVG document.
     *
     * @param chart the chart
     * @param width width in pixels
     * @param height height in pixels
     * @param idPrefix prefix of the element ids: JFreeSVG's default is time-based, which would make the same chart
     *     differ byte for byte between runs, and two charts inlined in one page need distinct ids
     * @return the SVG text
     */
    public static String svg(JFreeChart chart, int width, int height, String idPrefix) {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        g.setDefsKeyPrefix(idPrefix);
        chart.draw(g, new Rectangle(0, 0, width, height));
        return g.getSVGDocument();
    }

    /**
     * The chart as a one-page vector PDF of {@code width·PDF_SCALE × height·PDF_SCALE} points, laid out as the PNG of
     * {@code width × height} pixels. Text is drawn as glyph outlines: OrsonPDF's own text uses the 14 standard PDF
     * fonts, which have no ρ, τ, ⟨ or ², so outlines are what keeps the labels as they read in the PNG. The document
     * carries no creation or modification date (OrsonPDF stamps the clock into its Info dictionary and has no
     * setting for it) and OrsonPDF writes no file id, so the same chart gives the same bytes.
     *
     * @param chart the chart
     * @param width width in pixels of the layout
     * @param height height in pixels of the layout
     * @return the PDF bytes
     */
    public static byte[] pdf(JFreeChart chart, int width, int height) {
        return pdf(chart, width, height, null);
    }

    /**
     * As {@link #pdf(JFreeChart, int, int)}, recording the layout (in pixels of the {@code width × height} layout).
     *
     * @param chart the chart
     * @param width width in pixels of the layout
     * @param height height in pixels of the layout
     * @param info where the layout is recorded, or null
     * @return the PDF bytes
     */
    static byte[] pdf(JFreeChart chart, int width, int height, ChartRenderingInfo info) {
        PDFDocument doc = new PDFDocument();
        undated(doc);
        doc.setTitle(chart.getTitle() == null ? "" : chart.getTitle().getText());
        PDFGraphics2D g = doc.createPage(new Rectangle(0, 0, (int) Math.round(width * PDF_SCALE),
                (int) Math.round(height * PDF_SCALE))).getGraphics2D();
        g.setRenderingHint(PDFHints.KEY_DRAW_STRING_TYPE, PDFHints.VALUE_DRAW_STRING_TYPE_VECTOR);
        g.scale(PDF_SCALE, PDF_SCALE);
        chart.draw(g, new Rectangle(0, 0, width, height), info);
        return doc.getPDFBytes();
    }

    /** Removes the dates; the Info dictionary is private to OrsonPDF 2.0.1, so it is reached by its field name. */
    private static void undated(PDFDocument doc) {
        try {
            Field f = PDFDocument.class.getDeclaredField("info");
            f.setAccessible(true);
            DictionaryObject info = (DictionaryObject) f.get(doc);
            info.remove("CreationDate");
            info.remove("ModDate");
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this OrsonPDF has no Info dictionary where 2.0.1 has it", e);
        }
    }

    /**
     * The chart as the PNG's pixels.
     *
     * @param chart the chart
     * @param width width in pixels
     * @param height height in pixels
     * @param info where the layout is recorded, or null
     * @return the image
     */
    static BufferedImage image(JFreeChart chart, int width, int height, ChartRenderingInfo info) {
        return chart.createBufferedImage(width, height, info);
    }

    /**
     * Writes {@code base.png}, {@code base.svg} and {@code base.pdf}.
     *
     * @param chart the chart
     * @param dir directory
     * @param base file name without extension
     * @return the SVG text, for embedding in a report
     * @throws IOException on write failure
     */
    public static String write(JFreeChart chart, Path dir, String base) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(dir.resolve(base + ".png")))) {
            ChartUtils.writeBufferedImageAsPNG(out, image(chart, WIDTH, HEIGHT, null));
        }
        String svg = svg(chart, WIDTH, HEIGHT, base + "-");
        Files.writeString(dir.resolve(base + ".svg"), svg, StandardCharsets.UTF_8);
        Files.write(dir.resolve(base + ".pdf"), pdf(chart, WIDTH, HEIGHT));
        return svg;
    }
}
