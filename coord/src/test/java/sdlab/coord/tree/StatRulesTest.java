package sdlab.coord.tree;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Stat field rules, op by op, against the values ZooKeeper's DataTree and DataNode.copyStat
 * give (each test names its rule).
 */
class StatRulesTest {

    private final TestLeader leader = new TestLeader();

    @Test
    void aNewTreeHoldsZooKeepersSystemNodesWithZeroStats() {
        // DataTree's constructor: "/" with child "zookeeper", which has "quota" and "config";
        // all StatPersisted zero, so the reported cversion is 2*0 - numChildren.
        assertThat(leader.tree.getChildren("/").orThrow()).containsExactly("zookeeper");
        assertThat(leader.tree.getChildren("/zookeeper").orThrow()).containsExactly("config", "quota");
        assertThat(leader.stat("/")).isEqualTo(new Stat(0, 0, 0, 0, 0, -1, 0, 0, 0, 1, 0));
        assertThat(leader.stat("/zookeeper").cversion()).isEqualTo(-2);
    }

    @Test
    void createSetsCzxidMzxidPzxidToItsZxidAndCtimeMtimeToItsTime() {
        long zxid = leader.nextZxid;
        leader.create("/a", "hello");
        long time = leader.timeMs;

        assertThat(leader.stat("/a")).isEqualTo(new Stat(zxid, zxid, time, time, 0, 0, 0, 0, 5, 0, zxid));
    }

    @Test
    void childCreateBumpsParentCversionAndPzxidButNotItsMzxidMtimeOrVersion() {
        leader.create("/p", "");
        Stat before = leader.stat("/p");
        long zxid = leader.nextZxid;
        leader.create("/p/c", "");

        Stat after = leader.stat("/p");
        assertThat(after.cversion()).isEqualTo(before.cversion() + 1);
        assertThat(after.pzxid()).isEqualTo(zxid);
        assertThat(after.numChildren()).isEqualTo(1);
        assertThat(after.mzxid()).isEqualTo(before.mzxid());
        assertThat(after.mtimeMs()).isEqualTo(before.mtimeMs());
        assertThat(after.version()).isEqualTo(before.version());
    }

    @Test
    void childDeleteBumpsParentPzxidAndReportedCversionButNotItsMzxid() {
        leader.create("/p", "");
        leader.create("/p/c", "");
        Stat before = leader.stat("/p");
        long zxid = leader.nextZxid;
        leader.delete("/p/c", -1);

        Stat after = leader.stat("/p");
        // ZooKeeper stores creates and reports 2*creates - numChildren: one create, no child left.
        assertThat(after.cversion()).isEqualTo(2).isEqualTo(before.cversion() + 1);
        assertThat(after.pzxid()).isEqualTo(zxid);
        assertThat(after.numChildren()).isZero();
        assertThat(after.mzxid()).isEqualTo(before.mzxid());
    }

    @Test
    void setDataBumpsVersionMzxidMtimeAndDataLengthButNotCzxidOrParent() {
        leader.create("/a", "x");
        Stat parentBefore = leader.stat("/");
        Stat before = leader.stat("/a");
        long zxid = leader.nextZxid;
        Applied applied = leader.setData("/a", "longer", -1);

        Stat after = leader.stat("/a");
        assertThat(applied.result()).isEqualTo(new OpResult.DataSet(after));
        assertThat(after.version()).isEqualTo(1);
        assertThat(after.mzxid()).isEqualTo(zxid);
        assertThat(after.mtimeMs()).isEqualTo(leader.timeMs);
        assertThat(after.dataLength()).isEqualTo(6);
        assertThat(after.czxid()).isEqualTo(before.czxid());
        assertThat(after.ctimeMs()).isEqualTo(before.ctimeMs());
        assertThat(after.pzxid()).isEqualTo(before.pzxid());
        assertThat(leader.stat("/")).isEqualTo(parentBefore);
    }

    @Test
    void setDataDoesNotChangeCversionAndAversionStaysZero() {
        leader.create("/a", "x");
        leader.setData("/a", "y", 0);
        leader.setData("/a", "z", 1);

        assertThat(leader.stat("/a").cversion()).isZero();
        assertThat(leader.stat("/a").aversion()).isZero();
        assertThat(leader.stat("/a").version()).isEqualTo(2);
    }

    @Test
    void ephemeralOwnerIsTheSessionForEphemeralsAndZeroForContainersAndTtlNodes() {
        leader.create(TestLeader.SESSION_B, "/e", CreateMode.EPHEMERAL);
        leader.create(TestLeader.SESSION_B, "/c", CreateMode.CONTAINER);
        leader.run(TestLeader.SESSION_B, new Op.Create("/t", null, CreateMode.PERSISTENT_WITH_TTL, 5000));

        assertThat(leader.stat("/e").ephemeralOwner()).isEqualTo(TestLeader.SESSION_B);
        assertThat(leader.stat("/c").ephemeralOwner()).isZero();
        assertThat(leader.stat("/t").ephemeralOwner()).isZero();
        assertThat(leader.stat("/t").dataLength()).isZero();
    }

    @Test
    void createResultCarriesTheNewNodesStat() {
        Applied applied = leader.create("/a", "abc");

        assertThat(applied.result()).isEqualTo(new OpResult.Created("/a", leader.stat("/a")));
    }

    @Test
    void failedTransactionUsesItsZxidAndChangesNoStat() {
        leader.create("/a", "x");
        Stat before = leader.stat("/a");
        long zxid = leader.nextZxid;
        Applied applied = leader.setData("/a", "y", 7);

        assertThat(applied.result()).isEqualTo(new OpResult.Error(Code.BADVERSION));
        assertThat(leader.tree.lastZxid()).isEqualTo(zxid);
        assertThat(leader.stat("/a")).isEqualTo(before);
    }

    @Test
    void getAllChildrenNumberCountsEveryDescendant() {
        leader.create("/a", "");
        leader.create("/a/b", "");
        leader.create("/a/b/c", "");
        leader.create("/ab", "");

        assertThat(leader.tree.getAllChildrenNumber("/a").orThrow()).isEqualTo(2);
        // The root counts the system nodes too, as ZooKeeper's does (nodes.size() - 2 there).
        assertThat(leader.tree.getAllChildrenNumber("/").orThrow()).isEqualTo(7);
        assertThat(leader.tree.getAllChildrenNumber("/nope").code()).isEqualTo(Code.NONODE);
    }
}
