package sdlab.traffic.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.DefaultEventLoop;
import io.netty.channel.EventLoop;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LazyDeadlineTest {
    private static final long TIMEOUT_MS = 200;
    private final EventLoop loop = new DefaultEventLoop();

    @AfterEach
    void stop() {
        loop.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
    }

    private void onLoop(Runnable action) throws Exception {
        loop.submit(action).get(5, TimeUnit.SECONDS);
    }

    @Test
    void aDeadlineClearedInTimeNeverExpires() throws Exception {
        // The common case: each request clears its deadline long before it is due.
        AtomicLong expiries = new AtomicLong();
        LazyDeadline[] deadline = new LazyDeadline[1];
        onLoop(() -> deadline[0] = new LazyDeadline(loop, TIMEOUT_MS, expiries::incrementAndGet));
        for (int request = 0; request < 5; request++) {
            onLoop(() -> deadline[0].start());
            Thread.sleep(TIMEOUT_MS / 4);
            onLoop(() -> deadline[0].clear());
        }
        Thread.sleep(2 * TIMEOUT_MS);

        assertThat(expiries.get()).isZero();
    }

    @Test
    void aDeadlineExpiresOneTimeoutAfterItsLastStartNotItsFirst() throws Exception {
        // The pending check set up by the first start finds a later deadline and waits for it.
        CountDownLatch expired = new CountDownLatch(1);
        long[] expiredAt = new long[1];
        LazyDeadline[] deadline = new LazyDeadline[1];
        onLoop(() -> deadline[0] = new LazyDeadline(loop, TIMEOUT_MS, () -> {
            expiredAt[0] = System.nanoTime();
            expired.countDown();
        }));
        onLoop(() -> deadline[0].start());
        Thread.sleep(TIMEOUT_MS / 2);
        onLoop(() -> deadline[0].clear());
        long lastStart = System.nanoTime();
        onLoop(() -> deadline[0].start());

        assertThat(expired.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(TimeUnit.NANOSECONDS.toMillis(expiredAt[0] - lastStart)).isGreaterThanOrEqualTo(TIMEOUT_MS - 5);
        onLoop(() -> assertThat(deadline[0].running()).isFalse());
    }
}
