package sdlab.runtime.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the operating system says about a node's process. */
public enum NodeProcessState {
    /** Running (or sleeping, waiting for work). */
    RUNNING,
    /** Stopped by SIGSTOP: alive but executes nothing, so its peers time out. */
    PAUSED,
    /** Not running: killed, crashed, or never started. */
    DOWN;

    /**
     * The state of process {@code pid} if it is the node process of {@code id} in
     * {@code directory}; a process that has reused the pid is someone else's, so {@code DOWN}.
     */
    static NodeProcessState of(long pid, Path directory, String id) {
        Path proc = Path.of("/proc", Long.toString(pid));
        try {
            String commandLine = Files.readString(proc.resolve("cmdline"), StandardCharsets.UTF_8);
            String marker = "--dir\0" + directory.toAbsolutePath() + "\0--id\0" + id + "\0";
            if (!commandLine.contains(marker)) {
                return DOWN;
            }
            String stat = Files.readString(proc.resolve("stat"), StandardCharsets.UTF_8);
            // The state follows the parenthesised command name, which may itself hold spaces or ')'.
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return switch (state) {
                case 'T', 't' -> PAUSED;
                case 'Z', 'X' -> DOWN;
                default -> RUNNING;
            };
        } catch (IOException | RuntimeException e) {
            return DOWN;
        }
    }
}
