package sdlab.coord.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static sdlab.coord.tree.TestLeader.SESSION_A;
import static sdlab.coord.tree.TestLeader.SESSION_B;
import static sdlab.coord.tree.TestLeader.bytes;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Write rules: errors with ZooKeeper's codes, sequential names, ephemerals, multi, containers. */
class WritesTest {

    private final TestLeader leader = new TestLeader();

    private Code code(Applied applied) {
        return applied.result().code();
    }

    @Test
    void createFailsWithNonodeWithoutParentAndNodeexistsOnATakenPath() {
        assertThat(code(leader.create("/a/b", ""))).isEqualTo(Code.NONODE);
        leader.create("/a", "");
        assertThat(code(leader.create("/a", ""))).isEqualTo(Code.NODEEXISTS);
        assertThat(code(leader.create("/", ""))).isEqualTo(Code.NODEEXISTS);
    }

    @Test
    void ephemeralNodesCannotHaveChildren() {
        leader.create(SESSION_A, "/e", CreateMode.EPHEMERAL);

        assertThat(code(leader.create("/e/child", ""))).isEqualTo(Code.NOCHILDRENFOREPHEMERALS);
        assertThat(code(leader.create(SESSION_A, "/e/", CreateMode.PERSISTENT_SEQUENTIAL)))
                .isEqualTo(Code.NOCHILDRENFOREPHEMERALS);
    }

    @Test
    void versionedSetDataAndDeleteFailWithBadversionAndChangeNothing() {
        leader.create("/a", "x");
        leader.setData("/a", "y", 0);

        assertThat(code(leader.setData("/a", "z", 0))).isEqualTo(Code.BADVERSION);
        assertThat(code(leader.delete("/a", 0))).isEqualTo(Code.BADVERSION);
        assertThat(leader.tree.getData("/a").orThrow().data()).isEqualTo(bytes("y"));
        assertThat(code(leader.delete("/a", 1))).isEqualTo(Code.OK);
        assertThat(leader.tree.exists("/a").code()).isEqualTo(Code.NONODE);
    }

    @Test
    void deleteOfANodeWithChildrenFailsWithNotempty() {
        leader.create("/a", "");
        leader.create("/a/b", "");

        assertThat(code(leader.delete("/a", -1))).isEqualTo(Code.NOTEMPTY);
        // ZooKeeper checks the version before the children.
        assertThat(code(leader.delete("/a", 5))).isEqualTo(Code.BADVERSION);
        assertThat(code(leader.delete("/nope", -1))).isEqualTo(Code.NONODE);
    }

    @Test
    void systemNodesAndRootCannotBeDeleted() {
        for (String path : List.of("/", "/zookeeper", "/zookeeper/quota", "/zookeeper/config")) {
            assertThat(code(leader.delete(path, -1))).as(path).isEqualTo(Code.BADARGUMENTS);
        }
    }

    @Test
    void sequentialNamesComeFromTheParentsCreateCounterAndNeverRepeatAfterDeletes() {
        leader.create("/q", "");
        Applied first = leader.create(SESSION_A, "/q/n-", CreateMode.PERSISTENT_SEQUENTIAL);
        leader.create("/q/plain", "");
        Applied second = leader.create(SESSION_A, "/q/n-", CreateMode.EPHEMERAL_SEQUENTIAL);
        leader.delete("/q/n-0000000000", -1);
        leader.delete("/q/n-0000000002", -1);
        Applied third = leader.create(SESSION_A, "/q/n-", CreateMode.PERSISTENT_SEQUENTIAL);

        assertThat(((OpResult.Created) first.result()).path()).isEqualTo("/q/n-0000000000");
        // Any child create counts, sequential or not.
        assertThat(((OpResult.Created) second.result()).path()).isEqualTo("/q/n-0000000002");
        // Deletes do not lower the counter: the next name is new.
        assertThat(((OpResult.Created) third.result()).path()).isEqualTo("/q/n-0000000003");
        // Reported cversion: 4 creates, 2 children left: 2*4 - 2 = 6 changes.
        assertThat(leader.stat("/q").cversion()).isEqualTo(6);
    }

    @Test
    void sequentialCreateWithATrailingSlashNamesTheChildByNumberAlone() {
        leader.create("/q", "");
        Applied applied = leader.create(SESSION_A, "/q/", CreateMode.PERSISTENT_SEQUENTIAL);

        assertThat(((OpResult.Created) applied.result()).path()).isEqualTo("/q/0000000000");
        assertThat(code(leader.create(SESSION_A, "/q/", CreateMode.PERSISTENT))).isEqualTo(Code.BADARGUMENTS);
    }

    @Test
    void closingASessionDeletesItsEphemeralsInOneZxidAndLeavesOthers() {
        leader.create("/app", "");
        leader.create(SESSION_A, "/app/a1", CreateMode.EPHEMERAL);
        leader.create(SESSION_A, "/app/a2-", CreateMode.EPHEMERAL_SEQUENTIAL);
        leader.create(SESSION_B, "/app/b1", CreateMode.EPHEMERAL);
        leader.create(SESSION_A, "/app/p1", CreateMode.PERSISTENT);
        assertThat(leader.tree.getEphemerals(SESSION_A, "/")).containsExactly("/app/a1", "/app/a2-0000000001");
        assertThat(leader.tree.getEphemerals(SESSION_A, "/app/a2")).containsExactly("/app/a2-0000000001");

        long zxid = leader.nextZxid;
        Applied applied = leader.closeSession(SESSION_A);

        assertThat(applied.result()).isEqualTo(new OpResult.SessionClosed(List.of("/app/a1", "/app/a2-0000000001")));
        assertThat(leader.tree.getChildren("/app").orThrow()).containsExactly("b1", "p1");
        assertThat(leader.tree.getEphemerals(SESSION_A, "")).isEmpty();
        assertThat(leader.stat("/app").pzxid()).isEqualTo(zxid);
        assertThat(leader.tree.lastZxid()).isEqualTo(zxid);
    }

    @Test
    void zxidsMustGrowAndARefusedTransactionChangesNothing() {
        leader.create("/a", "");
        long last = leader.tree.lastZxid();

        assertThatThrownBy(() -> leader.tree.apply(new Txn(last, 0, SESSION_A, new Op.Delete("/a", -1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not after");
        assertThatThrownBy(() -> leader.tree.apply(new Txn(last - 5, 0, SESSION_A, new Op.Delete("/a", -1))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(leader.tree.exists("/a").code()).isEqualTo(Code.OK);
        assertThat(leader.tree.lastZxid()).isEqualTo(last);
    }

    @Test
    void multiAppliesAllOperationsEachSeeingTheOnesBefore() {
        Applied applied = leader.run(new Op.Multi(List.of(
                new Op.Create("/m", bytes("1"), CreateMode.PERSISTENT),
                new Op.Create("/m/c", bytes("2"), CreateMode.PERSISTENT),
                new Op.SetData("/m", bytes("3"), 0),
                new Op.Check("/m", 1),
                new Op.Delete("/m/c", 0))));

        OpResult.Multi multi = (OpResult.Multi) applied.result();
        assertThat(multi.code()).isEqualTo(Code.OK);
        assertThat(multi.results()).hasSize(5);
        assertThat(multi.results().get(0)).isInstanceOf(OpResult.Created.class);
        assertThat(multi.results().get(3)).isEqualTo(new OpResult.Checked());
        assertThat(multi.results().get(4)).isEqualTo(new OpResult.Deleted());
        Stat stat = leader.stat("/m");
        // All in one zxid: created, set, child created and deleted at the same zxid.
        assertThat(stat.czxid()).isEqualTo(stat.mzxid()).isEqualTo(stat.pzxid()).isEqualTo(applied.zxid());
        assertThat(stat.version()).isEqualTo(1);
        assertThat(stat.cversion()).isEqualTo(2);
    }

    @Test
    void failedMultiAppliesNothingAndReportsOkThenTheErrorThenRuntimeInconsistency() {
        leader.create("/x", "old");
        String before = new String(leader.tree.getData("/x").orThrow().data());
        Stat rootBefore = leader.stat("/");

        Applied applied = leader.run(new Op.Multi(List.of(
                new Op.Create("/new", bytes(""), CreateMode.PERSISTENT),
                new Op.SetData("/x", bytes("new"), -1),
                new Op.Delete("/x", 0),
                new Op.Check("/x", 7),
                new Op.Create("/later", bytes(""), CreateMode.PERSISTENT))));

        // ZooKeeper 3.9 DataTree.processTxn(multi): OK before the failure, then its code, then
        // RUNTIMEINCONSISTENCY. The delete fails: setData made the version 1.
        assertThat(applied.result())
                .isEqualTo(new OpResult.Multi(List.of(
                        new OpResult.Error(Code.OK),
                        new OpResult.Error(Code.OK),
                        new OpResult.Error(Code.BADVERSION),
                        new OpResult.Error(Code.RUNTIMEINCONSISTENCY),
                        new OpResult.Error(Code.RUNTIMEINCONSISTENCY))));
        assertThat(applied.result().code()).isEqualTo(Code.BADVERSION);
        assertThat(applied.events()).isEmpty();
        assertThat(leader.tree.exists("/new").code()).isEqualTo(Code.NONODE);
        assertThat(new String(leader.tree.getData("/x").orThrow().data())).isEqualTo(before);
        assertThat(leader.stat("/x").version()).isZero();
        assertThat(leader.stat("/")).isEqualTo(rootBefore);
    }

    @Test
    void failedMultiRollsBackDeleteThenRecreateOfTheSamePath() {
        leader.create(SESSION_B, "/e", CreateMode.EPHEMERAL);
        Stat before = leader.stat("/e");

        Applied applied = leader.run(new Op.Multi(List.of(
                new Op.Delete("/e", -1),
                new Op.Create("/e", bytes("mine"), CreateMode.PERSISTENT),
                new Op.Create("/missing/child", bytes(""), CreateMode.PERSISTENT))));

        assertThat(applied.result().code()).isEqualTo(Code.NONODE);
        assertThat(leader.stat("/e")).isEqualTo(before);
        assertThat(leader.tree.getEphemerals(SESSION_B, "/")).containsExactly("/e");
    }

    @Test
    void containerWithChildrenOnceAndNoneNowIsDueForRemovalAndANewOneIsNot() {
        leader.create(SESSION_A, "/used", CreateMode.CONTAINER);
        leader.create(SESSION_A, "/fresh", CreateMode.CONTAINER);
        leader.create("/used/c", "");
        assertThat(leader.tree.containersToDelete(leader.timeMs)).isEmpty();

        leader.delete("/used/c", -1);

        assertThat(leader.tree.containersToDelete(leader.timeMs)).containsExactly("/used");
        // ZooKeeper's maxNeverUsedIntervalMs names unused containers older than it.
        assertThat(leader.tree.containersToDelete(leader.timeMs + 1_000, 500)).containsExactly("/fresh", "/used");
        assertThat(code(leader.run(new Op.DeleteContainer("/used")))).isEqualTo(Code.OK);
        assertThat(leader.tree.containersToDelete(leader.timeMs)).isEmpty();
    }

    @Test
    void deleteContainerRechecksThatTheNodeIsAnEmptyContainer() {
        leader.create(SESSION_A, "/c", CreateMode.CONTAINER);
        leader.create("/c/child", "");
        leader.create("/plain", "");

        assertThat(code(leader.run(new Op.DeleteContainer("/c")))).isEqualTo(Code.NOTEMPTY);
        assertThat(code(leader.run(new Op.DeleteContainer("/plain")))).isEqualTo(Code.BADVERSION);
        assertThat(code(leader.run(new Op.DeleteContainer("/gone")))).isEqualTo(Code.NONODE);
    }

    @Test
    void ttlNodeWithoutChildrenExpiresWhenUnmodifiedForLongerThanItsTtl() {
        leader.run(new Op.Create("/t", bytes(""), CreateMode.PERSISTENT_WITH_TTL, 1_000));
        long created = leader.timeMs;

        assertThat(leader.tree.containersToDelete(created + 1_000)).isEmpty();
        assertThat(leader.tree.containersToDelete(created + 1_001)).containsExactly("/t");
        leader.timeMs = created + 900;
        leader.setData("/t", "touch", -1);
        assertThat(leader.tree.containersToDelete(created + 1_001)).isEmpty();
    }

    @Test
    void ttlArgumentsAreCheckedLikeZooKeepers() {
        assertThat(code(leader.run(new Op.Create("/t", null, CreateMode.PERSISTENT_WITH_TTL, 0))))
                .isEqualTo(Code.BADARGUMENTS);
        assertThat(code(leader.run(new Op.Create("/t", null, CreateMode.PERSISTENT_WITH_TTL, 1L << 40))))
                .isEqualTo(Code.BADARGUMENTS);
        assertThat(code(leader.run(new Op.Create("/t", null, CreateMode.PERSISTENT, 100))))
                .isEqualTo(Code.BADARGUMENTS);
        Applied seq = leader.run(new Op.Create("/t-", null, CreateMode.PERSISTENT_SEQUENTIAL_WITH_TTL, 100));
        assertThat(((OpResult.Created) seq.result()).path()).isEqualTo("/t-0000000000");
    }

    @Test
    void readsOfBadPathsAnswerBadargumentsAndDataIsCopied() {
        leader.create("/a", "abc");
        byte[] read = leader.tree.getData("/a").orThrow().data();
        read[0] = 'z';

        assertThat(leader.tree.getData("/a").orThrow().data()).isEqualTo(bytes("abc"));
        assertThat(leader.tree.getData("a").code()).isEqualTo(Code.BADARGUMENTS);
        assertThat(leader.tree.getChildren("/a/").code()).isEqualTo(Code.BADARGUMENTS);
        assertThat(code(leader.setData("/a/../b", "", -1))).isEqualTo(Code.BADARGUMENTS);
    }
}
