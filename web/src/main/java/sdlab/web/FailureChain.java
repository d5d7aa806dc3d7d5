package sdlab.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import sdlab.core.NodeId;
import sdlab.core.history.OpType;
import sdlab.lab.report.html.OperationSpan;
import sdlab.lab.report.html.TraceOperations;
import sdlab.sim.TraceEvent;

/**
 * Why a flagged operation failed, in plain words and only from what the trace shows: the value it got and who wrote it,
 * the value it should have seen (a newer one its client had read before, or the last write acknowledged before it
 * began) and who wrote that, which nodes answered each of them, and the faults that struck those nodes in between.
 * Each step names the event it rests on, so the page can step to it. The checker's own reason says what rule broke;
 * this says how it came about.
 *
 * <p>Reads and writes are told apart by their function's name ({@code read}/{@code get}, {@code write}/{@code put}/
 * {@code set}), values by equality: the chapters write unique values, so a value names its write. An operation that is
 * neither, or has no key, gets the faults that struck it only.
 */
final class FailureChain {
    /** A sentence and the trace event it rests on (-1: none). */
    record Step(String text, int event) {}

    /** Faults listed per chain; more are counted, not listed. */
    static final int FAULTS_MAX = 8;

    private static final Set<String> READS = Set.of("read", "get", "r");
    private static final Set<String> WRITES = Set.of("write", "put", "set", "w");

    private final List<OperationSpan> spans;
    private final List<TraceEvent> trace;
    private final int[] owners;
    private final TraceOperations names;
    private final Map<Integer, String> clients;
    /** The events that work for each operation, in trace order: a chain looks at a few operations of a long trace. */
    private final Map<Integer, List<Integer>> eventsOf = new HashMap<>();

    FailureChain(List<OperationSpan> spans, List<TraceEvent> trace, int[] owners, TraceOperations names) {
        this.spans = spans;
        this.trace = trace;
        this.owners = owners;
        this.names = names;
        this.clients = names.clientNames(spans);
        for (int index = 0; index < owners.length; index++) {
            if (owners[index] != MessageOwners.NONE) {
                eventsOf.computeIfAbsent(owners[index], owner -> new ArrayList<>())
                        .add(index);
            }
        }
    }

    /** The chain of operation {@code id}. */
    List<Step> of(int id) {
        OperationSpan failed = spans.get(id);
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(what(failed), names.has(id) ? names.invokeIndex(id) : -1));
        if (isWrite(failed) && failed.invoke().key() != null && failed.invoke().value() != null) {
            return writeChain(failed, steps);
        }
        if (!isRead(failed) || failed.invoke().key() == null) {
            faults(List.of(failed), steps);
            return steps;
        }
        Object got = okValue(failed);
        OperationSpan source = writerOf(failed.invoke().key(), got);
        if (got != null) {
            steps.add(
                    source == null
                            ? new Step(
                                    "No write of this history put " + got + " into "
                                            + failed.invoke().key() + ".",
                                    -1)
                            : new Step(
                                    "That value was written by " + who(source) + " (" + outcome(source) + ").",
                                    completeEvent(source)));
        }
        OperationSpan newerRead = newerReadBefore(failed, source);
        OperationSpan expected;
        List<OperationSpan> involved = new ArrayList<>(List.of(failed));
        if (newerRead != null) {
            expected = writerOf(failed.invoke().key(), okValue(newerRead));
            steps.add(new Step(
                    "Before it, " + who(newerRead) + " (finished at "
                            + millis(newerRead.completion().timeNanos())
                            + ") had read " + okValue(newerRead) + ", a newer value"
                            + (expected == null
                                    ? "."
                                    : ", written by " + who(expected) + " (" + outcome(expected) + ")."),
                    completeEvent(newerRead)));
            involved.add(newerRead);
            Map<NodeId, Integer> newerFrom = repliers(newerRead.id());
            steps.add(new Step(
                    names.name(newerRead.id()) + " got it from " + nodes(newerFrom.keySet()) + "; " + names.name(id)
                            + " heard from " + nodes(repliers(id).keySet()) + ".",
                    newerFrom.values().stream().findFirst().orElse(-1)));
        } else {
            expected = lastAcknowledgedWriteBefore(failed, got);
            if (expected != null) {
                steps.add(new Step(
                        label(expected) + ", before " + names.name(id)
                                + " began: a linearizable read returns its value or a later one.",
                        completeEvent(expected)));
            }
        }
        if (expected != null) {
            involved.add(expected);
            steps.add(replicas(expected, failed));
        }
        faults(involved, steps);
        return steps;
    }

    /**
     * A flagged write (one acknowledged and later lost, say): where its value travelled, before and after the
     * acknowledgement, which nodes never received it, and the faults that struck the nodes involved from its start on,
     * since what loses an acknowledged write comes after the acknowledgement. A value is followed through every message
     * that carries the key and the value as whole words, attributed or not: a primary ships it to replicas after a disk
     * sync, which {@link MessageOwners} leaves unattributed.
     */
    private List<Step> writeChain(OperationSpan write, List<Step> steps) {
        ValueCarriers carriers =
                ValueCarriers.of(trace, write.invoke().key(), write.invoke().value(), clientNodes());
        long acknowledged = write.completion() != null && write.completion().type() == OpType.OK
                ? write.completion().timeNanos()
                : Long.MAX_VALUE;
        Map<NodeId, Integer> before = new LinkedHashMap<>();
        Map<NodeId, Integer> after = new LinkedHashMap<>();
        carriers.firstDelivery()
                .forEach((node, index) ->
                        (trace.get(index).timeNanos() <= acknowledged ? before : after).put(node, index));
        String value = String.valueOf(write.invoke().value());
        if (acknowledged == Long.MAX_VALUE) {
            steps.add(new Step(
                    before.isEmpty()
                            ? "No message carried " + value + " to a node."
                            : value + " reached " + at(before) + ".",
                    before.values().stream().findFirst().orElse(-1)));
        } else {
            steps.add(new Step(
                    "When it was acknowledged at " + millis(acknowledged) + ", " + value
                            + (before.isEmpty() ? " had reached no node." : " had reached " + at(before) + "."),
                    before.values().stream().findFirst().orElse(completeEvent(write))));
            if (!after.isEmpty()) {
                steps.add(new Step(
                        "Later it reached " + at(after) + ".",
                        after.values().iterator().next()));
            }
        }
        List<NodeId> never = carriers.nodesNeverReached();
        if (!never.isEmpty()) {
            steps.add(new Step(nodes(never) + " never received it.", -1));
        }
        Set<NodeId> involved = new HashSet<>(carriers.firstDelivery().keySet());
        involved.add(names.has(write.id()) ? names.client(write.id()) : null);
        involved.remove(null);
        int from = names.has(write.id()) ? names.invokeIndex(write.id()) : 0;
        faults(from, trace.size() - 1, involved, Set.of(write.id()), steps);
        return steps;
    }

    /** "p (0.175 ms), r1 (2.381 ms)". */
    private String at(Map<NodeId, Integer> firstDelivery) {
        List<String> parts = new ArrayList<>();
        firstDelivery.forEach((node, index) ->
                parts.add(node.name() + " (" + millis(trace.get(index).timeNanos()) + ")"));
        return String.join(", ", parts);
    }

    private Set<NodeId> clientNodes() {
        Set<NodeId> clients = new HashSet<>();
        for (OperationSpan span : spans) {
            if (names.has(span.id())) {
                clients.add(names.client(span.id()));
            }
        }
        return clients;
    }

    private Step replicas(OperationSpan write, OperationSpan read) {
        Map<NodeId, Integer> holders = reached(write.id());
        Map<NodeId, Integer> readFrom = repliers(read.id());
        List<NodeId> both =
                readFrom.keySet().stream().filter(holders::containsKey).toList();
        String facts = names.name(write.id()) + "'s write reached " + nodes(holders.keySet()) + "; "
                + names.name(read.id()) + " heard from " + nodes(readFrom.keySet()) + ": ";
        int event = readFrom.values().stream().findFirst().orElse(-1);
        if (both.isEmpty()) {
            return new Step(facts + "none of the nodes that answered the read had received the write.", event);
        }
        return new Step(
                facts + nodes(both) + (both.size() == 1 ? " had" : " had each")
                        + " received the write, yet the read got the older value: step to the reply to see what "
                        + (both.size() == 1 ? "it" : "they") + " answered.",
                event);
    }

    /** The crashes, pauses, partitions, lost disks and dropped messages that struck the operations' nodes meanwhile. */
    private void faults(List<OperationSpan> involved, List<Step> steps) {
        int from = Integer.MAX_VALUE;
        int to = -1;
        Set<NodeId> nodes = new HashSet<>();
        Set<Integer> ops = new HashSet<>();
        for (OperationSpan span : involved) {
            if (!names.has(span.id())) {
                continue;
            }
            ops.add(span.id());
            from = Math.min(from, names.invokeIndex(span.id()));
            int end = names.completeIndex(span.id());
            to = Math.max(to, end < 0 ? trace.size() - 1 : end);
            nodes.add(names.client(span.id()));
            reached(span.id()).keySet().forEach(nodes::add);
            for (int index : eventsOf.getOrDefault(span.id(), List.of())) {
                TraceEvent event = trace.get(index);
                if (event.kind() == TraceEvent.Kind.SEND && event.peer() != null) {
                    nodes.add(event.peer());
                }
            }
        }
        faults(from, to, nodes, ops, steps);
    }

    /** The faults from event {@code from} to {@code to} that struck {@code nodes} or lost a message of {@code ops}. */
    private void faults(int from, int to, Set<NodeId> nodes, Set<Integer> ops, List<Step> steps) {
        int listed = 0;
        int more = 0;
        int cut = partitionInForceAt(from);
        if (cut >= 0) {
            steps.add(new Step(
                    "The network had been cut at " + millis(trace.get(cut).timeNanos()) + ": "
                            + trace.get(cut).detail() + ".",
                    cut));
            listed++;
        }
        for (int index = Math.max(0, from); index <= to && index < trace.size(); index++) {
            String fault = fault(trace.get(index), nodes, ops.contains(owners[index]));
            if (fault == null) {
                continue;
            }
            if (listed < FAULTS_MAX) {
                steps.add(new Step(fault, index));
                listed++;
            } else {
                more++;
            }
        }
        if (more > 0) {
            steps.add(new Step("and " + more + " more faults in that stretch.", -1));
        }
        if (listed == 0 && from <= to) {
            steps.add(new Step("No crash, pause, partition or lost message struck these nodes meanwhile.", -1));
        }
    }

    /** The partition still in force at event {@code index}, or -1: the latest cut not healed since. */
    private int partitionInForceAt(int index) {
        for (int before = Math.min(index, trace.size()) - 1; before >= 0; before--) {
            TraceEvent.Kind kind = trace.get(before).kind();
            if (kind == TraceEvent.Kind.HEAL) {
                return -1;
            }
            if (kind == TraceEvent.Kind.PARTITION) {
                return before;
            }
        }
        return -1;
    }

    private static String fault(TraceEvent event, Set<NodeId> nodes, boolean ownMessage) {
        String at = " at " + millis(event.timeNanos());
        return switch (event.kind()) {
            case CRASH -> nodes.contains(event.node()) ? event.node().name() + " crashed" + at + "." : null;
            case RESTART -> nodes.contains(event.node()) ? event.node().name() + " restarted" + at + "." : null;
            case PAUSE -> nodes.contains(event.node()) ? event.node().name() + " paused" + at + "." : null;
            case RESUME -> nodes.contains(event.node()) ? event.node().name() + " resumed" + at + "." : null;
            case DISK_LOST ->
                nodes.contains(event.node())
                        ? event.node().name() + " lost what it had not synced to disk" + at + "."
                        : null;
            case PARTITION -> "The network was cut" + at + ": " + event.detail() + ".";
            case HEAL -> "The network healed" + at + ".";
            case DROP ->
                ownMessage
                        ? "A message "
                                + (event.node() == null
                                        ? ""
                                        : "from " + event.node().name() + " ")
                                + (event.peer() == null
                                        ? ""
                                        : "to " + event.peer().name() + " ") + "was lost" + at + "."
                        : null;
            default -> null;
        };
    }

    /**
     * The nodes the operation's messages reached, each with the first such delivery. Where a node relayed it on (a
     * coordinator), the nodes beyond the relay: they hold the data; else the nodes the client reached itself.
     */
    private Map<NodeId, Integer> reached(int id) {
        return deliveries(id, false);
    }

    /**
     * The nodes that answered the operation's messages: a delivery back to a node that had sent them one. Beyond a
     * relay as in {@link #reached}. A reply sent only after a disk sync is not attributed by {@link MessageOwners}, so
     * a write's answers may be missing; its {@link #reached} nodes are not.
     */
    private Map<NodeId, Integer> repliers(int id) {
        return deliveries(id, true);
    }

    private Map<NodeId, Integer> deliveries(int id, boolean repliesOnly) {
        Map<NodeId, Integer> fromClient = new LinkedHashMap<>();
        Map<NodeId, Integer> beyond = new LinkedHashMap<>();
        if (!names.has(id)) {
            return fromClient;
        }
        NodeId client = names.client(id);
        Set<List<NodeId>> asked = new HashSet<>();
        for (int index : eventsOf.getOrDefault(id, List.of())) {
            TraceEvent event = trace.get(index);
            if (event.peer() == null) {
                continue;
            }
            if (event.kind() == TraceEvent.Kind.SEND) {
                asked.add(List.of(event.node(), event.peer()));
            } else if (event.kind() == TraceEvent.Kind.DELIVER) {
                if (repliesOnly) {
                    // A reply: delivered to a node that had sent the replier a message of this operation.
                    if (asked.contains(List.of(event.node(), event.peer()))) {
                        (client.equals(event.node()) ? fromClient : beyond).putIfAbsent(event.peer(), index);
                    }
                } else if (asked.contains(List.of(event.node(), event.peer()))) {
                    continue; // a reply to its receiver's request: it reached a node that had asked
                } else if (!event.node().equals(client) && !event.peer().equals(client)) {
                    beyond.putIfAbsent(event.node(), index);
                } else if (event.peer().equals(client)) {
                    fromClient.putIfAbsent(event.node(), index);
                }
            }
        }
        return beyond.isEmpty() ? fromClient : beyond;
    }

    private OperationSpan writerOf(String key, Object value) {
        if (value == null) {
            return null;
        }
        for (OperationSpan span : spans) {
            if (isWrite(span)
                    && key.equals(span.invoke().key())
                    && same(span.invoke().value(), value)) {
                return span;
            }
        }
        return null;
    }

    /** The latest read of the key by the same process, completed before {@code read} began, of another value. */
    private OperationSpan newerReadBefore(OperationSpan read, OperationSpan sourceOfRead) {
        OperationSpan latest = null;
        for (OperationSpan span : spans) {
            if (span.id() >= read.id()) {
                break;
            }
            if (span.invoke().process() == read.invoke().process()
                    && isRead(span)
                    && read.invoke().key().equals(span.invoke().key())
                    && okValue(span) != null
                    && !same(okValue(span), okValue(read))) {
                latest = span;
            }
        }
        if (latest == null) {
            return null;
        }
        // Newer only if its value's write began after the write of the value read now finished.
        OperationSpan itsWriter = writerOf(read.invoke().key(), okValue(latest));
        boolean newer = sourceOfRead == null
                || itsWriter != null
                        && sourceOfRead.completion() != null
                        && itsWriter.startNanos() > sourceOfRead.completion().timeNanos();
        return newer ? latest : null;
    }

    private OperationSpan lastAcknowledgedWriteBefore(OperationSpan read, Object got) {
        OperationSpan latest = null;
        for (OperationSpan span : spans) {
            if (isWrite(span)
                    && read.invoke().key().equals(span.invoke().key())
                    && span.completion() != null
                    && span.completion().type() == OpType.OK
                    && span.completion().timeNanos() < read.startNanos()
                    && (latest == null
                            || span.completion().timeNanos()
                                    > latest.completion().timeNanos())) {
                latest = span;
            }
        }
        return latest == null || same(latest.invoke().value(), got) ? null : latest;
    }

    private String what(OperationSpan span) {
        String subject = who(span);
        String when = " from " + millis(span.startNanos())
                + (span.completion() == null
                        ? " and never completed"
                        : " to " + millis(span.completion().timeNanos()));
        if (isWrite(span) && span.invoke().key() != null && span.invoke().value() != null) {
            return subject + " wrote " + span.invoke().value() + " to "
                    + span.invoke().key() + " from "
                    + millis(span.startNanos())
                    + (span.completion() == null ? " and never completed." : ", " + outcome(span) + ".");
        }
        if (isRead(span) && span.invoke().key() != null) {
            Object got = okValue(span);
            return subject + " read " + span.invoke().key() + when
                    + (span.completion() == null || span.completion().type() != OpType.OK
                            ? "."
                            : got == null ? " and found no value." : " and got " + got + ".");
        }
        return subject + " ran " + span.summary() + when + ".";
    }

    /** "op 41 of c1 wrote 7 to k0, acknowledged at 120.000 ms". */
    private String label(OperationSpan span) {
        return who(span) + " wrote " + span.invoke().value() + " to "
                + span.invoke().key() + ", " + outcome(span);
    }

    private String who(OperationSpan span) {
        return names.name(span.id()) + " of " + client(span);
    }

    private static String outcome(OperationSpan span) {
        if (span.completion() == null) {
            return "never completed";
        }
        if (span.completion().type() == OpType.OK) {
            return "acknowledged at " + millis(span.completion().timeNanos());
        }
        return span.completion().type().wireName()
                + (span.completion().error() == null
                        ? ""
                        : ": " + span.completion().error());
    }

    private String client(OperationSpan span) {
        return clients.getOrDefault(span.invoke().process(), "p" + span.invoke().process());
    }

    private int completeEvent(OperationSpan span) {
        return names.has(span.id()) ? names.completeIndex(span.id()) : -1;
    }

    private static Object okValue(OperationSpan span) {
        return span.completion() != null && span.completion().type() == OpType.OK
                ? span.completion().value()
                : null;
    }

    private static boolean isRead(OperationSpan span) {
        return READS.contains(span.invoke().f().toLowerCase(Locale.ROOT));
    }

    private static boolean isWrite(OperationSpan span) {
        return WRITES.contains(span.invoke().f().toLowerCase(Locale.ROOT));
    }

    /** Equal values; numbers by their text, since a history read back may hold an Integer where a Long was written. */
    private static boolean same(Object a, Object b) {
        return Objects.equals(a, b) || a != null && b != null && a.toString().equals(b.toString());
    }

    private static String nodes(Collection<NodeId> nodes) {
        if (nodes.isEmpty()) {
            return "no node";
        }
        return String.join(", ", nodes.stream().map(NodeId::name).sorted().toList());
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.3f ms", nanos / 1e6);
    }
}
