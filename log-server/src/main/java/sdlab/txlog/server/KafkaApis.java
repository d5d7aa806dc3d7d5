package sdlab.txlog.server;

import io.netty.buffer.ByteBuf;
import io.netty.util.concurrent.EventExecutor;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;

/** Routes a request body to the API that serves it; every API answers with a future body (null: no answer). */
final class KafkaApis {
    private final MetadataApi metadata;
    private final ProduceApi produce;
    private final ListOffsetsApi listOffsets;
    private final FetchApi fetch;
    private final NodeCalls node;
    private final IntFunction<KafkaBrokers> brokers;
    private final GroupMembershipApi membership;
    private final OffsetsApi offsets;
    private final TransactionApi transactions;
    private final TxnOffsetCommitApi txnOffsets;

    /**
     * @param brokers the brokers clients are told of, given the port a client connected to (a lone broker started on
     *     port 0 learns its own port that way)
     */
    KafkaApis(NodeCalls node, Topics topics, IntFunction<KafkaBrokers> brokers, DoorBug bug) {
        PartitionReads reads = new PartitionReads(node);
        this.node = node;
        this.brokers = brokers;
        this.metadata = new MetadataApi(node, topics, bug);
        this.produce = new ProduceApi(node);
        this.listOffsets = new ListOffsetsApi(reads);
        this.fetch = new FetchApi(reads);
        this.membership = new GroupMembershipApi(node);
        this.offsets = new OffsetsApi(node);
        this.transactions = new TransactionApi(node);
        this.txnOffsets = new TxnOffsetCommitApi(node);
    }

    CompletableFuture<ByteBuf> handle(ServedApi api, KafkaReader body, int port, EventExecutor loop) {
        return switch (api) {
            case API_VERSIONS -> CompletableFuture.completedFuture(ApiVersionsApi.handle(body));
            case METADATA -> metadata.handle(body, brokers.apply(port));
            case INIT_PRODUCER_ID -> InitProducerIdApi.handle(body, node);
            case PRODUCE -> produce.handle(body);
            case LIST_OFFSETS -> listOffsets.handle(body);
            case FETCH -> fetch.handle(body, loop);
            case FIND_COORDINATOR ->
                CompletableFuture.completedFuture(FindCoordinatorApi.handle(body, brokers.apply(port)));
            case JOIN_GROUP -> membership.join(body);
            case SYNC_GROUP -> membership.sync(body);
            case HEARTBEAT -> membership.heartbeat(body);
            case LEAVE_GROUP -> membership.leave(body);
            case OFFSET_COMMIT -> offsets.commit(body);
            case OFFSET_FETCH -> offsets.fetch(body);
            case ADD_PARTITIONS_TO_TXN -> transactions.addPartitions(body);
            case ADD_OFFSETS_TO_TXN -> transactions.addOffsets(body);
            case END_TXN -> transactions.endTxn(body);
            case TXN_OFFSET_COMMIT -> txnOffsets.commit(body);
        };
    }
}
