package sdlab.runtime.host;

import java.time.Duration;
import java.util.random.RandomGenerator;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;
import sdlab.core.Timer;
import sdlab.core.TimerId;
import sdlab.runtime.net.LineLog;

/** What a node's and a client's real context share: the id, timers on the loop, the clock, the generator, the log. */
abstract class LoopContext implements NodeContext {
    private final NodeId self;
    private final LoopTimers timers;
    private final SystemClock clock;
    private final RandomGenerator random;
    private final LineLog log;

    LoopContext(NodeId self, LoopTimers timers, SystemClock clock, RandomGenerator random, LineLog log) {
        this.self = self;
        this.timers = timers;
        this.clock = clock;
        this.random = random;
        this.log = log;
    }

    @Override
    public final NodeId self() {
        return self;
    }

    @Override
    public final TimerId setTimer(Duration delay, Timer timer) {
        return timers.set(delay, timer);
    }

    @Override
    public final void cancelTimer(TimerId id) {
        timers.cancel(id);
    }

    @Override
    public final long nowNanos() {
        return clock.nowNanos();
    }

    @Override
    public final RandomGenerator random() {
        return random;
    }

    @Override
    public final void note(String text) {
        log.line(self + ": " + text);
    }
}
