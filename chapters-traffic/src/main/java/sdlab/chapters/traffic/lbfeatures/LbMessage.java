package sdlab.chapters.traffic.lbfeatures;

import sdlab.core.Message;
import sdlab.core.NodeId;

/** Chapter 9's protocol: connections and requests between browsers, the balancer and the backends. */
sealed interface LbMessage extends Message {

    /** A browser opens connection {@code connection} to the balancer (TCP and TLS set-up, one round trip here). */
    record Connect(int connection) implements LbMessage {}

    /** The connection is ready. */
    record Connected(int connection) implements LbMessage {}

    /** The balancer closes the connection (or, draining, asks the browser to stop using it: GOAWAY). */
    record Closed(int connection) implements LbMessage {}

    /**
     * A request on a connection.
     *
     * @param connection the connection it travels on
     * @param requestId unique per browser
     * @param sessionId the app's session cookie, 0 before login
     * @param sticky the balancer's affinity cookie: the backend that holds the session, or null
     */
    record Request(int connection, long requestId, long sessionId, NodeId sticky) implements LbMessage {}

    /**
     * The answer to a request.
     *
     * @param requestId the request
     * @param ok false when the request was lost (its backend stopped under it)
     * @param backend the backend that served it, or null if lost
     * @param sessionId the session the backend holds for the user now
     */
    record Response(long requestId, boolean ok, NodeId backend, long sessionId) implements LbMessage {}

    /** The request was not read by anyone (its connection had gone): the browser may send it again. */
    record Refused(int connection, long requestId) implements LbMessage {}

    /** The balancer hands a browser's request to a backend. */
    record Proxied(NodeId client, long requestId, long sessionId) implements LbMessage {}

    /** The backend's answer; {@code sessionFound} false when it had to start a new session. */
    record Done(NodeId client, long requestId, long sessionId, boolean sessionFound) implements LbMessage {}

    /** The backend stops for its restart; what it holds in memory (sessions, requests in progress) is lost. */
    record Stop() implements LbMessage {}

    /** The restarted backend is ready for traffic. */
    record Ready() implements LbMessage {}
}
