package sdlab.coord.wire;

import java.util.Optional;

/**
 * ZooKeeper 3.9's request types ({@code ZooDefs.OpCode}) with the numbers its {@code
 * RequestHeader.type} carries; a test checks every one against ZooKeeper's own constants.
 */
public enum OpCode {
    NOTIFICATION(0),
    CREATE(1),
    DELETE(2),
    EXISTS(3),
    GET_DATA(4),
    SET_DATA(5),
    GET_ACL(6),
    SET_ACL(7),
    GET_CHILDREN(8),
    SYNC(9),
    PING(11),
    GET_CHILDREN2(12),
    CHECK(13),
    MULTI(14),
    CREATE2(15),
    RECONFIG(16),
    CHECK_WATCHES(17),
    REMOVE_WATCHES(18),
    CREATE_CONTAINER(19),
    DELETE_CONTAINER(20),
    CREATE_TTL(21),
    MULTI_READ(22),
    AUTH(100),
    SET_WATCHES(101),
    SASL(102),
    GET_EPHEMERALS(103),
    GET_ALL_CHILDREN_NUMBER(104),
    SET_WATCHES2(105),
    ADD_WATCH(106),
    WHO_AM_I(107),
    CREATE_SESSION(-10),
    CLOSE_SESSION(-11),
    ERROR(-1);

    private final int value;

    OpCode(int value) {
        this.value = value;
    }

    /** The number on the wire. */
    public int value() {
        return value;
    }

    /** The op code with this number, if ZooKeeper 3.9 defines one. */
    public static Optional<OpCode> of(int value) {
        for (OpCode code : values()) {
            if (code.value == value) {
                return Optional.of(code);
            }
        }
        return Optional.empty();
    }
}
