package sdlab.txlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import sdlab.core.NodeId;
import sdlab.sim.Latency;
import sdlab.sim.NetworkConfig;
import sdlab.sim.Simulation;

/**
 * Over a network that loses, duplicates and delays messages, a producer that retries every late batch writes each
 * batch exactly once when it is idempotent, in order; the same producer without a producer id writes duplicates.
 */
class IdempotentRetriesTest {
    private static final int BATCHES = 40;

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 20);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void anIdempotentProducersRetriesLeaveEachBatchInTheLogOnce(long seed) {
        LogBroker broker = run(seed, true);

        List<String> expected =
                IntStream.range(0, BATCHES).mapToObj(n -> "v" + n).toList();
        assertThat(broker.records(TxWorld.P0))
                .as("seed %d", seed)
                .extracting(LogRecord::value)
                .containsExactlyElementsOf(expected);
    }

    @Test
    void withoutAProducerIdTheSameRetriesWriteDuplicates() {
        long seedsWithDuplicates = seeds().filter(seed -> {
                    List<LogRecord> log = run(seed, false).records(TxWorld.P0);
                    return log.stream().map(LogRecord::value).distinct().count() < log.size();
                })
                .count();

        assertThat(seedsWithDuplicates).isPositive();
    }

    private static LogBroker run(long seed, boolean idempotent) {
        NodeId producer = NodeId.of("producer");
        Simulation simulation = Simulation.builder(seed)
                .network(NetworkConfig.reliable(Latency.logNormal(Duration.ofMillis(1), 0.8))
                        .withLoss(0.2)
                        .withDuplication(0.2))
                .addNode(TxWorld.BROKER, any -> new LogBroker(TxWorld.config()))
                .addNode(producer, any -> new RetryingProducer(idempotent, BATCHES))
                .build();
        simulation.run(Duration.ofSeconds(5));
        RetryingProducer done = (RetryingProducer) simulation.node(producer).orElseThrow();
        assertThat(done.acknowledged)
                .as("seed %d: every batch acknowledged in the end", seed)
                .isEqualTo(BATCHES);
        return (LogBroker) simulation.node(TxWorld.BROKER).orElseThrow();
    }
}
