package sdlab.sim;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * A named safety property that the simulator checks after every event. The check throws (any
 * runtime exception or assertion error, whose message says what broke) when the property does
 * not hold; the run then stops with an {@link InvariantViolation}. A check may keep state across
 * events (for example every leader seen so far), so give each simulation its own.
 */
record Invariant(String name, Consumer<LiveNodes> check) {
    Invariant {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(check, "check");
        if (name.isBlank()) {
            throw new IllegalArgumentException("an invariant needs a name");
        }
    }
}
