package sdlab.sim;

import sdlab.core.Message;
import sdlab.core.Timer;

/** The tiny protocol of the simulator's own tests. */
sealed interface TestMessages extends Message {

    record Ping(int n) implements TestMessages {}

    record Pong(int n) implements TestMessages {}

    record Put(String key, long value) implements TestMessages {}

    record PutOk(String key, long value) implements TestMessages {}

    record Get(String key) implements TestMessages {}

    record GetOk(String key, Long value) implements TestMessages {}

    /** Fires to send the next ping. */
    record Tick(int n) implements Timer {}
}
