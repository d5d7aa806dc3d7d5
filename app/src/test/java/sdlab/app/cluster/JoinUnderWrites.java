package sdlab.app.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import sdlab.core.NodeId;
import sdlab.core.client.Outcome;

/**
 * The rebalance experiment over real processes: writers, each with its own router, fill their share of the keys and
 * then overwrite them round after round; while they run, a spare shard is added to the table, and once it is in force
 * they go on for a while. Afterwards a fresh router reads every key, and each must hold the last value a writer had
 * acknowledged for it (or a later one whose outcome was unknown). Each key has one writer, so that is exact.
 */
final class JoinUnderWrites {
    /**
     * What the run showed.
     *
     * @param change the placement node's answer to the join: its {@code ChangeInForce}, or the failure
     * @param unreadable keys whose last acknowledged value a reader did not get, with what it got
     */
    record Result(
            int keys,
            long acknowledged,
            long unknown,
            long acknowledgedAfterChange,
            Outcome change,
            Outcome tableAfter,
            long changeMillisSeenByOperator,
            List<String> unreadable) {}

    /** Per key, what a reader may find: the last acknowledged value, or a later one whose write is unknown. */
    private record Expected(long acknowledged, Set<Long> maybe) {}

    private JoinUnderWrites() {}

    /**
     * Runs it on {@code cluster}: {@code keys} keys over {@code writers} writers whose routers have {@code
     * routerOptions} (empty: the cluster's own), {@code joiner} added {@code before} into the overwriting, writing on
     * for {@code after}.
     */
    static Result run(
            ShardTestCluster cluster,
            NodeId joiner,
            int keys,
            int writers,
            Duration before,
            Duration after,
            Map<String, String> routerOptions)
            throws Exception {
        Map<String, Expected> expected = new ConcurrentHashMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicBoolean changed = new AtomicBoolean();
        AtomicLong acknowledged = new AtomicLong();
        AtomicLong unknown = new AtomicLong();
        AtomicLong acknowledgedAfterChange = new AtomicLong();
        CountDownLatch filled = new CountDownLatch(writers);
        List<Throwable> failures = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            ShardTestCluster.Router router = cluster.router("writer-" + w, routerOptions);
            List<String> share = new ArrayList<>();
            for (int k = w; k < keys; k += writers) {
                share.add(key(k));
            }
            threads.add(Thread.ofPlatform().start(() -> {
                try (router) {
                    for (long round = 0; round == 0 || !stop.get(); round++) {
                        for (String key : share) {
                            Outcome outcome = router.put(key, round);
                            record(expected, key, round, outcome);
                            if (outcome instanceof Outcome.Ok) {
                                acknowledged.incrementAndGet();
                                if (changed.get()) {
                                    acknowledgedAfterChange.incrementAndGet();
                                }
                            } else if (outcome instanceof Outcome.Unknown) {
                                unknown.incrementAndGet();
                            }
                        }
                        if (round == 0) {
                            filled.countDown();
                        }
                    }
                } catch (Exception | AssertionError e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                    filled.countDown();
                }
            }));
        }
        filled.await();
        Thread.sleep(before.toMillis());
        Outcome change;
        Outcome table;
        long changeMillis;
        try (ShardsAdmin admin = cluster.admin()) {
            long startedAt = System.nanoTime();
            change = admin.add(joiner);
            changeMillis = (System.nanoTime() - startedAt) / 1_000_000;
            changed.set(true);
            table = admin.table();
        }
        Thread.sleep(after.toMillis());
        stop.set(true);
        for (Thread thread : threads) {
            thread.join(60_000);
        }
        if (!failures.isEmpty()) {
            throw new AssertionError("a writer failed", failures.getFirst());
        }
        return new Result(
                keys,
                acknowledged.get(),
                unknown.get(),
                acknowledgedAfterChange.get(),
                change,
                table,
                changeMillis,
                unreadable(cluster, expected));
    }

    static String key(int k) {
        return "key-%05d".formatted(k);
    }

    /** Keeps what a reader may find for {@code key} after this put's outcome. */
    private static void record(Map<String, Expected> expected, String key, long value, Outcome outcome) {
        Expected now = expected.get(key);
        if (outcome instanceof Outcome.Ok) {
            expected.put(key, new Expected(value, Set.of()));
        } else if (outcome instanceof Outcome.Unknown) {
            Set<Long> maybe = new HashSet<>(now == null ? Set.of() : now.maybe());
            maybe.add(value);
            expected.put(key, new Expected(now == null ? -1 : now.acknowledged(), maybe));
        }
        // A failed put certainly did not apply: what a reader may find is unchanged.
    }

    private static List<String> unreadable(ShardTestCluster cluster, Map<String, Expected> expected) throws Exception {
        List<String> unreadable = new ArrayList<>();
        try (ShardTestCluster.Router reader = cluster.router("reader", Map.of())) {
            for (Map.Entry<String, Expected> entry : new TreeMap<>(expected).entrySet()) {
                Outcome read = reader.get(entry.getKey());
                Expected want = entry.getValue();
                Object got = read instanceof Outcome.Ok ok ? ok.value() : read;
                boolean fine = got instanceof Long value
                        && (value == want.acknowledged() || want.maybe().contains(value));
                if (!fine && !(got == null && want.acknowledged() < 0)) {
                    unreadable.add(entry.getKey() + ": acknowledged " + want.acknowledged() + ", read " + got);
                }
            }
        }
        return unreadable;
    }
}
