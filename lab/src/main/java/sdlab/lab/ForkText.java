package sdlab.lab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import sdlab.core.NodeId;
import sdlab.sim.Fork;
import sdlab.sim.Intervention;
import sdlab.sim.Partition;

/**
 * Forks as people write them on the command line and in a link: {@code STEP:CHANGE}, several joined by commas. STEP is
 * the step as the page and {@code --trace} number it, from 1; the change is made after it.
 *
 * <pre>
 *   1027:drop:406            lose message #406, in flight at that step
 *   1027:delay:406:50ms      deliver it 50 ms later than it would have arrived
 *   1027:deliver:406         deliver it now
 *   1027:crash:n3:200ms      crash n3 (unsynced writes lost), restart it 200 ms later
 *   1027:pause:n3:200ms      stop n3 for 200 ms
 *   1027:cut:n3/n1+n2:300ms  cut every link between the groups (nodes joined by +, groups by /) for 300 ms
 * </pre>
 */
public final class ForkText {
    /** What {@link #parse} takes, for error messages and help. */
    public static final String FORMS = "STEP:drop:MSG, STEP:delay:MSG:DURATION, STEP:deliver:MSG,"
            + " STEP:crash:NODE:DURATION, STEP:pause:NODE:DURATION or STEP:cut:NODES/NODES:DURATION";

    private ForkText() {}

    /** The forks {@code text} names; empty text is none. Throws {@link IllegalArgumentException} saying what is wrong. */
    public static List<Fork> parse(String text) {
        List<Fork> forks = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return forks;
        }
        for (String item : text.split(",")) {
            forks.add(parseOne(item.trim()));
        }
        return forks;
    }

    /** The text {@link #parse} reads back as {@code forks}. */
    public static String format(List<Fork> forks) {
        return forks.stream().map(ForkText::formatOne).collect(Collectors.joining(","));
    }

    private static Fork parseOne(String item) {
        String[] parts = item.split(":", -1);
        if (parts.length < 3) {
            throw bad(item, "expected " + FORMS);
        }
        long step = number(parts[0], item, "the step");
        if (step < 1 || step > Integer.MAX_VALUE) {
            throw bad(item, "the step counts from 1");
        }
        String action = parts[1].toLowerCase(Locale.ROOT);
        Intervention change =
                switch (action) {
                    case "drop" -> {
                        arity(parts, 3, item);
                        yield new Intervention.DropMessage(number(parts[2], item, "the message"));
                    }
                    case "delay" -> {
                        arity(parts, 4, item);
                        yield new Intervention.DelayMessage(
                                number(parts[2], item, "the message"), duration(parts[3], item));
                    }
                    case "deliver" -> {
                        arity(parts, 3, item);
                        yield new Intervention.DeliverMessageNow(number(parts[2], item, "the message"));
                    }
                    case "crash" -> {
                        arity(parts, 4, item);
                        yield new Intervention.CrashNode(node(parts[2], item), duration(parts[3], item));
                    }
                    case "pause" -> {
                        arity(parts, 4, item);
                        yield new Intervention.PauseNode(node(parts[2], item), duration(parts[3], item));
                    }
                    case "cut" -> {
                        arity(parts, 4, item);
                        yield new Intervention.CutNetwork(partition(parts[2], item), duration(parts[3], item));
                    }
                    default -> throw bad(item, "unknown change '" + parts[1] + "'; expected " + FORMS);
                };
        return new Fork((int) step - 1, change);
    }

    private static String formatOne(Fork fork) {
        String step = Integer.toString(fork.afterTraceEvent() + 1);
        return step + ":"
                + switch (fork.change()) {
                    case Intervention.DropMessage drop -> "drop:" + drop.messageId();
                    case Intervention.DelayMessage delay ->
                        "delay:" + delay.messageId() + ":" + DurationText.format(delay.by());
                    case Intervention.DeliverMessageNow now -> "deliver:" + now.messageId();
                    case Intervention.CrashNode crash ->
                        "crash:" + crash.node().name() + ":" + DurationText.format(crash.downFor());
                    case Intervention.PauseNode pause ->
                        "pause:" + pause.node().name() + ":" + DurationText.format(pause.length());
                    case Intervention.CutNetwork cut ->
                        "cut:" + groups(cut.partition()) + ":" + DurationText.format(cut.length());
                };
    }

    private static String groups(Partition partition) {
        if (!(partition instanceof Partition.Between between)) {
            throw new IllegalArgumentException(
                    "only a cut between groups has a text form, not " + partition.describe());
        }
        return group(between.a()) + "/" + group(between.b());
    }

    private static String group(Set<NodeId> nodes) {
        return nodes.stream().map(NodeId::name).sorted().collect(Collectors.joining("+"));
    }

    private static Partition partition(String text, String item) {
        String[] sides = text.split("/", -1);
        if (sides.length != 2) {
            throw bad(item, "a cut names two groups: NODES/NODES, nodes joined by +, e.g. n3/n1+n2");
        }
        Set<NodeId> a = nodes(sides[0], item);
        Set<NodeId> b = nodes(sides[1], item);
        for (NodeId node : a) {
            if (b.contains(node)) {
                throw bad(item, node + " is on both sides of the cut");
            }
        }
        return Partition.between(a, b);
    }

    private static Set<NodeId> nodes(String text, String item) {
        Set<NodeId> nodes = new LinkedHashSet<>();
        for (String name : text.split("\\+", -1)) {
            nodes.add(node(name, item));
        }
        return nodes;
    }

    private static NodeId node(String name, String item) {
        if (name.isBlank()) {
            throw bad(item, "a node's name is missing");
        }
        return NodeId.of(name.trim());
    }

    private static long number(String text, String item, String what) {
        try {
            return Long.parseLong(text.trim().replaceFirst("^#", ""));
        } catch (NumberFormatException e) {
            throw bad(item, what + " must be a whole number, got '" + text + "'");
        }
    }

    private static Duration duration(String text, String item) {
        Duration duration = DurationText.parse(text.trim())
                .orElseThrow(() -> bad(item, "a length must look like 200ms or 1.5s, got '" + text + "'"));
        if (duration.isZero()) {
            throw bad(item, "a length must be more than 0");
        }
        return duration;
    }

    private static void arity(String[] parts, int expected, String item) {
        if (parts.length != expected) {
            throw bad(
                    item,
                    "'" + parts[1] + "' takes " + (expected - 2) + " argument" + (expected == 3 ? "" : "s")
                            + "; expected " + FORMS);
        }
    }

    private static IllegalArgumentException bad(String item, String why) {
        return new IllegalArgumentException("bad fork '" + item + "': " + why);
    }
}
