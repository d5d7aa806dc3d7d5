package sdlab.sim;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * A look at the nodes once the trace holds {@code afterTraceEvent + 1} events: what a state inspector shows at a step.
 * It looks and never acts, like an invariant; a run with inspections stops after its last one, since it is run to be
 * looked at, not measured.
 *
 * @param afterTraceEvent the 0-based index of the trace event after which the nodes are looked at
 * @param look what looks at them
 */
public record Inspection(int afterTraceEvent, Consumer<LiveNodes> look) {
    public Inspection {
        if (afterTraceEvent < 0) {
            throw new IllegalArgumentException("an inspection's step must be 0 or more, got " + afterTraceEvent);
        }
        Objects.requireNonNull(look, "look");
    }
}
