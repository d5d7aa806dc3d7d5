package sdlab.coord.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static sdlab.coord.tree.EventType.NODE_CHILDREN_CHANGED;
import static sdlab.coord.tree.EventType.NODE_CREATED;
import static sdlab.coord.tree.EventType.NODE_DATA_CHANGED;
import static sdlab.coord.tree.EventType.NODE_DELETED;
import static sdlab.coord.tree.TestLeader.SESSION_A;
import static sdlab.coord.tree.TestLeader.SESSION_B;
import static sdlab.coord.tree.TestLeader.SESSION_C;
import static sdlab.coord.tree.TestLeader.bytes;

import java.util.List;
import org.junit.jupiter.api.Test;

/** ZooKeeper's watch trigger rules (DataTree + WatchManager, 3.9), one per test. */
class WatchesTest {

    private final TestLeader leader = new TestLeader();
    private final ZNodeTree tree = leader.tree;

    private static WatchEvent event(long session, EventType type, String path, Applied applied) {
        return new WatchEvent(session, type, path, applied.zxid());
    }

    @Test
    void getDataWatchFiresNodeDataChangedOnceAndIsThenGone() {
        leader.create("/a", "x");
        tree.getData("/a", SESSION_B);

        Applied first = leader.setData("/a", "y", -1);
        Applied second = leader.setData("/a", "z", -1);

        assertThat(first.events()).containsExactly(event(SESSION_B, NODE_DATA_CHANGED, "/a", first));
        assertThat(second.events()).isEmpty();
        assertThat(tree.watchCount(SESSION_B)).isZero();
    }

    @Test
    void dataWatchFiresNodeDeletedOnDelete() {
        leader.create("/a", "x");
        tree.getData("/a", SESSION_B);

        Applied deleted = leader.delete("/a", -1);

        assertThat(deleted.events()).containsExactly(event(SESSION_B, NODE_DELETED, "/a", deleted));
    }

    @Test
    void existsWatchOnAMissingNodeFiresNodeCreated() {
        assertThat(tree.exists("/later", SESSION_B).code()).isEqualTo(Code.NONODE);

        Applied created = leader.create("/later", "");

        assertThat(created.events()).containsExactly(event(SESSION_B, NODE_CREATED, "/later", created));
    }

    @Test
    void getDataAndGetChildrenOnAMissingNodeSetNoWatch() {
        assertThat(tree.getData("/none", SESSION_B).code()).isEqualTo(Code.NONODE);
        assertThat(tree.getChildren("/none", SESSION_B).code()).isEqualTo(Code.NONODE);

        assertThat(tree.watchCount(SESSION_B)).isZero();
        assertThat(leader.create("/none", "").events()).isEmpty();
    }

    @Test
    void childWatchFiresNodeChildrenChangedOnChildCreateAndDeleteButNotOnChildSetData() {
        leader.create("/p", "");
        tree.getChildren("/p", SESSION_B);
        Applied created = leader.create("/p/c", "");
        Applied setChild = leader.setData("/p/c", "x", -1);
        tree.getChildren("/p", SESSION_B);
        Applied setParent = leader.setData("/p", "x", -1);
        Applied deleted = leader.delete("/p/c", -1);

        assertThat(created.events()).containsExactly(event(SESSION_B, NODE_CHILDREN_CHANGED, "/p", created));
        assertThat(setChild.events()).isEmpty();
        assertThat(setParent.events()).isEmpty();
        assertThat(deleted.events()).containsExactly(event(SESSION_B, NODE_CHILDREN_CHANGED, "/p", deleted));
    }

    @Test
    void childWatchFiresNodeDeletedWhenItsNodeIsDeletedAndASessionWithBothWatchesHearsItOnce() {
        leader.create("/p", "");
        tree.getChildren("/p", SESSION_B);
        tree.getChildren("/p", SESSION_C);
        tree.getData("/p", SESSION_C);
        tree.getChildren("/", SESSION_A);

        Applied deleted = leader.delete("/p", -1);

        // Data watchers first, then child watchers not already told, then the parent's child watchers.
        assertThat(deleted.events())
                .containsExactly(
                        event(SESSION_C, NODE_DELETED, "/p", deleted),
                        event(SESSION_B, NODE_DELETED, "/p", deleted),
                        event(SESSION_A, NODE_CHILDREN_CHANGED, "/", deleted));
        assertThat(tree.watchCount(SESSION_B) + tree.watchCount(SESSION_C)).isZero();
    }

    @Test
    void createFiresNodeCreatedBeforeTheParentsNodeChildrenChangedAndSessionsInIdOrder() {
        leader.create("/p", "");
        tree.exists("/p/c", SESSION_C);
        tree.exists("/p/c", SESSION_B);
        tree.getChildren("/p", SESSION_A);

        Applied created = leader.create("/p/c", "");

        assertThat(created.events())
                .containsExactly(
                        event(SESSION_B, NODE_CREATED, "/p/c", created),
                        event(SESSION_C, NODE_CREATED, "/p/c", created),
                        event(SESSION_A, NODE_CHILDREN_CHANGED, "/p", created));
    }

    @Test
    void failedWritesFireNothingAndKeepTheWatch() {
        leader.create("/a", "");
        tree.getData("/a", SESSION_B);

        assertThat(leader.setData("/a", "x", 9).events()).isEmpty();
        assertThat(leader.setData("/a", "x", -1).events()).hasSize(1);
    }

    @Test
    void persistentWatchFiresForDataChildrenAndDeletesAndStays() {
        leader.create("/p", "");
        assertThat(tree.addWatch(SESSION_B, "/p", AddWatchMode.PERSISTENT)).isEqualTo(Code.OK);

        Applied set1 = leader.setData("/p", "1", -1);
        Applied set2 = leader.setData("/p", "2", -1);
        Applied child = leader.create("/p/c", "");
        Applied grandchild = leader.create("/p/c/g", "");
        leader.delete("/p/c/g", -1);
        leader.delete("/p/c", -1);
        Applied deleted = leader.delete("/p", -1);
        Applied recreated = leader.create("/p", "");

        assertThat(set1.events()).containsExactly(event(SESSION_B, NODE_DATA_CHANGED, "/p", set1));
        assertThat(set2.events()).containsExactly(event(SESSION_B, NODE_DATA_CHANGED, "/p", set2));
        assertThat(child.events()).containsExactly(event(SESSION_B, NODE_CHILDREN_CHANGED, "/p", child));
        assertThat(grandchild.events()).isEmpty();
        assertThat(deleted.events()).containsExactly(event(SESSION_B, NODE_DELETED, "/p", deleted));
        assertThat(recreated.events()).containsExactly(event(SESSION_B, NODE_CREATED, "/p", recreated));
    }

    @Test
    void recursiveWatchFiresForThePathAndAllDescendantsButNeverNodeChildrenChanged() {
        leader.create("/r", "");
        tree.addWatch(SESSION_B, "/r", AddWatchMode.PERSISTENT_RECURSIVE);

        Applied child = leader.create("/r/a", "");
        Applied deep = leader.create("/r/a/b", "");
        Applied set = leader.setData("/r/a/b", "x", -1);
        Applied setSelf = leader.setData("/r", "x", -1);
        Applied outside = leader.create("/rr", "");
        Applied deleted = leader.delete("/r/a/b", -1);

        assertThat(child.events()).containsExactly(event(SESSION_B, NODE_CREATED, "/r/a", child));
        assertThat(deep.events()).containsExactly(event(SESSION_B, NODE_CREATED, "/r/a/b", deep));
        assertThat(set.events()).containsExactly(event(SESSION_B, NODE_DATA_CHANGED, "/r/a/b", set));
        assertThat(setSelf.events()).containsExactly(event(SESSION_B, NODE_DATA_CHANGED, "/r", setSelf));
        assertThat(outside.events()).isEmpty();
        assertThat(deleted.events()).containsExactly(event(SESSION_B, NODE_DELETED, "/r/a/b", deleted));
    }

    @Test
    void aRecursiveWatchAtTheRootSeesEverythingOnce() {
        tree.addWatch(SESSION_B, "/", AddWatchMode.PERSISTENT_RECURSIVE);
        tree.getData("/zookeeper", SESSION_B);

        Applied created = leader.create("/x", "");
        Applied set = leader.run(new Op.SetData("/zookeeper", bytes("s"), -1));
        Applied setAgain = leader.run(new Op.SetData("/zookeeper", bytes("t"), -1));

        assertThat(created.events()).containsExactly(event(SESSION_B, NODE_CREATED, "/x", created));
        // The one-shot and the recursive watch both match: one event, and the one-shot is used up.
        assertThat(set.events()).containsExactly(event(SESSION_B, NODE_DATA_CHANGED, "/zookeeper", set));
        assertThat(setAgain.events()).containsExactly(event(SESSION_B, NODE_DATA_CHANGED, "/zookeeper", setAgain));
        assertThat(tree.watchCount(SESSION_B)).isEqualTo(1);
    }

    @Test
    void removeWatchesRemovesByTypeAndAnswersNowatcherWhenThereIsNone() {
        leader.create("/a", "");
        tree.getData("/a", SESSION_B);
        tree.getChildren("/a", SESSION_B);
        tree.addWatch(SESSION_C, "/a", AddWatchMode.PERSISTENT);

        assertThat(tree.removeWatches(SESSION_B, "/a", WatcherType.DATA)).isEqualTo(Code.OK);
        assertThat(tree.removeWatches(SESSION_B, "/a", WatcherType.DATA)).isEqualTo(Code.NOWATCHER);
        assertThat(tree.removeWatches(SESSION_C, "/a", WatcherType.PERSISTENT_RECURSIVE))
                .isEqualTo(Code.NOWATCHER);
        assertThat(tree.removeWatches(SESSION_C, "/a", WatcherType.ANY)).isEqualTo(Code.OK);
        assertThat(tree.removeWatches(SESSION_B, "a", WatcherType.ANY)).isEqualTo(Code.BADARGUMENTS);

        Applied set = leader.setData("/a", "x", -1);
        Applied child = leader.create("/a/c", "");

        assertThat(set.events()).isEmpty();
        assertThat(child.events()).containsExactly(event(SESSION_B, NODE_CHILDREN_CHANGED, "/a", child));
    }

    @Test
    void closingASessionDropsItsWatchesAndTellsOthersAboutItsEphemerals() {
        leader.create("/svc", "");
        leader.create(SESSION_A, "/svc/a", CreateMode.EPHEMERAL);
        tree.getChildren("/svc", SESSION_A);
        tree.getChildren("/svc", SESSION_B);
        tree.exists("/svc/a", SESSION_C);

        Applied closed = leader.closeSession(SESSION_A);

        assertThat(closed.events())
                .containsExactly(
                        event(SESSION_C, NODE_DELETED, "/svc/a", closed),
                        event(SESSION_B, NODE_CHILDREN_CHANGED, "/svc", closed));
        assertThat(tree.watchCount(SESSION_A)).isZero();
    }

    @Test
    void multiFiresEveryOperationsEventsInOrderOnlyWhenItSucceeds() {
        leader.create("/m", "");
        tree.getChildren("/m", SESSION_B);
        tree.getData("/m", SESSION_C);

        Applied failed = leader.run(
                new Op.Multi(List.of(new Op.Create("/m/a", bytes(""), CreateMode.PERSISTENT), new Op.Check("/m", 5))));
        Applied ok = leader.run(new Op.Multi(List.of(
                new Op.SetData("/m", bytes("1"), -1), new Op.Create("/m/a", bytes(""), CreateMode.PERSISTENT))));

        assertThat(failed.events()).isEmpty();
        assertThat(ok.events())
                .containsExactly(
                        event(SESSION_C, NODE_DATA_CHANGED, "/m", ok),
                        event(SESSION_B, NODE_CHILDREN_CHANGED, "/m", ok));
    }

    @Test
    void removedOrClosedRecursiveWatchesFireNoMore() {
        tree.addWatch(SESSION_B, "/", AddWatchMode.PERSISTENT_RECURSIVE);
        tree.addWatch(SESSION_C, "/", AddWatchMode.PERSISTENT_RECURSIVE);
        tree.addWatch(SESSION_C, "/", AddWatchMode.PERSISTENT_RECURSIVE);

        assertThat(tree.removeWatches(SESSION_B, "/", WatcherType.PERSISTENT_RECURSIVE))
                .isEqualTo(Code.OK);
        Applied onlyC = leader.create("/x", "");
        leader.closeSession(SESSION_C);
        Applied nobody = leader.create("/y", "");

        assertThat(onlyC.events()).containsExactly(event(SESSION_C, NODE_CREATED, "/x", onlyC));
        assertThat(nobody.events()).isEmpty();
        assertThat(tree.watchCount(SESSION_B) + tree.watchCount(SESSION_C)).isZero();
    }
}
