package sdlab.txlog.server;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongFunction;
import sdlab.core.Message;
import sdlab.core.NodeId;
import sdlab.txlog.TxLogMessages;
import sdlab.txlog.TxLogMessages.Request;
import sdlab.txlog.TxLogMessages.Response;

/**
 * The Kafka door as one client of the txlog node in the same process: it sends the node {@link Request}s and
 * completes a future with the node's {@link Response}, matched by request id. Everything here runs on the node's
 * event loop, so the futures complete there and the door's continuations run there too, one at a time.
 */
final class NodeCalls {
    private static final NodeId DOOR = NodeId.of("kafka-door");

    private final BrokerHost host;
    private final Map<Long, CompletableFuture<Response>> waiting = new HashMap<>();
    private long requestIdLast;

    NodeCalls(BrokerHost host) {
        this.host = host;
        host.onReply(this::deliver);
    }

    /** Sends the node the request made with a fresh request id; called on the node's loop. */
    CompletableFuture<Response> call(LongFunction<Request> request) {
        long requestId = ++requestIdLast;
        CompletableFuture<Response> answer = new CompletableFuture<>();
        // Registered first: the node may answer before deliverLocal returns.
        waiting.put(requestId, answer);
        host.deliver(DOOR, request.apply(requestId));
        return answer;
    }

    /** The node's answer to one of the door's requests; called on the node's loop. */
    private void deliver(Message message) {
        if (message instanceof Response response) {
            CompletableFuture<Response> answer = waiting.remove(requestId(response));
            if (answer != null) {
                answer.complete(response);
            }
        }
    }

    private static long requestId(Response response) {
        return switch (response) {
            case TxLogMessages.ProduceOk ok -> ok.requestId();
            case TxLogMessages.ProduceRefused refused -> refused.requestId();
            case TxLogMessages.FetchOk ok -> ok.requestId();
            case TxLogMessages.FetchRefused refused -> refused.requestId();
            case TxLogMessages.InitProducerIdOk ok -> ok.requestId();
            case TxLogMessages.TxnOk ok -> ok.requestId();
            case TxLogMessages.TxnRefused refused -> refused.requestId();
        };
    }
}
