package sdlab.cache;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import sdlab.cache.store.Key;

/**
 * Who listens to what: channels and glob patterns, each with the sessions subscribed to it, in
 * subscription order (the order messages are delivered in, as in Redis). The Observer pattern
 * with the engine in the middle: PUBLISH hands each message to the subscribers' push sinks,
 * which the server connects to their sockets. No I/O here, so the simulator can run it too.
 */
final class PubSub {
    private static final Reply MESSAGE = Reply.bulk("message");
    private static final Reply PMESSAGE = Reply.bulk("pmessage");

    private final Map<Key, Set<ClientSession>> channels = new LinkedHashMap<>();
    private final Map<Key, Set<ClientSession>> patterns = new LinkedHashMap<>();
    private final Map<Key, GlobPattern> compiled = new LinkedHashMap<>();

    /** Subscribes {@code session} to {@code channel}; false if it already was. */
    boolean subscribe(ClientSession session, Key channel) {
        if (!session.subscriptions().channels().add(channel)) {
            return false;
        }
        channels.computeIfAbsent(channel, c -> new LinkedHashSet<>()).add(session);
        return true;
    }

    /** Unsubscribes {@code session} from {@code channel}; false if it was not subscribed. */
    boolean unsubscribe(ClientSession session, Key channel) {
        if (!session.subscriptions().channels().remove(channel)) {
            return false;
        }
        remove(channels, channel, session);
        return true;
    }

    boolean psubscribe(ClientSession session, Key pattern) {
        if (!session.subscriptions().patterns().add(pattern)) {
            return false;
        }
        patterns.computeIfAbsent(pattern, p -> new LinkedHashSet<>()).add(session);
        compiled.computeIfAbsent(pattern, p -> new GlobPattern(p.bytes()));
        return true;
    }

    boolean punsubscribe(ClientSession session, Key pattern) {
        if (!session.subscriptions().patterns().remove(pattern)) {
            return false;
        }
        if (remove(patterns, pattern, session)) {
            compiled.remove(pattern);
        }
        return true;
    }

    /** Drops every subscription of a session that goes away. */
    void forget(ClientSession session) {
        for (Key channel : List.copyOf(session.subscriptions().channels())) {
            unsubscribe(session, channel);
        }
        for (Key pattern : List.copyOf(session.subscriptions().patterns())) {
            punsubscribe(session, pattern);
        }
    }

    /** Delivers {@code message} to every subscriber of {@code channel} and of a matching pattern; returns how many. */
    int publish(Key channel, byte[] message) {
        int receivers = 0;
        Reply channelReply = new Reply.Bulk(channel.bytes());
        Reply messageReply = new Reply.Bulk(message);
        Set<ClientSession> direct = channels.get(channel);
        if (direct != null) {
            Reply push = new Reply.Push(List.of(MESSAGE, channelReply, messageReply));
            for (ClientSession subscriber : direct) {
                subscriber.push(push);
                receivers++;
            }
        }
        for (var entry : patterns.entrySet()) {
            if (!compiled.get(entry.getKey()).matches(channel.bytes())) {
                continue;
            }
            Reply push = new Reply.Push(
                    List.of(PMESSAGE, new Reply.Bulk(entry.getKey().bytes()), channelReply, messageReply));
            for (ClientSession subscriber : entry.getValue()) {
                subscriber.push(push);
                receivers++;
            }
        }
        return receivers;
    }

    /** Channels with at least one subscriber, matching {@code pattern} (all when null). */
    List<Reply> activeChannels(byte[] pattern) {
        GlobPattern match = pattern == null ? null : new GlobPattern(pattern);
        List<Reply> names = new ArrayList<>();
        for (Key channel : channels.keySet()) {
            if (match == null || match.matches(channel.bytes())) {
                names.add(new Reply.Bulk(channel.bytes()));
            }
        }
        return names;
    }

    int subscribers(Key channel) {
        Set<ClientSession> sessions = channels.get(channel);
        return sessions == null ? 0 : sessions.size();
    }

    /** Patterns subscribed to by anyone (PUBSUB NUMPAT). */
    int patternCount() {
        return patterns.size();
    }

    static Reply event(String kind, byte[] name, int count) {
        return new Reply.Push(List.of(
                new Reply.Bulk(kind.getBytes(StandardCharsets.US_ASCII)),
                name == null ? Reply.Nil.BULK : new Reply.Bulk(name),
                Reply.integer(count)));
    }

    /** Removes {@code session} from {@code name}'s set; true if the set became empty and was dropped. */
    private static boolean remove(Map<Key, Set<ClientSession>> index, Key name, ClientSession session) {
        Set<ClientSession> sessions = index.get(name);
        if (sessions == null) {
            return false;
        }
        sessions.remove(session);
        if (sessions.isEmpty()) {
            index.remove(name);
            return true;
        }
        return false;
    }
}
