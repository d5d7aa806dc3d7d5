package sdlab.sim;

import java.util.Objects;

/**
 * A change made to a run once its trace holds {@code afterTraceEvent + 1} events: the run is the seed's own up to and
 * including the handler that recorded that event, and goes its own way from there. A step is a trace index (what the
 * page steps through), so a fork needs a traced run.
 *
 * @param afterTraceEvent the 0-based index of the trace event after which the change is made
 * @param change what is changed
 */
public record Fork(int afterTraceEvent, Intervention change) {
    public Fork {
        if (afterTraceEvent < 0) {
            throw new IllegalArgumentException("a fork's step must be 0 or more, got " + afterTraceEvent);
        }
        Objects.requireNonNull(change, "change");
    }

    /** "after step 1027: drop message #406" (steps counted from 1, as the page counts them). */
    public String describe() {
        return "after step " + (afterTraceEvent + 1) + ": " + change.describe();
    }
}
