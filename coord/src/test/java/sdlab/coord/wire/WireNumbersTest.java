package sdlab.coord.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.junit.jupiter.api.Test;
import sdlab.coord.tree.AddWatchMode;
import sdlab.coord.tree.Code;
import sdlab.coord.tree.CreateMode;
import sdlab.coord.tree.EventType;
import sdlab.coord.tree.WatcherType;

/** Every number the wire carries, checked against the constants in ZooKeeper 3.9.5's own jar. */
class WireNumbersTest {

    @Test
    void opCodesAreExactlyZooDefsOpCode() throws IllegalAccessException {
        Map<String, Integer> zooKeepers = new TreeMap<>();
        for (Field field : ZooDefs.OpCode.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == int.class) {
                zooKeepers.put(field.getName().toLowerCase(), field.getInt(null));
            }
        }
        Map<String, Integer> ours = Arrays.stream(OpCode.values())
                .collect(Collectors.toMap(
                        code -> code.name().replace("_", "").toLowerCase(), OpCode::value, (a, b) -> a, TreeMap::new));

        assertThat(ours).isEqualTo(zooKeepers);
    }

    @Test
    void codesHaveKeeperExceptionCodesNumbers() {
        for (Code code : Code.values()) {
            assertThat(KeeperException.Code.valueOf(code.name()).intValue())
                    .as(code.name())
                    .isEqualTo(code.value());
            assertThat(TreeMapping.code(code.value())).contains(code);
        }
    }

    @Test
    void createModesEventTypesAndWatchModesHaveZooKeepersNumbers() {
        for (CreateMode mode : CreateMode.values()) {
            assertThat(org.apache.zookeeper.CreateMode.valueOf(mode.name()).toFlag())
                    .as(mode.name())
                    .isEqualTo(mode.flag());
        }
        assertThat(Watcher.Event.EventType.NodeCreated.getIntValue()).isEqualTo(EventType.NODE_CREATED.value());
        assertThat(Watcher.Event.EventType.NodeDeleted.getIntValue()).isEqualTo(EventType.NODE_DELETED.value());
        assertThat(Watcher.Event.EventType.NodeDataChanged.getIntValue())
                .isEqualTo(EventType.NODE_DATA_CHANGED.value());
        assertThat(Watcher.Event.EventType.NodeChildrenChanged.getIntValue())
                .isEqualTo(EventType.NODE_CHILDREN_CHANGED.value());
        assertThat(Watcher.Event.KeeperState.SyncConnected.getIntValue())
                .isEqualTo(ServerResponse.WatcherEvent.STATE_SYNC_CONNECTED);
        assertThat(ZooDefs.AddWatchModes.persistent).isEqualTo(AddWatchMode.PERSISTENT.value());
        assertThat(ZooDefs.AddWatchModes.persistentRecursive).isEqualTo(AddWatchMode.PERSISTENT_RECURSIVE.value());
        for (WatcherType type : WatcherType.values()) {
            assertThat(Watcher.WatcherType.fromInt(type.value()).name().toLowerCase())
                    .isEqualTo(type.name().replace("_", "").toLowerCase());
        }
        assertThat(Packets.PACKET_BYTES_MAX).isEqualTo(org.apache.jute.BinaryInputArchive.maxBuffer);
    }
}
