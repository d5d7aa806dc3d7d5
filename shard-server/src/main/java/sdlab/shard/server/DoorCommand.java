package sdlab.shard.server;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The commands the door knows, with their arity as Redis's command table gives it: a positive arity is the exact
 * number of words (the command's name included), a negative one the least. A known command called with another
 * number gets Redis's own words for it, so that a client library's error handling reads the door as it reads Redis.
 */
enum DoorCommand {
    PING(-1),
    ECHO(2),
    QUIT(-1),
    SELECT(2),
    COMMAND(-1),
    INFO(-1),
    GET(2),
    SET(-3),
    MGET(-2),
    MSET(-3),
    EXISTS(-2),
    DEL(-2),
    INCR(2),
    DECR(2),
    INCRBY(3),
    DECRBY(3),
    SHARDS_WHERE("SHARDS.WHERE", 2),
    SHARDS_RANGE("SHARDS.RANGE", 3);

    private static final Map<String, DoorCommand> BY_NAME =
            Arrays.stream(values()).collect(Collectors.toMap(DoorCommand::wireName, Function.identity()));

    private final String wireName;
    private final int arity;

    DoorCommand(int arity) {
        this.wireName = name();
        this.arity = arity;
    }

    DoorCommand(String wireName, int arity) {
        this.wireName = wireName;
        this.arity = arity;
    }

    /** The command named {@code name} (any case), or null. */
    static DoorCommand named(String name) {
        return BY_NAME.get(name.toUpperCase(Locale.ROOT));
    }

    /** The name clients send. */
    String wireName() {
        return wireName;
    }

    /** Whether {@code words} words (the name included) is a number this command takes. */
    boolean takes(int words) {
        return arity >= 0 ? words == arity : words >= -arity;
    }

    /** Redis's error for a wrong number of arguments: the name in lower case, as Redis 7 writes it. */
    String wrongArity() {
        return "ERR wrong number of arguments for '" + wireName.toLowerCase(Locale.ROOT) + "' command";
    }
}
