package sdlab.app.cluster;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --dir} every cluster command takes: where the cluster's layout, logs and data live. */
final class ClusterDirectory {
    static final String DEFAULT = "sdlab-cluster";

    @Option(
            names = "--dir",
            paramLabel = "DIR",
            defaultValue = DEFAULT,
            description = "the cluster's folder: layout, node logs and data (default: ./${DEFAULT-VALUE})")
    Path directory;

    Path path() {
        return directory.toAbsolutePath().normalize();
    }
}
