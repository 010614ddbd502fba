package qtm.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;

/**
 * Runs several qtm command lines in one JVM whose working directory is a given one: a test cannot change its own
 * JVM's working directory, and one JVM per command would cost a start each. The driver ({@link #main}) writes each
 * command's status, stdout and stderr to {@code .cmd-N.status}, {@code .cmd-N.out} and {@code .cmd-N.err}.
 */
final class CommandsInDirectory {
    private CommandsInDirectory() {
    }

    /** One command's result. */
    record Result(int status, String out, String err) {
    }

    /**
     * @param dir the working directory
     * @param commands the command lines, each a list of arguments
     * @return their results, in order; the driver's files are removed again
     */
    static List<Result> run(Path dir, List<List<String>> commands) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                CommandsInDirectory.class.getName()));
        for (List<String> c : commands) {
            cmd.add(String.valueOf(c.size()));
            cmd.addAll(c);
        }
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String console = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("the driver failed: " + console);
        }
        List<Result> out = new ArrayList<>();
        for (int i = 0; i < commands.size(); i++) {
            out.add(new Result(Integer.parseInt(take(dir, i, "status").strip()), take(dir, i, "out"),
                    take(dir, i, "err")));
        }
        return out;
    }

    private static String take(Path dir, int i, String what) throws IOException {
        Path f = dir.resolve(".cmd-" + i + "." + what);
        String s = Files.readString(f);
        Files.delete(f);
        return s;
    }

    /**
     * @param args groups of a count followed by that many arguments
     */
    public static void main(String[] args) throws IOException {
        int at = 0;
        for (int i = 0; at < args.length; i++) {
            int n = Integer.parseInt(args[at]);
            String[] line = Arrays.copyOfRange(args, at + 1, at + 1 + n);
            at += n + 1;
            CommandLine cl = Main.commandLine();
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            cl.setOut(new PrintWriter(out));
            cl.setErr(new PrintWriter(err));
            int status = cl.execute(line);
            Files.writeString(Path.of(".cmd-" + i + ".out"), out.toString());
            Files.writeString(Path.of(".cmd-" + i + ".err"), err.toString());
            Files.writeString(Path.of(".cmd-" + i + ".status"), Integer.toString(status));
        }
    }
}
