package sdlab.kv.quorum;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import sdlab.core.NodeId;

class ReplicaStoreTest {
    private static final NodeId OWNER = NodeId.of("n9");

    private static Versioned item(Object value, long timestampNanos) {
        return new Versioned(value, new LwwTimestamp(timestampNanos, "n1"));
    }

    @Test
    void recoveryKeepsEveryCompleteRecordAndDropsATornTail() {
        // A crash tore the last append: the keys before it come back, the torn one does not.
        MapDisk disk = new MapDisk();
        ReplicaStore store = ReplicaStore.recover(disk);
        store.put(disk, "a", item(1L, 10));
        store.put(disk, "b", item(2L, 20));
        String file = disk.files().first();
        byte[] torn = LogCodec.encode(new LogRecord.Put("c", item(3L, 30)));
        disk.append(file, Arrays.copyOf(torn, torn.length - 3));

        ReplicaStore recovered = ReplicaStore.recover(disk);

        assertThat(recovered.read("a")).contains(item(1L, 10));
        assertThat(recovered.read("b")).contains(item(2L, 20));
        assertThat(recovered.read("c")).isEmpty();
        assertThat(recovered.recoveredFromLog()).isTrue();
    }

    @Test
    void anOlderVersionNeverReplacesANewerOne() {
        // Last writer wins by version, not by arrival: a late old write changes nothing.
        MapDisk disk = new MapDisk();
        ReplicaStore store = ReplicaStore.recover(disk);
        store.put(disk, "a", item(2L, 20));
        store.put(disk, "a", item(1L, 10));

        assertThat(store.read("a")).contains(item(2L, 20));
        assertThat(ReplicaStore.recover(disk).read("a")).contains(item(2L, 20));
    }

    @Test
    void hintsSurviveARestartUntilTheOwnerAcknowledgesThem() {
        // A hint is durable state; its delivery record removes it, also across a restart.
        MapDisk disk = new MapDisk();
        ReplicaStore store = ReplicaStore.recover(disk);
        store.putHint(disk, OWNER, "a", item(1L, 10));
        store.putHint(disk, OWNER, "b", item(2L, 20));
        store.hintDelivered(disk, OWNER, "a", new LwwTimestamp(10, "n1"));

        ReplicaStore recovered = ReplicaStore.recover(disk);

        assertThat(recovered.hintCount()).isEqualTo(1);
        assertThat(recovered.hintsToHandOff(10)).containsExactly(new LogRecord.Hint(OWNER, "b", item(2L, 20)));
        assertThat(recovered.read("b")).contains(item(2L, 20));
    }

    @Test
    void aDeliveryOfAnOlderVersionKeepsANewerHint() {
        // The owner acknowledged version 10 while a write of version 20 arrived: keep handing off.
        MapDisk disk = new MapDisk();
        ReplicaStore store = ReplicaStore.recover(disk);
        store.putHint(disk, OWNER, "a", item(1L, 10));
        store.putHint(disk, OWNER, "a", item(2L, 20));
        store.hintDelivered(disk, OWNER, "a", new LwwTimestamp(10, "n1"));

        assertThat(store.hintCount()).isEqualTo(1);
        assertThat(ReplicaStore.recover(disk).hintCount()).isEqualTo(1);
    }

    @Test
    void compactionWritesANewGenerationThatAloneRebuildsTheState() {
        // After compaction and the deletion of the older files, the snapshot holds everything.
        MapDisk disk = new MapDisk();
        ReplicaStore store = ReplicaStore.recover(disk);
        for (int i = 0; i < 50; i++) {
            store.put(disk, "k" + (i % 5), item((long) i, i + 1));
        }
        store.putHint(disk, OWNER, "h", item(7L, 100));

        List<String> older = store.compact(disk);
        older.forEach(disk::delete);

        assertThat(disk.files()).hasSize(1);
        ReplicaStore recovered = ReplicaStore.recover(disk);
        for (int k = 0; k < 5; k++) {
            assertThat(recovered.read("k" + k)).isEqualTo(store.read("k" + k));
        }
        assertThat(recovered.hintCount()).isEqualTo(1);
    }

    @Test
    void unsyncedKeysAreReportedAsNotDurableUntilASyncCoversThem() {
        // What a read reply says about durability follows the syncs.
        MapDisk disk = new MapDisk();
        ReplicaStore store = ReplicaStore.recover(disk);
        store.put(disk, "a", item(1L, 10));
        long coveredBySync = store.writeSequence();
        store.put(disk, "b", item(2L, 20));

        store.durableUpTo(coveredBySync);

        assertThat(store.isDurable("a")).isTrue();
        assertThat(store.isDurable("b")).isFalse();
        assertThat(store.read("missing")).isEqualTo(Optional.empty());
    }
}
