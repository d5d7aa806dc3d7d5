package sdlab.coord.tree;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded random operations against the tree and plain reference models: after every operation
 * they agree on the result code, on every node's data, version, owner, children and cversion,
 * and on the watch events (random watches of every kind are set and removed between
 * operations, by the writing sessions and by one that only watches); and a snapshot taken at the end decodes to a tree that agrees too and re-encodes to the same
 * bytes. A failure names the seed; rerun with
 * {@code ./test -pl coord -am -Dtest=RandomOperationsTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class RandomOperationsTest {

    private static final int OPERATIONS = 400;
    private static final long[] SESSIONS = {0x11, 0x22, 0x33};
    private static final long[] WATCHERS = {0x11, 0x22, 0x33, 0x44};
    private static final String[] NAMES = {"a", "b", "c"};

    static List<Long> seeds() {
        List<Long> seeds = new ArrayList<>();
        for (long seed = 1; seed <= 25; seed++) {
            seeds.add(seed);
        }
        return seeds;
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void treeAgreesWithTheReferenceModelAfterEveryOperation(long seed) throws Exception {
        SplittableRandom random = new SplittableRandom(seed);
        TestLeader leader = new TestLeader();
        ReferenceModel model = new ReferenceModel();
        WatchModel watches = new WatchModel();
        for (int i = 0; i < OPERATIONS; i++) {
            String where = "seed " + seed + ", operation " + i;
            int watchCalls = random.nextInt(3);
            for (int w = 0; w < watchCalls; w++) {
                randomWatchCall(random, model, leader.tree, watches, where);
            }
            long session = SESSIONS[random.nextInt(SESSIONS.length)];
            Op op = random.nextInt(12) == 0 ? multi(random, model) : randomOp(random, model, session);
            Code expected = model.apply(session, op);
            Txn txn = new Txn(leader.nextZxid++, leader.timeMs += 10, session, op);
            Applied applied = leader.tree.apply(txn);

            where += ": " + op;
            assertThat(applied.result().code()).as(where).isEqualTo(expected);
            assertThat(model.differenceFrom(leader.tree)).as(where).isNull();
            assertThat(applied.events()).as(where).isEqualTo(watches.eventsFor(txn, applied));
            for (long watcher : WATCHERS) {
                assertThat(leader.tree.watchCount(watcher)).as(where).isEqualTo(watches.count(watcher));
            }
        }
        byte[] snapshot = leader.tree.encode();
        ZNodeTree decoded = ZNodeTree.decode(snapshot);
        assertThat(model.differenceFrom(decoded))
                .as("seed " + seed + " after decode")
                .isNull();
        assertThat(decoded.encode()).isEqualTo(snapshot);
        assertThat(decoded.lastZxid()).isEqualTo(leader.tree.lastZxid());
    }

    /** One read with a watch, an addWatch or a removeWatches, on the tree and the watch model alike. */
    private static void randomWatchCall(
            SplittableRandom random, ReferenceModel model, ZNodeTree tree, WatchModel watches, String where) {
        long session = WATCHERS[random.nextInt(WATCHERS.length)];
        String path = random.nextInt(5) == 0 ? "/" : randomPath(random, model);
        boolean exists = model.nodes.containsKey(path);
        switch (random.nextInt(6)) {
            case 0 -> {
                tree.getData(path, session);
                if (exists) {
                    watches.add(session, path, WatchModel.Table.DATA, WatchModel.Mode.STANDARD);
                }
            }
            case 1 -> {
                tree.exists(path, session);
                watches.add(session, path, WatchModel.Table.DATA, WatchModel.Mode.STANDARD);
            }
            case 2 -> {
                tree.getChildren(path, session);
                if (exists) {
                    watches.add(session, path, WatchModel.Table.CHILD, WatchModel.Mode.STANDARD);
                }
            }
            case 3 -> {
                tree.addWatch(session, path, AddWatchMode.PERSISTENT);
                watches.add(session, path, WatchModel.Table.DATA, WatchModel.Mode.PERSISTENT);
                watches.add(session, path, WatchModel.Table.CHILD, WatchModel.Mode.PERSISTENT);
            }
            case 4 -> {
                if (random.nextInt(3) == 0) {
                    tree.addWatch(session, path, AddWatchMode.PERSISTENT_RECURSIVE);
                    watches.add(session, path, WatchModel.Table.DATA, WatchModel.Mode.RECURSIVE);
                }
            }
            default -> {
                String watched = watches.watchedPath(session, random);
                path = watched != null && random.nextBoolean() ? watched : path;
                WatcherType type = WatcherType.values()[random.nextInt(WatcherType.values().length)];
                Code expected = watches.remove(session, path, type) ? Code.OK : Code.NOWATCHER;
                assertThat(tree.removeWatches(session, path, type))
                        .as(where + " removeWatches")
                        .isEqualTo(expected);
            }
        }
    }

    private static Op randomOp(SplittableRandom random, ReferenceModel model, long session) {
        int kind = random.nextInt(10);
        if (kind == 0) {
            return new Op.CloseSession();
        }
        return inMulti(random, model, kind);
    }

    private static Op.InMulti inMulti(SplittableRandom random, ReferenceModel model, int kind) {
        String path = randomPath(random, model);
        int version = randomVersion(random, model, path);
        byte[] data = random.nextInt(8) == 0 ? null : TestLeader.bytes("d" + random.nextInt(100));
        return switch (kind % 5) {
            case 0, 1 ->
                new Op.Create(random.nextInt(3) == 0 ? path + "-" : path, data, CreateMode.values()[random.nextInt(4)]);
            case 2 -> new Op.SetData(path, data, version);
            case 3 -> new Op.Delete(path, version);
            default -> new Op.Check(path, version);
        };
    }

    private static Op multi(SplittableRandom random, ReferenceModel model) {
        List<Op.InMulti> ops = new ArrayList<>();
        int size = 1 + random.nextInt(4);
        for (int i = 0; i < size; i++) {
            ops.add(inMulti(random, model, 1 + random.nextInt(9)));
        }
        return new Op.Multi(ops);
    }

    /** Mostly short paths over three names, sometimes an existing node (to reach sequential ones). */
    private static String randomPath(SplittableRandom random, ReferenceModel model) {
        if (random.nextInt(4) == 0) {
            List<String> existing = new ArrayList<>(model.nodes.keySet());
            String path = existing.get(random.nextInt(existing.size()));
            if (!path.equals("/") && !path.startsWith("/zookeeper")) {
                return path;
            }
        }
        StringBuilder path = new StringBuilder();
        int depth = 1 + random.nextInt(3);
        for (int i = 0; i < depth; i++) {
            path.append('/').append(NAMES[random.nextInt(NAMES.length)]);
        }
        return path.toString();
    }

    private static int randomVersion(SplittableRandom random, ReferenceModel model, String path) {
        ReferenceModel.Node node = model.nodes.get(path);
        int actual = node == null ? 0 : node.version;
        return switch (random.nextInt(3)) {
            case 0 -> -1;
            case 1 -> actual;
            default -> actual + 1;
        };
    }
}
