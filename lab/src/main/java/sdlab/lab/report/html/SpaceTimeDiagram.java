package sdlab.lab.report.html;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import sdlab.core.NodeId;
import sdlab.sim.TraceEvent;

/**
 * The space-time (Lamport) diagram of one run: a vertical line per node or client, time flowing down, an arrow from
 * each message's SEND to its DELIVER, a cross where a message was dropped, crashed and paused stretches shaded on
 * their node's line, partitions shaded across the whole diagram. Each event gets its own row rather than a
 * position proportional to time, because simulated events bunch up at the same instants and would overlap; the time
 * of every tenth row is written in the margin. Hovering over a mark or an arrow shows the trace line.
 *
 * <p>Only the first {@code eventsMax} events are drawn: a browser cannot usefully show tens of thousands of arrows,
 * and the start of a run is where a replayed failure is usually read from; the full trace is one {@code sdlab run
 * ... --trace} away.
 */
final class SpaceTimeDiagram {
    private static final int LEFT = 96;
    private static final int TOP = 36;
    private static final int ROW = 12;
    private static final int LABEL_EVERY_ROWS = 10;

    private final String id;
    private final List<TraceEvent> events;
    private final Map<NodeId, Integer> lanes = new HashMap<>();
    private final int laneGap;
    private final int bottom;
    private final StringBuilder shading = new StringBuilder();
    private final StringBuilder arrows = new StringBuilder();
    private final StringBuilder marks = new StringBuilder();
    private final Map<Long, Point> sends = new HashMap<>();
    private final Map<NodeId, Integer> crashedSince = new HashMap<>();
    private final Map<NodeId, Integer> pausedSince = new HashMap<>();
    private final Deque<Partition> partitions = new ArrayDeque<>();

    private record Point(double x, double y, TraceEvent event) {}

    private record Partition(int y, String text) {}

    private SpaceTimeDiagram(String id, List<TraceEvent> events) {
        this.id = id;
        this.events = events;
        TreeSet<NodeId> names = new TreeSet<>(NaturalOrder.NODE_IDS);
        for (TraceEvent event : events) {
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
        this.bottom = TOP + events.size() * ROW + ROW;
    }

    /** The diagram of the first {@code eventsMax} events; {@code id} makes its SVG ids unique in the page. */
    static String svg(String id, List<TraceEvent> trace, int eventsMax) {
        SpaceTimeDiagram diagram = new SpaceTimeDiagram(id, trace.subList(0, Math.min(eventsMax, trace.size())));
        return diagram.draw();
    }

    private String draw() {
        for (int row = 0; row < events.size(); row++) {
            event(events.get(row), TOP + row * ROW + ROW / 2);
        }
        crashedSince.forEach((node, y) -> stretch(node, y, bottom, "crashed", "crashed until after the last row"));
        pausedSince.forEach((node, y) -> stretch(node, y, bottom, "paused", "paused until after the last row"));
        partitions.forEach(p -> band(p.y(), bottom, p.text() + " (not healed within the drawn rows)"));
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
        svg.append(arrows).append(marks).append("</svg>");
        return svg.toString();
    }

    private void axes(StringBuilder svg) {
        for (int row = 0; row < events.size(); row += LABEL_EVERY_ROWS) {
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
                    .append(Html.millis(events.get(row).timeNanos()))
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
        Point from = sends.get(event.messageId());
        double toX = x(event.node());
        String text = from == null ? event.format() : from.event().format() + "\n" + event.format();
        double fromX = from == null ? x(event.peer()) : from.x();
        double fromY = from == null ? y - ROW : from.y();
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
        dot(event, y, "deliver", 2);
    }

    private void drop(TraceEvent event, int y) {
        Point from = sends.get(event.messageId());
        double fromX = from == null ? x(event.node()) : from.x();
        double fromY = from == null ? y : from.y();
        double toX = event.peer() == null ? fromX + laneGap / 2.0 : fromX + (x(event.peer()) - fromX) * 0.6;
        String text = from == null ? event.format() : from.event().format() + "\n" + event.format();
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
