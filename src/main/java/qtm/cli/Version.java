package qtm.cli;

import picocli.CommandLine.IVersionProvider;
import qtm.report.Build;

/** The version and commit Maven embedded at build time ("dev", "unknown" when run from unfiltered classes). */
final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"qtm " + Build.version() + " (commit " + Build.commit() + ")"};
    }
}
