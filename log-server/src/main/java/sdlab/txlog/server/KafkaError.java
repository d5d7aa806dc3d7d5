package sdlab.txlog.server;

import sdlab.txlog.ErrorCode;
import sdlab.txlog.GroupMessages;

/** Kafka's numeric error codes for the answers this broker gives, and the txlog node's refusals mapped onto them. */
final class KafkaError {
    static final short NONE = 0;
    static final short OFFSET_OUT_OF_RANGE = 1;
    static final short CORRUPT_MESSAGE = 2;
    static final short UNKNOWN_TOPIC_OR_PARTITION = 3;
    static final short OFFSET_METADATA_TOO_LARGE = 12;
    static final short INVALID_TOPIC_EXCEPTION = 17;
    static final short INVALID_REQUIRED_ACKS = 21;
    static final short UNSUPPORTED_VERSION = 35;
    static final short INVALID_REQUEST = 42;
    static final short UNSTABLE_OFFSET_COMMIT = 88;
    static final short UNKNOWN_SERVER_ERROR = -1;

    private KafkaError() {}

    static short of(GroupMessages.GroupError error) {
        return switch (error) {
            case ILLEGAL_GENERATION -> 22;
            case INCONSISTENT_GROUP_PROTOCOL -> 23;
            case UNKNOWN_MEMBER_ID -> 25;
            case REBALANCE_IN_PROGRESS -> 27;
            case GROUP_MAX_SIZE_REACHED -> 81;
            case INVALID_PRODUCER_EPOCH -> 47;
            case INVALID_TXN_STATE -> 48;
            case UNKNOWN_PRODUCER_ID -> 59;
        };
    }

    static short of(ErrorCode error) {
        return switch (error) {
            case UNKNOWN_TOPIC_OR_PARTITION -> UNKNOWN_TOPIC_OR_PARTITION;
            case OUT_OF_ORDER_SEQUENCE_NUMBER -> 45;
            case INVALID_PRODUCER_EPOCH -> 47;
            case INVALID_TXN_STATE -> 48;
            case INVALID_TRANSACTION_TIMEOUT -> 50;
            case CONCURRENT_TRANSACTIONS -> 51;
            case UNKNOWN_PRODUCER_ID -> 59;
            case COORDINATOR_FULL -> 15; // COORDINATOR_NOT_AVAILABLE: the client retries later
            // Kafka has no "log full"; a storage error tells the producer the write did not happen.
            case PARTITION_FULL -> 56;
            case OFFSET_OUT_OF_RANGE -> OFFSET_OUT_OF_RANGE;
            case NOT_LEADER_OR_FOLLOWER -> 6;
            case NOT_ENOUGH_REPLICAS -> 19;
            case NOT_ENOUGH_REPLICAS_AFTER_APPEND -> 20;
            case FENCED_LEADER_EPOCH -> 74;
            case UNKNOWN_LEADER_EPOCH -> 75;
        };
    }
}
