package sdlab.kv.causal;

import java.util.Objects;
import sdlab.core.Message;

/**
 * The whole protocol of the causal store, in one place.
 *
 * <pre>
 * client -> replica    Put | Get            (each carries the client's context)
 * replica -> client    PutOk | GetOk | Refused (definite: nothing was written)
 * origin -> replica    Replicate            (resent until acknowledged)
 * replica -> origin    ReplicateAck         (after the write is applied and synced)
 * </pre>
 */
public final class CausalMessages {
    private CausalMessages() {}

    /** Every message of the causal store. */
    public sealed interface CausalMessage extends Message permits ClientRequest, ClientReply, Replicate, ReplicateAck {}

    /** A client's request: served once every write of {@code context} is applied at the replica. */
    public sealed interface ClientRequest extends CausalMessage permits Put, Get {
        long requestId();

        String key();

        Context context();
    }

    /** A replica's answer to a client. */
    public sealed interface ClientReply extends CausalMessage permits PutOk, GetOk, Refused {
        long requestId();
    }

    /** Write {@code value} under {@code key}, depending on {@code context}. */
    public record Put(long requestId, String key, Object value, Context context) implements ClientRequest {
        public Put {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(context, "context");
        }
    }

    /** Read {@code key}, once {@code context} is applied here. */
    public record Get(long requestId, String key, Context context) implements ClientRequest {
        public Get {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(context, "context");
        }
    }

    /** The write is applied and durable at the client's replica, as {@code version}. */
    public record PutOk(long requestId, Version version) implements ClientReply {}

    /** The key's visible value and its version ({@code null} for a key never written). */
    public record GetOk(long requestId, Object value, Version version) implements ClientReply {}

    /** Not served (the context did not arrive in time, or a bound was reached): nothing was written. */
    public record Refused(long requestId, String reason) implements ClientReply {}

    /** A write its origin replica took, for another replica to apply once its dependencies are there. */
    public record Replicate(CausalWrite write) implements CausalMessage {}

    /** The write of {@code version} is applied (or already was) and durable at the sender. */
    public record ReplicateAck(Version version) implements CausalMessage {}
}
