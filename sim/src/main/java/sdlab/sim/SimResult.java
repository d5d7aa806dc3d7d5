package sdlab.sim;

import java.util.List;
import sdlab.core.history.History;

/**
 * What one run produced.
 *
 * @param seed the run's seed: the same seed with the same inputs replays the run exactly
 * @param history the workload's operations, invoke and completion, in order of virtual time
 * @param trace every event, if the trace was recorded; empty otherwise
 * @param traceHash a 64-bit hash of every event, computed whether or not the trace is recorded; 0 if the run was
 *     built with {@link Simulation.Builder#hashTrace} off
 * @param stats counts of messages, timers, crashes and events
 * @param virtualTimeNanosEnd the virtual time at which the run stopped
 */
public record SimResult(
        long seed, History history, List<TraceEvent> trace, long traceHash, SimStats stats, long virtualTimeNanosEnd) {

    public SimResult {
        trace = List.copyOf(trace);
    }

    /** The recorded trace, one {@link TraceEvent#format()} line per event. */
    public String formattedTrace() {
        StringBuilder text = new StringBuilder(trace.size() * 64);
        for (TraceEvent event : trace) {
            text.append(event.format()).append('\n');
        }
        return text.toString();
    }
}
