package sdlab.chapters.cache.redismemcached;

import sdlab.core.Message;
import sdlab.core.NodeId;
import sdlab.core.Timer;

/**
 * Chapter 11's protocol at a glance: what a client sends a cache node, what the node answers,
 * and the timers both set. The messages carry the sizes of the frames that the node's wire
 * protocol puts on the wire, not the frames themselves, so that traces stay readable; the values
 * are derived from the keys ({@link DataSet#valueOf}).
 */
sealed interface ServerMessage extends Message {

    /** A command from a client. */
    sealed interface Request extends ServerMessage {
        /** The client's id for matching the answer (its operation id). */
        long requestId();

        String key();

        /** The size of the encoded request in the node's protocol. */
        int wireBytes();

        /** How many of those bytes the node's parser scans one by one. */
        int scannedBytes();
    }

    /** {@code GET key}. */
    record Get(long requestId, String key, int wireBytes, int scannedBytes) implements Request {}

    /** {@code SET key value}, the value being {@code valueBytes} bytes derived from the key. */
    record Set(long requestId, String key, int valueBytes, int wireBytes, int scannedBytes) implements Request {}

    /** The node's answer to one request. */
    sealed interface Response extends ServerMessage {
        long requestId();

        /** The size of the encoded reply in the node's protocol. */
        int wireBytes();
    }

    /** A SET was stored (and is as durable as the node's persistence promises). */
    record Stored(long requestId, int wireBytes) implements Response {}

    /** A GET found its key. */
    record Hit(long requestId, int wireBytes) implements Response {}

    /** A GET did not. */
    record Miss(long requestId, int wireBytes) implements Response {}

    /** The node refused: out of memory, its request line full, or its files damaged. */
    record Refused(long requestId, int wireBytes) implements Response {}

    /** The node's worker finishes serving {@code request} from {@code client}. */
    record ServiceDone(NodeId client, Request request) implements Timer {}

    /** The client stops waiting for the answer to {@code requestId}. */
    record RequestTimeout(long requestId) implements Timer {}
}
