package sdlab.txlog.saga;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import sdlab.core.NodeId;

/**
 * The orchestrator's saga log: one text line per change of a saga (begun, step done, compensation begun, step undone,
 * ended). Reading it back gives every saga's last position, which is all the orchestrator needs to resume.
 */
final class SagaLog {
    static final String FILE = "saga.log";

    private SagaLog() {}

    static byte[] begun(SagaRun run) {
        return line("B %s %d %d %s"
                .formatted(run.id(), run.amount(), run.quantity(), run.client().name()));
    }

    static byte[] stepDone(String id, int step) {
        return line("D %s %d".formatted(id, step));
    }

    static byte[] compensationBegun(String id, int fromStep) {
        return line("C %s %d".formatted(id, fromStep));
    }

    static byte[] stepUndone(String id, int step) {
        return line("U %s %d".formatted(id, step));
    }

    static byte[] ended(String id, SagaOutcome outcome) {
        return line("E %s %s".formatted(id, outcome.name()));
    }

    /** Every saga in the log, in the order begun, at its last recorded position; a torn last line is ignored. */
    static Map<String, SagaRun> replay(byte[] content) {
        Map<String, SagaRun> runs = new LinkedHashMap<>();
        String text = new String(content, StandardCharsets.UTF_8);
        int end = text.lastIndexOf('\n');
        if (end < 0) {
            return runs;
        }
        for (String line : text.substring(0, end).split("\n")) {
            String[] f = line.split(" ");
            switch (f[0]) {
                case "B" ->
                    runs.putIfAbsent(
                            f[1], SagaRun.begin(f[1], Long.parseLong(f[2]), Long.parseLong(f[3]), NodeId.of(f[4])));
                case "D" -> runs.computeIfPresent(f[1], (id, run) -> run.forwardTo(Integer.parseInt(f[2]) + 1));
                case "C" -> runs.computeIfPresent(f[1], (id, run) -> run.compensateFrom(Integer.parseInt(f[2])));
                case "U" -> runs.computeIfPresent(f[1], (id, run) -> run.compensateFrom(Integer.parseInt(f[2]) - 1));
                case "E" -> runs.computeIfPresent(f[1], (id, run) -> run.end(SagaOutcome.valueOf(f[2])));
                default -> throw new IllegalStateException("not a saga log line: " + line);
            }
        }
        return runs;
    }

    private static byte[] line(String text) {
        return (text + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
