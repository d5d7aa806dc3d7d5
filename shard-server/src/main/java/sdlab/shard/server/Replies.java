package sdlab.shard.server;

import java.nio.charset.StandardCharsets;
import sdlab.core.client.Outcome;
import sdlab.resp.RespReply;

/** How the door words what the store answered and what it refuses before asking the store. */
final class Replies {
    /**
     * The longest key, in bytes. A shard hands every key it gives up to its new owner in one message, whose frame
     * holds at most 16 MiB: keys of 1 KiB keep a move of ten thousand keys well inside it.
     */
    static final int KEY_BYTES_MAX = 1024;

    private Replies() {}

    /** The reply for an operation that did not succeed: certainly not applied, or perhaps applied. */
    static RespReply notOk(Outcome outcome) {
        return switch (outcome) {
            case Outcome.Fail fail -> RespReply.error("ERR failed, certainly not applied: " + fail.reason());
            case Outcome.Unknown unknown ->
                RespReply.error("UNCERTAIN outcome unknown (it may or may not have been applied): " + unknown.reason());
            case Outcome.Ok ok -> throw new IllegalArgumentException("an ok outcome is no error: " + ok);
        };
    }

    /** Why {@code key} cannot be stored here, or null if it can. */
    static RespReply unfitKey(String key) {
        int bytes = key.getBytes(StandardCharsets.UTF_8).length;
        return bytes <= KEY_BYTES_MAX
                ? null
                : RespReply.error("ERR keys here are at most " + KEY_BYTES_MAX + " bytes, this one has " + bytes
                        + ": a shard hands the keys it gives up to their new owner in one bounded message");
    }

    /**
     * The value {@code text} stands for, or null if the store cannot keep it. Only a number's own spelling is taken
     * ({@code 7}, {@code -12}; not {@code 07}, {@code +7} or {@code -0}): the store keeps the number, and a GET must
     * read back the bytes the SET wrote.
     */
    static Long value(String text) {
        long parsed;
        try {
            parsed = Long.parseLong(text);
        } catch (NumberFormatException e) {
            return null;
        }
        return Long.toString(parsed).equals(text) ? parsed : null;
    }

    static RespReply notAValue(String text) {
        String shown = text.length() > 64 ? text.substring(0, 64) + "..." : text;
        return RespReply.error("ERR the sharded store keeps 64-bit whole numbers written as such (no leading zero or"
                + " plus sign), and '" + shown + "' is not one");
    }

    /** A stored value as clients read it: Redis hands numbers back as bulk strings. */
    static RespReply bulk(Object value) {
        return RespReply.bulk(value == null ? null : value.toString());
    }
}
