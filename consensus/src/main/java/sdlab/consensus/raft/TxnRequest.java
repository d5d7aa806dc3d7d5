package sdlab.consensus.raft;

import java.util.List;

/**
 * What a client asks of {@link RaftClient} as the value of a {@code txn} operation: the
 * conditions and the writes of one {@link Command.Txn}; the client adds its session.
 */
public record TxnRequest(List<Command.Condition> conditions, List<Command.Mutation> writes) {
    public TxnRequest {
        conditions = List.copyOf(conditions);
        writes = List.copyOf(writes);
    }
}
