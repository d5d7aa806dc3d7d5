package sdlab.cache;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What a command answers, independent of the wire protocol. The RESP front door encodes it as
 * RESP2 or RESP3; the simulator inspects it directly. Maps, sets and verbatim strings are RESP3
 * types that RESP2 flattens into arrays and bulk strings.
 */
public sealed interface Reply {
    Reply OK = new Simple("OK");
    Reply ZERO = new Int(0);
    Reply ONE = new Int(1);

    /** A status line such as {@code OK} or {@code PONG}. */
    record Simple(String text) implements Reply {}

    /** An error line, starting with its code: {@code ERR ...}, {@code WRONGTYPE ...}. */
    record Error(String text) implements Reply {}

    /** A signed 64-bit integer. */
    record Int(long value) implements Reply {}

    /** A binary-safe string; the array is shared, not copied. */
    record Bulk(byte[] bytes) implements Reply {}

    /** An ordered collection. */
    record Array(List<Reply> items) implements Reply {}

    /**
     * A sorted-set score (RESP3 double; RESP2 bulk string), written as Redis 7.0 writes it
     * (see {@link sdlab.cache.store.ScoreText#reply}).
     */
    record DoubleValue(double value) implements Reply {}

    /**
     * Member-score pairs, flattened: member, score, member, score. RESP2 sends them flat, as
     * Redis does; RESP3 sends an array of two-element arrays (ZRANGE ... WITHSCORES).
     */
    record Pairs(List<Reply> flat) implements Reply {
        public Pairs {
            assert flat.size() % 2 == 0 : "pairs come in twos";
        }
    }

    /** Key-value pairs, flattened: key, value, key, value (RESP3 map; RESP2 array). */
    record Map(List<Reply> flat) implements Reply {
        public Map {
            assert flat.size() % 2 == 0 : "a map needs pairs";
        }
    }

    /** An unordered collection (RESP3 set; RESP2 array). */
    record Set(List<Reply> items) implements Reply {}

    /** Text with a three-letter format such as {@code txt} (RESP3 verbatim; RESP2 bulk). */
    record Verbatim(String format, String text) implements Reply {}

    /**
     * Out-of-band data the server pushes to a client: a pub/sub message or subscription event
     * (RESP3 push type {@code >}; RESP2 array).
     */
    record Push(List<Reply> items) implements Reply {}

    /** Several replies to one command, sent one after another (SUBSCRIBE answers once per channel). */
    record Sequence(List<Reply> replies) implements Reply {}

    /**
     * No answer at all: the server closes the connection instead, as Redis does after a
     * successful SHUTDOWN.
     */
    enum Hangup implements Reply {
        INSTANCE
    }

    /**
     * No answer yet: the command blocked the client (BLPOP on empty lists). The answer comes
     * later, through the session's deferred sink, when data arrives, the timeout passes or
     * CLIENT UNBLOCK ends the wait; until then the client's next commands wait unread.
     */
    enum Blocked implements Reply {
        INSTANCE
    }

    /** The absence of a value: a missing string (RESP2 {@code $-1}) or a missing array ({@code *-1}). */
    enum Nil implements Reply {
        BULK,
        ARRAY
    }

    static Reply integer(long value) {
        return value == 0 ? ZERO : value == 1 ? ONE : new Int(value);
    }

    static Reply bulk(String text) {
        return new Bulk(text.getBytes(StandardCharsets.UTF_8));
    }

    static Reply error(String text) {
        return new Error(text);
    }

    static Reply bulkOrNil(byte[] bytes) {
        return bytes == null ? Nil.BULK : new Bulk(bytes);
    }
}
