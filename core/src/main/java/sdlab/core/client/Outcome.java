package sdlab.core.client;

/**
 * How one client operation ended. The difference between {@link Fail} and {@link Unknown}
 * matters to every checker: a failed operation certainly did not take effect; an unknown one
 * (typically a timeout) may take effect at any time after its invocation, or never.
 */
public sealed interface Outcome {

    /** Applied; {@code value} is what a read returned (or null). */
    record Ok(Object value) implements Outcome {}

    /** Certainly not applied, for the given reason. */
    record Fail(String reason) implements Outcome {}

    /** May or may not have been applied, for the given reason (for example a timeout). */
    record Unknown(String reason) implements Outcome {}

    static Outcome ok(Object value) {
        return new Ok(value);
    }

    static Outcome fail(String reason) {
        return new Fail(reason);
    }

    static Outcome unknown(String reason) {
        return new Unknown(reason);
    }
}
