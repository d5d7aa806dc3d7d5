package sdlab.runtime.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

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
            char leader = stateOf(proc);
            if (leader == 'Z' || leader == 'X') {
                return DOWN;
            }
            // SIGSTOP stops the threads one by one; the process is paused once every one is.
            try (Stream<Path> tasks = Files.list(proc.resolve("task"))) {
                return tasks.allMatch(NodeProcessState::isStopped) ? PAUSED : RUNNING;
            }
        } catch (IOException | RuntimeException e) {
            return DOWN;
        }
    }

    private static boolean isStopped(Path task) {
        try {
            char state = stateOf(task);
            return state == 'T' || state == 't';
        } catch (IOException e) {
            return true; // a thread that ended meanwhile runs nothing
        }
    }

    private static char stateOf(Path procEntry) throws IOException {
        String stat = Files.readString(procEntry.resolve("stat"), StandardCharsets.UTF_8);
        // The state follows the parenthesised command name, which may itself hold spaces or ')'.
        return stat.charAt(stat.lastIndexOf(')') + 2);
    }
}
