package sdlab.chapters.cache.layers;

import java.util.List;
import java.util.Map;
import sdlab.core.Message;
import sdlab.core.NodeId;
import sdlab.core.Timer;
import sdlab.traffic.httpcache.Request;
import sdlab.traffic.httpcache.Response;

/**
 * Chapter 20's protocol at a glance: HTTP GETs from browsers through an edge POP to the origin,
 * and the origin's queries to its database. A response's size is carried, not its body.
 */
sealed interface LayersMessage extends Message {

    /** Request headers that responses may vary on. */
    String COOKIE = "Cookie";

    String TASTE = "X-Taste-Segment";

    /** The status of every response the origin sends. */
    int OK = 200;

    /**
     * An HTTP GET.
     *
     * @param requestId the sender's id for matching the response
     * @param url the path
     * @param user the user, sent in the {@code Cookie} header
     * @param taste the user's taste segment, sent in the {@code X-Taste-Segment} header
     */
    record HttpGet(long requestId, String url, String user, int taste) implements LayersMessage {
        /** The request as an HTTP cache sees it: a GET of the URL with its Cookie and taste-segment fields. */
        Request toCacheRequest() {
            return Request.get(url, Map.of(COOKIE, "user=" + user, TASTE, Integer.toString(taste)));
        }
    }

    /**
     * An HTTP response.
     *
     * @param requestId the request it answers
     * @param url the path it is for
     * @param bodyBytes the size of its body
     * @param cacheControl its {@code Cache-Control} field value
     * @param vary its {@code Vary} field value, empty when it has none
     * @param personalisedFor whose variant it is ("user u7", "taste 2"), or empty when it is the same for everyone
     * @param servedBy the layer that produced it: "edge" or "origin"
     */
    record HttpResponse(
            long requestId,
            String url,
            long bodyBytes,
            String cacheControl,
            String vary,
            String personalisedFor,
            String servedBy)
            implements LayersMessage {
        HttpResponse withRequestId(long id, String by) {
            return new HttpResponse(id, url, bodyBytes, cacheControl, vary, personalisedFor, by);
        }

        /** The response as an HTTP cache sees it: every response here is a 200 whose size is its body's. */
        Response toCacheResponse() {
            return Response.of(OK, cacheControl, vary, bodyBytes);
        }
    }

    /** The origin asks its database for rows. */
    record Query(long queryId, List<String> rows) implements LayersMessage {}

    /** The database's answer: the rows are there. */
    record QueryDone(long queryId) implements LayersMessage {}

    /** The database finishes a query from {@code origin}. */
    record Finished(NodeId origin, Query query) implements Timer {}
}
