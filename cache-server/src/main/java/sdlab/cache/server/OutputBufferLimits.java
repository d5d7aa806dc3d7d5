package sdlab.cache.server;

import java.util.Locale;
import java.util.OptionalLong;
import sdlab.cache.MemorySize;

/**
 * Redis's {@code client-output-buffer-limit}: for each class of client, a hard limit on the
 * replies it may leave unread (past it the client is closed at once) and a soft limit that
 * closes it only if exceeded for {@code softSeconds} without a break. Pub/sub clients are their
 * own class, since a slow subscriber is the usual reason for a growing buffer. 0 means no limit.
 *
 * <p>Redis's default for normal clients is no limit at all; this node closes a normal client
 * that leaves 256 MB unread, so that one client that stops reading a big reply cannot take the
 * node's memory. The replica class is accepted and shown, and has no clients here.
 *
 * @param normal the limits of ordinary clients (monitors included, as in Redis)
 * @param replica kept for CONFIG; this node has no replicas
 * @param pubsub the limits of clients subscribed to a channel or pattern
 */
record OutputBufferLimits(Limit normal, Limit replica, Limit pubsub) {
    static final OutputBufferLimits DEFAULT = new OutputBufferLimits(
            new Limit(256L << 20, 0, 0), new Limit(256L << 20, 64L << 20, 60), new Limit(32L << 20, 8L << 20, 60));

    /** The limits of one class; bytes and seconds, 0 for none. */
    record Limit(long hardBytes, long softBytes, long softSeconds) {
        Limit {
            if (hardBytes < 0 || softBytes < 0 || softSeconds < 0) {
                throw new IllegalArgumentException("output buffer limits must not be negative");
            }
        }
    }

    /** Whether the client must be closed now; {@code watch} remembers when its soft limit was first passed. */
    boolean exceeded(boolean subscriber, long pendingBytes, SoftLimitWatch watch, long nowNanos) {
        Limit limit = subscriber ? pubsub : normal;
        if (limit.hardBytes() > 0 && pendingBytes > limit.hardBytes()) {
            return true;
        }
        if (limit.softBytes() == 0 || pendingBytes <= limit.softBytes()) {
            watch.reset();
            return false;
        }
        long since = watch.startIfIdle(nowNanos);
        return nowNanos - since >= limit.softSeconds() * 1_000_000_000L;
    }

    /** The value as CONFIG GET shows it, in Redis's order and words. */
    String describe() {
        return "normal " + text(normal) + " slave " + text(replica) + " pubsub " + text(pubsub);
    }

    /**
     * Applies {@code "class hard soft seconds ..."} (one or more classes, sizes with units like
     * {@code 32mb}) to these limits; classes not named keep theirs.
     *
     * @throws IllegalArgumentException with Redis's reason if the text is malformed
     */
    OutputBufferLimits with(String text) {
        if (text.isBlank()) {
            return this; // as Redis: an empty value changes nothing
        }
        String[] words = text.trim().split("\\s+");
        if (words.length % 4 != 0) {
            throw new IllegalArgumentException("Wrong number of arguments in buffer limit configuration.");
        }
        Limit newNormal = normal;
        Limit newReplica = replica;
        Limit newPubsub = pubsub;
        for (int i = 0; i < words.length; i += 4) {
            Limit limit = new Limit(bytes(words[i + 1]), bytes(words[i + 2]), seconds(words[i + 3]));
            switch (words[i].toLowerCase(Locale.ROOT)) {
                case "normal" -> newNormal = limit;
                case "slave", "replica" -> newReplica = limit;
                case "pubsub" -> newPubsub = limit;
                default ->
                    throw new IllegalArgumentException("Invalid client class specified in buffer limit configuration.");
            }
        }
        return new OutputBufferLimits(newNormal, newReplica, newPubsub);
    }

    private static String text(Limit limit) {
        return limit.hardBytes() + " " + limit.softBytes() + " " + limit.softSeconds();
    }

    private static long bytes(String word) {
        OptionalLong value = MemorySize.parse(word);
        if (value.isEmpty()) {
            throw new IllegalArgumentException(
                    "Error in hard, soft or soft_seconds setting in buffer limit configuration.");
        }
        return value.getAsLong();
    }

    private static long seconds(String word) {
        try {
            long value = Long.parseLong(word);
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // falls through to the error
        }
        throw new IllegalArgumentException(
                "Error in hard, soft or soft_seconds setting in buffer limit configuration.");
    }

    /** One connection's memory of when it went over its soft limit. */
    static final class SoftLimitWatch {
        private static final long IDLE = Long.MIN_VALUE;
        private long sinceNanos = IDLE;

        void reset() {
            sinceNanos = IDLE;
        }

        long startIfIdle(long nowNanos) {
            if (sinceNanos == IDLE) {
                sinceNanos = nowNanos;
            }
            return sinceNanos;
        }
    }
}
