package sdlab.app.cluster;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writers for a join under load: each of {@code threads} owns the keys whose number is its own modulo the count and
 * overwrites them round after round over its own RESP connection, one command at a time, so the last value
 * acknowledged for a key is the one the store must hold. A key whose write got anything but OK is marked uncertain.
 */
final class OverwritingWriters {
    private final int port;
    private final int keys;
    private final int threads;
    private final Map<String, String> acknowledged = new ConcurrentHashMap<>();
    private final Set<String> uncertain = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final AtomicLong writes = new AtomicLong();
    private final List<Thread> running = new ArrayList<>();
    private final List<Throwable> failures = new ArrayList<>();

    OverwritingWriters(int port, int keys, int threads) {
        this.port = port;
        this.keys = keys;
        this.threads = threads;
    }

    static String key(int number) {
        return "key-" + number;
    }

    /**
     * Writes every key once ("0") over {@code connections} connections in parallel (more than the writers, so that the
     * primary syncs many writes at once), and returns when all are acknowledged.
     */
    void fill(int connections) throws InterruptedException {
        runThreads(connections, 1);
        awaitThreads();
    }

    /** Starts overwriting, round after round, until {@link #stop}. */
    void start() {
        runThreads(threads, Integer.MAX_VALUE);
    }

    /** Stops the writers and waits for their last write's answer. */
    void stop() throws InterruptedException {
        stopping.set(true);
        awaitThreads();
    }

    Map<String, String> acknowledged() {
        return acknowledged;
    }

    Set<String> uncertain() {
        return uncertain;
    }

    long writes() {
        return writes.get();
    }

    private void runThreads(int count, int rounds) {
        stopping.set(false);
        for (int t = 0; t < count; t++) {
            int owner = t;
            Thread thread = new Thread(() -> write(owner, count, rounds), "writer-" + t);
            running.add(thread);
            thread.start();
        }
    }

    private void write(int owner, int count, int rounds) {
        try (RespTestClient client = new RespTestClient(port)) {
            for (int round = 0; round < rounds && !stopping.get(); round++) {
                for (int number = owner; number < keys && !stopping.get(); number += count) {
                    String key = key(number);
                    String value = Integer.toString(acknowledged.containsKey(key) ? round + 1 : 0);
                    Object answer = client.call("SET", key, value);
                    writes.incrementAndGet();
                    if ("OK".equals(answer)) {
                        acknowledged.put(key, value);
                    } else {
                        uncertain.add(key);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            synchronized (failures) {
                failures.add(e);
            }
        }
    }

    private void awaitThreads() throws InterruptedException {
        for (Thread thread : running) {
            thread.join();
        }
        running.clear();
        synchronized (failures) {
            if (!failures.isEmpty()) {
                throw new IllegalStateException("a writer failed", failures.getFirst());
            }
        }
    }
}
