package sdlab.lab;

import java.util.List;
import java.util.Objects;

/**
 * Where a metric's figure comes from. A <em>measured</em> figure is counted or timed from what the running mechanism
 * did: messages, decisions, verdicts, waits that emerge from its protocol and queues. A <em>derived</em> figure follows
 * from a cost-model input: a configured price (a handshake's CPU time, one limiter check) multiplied by or added to
 * measured counts. Changing the input changes a derived figure in proportion even though the mechanism decided nothing
 * differently, so reports mark derived figures and never present a comparison of them alone as evidence.
 */
public sealed interface Provenance {
    /** Counted or timed from the running mechanism. */
    Provenance MEASURED = new Measured();

    /** Whether the figure was measured from the running mechanism rather than derived from cost inputs. */
    boolean measured();

    /** Counted or timed from the running mechanism. */
    record Measured() implements Provenance {
        @Override
        public boolean measured() {
            return true;
        }
    }

    /**
     * Follows from cost-model inputs.
     *
     * @param inputs the parameters (as typed on the command line, {@code local-check}) whose values the figure follows
     */
    record Derived(List<String> inputs) implements Provenance {
        public Derived {
            inputs = List.copyOf(inputs);
            if (inputs.isEmpty()) {
                throw new IllegalArgumentException("a derived figure names the inputs it follows from");
            }
            inputs.forEach(input -> Objects.requireNonNull(input, "input"));
        }

        @Override
        public boolean measured() {
            return false;
        }
    }
}
