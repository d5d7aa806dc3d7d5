package sdlab.bench.peer;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Starts sdlab's real nodes as child JVMs on this JVM's own class path and options, through
 * {@link NodeMain}: the same code {@code sdlab node ...} runs, in a process of its own.
 */
public final class SdlabNode {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern COLLECTOR = Pattern.compile("-XX:\\+Use\\w+GC");

    private SdlabNode() {}

    /**
     * Starts {@code node} ({@code cache}, {@code gateway}, {@code echo}) with {@code options},
     * waiting for a log line matching {@code ready}.
     */
    public static ChildProcess start(String node, List<String> options, Path log, Pattern ready) {
        return start(node, List.of(), options, log, ready);
    }

    /**
     * As {@link #start(String, List, Path, Pattern)}, with {@code extraJvmOptions} after this JVM's own; a
     * collector chosen there ({@code -XX:+UseZGC}) replaces this JVM's.
     */
    public static ChildProcess start(
            String node, List<String> extraJvmOptions, List<String> options, Path log, Pattern ready) {
        List<String> command = new ArrayList<>();
        command.add(javaBinary());
        command.addAll(nodeJvmOptions(ManagementFactory.getRuntimeMXBean().getInputArguments(), extraJvmOptions));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(NodeMain.class.getName());
        command.add(node);
        command.addAll(options);
        return ChildProcess.start("sdlab node " + node, command, log, ready, START_TIMEOUT);
    }

    /**
     * The JVM options of a child: this JVM's (see {@link #jvmOptions}), then {@code added}; a
     * collector chosen there ({@code -XX:+UseZGC}) replaces this JVM's.
     */
    static List<String> nodeJvmOptions(List<String> ours, List<String> added) {
        List<String> inherited = jvmOptions(ours);
        if (added.stream().anyMatch(option -> COLLECTOR.matcher(option).matches())) {
            inherited = inherited.stream()
                    .filter(option -> !COLLECTOR.matcher(option).matches())
                    .toList();
        }
        List<String> all = new ArrayList<>(inherited);
        all.addAll(added);
        return all;
    }

    /**
     * The options of this JVM that shape a node's speed, so the child runs as {@code sdlab node}
     * does under the launcher (its collector, heap sizes, Netty settings, native access), where the JVM's
     * defaults would pick another collector. Agents, debuggers and recordings stay with this
     * process.
     */
    static List<String> jvmOptions(List<String> ours) {
        return ours.stream()
                .filter(option -> option.startsWith("-XX:")
                        || option.startsWith("-Xm")
                        || option.startsWith("-Xs")
                        || option.startsWith("-Dio.netty.")
                        || option.startsWith("--enable-native-access")
                        || option.startsWith("--sun-misc-unsafe-memory-access"))
                .filter(option -> !option.contains("FlightRecord") && !option.contains("HeapDump"))
                // The launcher's class-data archive is for its own class path: a child that shared it would
                // find it stale and write it again at exit, racing the launcher and the other children.
                .filter(option -> !option.contains("SharedArchive"))
                .toList();
    }

    private static String javaBinary() {
        return ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
