package sdlab.lab.report.html;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A run's trace cut into consecutive windows of at most {@code eventsPerWindow} events, aligned so that one window,
 * the start window, holds the focus: the offending operations when a checker flagged some, else the start of the run.
 * The windows cover the whole trace; when there are more than a page may draw, the ones nearest the start window are
 * kept, so a reader can page outward from the violation.
 *
 * @param windows every window, in trace order
 * @param start the index in {@code windows} of the window that holds the focus
 */
record TraceWindows(List<Window> windows, int start) {
    /**
     * Events {@code from} (inclusive) to {@code to} (exclusive) of the trace.
     *
     * @param number the window's 1-based position, as readers count
     */
    record Window(int number, int from, int to) {
        int size() {
            return to - from;
        }
    }

    /**
     * The windows of a trace of {@code events} events, with events {@code focusFrom} to {@code focusTo} (inclusive)
     * in the start window: a sixth of a window of context before them (what led up to them, within one screen) when they fit, else from just before {@code
     * focusFrom}.
     */
    static TraceWindows around(int events, int eventsPerWindow, int focusFrom, int focusTo) {
        if (events <= 0) {
            return new TraceWindows(List.of(), 0);
        }
        int context = eventsPerWindow / 6;
        int startFrom = focusTo - focusFrom < eventsPerWindow - context
                ? focusFrom - context
                : focusFrom - Math.min(context, 8);
        startFrom = Math.max(0, Math.min(startFrom, events - eventsPerWindow));
        List<Integer> starts = new ArrayList<>();
        for (int from = startFrom; from > 0; from -= eventsPerWindow) {
            starts.add(from);
        }
        starts.add(0);
        for (int from = startFrom + eventsPerWindow; from < events; from += eventsPerWindow) {
            starts.add(from);
        }
        starts = starts.stream().distinct().sorted().toList();
        List<Window> windows = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            int to = i + 1 < starts.size() ? starts.get(i + 1) : events;
            windows.add(new Window(i + 1, starts.get(i), to));
        }
        return new TraceWindows(List.copyOf(windows), starts.indexOf(startFrom));
    }

    /** The start window. */
    Window startWindow() {
        return windows.get(start);
    }

    /**
     * At most {@code max} windows to draw, in trace order: the start window and those nearest it, earlier before later
     * at equal distance.
     */
    List<Window> drawn(int max) {
        return windows.stream()
                .sorted(Comparator.comparingInt((Window w) -> Math.abs(w.number() - 1 - start))
                        .thenComparingInt(Window::number))
                .limit(Math.max(1, max))
                .sorted(Comparator.comparingInt(Window::number))
                .toList();
    }
}
