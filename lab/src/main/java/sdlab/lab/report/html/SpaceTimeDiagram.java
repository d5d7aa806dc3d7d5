package sdlab.lab.report.html;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import sdlab.core.NodeId;
import sdlab.sim.TraceEvent;

/**
 * The space-time (Lamport) diagram of one window of a run: a vertical line per node or client, time flowing down, an
 * arrow from each message's SEND to its DELIVER labelled with the message's type, a cross where a message was
 * dropped, crashed and paused stretches shaded on their node's line, partitions shaded across the whole diagram, and
 * the operations a checker flagged outlined on their client's line with their trace name ({@code op 59}). Each event
 * gets its own row rather than a position proportional to time, because simulated events bunch up at the same
 * instants and would overlap; the virtual time of every tenth row is written in the margin. Hovering over a mark or an
 * arrow shows the trace line.
 *
 * <p>A window is a slice of the whole trace ({@link TraceWindows}): the lanes come from the whole trace, so that every
 * window of a run has the same columns, and what was under way when the window opens (a crash, a pause, a partition,
 * a message in flight) is read from the events before it and drawn from the window's top edge.
 */
final class SpaceTimeDiagram {
    private static final int LEFT = 96;
    private static final int TOP = 44;
    private static final int ROW = 12;
    private static final int LABEL_EVERY_ROWS = 10;

    /**
     * An operation a checker singled out, located in the trace.
     *
     * @param name the trace's name for it ("op 59")
     * @param client the client lane it runs on
     * @param invokeIndex the trace index of its INVOKE event
     * @param completeIndex the trace index of its COMPLETE event, or -1 if it never completed
     * @param text what it did and why it was flagged, for the label and the hover text
     */
    record FlaggedOperation(String name, NodeId client, int invokeIndex, int completeIndex, String text) {}

    private record Point(double x, double y, TraceEvent event) {}

    private record Partition(int y, String text) {}

    private final String id;
    private final List<TraceEvent> trace;
    private final int from;
    private final int to;
    private final Map<NodeId, Integer> lanes = new HashMap<>();
    private final int laneGap;
    private final int bottom;
    private final StringBuilder shading = new StringBuilder();
    private final StringBuilder arrows = new StringBuilder();
    private final StringBuilder labels = new StringBuilder();
    private final StringBuilder marks = new StringBuilder();
    private final Map<Long, Point> sends = new HashMap<>();
    private final Map<NodeId, Integer> crashedSince = new LinkedHashMap<>();
    private final Map<NodeId, Integer> pausedSince = new LinkedHashMap<>();
    private final Deque<Partition> partitions = new ArrayDeque<>();

    private SpaceTimeDiagram(String id, List<TraceEvent> trace, int from, int to) {
        this.id = id;
        this.trace = trace;
        this.from = from;
        this.to = to;
        TreeSet<NodeId> names = new TreeSet<>(NaturalOrder.NODE_IDS);
        for (TraceEvent event : trace) {
            if (event.node() != null) {
                names.add(event.node());
            }
            if (event.peer() != null) {
                names.add(event.peer());
            }
        }
        for (NodeId name : names) {
            lanes.put(name, lanes.size());
        }
        this.laneGap = Math.max(56, Math.min(120, 880 / Math.max(1, lanes.size())));
        this.bottom = TOP + (to - from) * ROW + ROW;
    }

    /** The diagram of the whole trace, nothing flagged; {@code id} makes its SVG ids unique in the page. */
    static String svg(String id, List<TraceEvent> trace) {
        return svg(id, trace, 0, trace.size(), List.of());
    }

    /**
     * The diagram of events {@code from} (inclusive) to {@code to} (exclusive) of {@code trace}, with {@code flagged}
     * outlined where they fall in that window; {@code id} makes its SVG ids unique in the page.
     */
    static String svg(String id, List<TraceEvent> trace, int from, int to, List<FlaggedOperation> flagged) {
        if (from < 0 || to > trace.size() || from > to) {
            throw new IllegalArgumentException(
                    "window " + from + " to " + to + " is not within a trace of " + trace.size() + " events");
        }
        SpaceTimeDiagram diagram = new SpaceTimeDiagram(id, trace, from, to);
        return diagram.draw(flagged);
    }

    private String draw(List<FlaggedOperation> flagged) {
        for (int index = 0; index < from; index++) {
            carryIn(trace.get(index));
        }
        for (int index = from; index < to; index++) {
            event(trace.get(index), rowY(index));
        }
        crashedSince.forEach((node, y) -> stretch(node, y, bottom, "crashed", "crashed beyond this window"));
        pausedSince.forEach((node, y) -> stretch(node, y, bottom, "paused", "paused beyond this window"));
        partitions.forEach(p -> band(p.y(), bottom, p.text() + " (not healed within this window)"));
        flagged.forEach(this::flag);
        int width = LEFT + laneGap * lanes.size() + 24;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"spacetime\" xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(width)
                .append("\" height=\"")
                .append(bottom + ROW)
                .append("\" viewBox=\"0 0 ")
                .append(width)
                .append(' ')
                .append(bottom + ROW)
                .append("\" role=\"img\">")
                .append("<defs><marker id=\"")
                .append(id)
                .append("-arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\"")
                .append(" orient=\"auto-start-reverse\"><path class=\"arrowhead\" d=\"M 0 0 L 10 5 L 0 10 z\"/>")
                .append("</marker></defs>");
        svg.append(shading);
        axes(svg);
        svg.append(arrows).append(marks).append(labels).append("</svg>");
        return svg.toString();
    }

    private int rowY(int index) {
        return TOP + (index - from) * ROW + ROW / 2;
    }

    /** Remembers what an event before the window leaves under way when the window opens. */
    private void carryIn(TraceEvent event) {
        NodeId node = event.node();
        switch (event.kind()) {
            case SEND, DUPLICATE -> sends.put(event.messageId(), new Point(x(node), TOP - 4, event));
            case CRASH -> crashedSince.putIfAbsent(node, TOP - 4);
            case RESTART -> crashedSince.remove(node);
            case PAUSE -> pausedSince.putIfAbsent(node, TOP - 4);
            case RESUME -> pausedSince.remove(node);
            case PARTITION -> partitions.addLast(new Partition(TOP - 4, event.format()));
            case HEAL -> partitions.pollFirst();
            default -> {}
        }
    }

    private void axes(StringBuilder svg) {
        svg.append("<text class=\"axis\" x=\"4\" y=\"").append(TOP - 30).append("\">virtual time &#8595;</text>");
        for (int row = 0; row < to - from; row += LABEL_EVERY_ROWS) {
            int y = TOP + row * ROW + ROW / 2;
            svg.append("<line class=\"grid\" x1=\"")
                    .append(LEFT - 8)
                    .append("\" y1=\"")
                    .append(y)
                    .append("\" x2=\"")
                    .append(LEFT + laneGap * lanes.size())
                    .append("\" y2=\"")
                    .append(y)
                    .append("\"/><text class=\"time\" x=\"")
                    .append(LEFT - 12)
                    .append("\" y=\"")
                    .append(y + 4)
                    .append("\" text-anchor=\"end\">")
                    .append(Html.millis(trace.get(from + row).timeNanos()))
                    .append("</text>");
        }
        lanes.entrySet().stream().sorted(Map.Entry.comparingByValue()).forEach(lane -> {
            String x = Html.coord(x(lane.getKey()));
            svg.append("<text class=\"lane\" x=\"")
                    .append(x)
                    .append("\" y=\"")
                    .append(TOP - 14)
                    .append("\" text-anchor=\"middle\">")
                    .append(Html.escape(lane.getKey().name()))
                    .append("</text><line class=\"lifeline\" x1=\"")
                    .append(x)
                    .append("\" y1=\"")
                    .append(TOP - 8)
                    .append("\" x2=\"")
                    .append(x)
                    .append("\" y2=\"")
                    .append(bottom)
                    .append("\"/>");
        });
    }

    private void event(TraceEvent event, int y) {
        NodeId node = event.node();
        switch (event.kind()) {
            case SEND, DUPLICATE -> {
                sends.put(event.messageId(), new Point(x(node), y, event));
                dot(event, y, "send", 2.5);
            }
            case DELIVER -> deliver(event, y);
            case DROP -> drop(event, y);
            case CRASH -> {
                if (node != null) {
                    crashedSince.putIfAbsent(node, y);
                }
                dot(event, y, "crash", 3.5);
            }
            case RESTART -> {
                Integer since = crashedSince.remove(node);
                if (node != null) {
                    stretch(node, since == null ? TOP : since, y, "crashed", event.format());
                }
                dot(event, y, "restart", 3.5);
            }
            case PAUSE -> {
                if (node != null) {
                    pausedSince.putIfAbsent(node, y);
                }
                dot(event, y, "pause", 3.5);
            }
            case RESUME -> {
                Integer since = pausedSince.remove(node);
                if (node != null) {
                    stretch(node, since == null ? TOP : since, y, "paused", event.format());
                }
            }
            case PARTITION -> partitions.addLast(new Partition(y, event.format()));
            case HEAL -> {
                Partition partition = partitions.pollFirst();
                band(partition == null ? TOP : partition.y(), y, partition == null ? event.format() : partition.text());
            }
            case TIMER -> dot(event, y, "timer", 2.5);
            case SYNC, DISK_LOST -> dot(event, y, event.kind() == TraceEvent.Kind.SYNC ? "sync" : "disklost", 3);
            case NOTE -> dot(event, y, "note", 3);
            case INVOKE, COMPLETE -> dot(event, y, event.kind() == TraceEvent.Kind.INVOKE ? "invoke" : "complete", 3);
        }
    }

    private void deliver(TraceEvent event, int y) {
        Point sent = sends.get(event.messageId());
        double toX = x(event.node());
        String text = sent == null ? event.format() : sent.event().format() + "\n" + event.format();
        double fromX = sent == null ? x(event.peer()) : sent.x();
        double fromY = sent == null ? y - ROW : sent.y();
        arrows.append("<line class=\"message\" x1=\"")
                .append(Html.coord(fromX))
                .append("\" y1=\"")
                .append(Html.coord(fromY))
                .append("\" x2=\"")
                .append(Html.coord(toX))
                .append("\" y2=\"")
                .append(y)
                .append("\" marker-end=\"url(#")
                .append(id)
                .append("-arrow)\">")
                .append(Html.title(text))
                .append("</line>");
        messageLabel(sent == null ? event : sent.event(), (fromX + toX) / 2, (fromY + y) / 2);
        dot(event, y, "deliver", 2);
    }

    private void drop(TraceEvent event, int y) {
        Point sent = sends.get(event.messageId());
        double fromX = sent == null ? x(event.node()) : sent.x();
        double fromY = sent == null ? y : sent.y();
        double toX = event.peer() == null ? fromX + laneGap / 2.0 : fromX + (x(event.peer()) - fromX) * 0.6;
        String text = sent == null ? event.format() : sent.event().format() + "\n" + event.format();
        arrows.append("<g class=\"dropped\">")
                .append(Html.title(text))
                .append("<line x1=\"")
                .append(Html.coord(fromX))
                .append("\" y1=\"")
                .append(Html.coord(fromY))
                .append("\" x2=\"")
                .append(Html.coord(toX))
                .append("\" y2=\"")
                .append(y)
                .append("\"/><path d=\"M ")
                .append(Html.coord(toX - 4))
                .append(' ')
                .append(y - 4)
                .append(" L ")
                .append(Html.coord(toX + 4))
                .append(' ')
                .append(y + 4)
                .append(" M ")
                .append(Html.coord(toX - 4))
                .append(' ')
                .append(y + 4)
                .append(" L ")
                .append(Html.coord(toX + 4))
                .append(' ')
                .append(y - 4)
                .append("\"/></g>");
        if (sent != null) {
            messageLabel(sent.event(), (fromX + toX) / 2, (fromY + y) / 2);
        }
    }

    /** The message's type ("ReplicaRead") halfway along its arrow; the full message is in the hover text. */
    private void messageLabel(TraceEvent send, double x, double y) {
        String type = MessageType.of(send.detail());
        if (type.isEmpty()) {
            return;
        }
        labels.append("<text class=\"msg\" x=\"")
                .append(Html.coord(x))
                .append("\" y=\"")
                .append(Html.coord(y - 2))
                .append("\" text-anchor=\"middle\">")
                .append(Html.escape(type))
                .append("</text>");
    }

    /** Outlines a flagged operation on its client's line, rings its marks and writes its name beside it. */
    private void flag(FlaggedOperation op) {
        int end = op.completeIndex() < 0 ? trace.size() : op.completeIndex();
        if (op.client() == null || !lanes.containsKey(op.client()) || end < from || op.invokeIndex() >= to) {
            return;
        }
        int fromY = op.invokeIndex() < from ? TOP - 4 : rowY(op.invokeIndex());
        int toY = end >= to ? bottom : rowY(end);
        double x = x(op.client());
        shading.append("<rect class=\"flaggedop\" x=\"")
                .append(Html.coord(x - 6))
                .append("\" y=\"")
                .append(fromY - 5)
                .append("\" width=\"12\" height=\"")
                .append(Math.max(10, toY - fromY + 10))
                .append("\">")
                .append(Html.title(op.name() + ": " + op.text()))
                .append("</rect>");
        for (int y : new int[] {fromY, toY}) {
            marks.append("<circle class=\"flagring\" cx=\"")
                    .append(Html.coord(x))
                    .append("\" cy=\"")
                    .append(y)
                    .append("\" r=\"6\"/>");
        }
        labels.append("<text class=\"oplabel\" x=\"")
                .append(Html.coord(x + 10))
                .append("\" y=\"")
                .append(Math.max(TOP, fromY) + 4)
                .append("\">")
                .append(Html.title(op.text()))
                .append(Html.escape("⚑ " + op.name() + " of " + op.client().name()))
                .append("</text>");
    }

    private void dot(TraceEvent event, int y, String kind, double radius) {
        if (event.node() == null) {
            return;
        }
        marks.append("<circle class=\"")
                .append(kind)
                .append("\" cx=\"")
                .append(Html.coord(x(event.node())))
                .append("\" cy=\"")
                .append(y)
                .append("\" r=\"")
                .append(Html.coord(radius))
                .append("\">")
                .append(Html.title(event.format()))
                .append("</circle>");
    }

    private void stretch(NodeId node, int fromY, int toY, String kind, String text) {
        shading.append("<rect class=\"")
                .append(kind)
                .append("\" x=\"")
                .append(Html.coord(x(node) - 7))
                .append("\" y=\"")
                .append(fromY)
                .append("\" width=\"14\" height=\"")
                .append(Math.max(2, toY - fromY))
                .append("\">")
                .append(Html.title(node.name() + " " + kind + ": " + text))
                .append("</rect>");
    }

    private void band(int fromY, int toY, String text) {
        shading.append("<rect class=\"partition\" x=\"")
                .append(LEFT - 8)
                .append("\" y=\"")
                .append(fromY)
                .append("\" width=\"")
                .append(laneGap * lanes.size() + 8)
                .append("\" height=\"")
                .append(Math.max(2, toY - fromY))
                .append("\">")
                .append(Html.title(text))
                .append("</rect>");
    }

    private double x(NodeId node) {
        if (node == null) {
            return LEFT - 8;
        }
        return LEFT + laneGap * (lanes.get(node) + 0.5);
    }
}
