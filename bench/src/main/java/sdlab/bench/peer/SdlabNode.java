package sdlab.bench.peer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Starts sdlab's real nodes as child JVMs on this JVM's own class path, through {@link
 * NodeMain}: the same code {@code sdlab node ...} runs, in a process of its own.
 */
public final class SdlabNode {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private SdlabNode() {}

    /**
     * Starts {@code node} ({@code cache}, {@code gateway}, {@code echo}) with {@code options},
     * waiting for a log line matching {@code ready}.
     */
    public static ChildProcess start(String node, List<String> options, Path log, Pattern ready) {
        List<String> command = new ArrayList<>();
        command.add(javaBinary());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(NodeMain.class.getName());
        command.add(node);
        command.addAll(options);
        return ChildProcess.start("sdlab node " + node, command, log, ready, START_TIMEOUT);
    }

    private static String javaBinary() {
        return ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
