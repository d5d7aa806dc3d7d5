package sdlab.chapters.cache.layers;

import java.util.List;
import sdlab.core.Message;
import sdlab.core.NodeId;
import sdlab.core.Timer;

/**
 * Chapter 20's protocol at a glance: HTTP GETs from browsers through an edge POP to the origin,
 * and the origin's queries to its database. A response's size is carried, not its body.
 */
sealed interface LayersMessage extends Message {

    /** Request headers that responses may vary on. */
    String COOKIE = "Cookie";

    String TASTE = "X-Taste-Segment";

    /**
     * An HTTP GET.
     *
     * @param requestId the sender's id for matching the response
     * @param url the path
     * @param user the user, sent in the {@code Cookie} header
     * @param taste the user's taste segment, sent in the {@code X-Taste-Segment} header
     */
    record HttpGet(long requestId, String url, String user, int taste) implements LayersMessage {
        /** The value of request header {@code name}. */
        String header(String name) {
            return switch (name) {
                case COOKIE -> "user=" + user;
                case TASTE -> Integer.toString(taste);
                default -> "";
            };
        }
    }

    /**
     * An HTTP response.
     *
     * @param requestId the request it answers
     * @param url the path it is for
     * @param bodyBytes the size of its body
     * @param cacheControl what it says about caching
     * @param personalisedFor whose variant it is ("user u7", "taste 2"), or empty when it is the same for everyone
     * @param servedBy the layer that produced it: "edge" or "origin"
     */
    record HttpResponse(
            long requestId,
            String url,
            long bodyBytes,
            CacheControl cacheControl,
            String personalisedFor,
            String servedBy)
            implements LayersMessage {
        HttpResponse withRequestId(long id, String by) {
            return new HttpResponse(id, url, bodyBytes, cacheControl, personalisedFor, by);
        }
    }

    /** The origin asks its database for rows. */
    record Query(long queryId, List<String> rows) implements LayersMessage {}

    /** The database's answer: the rows are there. */
    record QueryDone(long queryId) implements LayersMessage {}

    /** The database finishes a query from {@code origin}. */
    record Finished(NodeId origin, Query query) implements Timer {}
}
