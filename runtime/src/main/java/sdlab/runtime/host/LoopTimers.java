package sdlab.runtime.host;

import io.netty.channel.EventLoop;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import sdlab.core.Timer;
import sdlab.core.TimerId;

/** A node's or client's timers, scheduled on its event loop; a fired or cancelled timer is forgotten. */
final class LoopTimers {
    private final EventLoop loop;
    private final BiConsumer<TimerId, Timer> fire;
    private final Map<TimerId, ScheduledFuture<?>> pending = new HashMap<>();
    private long lastId;

    LoopTimers(EventLoop loop, BiConsumer<TimerId, Timer> fire) {
        this.loop = loop;
        this.fire = fire;
    }

    TimerId set(Duration delay, Timer timer) {
        TimerId id = new TimerId(++lastId);
        long nanos = Math.max(0, delay.toNanos());
        pending.put(
                id,
                loop.schedule(
                        () -> {
                            if (pending.remove(id) != null) {
                                fire.accept(id, timer);
                            }
                        },
                        nanos,
                        TimeUnit.NANOSECONDS));
        return id;
    }

    void cancel(TimerId id) {
        ScheduledFuture<?> scheduled = pending.remove(id);
        if (scheduled != null) {
            scheduled.cancel(false);
        }
    }

    void cancelAll() {
        pending.values().forEach(scheduled -> scheduled.cancel(false));
        pending.clear();
    }
}
