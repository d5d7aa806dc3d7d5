package sdlab.sim;

import java.util.function.Consumer;

/** An action registered on the builder: once at {@code atNanos}, or every {@code periodNanos} from then. */
record ScheduledAction(long atNanos, long periodNanos, Consumer<SimControl> action) {

    void schedule(Engine engine, SimControl control) {
        engine.schedule(atNanos, e -> runAndRepeat(e, control));
    }

    private void runAndRepeat(Engine engine, SimControl control) {
        action.accept(control);
        if (periodNanos > 0) {
            engine.schedule(engine.now() + periodNanos, e -> runAndRepeat(e, control));
        }
    }
}
