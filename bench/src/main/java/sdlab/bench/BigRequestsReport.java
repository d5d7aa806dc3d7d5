package sdlab.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import sdlab.bench.peer.BigRequestComparison.AttackRound;
import sdlab.bench.peer.BigRequestComparison.Memory;
import sdlab.bench.peer.BigRequestComparison.Results;
import sdlab.bench.peer.BigRequestComparison.SetRound;
import sdlab.bench.peer.BigRequestComparison.SetRows;
import sdlab.bench.peer.BigRequestComparison.Settings;

/** The big-request measurement as a table (every round, then the goals) or JSON. */
record BigRequestsReport(Settings settings, Machine start, Machine end, Results results) {
    static final double SET_RATIO_MAX = 2.0;
    static final double PING_MS_MAX = 50.0;
    /** How far above its pre-attack RSS a server may stay after the attackers leave and still count as back. */
    static final long RSS_BACK_SLACK_KIB = 64 * 1024;

    String text() {
        StringBuilder text = new StringBuilder();
        text.append(format(
                "Big requests, sdlab node cache vs redis-server: SET of %d MiB while another client PINGs every"
                        + " 5 ms (%d rounds per side, alternating); %d clients streaming %d MiB each into"
                        + " unfinished $536870000 bulks, maxmemory-clients 1gb on both.%n",
                settings.setBytes() >> 20, settings.rounds(), settings.attackers(), settings.attackBytesEach() >> 20));
        text.append("Machine: ")
                .append(start.describe())
                .append(format("; load average %.2f at the end.%n%n", end.loadAverage()));
        text.append(format(
                "%-22s %-12s %8s %10s %10s %10s %10s %10s%n",
                "workload", "server", "seconds", "PING p99", "PING max", "RSS before", "RSS peak", "RSS after"));
        for (SetRows rows : results.sets()) {
            String workload = "SET, appendonly " + rows.appendonly();
            for (int round = 0; round < rows.sdlab().size(); round++) {
                text.append(setLine(workload, "sdlab", rows.sdlab().get(round)));
                text.append(setLine(workload, "redis-server", rows.peer().get(round)));
            }
        }
        if (results.sdlabAttack() != null) {
            text.append(attackLine("sdlab", results.sdlabAttack()));
            text.append(attackLine("redis-server", results.peerAttack()));
        }
        text.append('\n');
        for (SetRows rows : results.sets()) {
            double ratio = medianRatio(rows, SetRound::seconds);
            double pingMax = rows.sdlab().stream()
                    .mapToDouble(r -> r.ping().latencyMsMax())
                    .max()
                    .orElse(Double.NaN);
            double peerPingMax = rows.peer().stream()
                    .mapToDouble(r -> r.ping().latencyMsMax())
                    .max()
                    .orElse(Double.NaN);
            text.append(format(
                    "SET, appendonly %-3s: time %.2fx redis-server's (median of the rounds' ratios; goal <= %.1fx:"
                            + " %s); PING max %.1f ms (redis-server %.1f ms; goal < %.0f ms: %s)%n",
                    rows.appendonly(),
                    ratio,
                    SET_RATIO_MAX,
                    ratio <= SET_RATIO_MAX ? "met" : "missed",
                    pingMax,
                    peerPingMax,
                    PING_MS_MAX,
                    pingMax < PING_MS_MAX ? "met" : "missed"));
            double pingP99 = worst(rows, r -> r.ping().latencyMsP99(), true);
            double peerPingP99 = worst(rows, r -> r.ping().latencyMsP99(), false);
            text.append(format(
                    "PING p99 during the SET, appendonly %-3s: %.1f ms, redis-server %.1f ms (worst round; %.2fx;"
                            + " goal < %.0f ms: %s)%n",
                    rows.appendonly(),
                    pingP99,
                    peerPingP99,
                    pingP99 / peerPingP99,
                    PING_MS_MAX,
                    pingP99 < PING_MS_MAX ? "met" : "missed"));
        }
        if (results.sdlabAttack() != null) {
            AttackRound attack = results.sdlabAttack();
            text.append(format(
                    "Attack: %d of %d clients evicted; PING p99 %.1f ms, max %.1f ms (goal p99 < %.0f ms: %s);"
                            + " RSS %s%n",
                    attack.evicted(),
                    attack.attackers(),
                    attack.ping().latencyMsP99(),
                    attack.ping().latencyMsMax(),
                    PING_MS_MAX,
                    attack.ping().latencyMsP99() < PING_MS_MAX ? "met" : "missed",
                    memory(attack.memory())));
            text.append(rssAfterAttackLine(attack.memory(), results.peerAttack().memory()));
        }
        text.append(format(
                "RSS in MiB, from /proc/PID/status VmRSS: before the load, its peak, and after (the SET's value"
                        + " deleted and 2 s passed; the attackers gone and %d s passed).%n",
                settings.settleSeconds()));
        return text.toString();
    }

    /** The worst of one side's rounds by {@code figure}: sdlab's if {@code ours}, else redis-server's. */
    private static double worst(SetRows rows, ToDoubleFunction<SetRound> figure, boolean ours) {
        return (ours ? rows.sdlab() : rows.peer())
                .stream().mapToDouble(figure).max().orElse(Double.NaN);
    }

    /** Issue 11's "RSS returns near its baseline after they leave", beside redis-server's in the same run. */
    static String rssAfterAttackLine(Memory sdlab, Memory peer) {
        long aboveKib = sdlab.afterKib() - sdlab.beforeKib();
        long peerAboveKib = peer.afterKib() - peer.beforeKib();
        return format(
                "RSS after the attackers leave: %+.0f MiB against the node's baseline, redis-server %+.0f MiB"
                        + " (goal within %d MiB: %s)%n",
                aboveKib / 1024.0,
                peerAboveKib / 1024.0,
                RSS_BACK_SLACK_KIB / 1024,
                aboveKib <= RSS_BACK_SLACK_KIB ? "met" : "missed");
    }

    private static String setLine(String workload, String side, SetRound round) {
        return format(
                "%-22s %-12s %8.2f %8.1fms %8.1fms %s%n",
                workload,
                side,
                round.seconds(),
                round.ping().latencyMsP99(),
                round.ping().latencyMsMax(),
                memoryColumns(round.memory()));
    }

    private static String attackLine(String side, AttackRound round) {
        return format(
                "%-22s %-12s %8.2f %8.1fms %8.1fms %s  (%d/%d evicted)%n",
                "attack, " + round.attackers() + " clients",
                side,
                round.seconds(),
                round.ping().latencyMsP99(),
                round.ping().latencyMsMax(),
                memoryColumns(round.memory()),
                round.evicted(),
                round.attackers());
    }

    private static String memoryColumns(Memory memory) {
        return format(
                "%10.0f %10.0f %10.0f",
                memory.beforeKib() / 1024.0, memory.peakKib() / 1024.0, memory.afterKib() / 1024.0);
    }

    private static String memory(Memory memory) {
        return format(
                "%.0f MiB before, %.0f at peak, %.0f after",
                memory.beforeKib() / 1024.0, memory.peakKib() / 1024.0, memory.afterKib() / 1024.0);
    }

    private static double medianRatio(SetRows rows, ToDoubleFunction<SetRound> figure) {
        double[] ratios = new double[rows.sdlab().size()];
        for (int round = 0; round < ratios.length; round++) {
            ratios[round] = figure.applyAsDouble(rows.sdlab().get(round))
                    / figure.applyAsDouble(rows.peer().get(round));
        }
        Arrays.sort(ratios);
        int middle = ratios.length / 2;
        return ratios.length % 2 == 1 ? ratios[middle] : (ratios[middle - 1] + ratios[middle]) / 2;
    }

    String json() {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("benchmark", "cache big-requests");
        root.put("cores", start.cores());
        root.put("loadAverage", start.loadAverage());
        root.put("loadAverageEnd", end.loadAverage());
        root.put("java", start.javaVersion());
        root.set("settings", mapper.valueToTree(settings));
        root.set("results", mapper.valueToTree(results));
        var ratios = root.putArray("setTimeRatios");
        for (SetRows rows : results.sets()) {
            ratios.addObject().put("appendonly", rows.appendonly()).put("ratio", medianRatio(rows, SetRound::seconds));
        }
        try {
            return mapper.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
