package sdlab.coord.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.curator.test.TestingServer;
import org.apache.zookeeper.AddWatchMode;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Op;
import org.apache.zookeeper.WatchedEvent;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.Watcher.Event.EventType;
import org.apache.zookeeper.Watcher.WatcherType;
import org.apache.zookeeper.ZooDefs.Ids;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.Stat;
import org.junit.jupiter.api.Test;
import sdlab.coord.node.DifferentialRecording.PathStat;
import sdlab.coord.node.DifferentialRecording.Plain;

/**
 * Issue 14: one scripted sequence of operations, run with the real ZooKeeper 3.9 client against a
 * real ZooKeeper 3.9.5 server (Curator's {@link TestingServer}) and against a sdlab {@link
 * CoordServer}; the two recordings (errors, normalized Stats, watch events per session in order)
 * must be equal.
 *
 * <p>Two sessions, A and B, run the script so that B's watches fire for A's changes. After every
 * step both sessions make a round trip whose callback the client delivers on its event thread,
 * behind every notification that arrived before the reply, so each step's events are recorded
 * with that step.
 *
 * <p>Choices, not bugs, that the comparison allows (each also named in the README):
 *
 * <ul>
 *   <li>Children and ephemeral lists are sorted before they are compared: ZooKeeper returns them in
 *       the order of a hash set, which no client may rely on.
 *   <li>When a session closes, ZooKeeper deletes its ephemerals in the order of a hash set; sdlab
 *       deletes them in path order. So the events of that one step are compared as groups, one per
 *       deleted node (its NodeDeleted and the NodeChildrenChanged of its parent that follows), sorted
 *       by path; the order inside each group is still compared.
 * </ul>
 */
class ZooKeeperDifferentialTest {
    private static final int SESSION_TIMEOUT_MS = 10_000;
    private static final long TTL_MS = 60_000;
    private static final byte[] EMPTY = new byte[0];

    @Test
    void aRealZooKeeperAndASdlabNodeAnswerTheScriptAlike() throws Exception {
        List<String> zookeeper = recordOnZooKeeper();
        List<String> sdlab;
        CoordServer node = new CoordServer("127.0.0.1", 0, 2_000).start();
        try {
            sdlab = runScript("127.0.0.1:" + node.port());
        } finally {
            node.close();
        }
        // Both recordings whole, to read or to `diff` when the side-by-side view is not enough.
        Path dir = Files.createDirectories(Path.of("target", "zookeeper-differential"));
        Files.write(dir.resolve("zookeeper.txt"), zookeeper);
        Files.write(dir.resolve("sdlab.txt"), sdlab);
        assertThat(sdlab).as(sideBySide(zookeeper, sdlab)).isEqualTo(zookeeper);
    }

    /** TTL nodes need ZooKeeper's extended types, off by default (sdlab always has them). */
    private static List<String> recordOnZooKeeper() throws Exception {
        String extendedTypes = "zookeeper.extendedTypesEnabled";
        String before = System.setProperty(extendedTypes, "true");
        try (TestingServer real = new TestingServer(true)) {
            return runScript(real.getConnectString());
        } finally {
            if (before == null) {
                System.clearProperty(extendedTypes);
            } else {
                System.setProperty(extendedTypes, before);
            }
        }
    }

    private static List<String> runScript(String connectString) throws Exception {
        DifferentialRecording recording = new DifferentialRecording();
        try (Session a = Session.connect(connectString, "A", recording);
                Session b = Session.connect(connectString, "B", recording)) {
            new Script(a, b, recording).run();
        }
        return recording.lines();
    }

    /** Both recordings line by line, a difference marked with *; after an added or lost line, diff the files. */
    private static String sideBySide(List<String> zookeeper, List<String> sdlab) {
        StringBuilder out = new StringBuilder("recordings differ; ZooKeeper 3.9.5 on the left, sdlab on the right"
                + " (whole in target/zookeeper-differential/)\n");
        for (int i = 0; i < Math.max(zookeeper.size(), sdlab.size()); i++) {
            String left = i < zookeeper.size() ? zookeeper.get(i) : "";
            String right = i < sdlab.size() ? sdlab.get(i) : "";
            out.append(String.format(Locale.ROOT, "%s %-100s | %s%n", left.equals(right) ? " " : "*", left, right));
        }
        return out.toString();
    }

    /** One client session: its ZooKeeper handle and the watch events its default watcher saw. */
    private static final class Session implements AutoCloseable {
        final String name;
        final ZooKeeper zk;
        final BlockingQueue<WatchedEvent> events;
        private final DifferentialRecording recording;
        private boolean closed;

        private Session(
                String name, ZooKeeper zk, BlockingQueue<WatchedEvent> events, DifferentialRecording recording) {
            this.name = name;
            this.zk = zk;
            this.events = events;
            this.recording = recording;
        }

        static Session connect(String connectString, String name, DifferentialRecording recording) throws Exception {
            CountDownLatch connected = new CountDownLatch(1);
            BlockingQueue<WatchedEvent> events = new LinkedBlockingQueue<>();
            ZooKeeper zk = new ZooKeeper(connectString, SESSION_TIMEOUT_MS, event -> {
                if (event.getType() == EventType.None) {
                    if (event.getState() == Watcher.Event.KeeperState.SyncConnected) {
                        connected.countDown();
                    }
                } else {
                    events.add(event);
                }
            });
            assertThat(connected.await(10, TimeUnit.SECONDS))
                    .as("session %s connected", name)
                    .isTrue();
            recording.nameSession(zk.getSessionId(), name);
            return new Session(name, zk, events, recording);
        }

        /** Records the events that arrived before a round trip made now comes back. */
        void drain() throws InterruptedException {
            received().forEach(event -> recording.event(name, event));
        }

        /**
         * Records the events of a closed session's ephemeral deletes as groups sorted by the deleted
         * path: each NodeDeleted with the events that follow it until the next NodeDeleted.
         */
        void drainDeletionsInPathOrder() throws InterruptedException {
            List<List<String>> groups = new ArrayList<>();
            for (String event : received()) {
                if (groups.isEmpty() || event.startsWith(EventType.NodeDeleted + " ")) {
                    groups.add(new ArrayList<>());
                }
                groups.getLast().add(event);
            }
            groups.sort(Comparator.comparing(List::getFirst));
            groups.forEach(group -> group.forEach(event -> recording.event(name, event)));
        }

        private List<String> received() throws InterruptedException {
            if (!closed) {
                CountDownLatch answered = new CountDownLatch(1);
                zk.exists("/", false, (rc, path, ctx, stat) -> answered.countDown(), null);
                assertThat(answered.await(10, TimeUnit.SECONDS))
                        .as("round trip of %s", name)
                        .isTrue();
            }
            List<String> received = new ArrayList<>();
            for (WatchedEvent event = events.poll(); event != null; event = events.poll()) {
                received.add(event.getType() + " " + event.getPath());
            }
            return received;
        }

        @Override
        public void close() throws InterruptedException {
            if (!closed) {
                closed = true;
                zk.close();
            }
        }
    }

    /** A step of the script: a call whose result, or KeeperException, is recorded. */
    @FunctionalInterface
    private interface Call {
        Object run() throws Exception;
    }

    /** The scripted sequence; its labels say which session does what, so both recordings read alike. */
    private static final class Script {
        private final Session a;
        private final Session b;
        private final DifferentialRecording recording;

        Script(Session a, Session b, DifferentialRecording recording) {
            this.a = a;
            this.b = b;
            this.recording = recording;
        }

        void run() throws Exception {
            createsOfEveryMode();
            dataAndVersions();
            childrenAndDeletes();
            sequentialNumberingAfterDeletes();
            countsAndEphemerals();
            multis();
            persistentWatches();
            removedWatches();
            watchCorners();
            sessionCloseRemovesEphemerals();
        }

        private void createsOfEveryMode() throws Exception {
            step("B exists /d watch", () -> b.zk.exists("/d", true));
            step("A create /d persistent", () -> create(a, "/d", "d0", CreateMode.PERSISTENT));
            step("B getChildren /d watch", () -> sorted(b.zk.getChildren("/d", true)));
            step("A create /d/e ephemeral", () -> create(a, "/d/e", "e", CreateMode.EPHEMERAL));
            step("B getChildren /d watch", () -> sorted(b.zk.getChildren("/d", true)));
            step("A create /d/s- sequential", () -> create(a, "/d/s-", "s", CreateMode.PERSISTENT_SEQUENTIAL));
            step(
                    "A create /d/es- ephemeral sequential",
                    () -> create(a, "/d/es-", "", CreateMode.EPHEMERAL_SEQUENTIAL));
            step("A create /c container", () -> create(a, "/c", "c", CreateMode.CONTAINER));
            step("A create /c/x persistent", () -> create(a, "/c/x", "x", CreateMode.PERSISTENT));
            step("A create /t ttl", () -> createTtl(a, "/t", CreateMode.PERSISTENT_WITH_TTL));
            step("A create /ts- sequential ttl", () -> createTtl(a, "/ts-", CreateMode.PERSISTENT_SEQUENTIAL_WITH_TTL));
            step("A create /d again", () -> create(a, "/d", "again", CreateMode.PERSISTENT));
            step("A create /nope/x", () -> create(a, "/nope/x", "", CreateMode.PERSISTENT));
            step("A create /d/e/child", () -> create(a, "/d/e/child", "", CreateMode.PERSISTENT));
            step("A create /d/e/child ephemeral", () -> create(a, "/d/e/child", "", CreateMode.EPHEMERAL));
        }

        private void dataAndVersions() throws Exception {
            step("B getData /d watch", () -> getData(b, "/d", true));
            step("A setData /d version 0", () -> new PathStat("/d", a.zk.setData("/d", bytes("d1"), 0)));
            step("A setData /d version 0 again", () -> new PathStat("/d", a.zk.setData("/d", bytes("d2"), 0)));
            step("A setData /d any version", () -> new PathStat("/d", a.zk.setData("/d", bytes("d22"), -1)));
            step("A setData /missing", () -> a.zk.setData("/missing", bytes("m"), -1));
            step("A getData /missing", () -> getData(a, "/missing", false));
            step("B getData /d watch", () -> getData(b, "/d", true));
            step("A setData /d empty", () -> new PathStat("/d", a.zk.setData("/d", EMPTY, 2)));
            step("B exists /d watch", () -> new PathStat("/d", b.zk.exists("/d", true)));
            step("B exists /missing watch", () -> b.zk.exists("/missing", true));
            step("A create /missing", () -> create(a, "/missing", "now", CreateMode.PERSISTENT));
            step("B exists /missing watch", () -> new PathStat("/missing", b.zk.exists("/missing", true)));
            step("A delete /missing version 3", () -> delete(a, "/missing", 3));
            step("A delete /missing version 0", () -> delete(a, "/missing", 0));
            step("A delete /missing again", () -> delete(a, "/missing", -1));
            step("A setData /d data", () -> new PathStat("/d", a.zk.setData("/d", bytes("d3"), -1)));
        }

        private void childrenAndDeletes() throws Exception {
            step("B getChildren2 /d watch", () -> getChildren2(b, "/d", true));
            step("A delete /d not empty", () -> delete(a, "/d", -1));
            step("A delete /c/x version 5", () -> delete(a, "/c/x", 5));
            step("B getChildren2 /c watch", () -> getChildren2(b, "/c", true));
            step("A delete /c/x version 0", () -> delete(a, "/c/x", 0));
            step("B exists /c", () -> new PathStat("/c", b.zk.exists("/c", false)));
            step("A getChildren2 /", () -> getChildren2(a, "/", false));
            step("A getChildren /nope", () -> a.zk.getChildren("/nope", false));
            step("A exists /d/e/child", () -> a.zk.exists("/d/e/child", false));
        }

        private void sequentialNumberingAfterDeletes() throws Exception {
            step("A create /q", () -> create(a, "/q", "", CreateMode.PERSISTENT));
            for (int i = 0; i < 3; i++) {
                step("A create /q/n- sequential", () -> create(a, "/q/n-", "", CreateMode.PERSISTENT_SEQUENTIAL));
            }
            step("A create /q/plain", () -> create(a, "/q/plain", "", CreateMode.PERSISTENT));
            step("A delete /q/n-0000000001", () -> delete(a, "/q/n-0000000001", -1));
            step("A delete /q/n-0000000002", () -> delete(a, "/q/n-0000000002", -1));
            step("A create /q/n- sequential", () -> create(a, "/q/n-", "", CreateMode.PERSISTENT_SEQUENTIAL));
            step("A create /q/e- ephemeral sequential", () -> create(a, "/q/e-", "", CreateMode.EPHEMERAL_SEQUENTIAL));
            step("A getChildren2 /q", () -> getChildren2(a, "/q", false));
        }

        private void countsAndEphemerals() throws Exception {
            step("A getAllChildrenNumber /d", () -> a.zk.getAllChildrenNumber("/d"));
            step("A getAllChildrenNumber /q", () -> a.zk.getAllChildrenNumber("/q"));
            step("A getAllChildrenNumber /missing", () -> a.zk.getAllChildrenNumber("/missing"));
            step("A getEphemerals", () -> sorted(a.zk.getEphemerals()));
            step("A getEphemerals /d", () -> sorted(a.zk.getEphemerals("/d")));
            step("B getEphemerals", () -> sorted(b.zk.getEphemerals()));
        }

        private void multis() throws Exception {
            step("B exists /m1 watch", () -> b.zk.exists("/m1", true));
            step("B getData /d watch", () -> getData(b, "/d", true));
            step(
                    "A multi ok",
                    () -> a.zk.multi(List.of(
                            Op.create("/m1", bytes("m1"), Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT),
                            Op.create("/m1/e", EMPTY, Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL),
                            Op.setData("/d", bytes("md"), -1),
                            Op.check("/d", 5),
                            Op.delete("/q/n-0000000000", -1))));
            step("B exists /m1", () -> new PathStat("/m1", b.zk.exists("/m1", false)));
            step(
                    "A multi bad version",
                    () -> a.zk.multi(List.of(
                            Op.create("/m3", EMPTY, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT),
                            Op.setData("/d", bytes("x"), 99),
                            Op.delete("/m1/e", -1))));
            step(
                    "A multi node exists",
                    () -> a.zk.multi(List.of(
                            Op.check("/d", -1), Op.create("/m1", EMPTY, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT))));
            step("A multi check missing", () -> a.zk.multi(List.of(Op.check("/nope", -1))));
            step("A multi delete not empty", () -> a.zk.multi(List.of(Op.delete("/m1", -1))));
            step("A exists /m3", () -> a.zk.exists("/m3", false));
            step("A getData /d", () -> getData(a, "/d", false));
        }

        private void persistentWatches() throws Exception {
            step("B addWatch /p persistent", () -> addWatch(b, "/p", AddWatchMode.PERSISTENT));
            step("A create /p", () -> create(a, "/p", "p", CreateMode.PERSISTENT));
            step("A setData /p", () -> new PathStat("/p", a.zk.setData("/p", bytes("p1"), -1)));
            step("A create /p/x", () -> create(a, "/p/x", "", CreateMode.PERSISTENT));
            step("A setData /p/x", () -> new PathStat("/p/x", a.zk.setData("/p/x", bytes("x"), -1)));
            step("A delete /p/x", () -> delete(a, "/p/x", -1));
            step("B addWatch /r recursive", () -> addWatch(b, "/r", AddWatchMode.PERSISTENT_RECURSIVE));
            step("A create /r", () -> create(a, "/r", "", CreateMode.PERSISTENT));
            step("A create /r/a", () -> create(a, "/r/a", "", CreateMode.PERSISTENT));
            step("A create /r/a/b ephemeral", () -> create(a, "/r/a/b", "", CreateMode.EPHEMERAL));
            step("A setData /r/a/b", () -> new PathStat("/r/a/b", a.zk.setData("/r/a/b", bytes("b"), -1)));
            step("A setData /r", () -> new PathStat("/r", a.zk.setData("/r", bytes("r"), -1)));
            step("A create /r/c", () -> create(a, "/r/c", "", CreateMode.PERSISTENT));
            step("A delete /r/c", () -> delete(a, "/r/c", -1));
        }

        private void removedWatches() throws Exception {
            step("B removeAllWatches /p any", () -> removeAll(b, "/p", WatcherType.Any));
            step("A setData /p after removal", () -> new PathStat("/p", a.zk.setData("/p", bytes("p2"), -1)));
            step("B getData /q watch", () -> getData(b, "/q", true));
            step("B getChildren /q watch", () -> sorted(b.zk.getChildren("/q", true)));
            step("B removeAllWatches /q data", () -> removeAll(b, "/q", WatcherType.Data));
            step("A setData /q", () -> new PathStat("/q", a.zk.setData("/q", bytes("q"), -1)));
            step("B removeAllWatches /q data again", () -> removeAll(b, "/q", WatcherType.Data));
            step("B removeAllWatches /missing any", () -> removeAll(b, "/missing", WatcherType.Any));
            step("A create /q/k", () -> create(a, "/q/k", "", CreateMode.PERSISTENT));
        }

        private void watchCorners() throws Exception {
            step("A create /x", () -> create(a, "/x", "x", CreateMode.PERSISTENT));
            step("B getData /x watch", () -> getData(b, "/x", true));
            step("B exists /x watch", () -> new PathStat("/x", b.zk.exists("/x", true)));
            step("B getChildren /x watch", () -> sorted(b.zk.getChildren("/x", true)));
            // Data, exists and child watches of one watcher on one path: one NodeDeleted.
            step("A delete /x", () -> delete(a, "/x", -1));
            // getData on a missing node fails and leaves no watch, unlike exists.
            step("B getData /later watch", () -> getData(b, "/later", true));
            step("B getChildren /later watch", () -> sorted(b.zk.getChildren("/later", true)));
            step("A create /later", () -> create(a, "/later", "", CreateMode.PERSISTENT));
            step("B addWatch /later persistent", () -> addWatch(b, "/later", AddWatchMode.PERSISTENT));
            step("B getData /later watch", () -> getData(b, "/later", true));
            // A persistent watch and a one-shot one of the same watcher: one event, the persistent stays.
            step("A setData /later", () -> new PathStat("/later", a.zk.setData("/later", bytes("1"), -1)));
            step("A delete /later", () -> delete(a, "/later", -1));
            step("A create /later again", () -> create(a, "/later", "", CreateMode.EPHEMERAL));
        }

        private void sessionCloseRemovesEphemerals() throws Exception {
            step("B exists /d/e watch", () -> new PathStat("/d/e", b.zk.exists("/d/e", true)));
            step("B getChildren /d watch", () -> sorted(b.zk.getChildren("/d", true)));
            step("B getData /m1/e watch", () -> getData(b, "/m1/e", true));
            step("B getChildren /m1 watch", () -> sorted(b.zk.getChildren("/m1", true)));
            // Documented choice: the order in which a closed session's ephemerals go (class comment).
            recording.outcome("A close", "closed");
            a.close();
            a.drain();
            b.drainDeletionsInPathOrder();
            step("B getChildren2 /d", () -> getChildren2(b, "/d", false));
            step("B getChildren2 /m1", () -> getChildren2(b, "/m1", false));
            step("B getChildren2 /r/a", () -> getChildren2(b, "/r/a", false));
            step("B getEphemerals", () -> sorted(b.zk.getEphemerals()));
        }

        private void step(String label, Call call) throws Exception {
            try {
                recording.outcome(label, call.run());
            } catch (KeeperException failure) {
                recording.failure(label, failure);
            }
            a.drain();
            b.drain();
        }

        private static Object create(Session session, String path, String data, CreateMode mode) throws Exception {
            Stat stat = new Stat();
            String created = session.zk.create(path, bytes(data), Ids.OPEN_ACL_UNSAFE, mode, stat);
            return new PathStat(created, stat);
        }

        private static Object createTtl(Session session, String path, CreateMode mode) throws Exception {
            Stat stat = new Stat();
            String created = session.zk.create(path, EMPTY, Ids.OPEN_ACL_UNSAFE, mode, stat, TTL_MS);
            return new PathStat(created, stat);
        }

        private static Object getData(Session session, String path, boolean watch) throws Exception {
            Stat stat = new Stat();
            byte[] data = session.zk.getData(path, watch, stat);
            return List.of(data, new PathStat(path, stat));
        }

        private static Object getChildren2(Session session, String path, boolean watch) throws Exception {
            Stat stat = new Stat();
            List<String> children = session.zk.getChildren(path, watch, stat);
            return List.of(sorted(children), new PathStat(path, stat));
        }

        private static Object delete(Session session, String path, int version) throws Exception {
            session.zk.delete(path, version);
            return "deleted";
        }

        private static Object addWatch(Session session, String path, AddWatchMode mode) throws Exception {
            session.zk.addWatch(path, mode);
            return "watching";
        }

        private static Object removeAll(Session session, String path, WatcherType type) throws Exception {
            session.zk.removeAllWatches(path, type, false);
            return "removed";
        }

        /** ZooKeeper lists children in hash-set order, which no client may rely on: compare them sorted. */
        private static Plain sorted(List<String> names) {
            List<String> copy = new ArrayList<>(names);
            copy.sort(null);
            return new Plain(copy.toString());
        }

        private static byte[] bytes(String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
    }
}
