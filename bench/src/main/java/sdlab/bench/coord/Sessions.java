package sdlab.bench.coord;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher.Event.KeeperState;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;

/** Opening ZooKeeper client sessions and waiting until a service takes writes. */
public final class Sessions {
    /** Long enough that a busy 2-core machine's pauses never expire a bench session. */
    static final Duration SESSION_TIMEOUT = Duration.ofSeconds(30);

    private static final long RETRY_MILLIS = 200;

    private Sessions() {}

    /**
     * A session to {@code connectString}, connected.
     *
     * @throws IllegalStateException when it is not connected within {@code timeout}
     */
    static ZooKeeper connect(String connectString, Duration timeout) throws InterruptedException {
        CountDownLatch connected = new CountDownLatch(1);
        ZooKeeper session;
        try {
            session = new ZooKeeper(connectString, (int) SESSION_TIMEOUT.toMillis(), event -> {
                if (event.getState() == KeeperState.SyncConnected) {
                    connected.countDown();
                }
            });
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot connect to " + connectString + ": " + e.getMessage(), e);
        }
        if (!connected.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            session.close();
            throw new IllegalStateException(
                    "no ZooKeeper session to " + connectString + " within " + timeout.toSeconds() + " s");
        }
        return session;
    }

    /**
     * Waits until the service at {@code connectString} acknowledges a write: for an ensemble, that
     * means a leader has been elected and a quorum follows it.
     *
     * @throws IllegalStateException when no write succeeds within {@code timeout}
     */
    public static void awaitWritable(String connectString, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            Duration left = Duration.ofNanos(Math.max(deadline - System.nanoTime(), 1));
            try (ZooKeeper session = connect(connectString, left)) {
                session.create(
                        "/sdlab-bench-ready",
                        new byte[0],
                        ZooDefs.Ids.OPEN_ACL_UNSAFE,
                        CreateMode.EPHEMERAL_SEQUENTIAL);
                return;
            } catch (KeeperException e) {
                last = e.getMessage();
            } catch (IllegalStateException e) {
                last = e.getMessage();
            }
            Thread.sleep(RETRY_MILLIS);
        }
        throw new IllegalStateException(
                connectString + " took no write within " + timeout.toSeconds() + " s (last: " + last + ")");
    }
}
