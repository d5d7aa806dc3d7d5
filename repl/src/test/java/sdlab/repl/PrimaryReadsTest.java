package sdlab.repl;

import static org.assertj.core.api.Assertions.assertThat;
import static sdlab.repl.ReplWorld.MS;
import static sdlab.repl.ReplWorld.P;
import static sdlab.repl.ReplWorld.R1;
import static sdlab.repl.ReplWorld.R2;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import sdlab.check.history.Operation;
import sdlab.check.history.Operations;
import sdlab.check.history.Status;
import sdlab.core.NodeId;
import sdlab.sim.Latency;
import sdlab.sim.OperationGenerator;
import sdlab.sim.Workload;

/**
 * A reader that takes r1 for the primary, as a client does when it was told of a promotion that has not reached r1
 * yet, or when the first node it knows is a replica. r1 applies each entry 300 ms after receiving it, so what it has
 * applied lags what the primary acknowledged. A client that seeks the primary (as `sdlab cluster client repl`
 * does) must not be answered from that: r1 refuses its read and names its source, and the client reads the
 * acknowledged value at p.
 */
class PrimaryReadsTest {
    private static final NodeId WRITER = ReplWorld.client(0);
    private static final NodeId READER = ReplWorld.client(1);

    /** The writer writes k once; the reader reads k every 20 ms, starting at 50 ms. */
    private static List<Operation> readsAtR1(ReplClient.Settings reader) {
        OperationGenerator ops = (process, random) -> process == 0
                ? new OperationGenerator.Operation(ReplClient.WRITE, "k", "v")
                : new OperationGenerator.Operation(ReplClient.READ, "k", null);
        return Operations.of(ReplWorld.cluster(
                                4, ReplWorld.config().async().withApplyNanosPerEntry(300 * MS), ReplObserver.NONE)
                        .addClient(WRITER, new ReplClient(ReplClient.Settings.atPrimary(P, 200 * MS)))
                        .addClient(READER, new ReplClient(reader))
                        .workload(Workload.closedLoop(
                                List.of(WRITER, READER), ops, 10, Latency.constant(Duration.ofMillis(20))))
                        .build()
                        .run(Duration.ofSeconds(1))
                        .history())
                .stream()
                .filter(op -> op.process() == 1)
                .toList();
    }

    /** The writer's first write is acknowledged within a few ms: every read after 50 ms follows it. */
    private static List<Operation> readsAfterTheWrite(List<Operation> reads) {
        return reads.stream().filter(op -> op.invokeTimeNanos() >= 50 * MS).toList();
    }

    @Test
    void aReplicaRefusesAReadMeantForThePrimaryAndAClientFollowingHintsReadsTheValueThere() {
        List<Operation> reads = readsAfterTheWrite(readsAtR1(ReplClient.Settings.atPrimary(R1, 200 * MS)
                .withAlternates(List.of(P, R2), 0)
                .withHintsFollowed()));

        assertThat(reads).isNotEmpty().allSatisfy(read -> {
            assertThat(read.status()).isEqualTo(Status.OK);
            assertThat(read.output()).isEqualTo("v");
        });
    }

    @Test
    void aClientThatDoesNotSeekThePrimaryIsAnsweredWithWhatTheReplicaHasApplied() {
        // Reading from whatever node one talks to is a choice of staleness (a multi-host string with "any"):
        // r1 answers with what it has applied, and misses the acknowledged write for 300 ms.
        List<Operation> reads = readsAfterTheWrite(readsAtR1(ReplClient.Settings.atPrimary(R1, 200 * MS)));

        assertThat(reads).anySatisfy(read -> {
            assertThat(read.status()).isEqualTo(Status.OK);
            assertThat(read.output()).isNull();
        });
    }

    @Test
    void aReadNamingItsNodeIsServedByThatReplicaEvenWhenTheClientSeeksThePrimary() {
        List<Operation> reads =
                readsAfterTheWrite(readsAtR1(new ReplClient.Settings(P, R1, 200 * MS, false, 0).withHintsFollowed()));

        assertThat(reads).anySatisfy(read -> {
            assertThat(read.status()).isEqualTo(Status.OK);
            assertThat(read.output()).isNull();
        });
    }
}
