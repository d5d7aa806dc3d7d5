package sdlab.txlog.server;

import java.util.Arrays;
import java.util.Optional;

/**
 * The APIs this broker serves, each at the versions it advertises in ApiVersions. One version per API (two for
 * ApiVersions, whose v3 and v4 are the same on the wire) keeps the codecs small; each is one that kafka-clients 4.x
 * accepts, all of them "flexible" (compact strings and tagged fields).
 */
enum ServedApi {
    PRODUCE(0, 9, 9),
    FETCH(1, 12, 12),
    LIST_OFFSETS(2, 7, 7),
    METADATA(3, 12, 12),
    OFFSET_COMMIT(8, 8, 8),
    OFFSET_FETCH(9, 8, 8),
    FIND_COORDINATOR(10, 4, 4),
    JOIN_GROUP(11, 6, 6),
    HEARTBEAT(12, 4, 4),
    LEAVE_GROUP(13, 4, 4),
    SYNC_GROUP(14, 4, 4),
    API_VERSIONS(18, 3, 4),
    INIT_PRODUCER_ID(22, 4, 4),
    ADD_PARTITIONS_TO_TXN(24, 3, 3),
    ADD_OFFSETS_TO_TXN(25, 3, 3),
    END_TXN(26, 3, 3),
    TXN_OFFSET_COMMIT(28, 3, 3);

    final short key;
    final short minVersion;
    final short maxVersion;

    ServedApi(int key, int minVersion, int maxVersion) {
        this.key = (short) key;
        this.minVersion = (short) minVersion;
        this.maxVersion = (short) maxVersion;
    }

    static Optional<ServedApi> byKey(short key) {
        return Arrays.stream(values()).filter(api -> api.key == key).findFirst();
    }

    boolean serves(short version) {
        return version >= minVersion && version <= maxVersion;
    }
}
