package qtm.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import qtm.output.OutputClaim;
import qtm.output.OutputManifest;

/**
 * The files of a run's output directory for the report's list of links: what is in the directory when the report is
 * written, plus the report itself and the marker that the directory gets when the run commits. Each is described by
 * its kind, known from its name.
 */
final class OutputFiles {
    private OutputFiles() {
    }

    /**
     * @param dir the staging directory, holding every file of the run but the report and the marker
     * @param report the report's file name
     * @return the files, by kind in a fixed order and by name within a kind
     * @throws IOException if the directory cannot be listed
     */
    static List<HtmlReport.OutputFile> of(Path dir, String report) throws IOException {
        TreeSet<String> names = new TreeSet<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).forEach(names::add);
        }
        names.remove(OutputClaim.FILE);
        names.add(report);
        names.add(OutputManifest.FILE);
        List<HtmlReport.OutputFile> out = new ArrayList<>();
        for (Kind k : Kind.values()) {
            for (String n : names) {
                if (k == kind(n, report)) {
                    out.add(new HtmlReport.OutputFile(n, k.text));
                }
            }
        }
        return out;
    }

    private enum Kind {
        REPORT("this report"),
        SUMMARY("every verdict and final value as JSON"),
        SERIES("an engine's estimates ± SE on the grid (CSV)"),
        RHO("every element of an engine's mean state ρ̄ ± SE (CSV)"),
        MASTER("the master equation on the grid (CSV)"),
        MAP("the exact collision map at the run's Δt on the grid (CSV)"),
        THERMO("heat, switching work and entropy production per bath: the exact collision map's and the collision "
                + "engine's ± SE (CSV)"),
        DT("the collision model's bias against the master equation for each Δt (CSV)"),
        PNG("the charts as pictures (PNG)"),
        SVG("the charts as vector drawings (SVG)"),
        JUMPS("jump records of the first trajectories (CSV, NumPy) and their index (JSON)"),
        ENSEMBLE("an ensemble's exact running sums, for qtm run --extend and qtm merge"),
        MARKER("the list of files qtm wrote here with their SHA-256, so it replaces only its own"),
        OTHER("written by qtm");

        private final String text;

        Kind(String text) {
            this.text = text;
        }
    }

    private static Kind kind(String n, String report) {
        if (n.equals(report)) {
            return Kind.REPORT;
        } else if (n.equals("summary.json")) {
            return Kind.SUMMARY;
        } else if (n.equals("timeseries-exact.csv")) {
            return Kind.MASTER;
        } else if (n.equals("timeseries-collision-map.csv")) {
            return Kind.MAP;
        } else if (n.equals("thermo-collision.csv")) {
            return Kind.THERMO;
        } else if (n.equals("collision-dt.csv")) {
            return Kind.DT;
        } else if (n.startsWith("timeseries-") && n.endsWith(".csv")) {
            return Kind.SERIES;
        } else if (n.startsWith("rho-") && n.endsWith(".csv")) {
            return Kind.RHO;
        } else if (n.startsWith("jumps")) {
            return Kind.JUMPS;
        } else if (n.endsWith(".qtme")) {
            return Kind.ENSEMBLE;
        } else if (n.endsWith(".png")) {
            return Kind.PNG;
        } else if (n.endsWith(".svg")) {
            return Kind.SVG;
        } else if (n.equals(OutputManifest.FILE)) {
            return Kind.MARKER;
        }
        return Kind.OTHER;
    }
}
