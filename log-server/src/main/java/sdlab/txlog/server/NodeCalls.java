package sdlab.txlog.server;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongFunction;
import sdlab.core.Message;
import sdlab.core.NodeId;
import sdlab.txlog.GroupMessages;
import sdlab.txlog.TxLogMessages;
import sdlab.txlog.TxLogMessages.Request;
import sdlab.txlog.TxLogMessages.Response;

/**
 * The Kafka door as one client of the txlog node in the same process: it sends the node log and group requests and
 * completes a future with the node's answer, matched by request id. Everything here runs on the node's
 * event loop, so the futures complete there and the door's continuations run there too, one at a time.
 */
final class NodeCalls {
    /** The door's name as the node's client. */
    static final NodeId DOOR = NodeId.of("kafka-door");

    private final BrokerNode host;
    private final Map<Long, CompletableFuture<Message>> waiting = new HashMap<>();
    private long requestIdLast;

    NodeCalls(BrokerNode host) {
        this.host = host;
        host.onReply(this::deliver);
    }

    /** Sends the node the log request made with a fresh request id; called on the node's loop. */
    CompletableFuture<Response> call(LongFunction<Request> request) {
        return send(request).thenApply(Response.class::cast);
    }

    /** Sends the node the group request made with a fresh request id; called on the node's loop. */
    CompletableFuture<GroupMessages.Response> callGroup(LongFunction<GroupMessages.Request> request) {
        return send(request).thenApply(GroupMessages.Response.class::cast);
    }

    private CompletableFuture<Message> send(LongFunction<? extends Message> request) {
        long requestId = ++requestIdLast;
        CompletableFuture<Message> answer = new CompletableFuture<>();
        // Registered first: the node may answer before deliver returns.
        waiting.put(requestId, answer);
        host.request(DOOR, request.apply(requestId));
        return answer;
    }

    /** The node's answer to one of the door's requests; called on the node's loop. */
    private void deliver(Message message) {
        long requestId =
                switch (message) {
                    case Response response -> requestId(response);
                    case GroupMessages.Response response -> response.requestId();
                    default -> -1;
                };
        CompletableFuture<Message> answer = waiting.remove(requestId);
        if (answer != null) {
            answer.complete(message);
        }
    }

    private static long requestId(Response response) {
        return switch (response) {
            case TxLogMessages.ProduceOk ok -> ok.requestId();
            case TxLogMessages.ProduceRefused refused -> refused.requestId();
            case TxLogMessages.FetchOk ok -> ok.requestId();
            case TxLogMessages.FetchRefused refused -> refused.requestId();
            case TxLogMessages.LogRead read -> read.requestId();
            case TxLogMessages.InitProducerIdOk ok -> ok.requestId();
            case TxLogMessages.TxnOk ok -> ok.requestId();
            case TxLogMessages.TxnRefused refused -> refused.requestId();
            case TxLogMessages.OffsetsOk ok -> ok.requestId();
            case TxLogMessages.PartitionDescribed described -> described.requestId();
            case TxLogMessages.TopicCreated created -> created.requestId();
            case TxLogMessages.TopicRefused refused -> refused.requestId();
        };
    }
}
