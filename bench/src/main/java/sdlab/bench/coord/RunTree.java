package sdlab.bench.coord;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;

/**
 * The nodes one run works in on one ensemble, all under a root of its own so that runs against
 * an ensemble that stays up ({@code --zk-connect}) never meet: the working set for setData and
 * getData, made before any phase, and a fresh directory per create phase.
 */
final class RunTree {
    private final Ensemble ensemble;
    private final String root;
    private final AtomicInteger phases = new AtomicInteger();

    private RunTree(Ensemble ensemble, String root) {
        this.ensemble = ensemble;
        this.root = root;
    }

    /**
     * Creates {@code root} and its working set of {@code size} nodes holding {@code value}.
     *
     * @throws IllegalStateException when the ensemble refuses a create
     */
    static RunTree prepare(Ensemble ensemble, String root, int size, byte[] value) throws InterruptedException {
        try (ZooKeeper session = Sessions.connect(ensemble.connectString(), Sessions.SESSION_TIMEOUT)) {
            create(session, root);
            create(session, root + "/w");
            createAll(session, root + "/w/k", size, value);
        }
        return new RunTree(ensemble, root);
    }

    /** The paths of the next phase, with a create directory no phase used before. */
    PhasePaths nextPhase() throws InterruptedException {
        String createDir = root + "/c" + phases.incrementAndGet();
        try (ZooKeeper session = Sessions.connect(ensemble.connectString(), Sessions.SESSION_TIMEOUT)) {
            create(session, createDir);
        }
        return new PhasePaths(createDir, root + "/w", CoordSettings.WORKING_SET_SIZE);
    }

    private static void create(ZooKeeper session, String path) throws InterruptedException {
        try {
            session.create(path, new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        } catch (KeeperException e) {
            throw new IllegalStateException("cannot create " + path + ": " + e.getMessage(), e);
        }
    }

    /** {@code prefix + i} for every {@code i < count}, pipelined: one fsync each would take seconds. */
    private static void createAll(ZooKeeper session, String prefix, int count, byte[] value)
            throws InterruptedException {
        CountDownLatch answered = new CountDownLatch(count);
        AtomicReference<String> failure = new AtomicReference<>();
        for (int i = 0; i < count; i++) {
            session.create(
                    prefix + i,
                    value,
                    ZooDefs.Ids.OPEN_ACL_UNSAFE,
                    CreateMode.PERSISTENT,
                    (rc, path, ctx, name) -> {
                        if (rc != KeeperException.Code.OK.intValue()) {
                            failure.compareAndSet(null, path + ": " + KeeperException.Code.get(rc));
                        }
                        answered.countDown();
                    },
                    null);
        }
        if (!answered.await(Sessions.SESSION_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("the working set under " + prefix + " was not created in time");
        }
        if (failure.get() != null) {
            throw new IllegalStateException("cannot create the working set: " + failure.get());
        }
    }
}
