package sdlab.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import sdlab.bench.sim.SimMeasurement;
import sdlab.bench.sim.SimWorkload;

/** The simulator benchmark's report: a terminal table or JSON. */
record SimReport(Machine machine, int warmupSeconds, int measureSeconds, List<Row> rows) {
    /** Issue 2's targets. */
    static final double DELIVERIES_PER_SECOND_TARGET = 2_000_000;

    static final double VIRTUAL_TO_WALL_TARGET = 1_000;

    /** One workload and what was measured of it. */
    record Row(SimWorkload workload, SimMeasurement measured) {}

    String text() {
        StringBuilder text = new StringBuilder();
        text.append(format(
                "Simulator on one thread: quorum store, no faults, no trace; %d s warm-up, %d s measured per workload.%n",
                warmupSeconds, measureSeconds));
        text.append("Machine: ").append(machine.describe()).append(".\n\n");
        text.append(format(
                "%-14s %5s %7s %8s %6s %14s %12s %10s %8s %12s %5s %14s%n",
                "workload",
                "N,R,W",
                "clients",
                "think ms",
                "rounds",
                "deliveries/s",
                "events/s",
                "ops/s",
                "msgs/op",
                "virtual/wall",
                "cpu",
                "deliv/cpu-s"));
        for (Row row : rows) {
            SimWorkload w = row.workload();
            SimMeasurement m = row.measured();
            text.append(format(
                    "%-14s %5s %7d %8s %6d %,14.0f %,12.0f %,10.0f %8.1f %11.0fx %4.0f%% %,14.0f%n",
                    w.name(),
                    w.config().n() + "," + w.config().r() + "," + w.config().w(),
                    w.clientCount(),
                    w.thinkTimeMax().isZero() ? "0" : "0-" + w.thinkTimeMax().toMillis(),
                    m.rounds(),
                    m.deliveriesPerSecond(),
                    m.eventsPerSecond(),
                    m.operationsPerSecond(),
                    m.deliveriesPerOperation(),
                    m.virtualToWallRatio(),
                    m.cpuShare() * 100,
                    m.deliveriesPerCpuSecond()));
        }
        text.append(format("%ncpu: the share of wall time the simulating thread ran (the rest it waited for a core);"
                + " deliv/cpu-s: deliveries per second of its CPU time, what an idle core would give.%n"));
        String realTime = verdicts(false);
        text.append(format(
                "Targets: >= %,.0f deliveries/s: %s; >= %,.0fx real time: %s.%n",
                DELIVERIES_PER_SECOND_TARGET,
                verdicts(true),
                VIRTUAL_TO_WALL_TARGET,
                realTime.isEmpty() ? "judged on workloads whose clients think, none measured" : realTime));
        return text.toString();
    }

    String json() {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("benchmark", "sim");
        root.put("cores", machine.cores());
        root.put("loadAverage", machine.loadAverage());
        root.put("java", machine.javaVersion());
        root.put("warmupSeconds", warmupSeconds);
        root.put("measureSeconds", measureSeconds);
        var workloads = root.putArray("workloads");
        for (Row row : rows) {
            workload(workloads.addObject(), row);
        }
        root.putObject("targets")
                .put("deliveriesPerSecond", DELIVERIES_PER_SECOND_TARGET)
                .put("virtualToWallRatio", VIRTUAL_TO_WALL_TARGET);
        try {
            return mapper.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void workload(ObjectNode node, Row row) {
        SimWorkload w = row.workload();
        SimMeasurement m = row.measured();
        node.put("name", w.name())
                .put("nodes", w.nodeCount())
                .put("n", w.config().n())
                .put("r", w.config().r())
                .put("w", w.config().w())
                .put("clients", w.clientCount())
                .put("opsPerClientPerRound", w.opsPerClient())
                .put("thinkTimeMsMax", w.thinkTimeMax().toMillis())
                .put("latencyMsMedian", w.latencyMedian().toMillis())
                .put("rounds", m.rounds())
                .put("wallSeconds", m.wallSeconds())
                .put("cpuSeconds", m.cpuNanos() / 1e9)
                .put("virtualSeconds", m.virtualSeconds())
                .put("messagesDelivered", m.messagesDelivered())
                .put("eventsProcessed", m.eventsProcessed())
                .put("operations", m.operations())
                .put("deliveriesPerSecond", m.deliveriesPerSecond())
                .put("deliveriesPerCpuSecond", m.deliveriesPerCpuSecond())
                .put("eventsPerSecond", m.eventsPerSecond())
                .put("operationsPerSecond", m.operationsPerSecond())
                .put("deliveriesPerOperation", m.deliveriesPerOperation())
                .put("virtualToWallRatio", m.virtualToWallRatio());
    }

    private String verdicts(boolean deliveries) {
        StringBuilder text = new StringBuilder();
        for (Row row : rows) {
            if (!deliveries && row.workload().thinkTimeMax().isZero()) {
                // Clients that never pause saturate the simulator: its virtual time says how
                // busy the store is, not how much a run of an experiment's shape covers.
                continue;
            }
            SimMeasurement m = row.measured();
            double value = deliveries ? m.deliveriesPerSecond() : m.virtualToWallRatio();
            double target = deliveries ? DELIVERIES_PER_SECOND_TARGET : VIRTUAL_TO_WALL_TARGET;
            if (!text.isEmpty()) {
                text.append(", ");
            }
            text.append(row.workload().name())
                    .append(' ')
                    .append(format(deliveries ? "%,.0f" : "%,.0fx", value))
                    .append(value >= target ? " (met)" : " (below)");
        }
        return text.toString();
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
