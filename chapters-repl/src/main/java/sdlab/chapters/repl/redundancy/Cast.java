package sdlab.chapters.repl.redundancy;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import sdlab.core.Node;
import sdlab.core.NodeId;
import sdlab.lab.ParamValues;
import sdlab.repl.Entry;
import sdlab.repl.FailoverManager;
import sdlab.repl.HealthCheck;
import sdlab.repl.ReplClient;
import sdlab.repl.ReplConfig;
import sdlab.repl.ReplNode;

/**
 * What every deployment of one run shares: the parameters, the store's report and the client processes.
 *
 * @param values the run's parameters
 * @param bug a planted bug for every store node, or {@link ReplConfig.Bug#NONE}
 * @param ledger where the store reports
 * @param clients the client processes, writers first
 */
record Cast(ParamValues values, ReplConfig.Bug bug, RedundancyLedger ledger, List<NodeId> clients) {
    /** How often a primary ships, or sends a heartbeat, to each copy. */
    static final Duration HEARTBEAT = Duration.ofMillis(10);

    int writers() {
        return values.get(RedundancyParams.WRITERS);
    }

    long clientTimeoutNanos() {
        return values.get(RedundancyParams.CLIENT_TIMEOUT).toNanos();
    }

    /**
     * A client that talks to {@code first} and turns to {@code others}, in order, when the node in use does not answer,
     * going back to {@code first} after the failback time.
     */
    ReplClient.Settings multiHost(NodeId first, List<NodeId> others) {
        return ReplClient.Settings.atPrimary(first, clientTimeoutNanos())
                .withAlternates(others, values.get(RedundancyParams.FAILBACK).toNanos());
    }

    /** Asynchronous replication from {@code primary} to {@code replicas}, with the run's apply time and bug. */
    ReplConfig config(NodeId primary, List<NodeId> replicas) {
        return ReplConfig.defaults(primary, replicas)
                .withHeartbeatNanos(HEARTBEAT.toNanos())
                .withApplyNanosPerEntry(values.get(RedundancyParams.APPLY).toNanos())
                .withBug(bug);
    }

    /**
     * A manager that writes a heartbeat through the primary every check interval and, after the configured failures
     * in a row, promotes the most advanced of the others, giving it {@code graceNanos} to start taking writes.
     */
    FailoverManager.Settings manager(NodeId primary, List<NodeId> nodes, long graceNanos) {
        long interval = values.get(RedundancyParams.CHECK_INTERVAL).toNanos();
        return new FailoverManager.Settings(
                primary,
                nodes,
                clients,
                new HealthCheck.Query(graceNanos),
                interval,
                values.get(RedundancyParams.FAILURES),
                2 * interval,
                1);
    }

    /** The store node {@code id} as the run left it, or null while it is down. */
    static <T extends Node> T live(Function<NodeId, Node> nodes, NodeId id, Class<T> type) {
        Node node = nodes.apply(id);
        return type.isInstance(node) ? type.cast(node) : null;
    }

    /** The values in {@code entries}, added to {@code into}. */
    static Set<String> values(List<Entry> entries, Set<String> into) {
        entries.forEach(entry -> into.add(entry.value()));
        return into;
    }

    /** The values a single-primary store keeps: its final primary's log, or nothing if it is down. */
    static Set<String> keptBy(Function<NodeId, Node> nodes, NodeId primary) {
        ReplNode node = live(nodes, primary, ReplNode.class);
        return node == null ? Set.of() : values(node.log(), new java.util.HashSet<>());
    }
}
