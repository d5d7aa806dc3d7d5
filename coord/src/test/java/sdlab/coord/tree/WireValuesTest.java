package sdlab.coord.tree;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The numbers the wire protocol will carry, as ZooKeeper's KeeperException.Code, EventType and CreateMode define them. */
class WireValuesTest {

    @Test
    void errorCodesHaveZooKeepersNumbers() {
        assertThat(Code.OK.value()).isZero();
        assertThat(Code.RUNTIMEINCONSISTENCY.value()).isEqualTo(-2);
        assertThat(Code.UNIMPLEMENTED.value()).isEqualTo(-6);
        assertThat(Code.BADARGUMENTS.value()).isEqualTo(-8);
        assertThat(Code.NONODE.value()).isEqualTo(-101);
        assertThat(Code.BADVERSION.value()).isEqualTo(-103);
        assertThat(Code.NOCHILDRENFOREPHEMERALS.value()).isEqualTo(-108);
        assertThat(Code.NODEEXISTS.value()).isEqualTo(-110);
        assertThat(Code.NOTEMPTY.value()).isEqualTo(-111);
        assertThat(Code.SESSIONEXPIRED.value()).isEqualTo(-112);
        assertThat(Code.NOWATCHER.value()).isEqualTo(-121);
    }

    @Test
    void eventTypesAndCreateModesHaveZooKeepersNumbers() {
        assertThat(EventType.NODE_CREATED.value()).isEqualTo(1);
        assertThat(EventType.NODE_CHILDREN_CHANGED.value()).isEqualTo(4);
        assertThat(CreateMode.EPHEMERAL_SEQUENTIAL.flag()).isEqualTo(3);
        assertThat(CreateMode.CONTAINER.flag()).isEqualTo(4);
        assertThat(CreateMode.PERSISTENT_SEQUENTIAL_WITH_TTL.flag()).isEqualTo(6);
        assertThat(WatcherType.ANY.value()).isEqualTo(3);
        assertThat(AddWatchMode.PERSISTENT_RECURSIVE.value()).isEqualTo(1);
    }
}
