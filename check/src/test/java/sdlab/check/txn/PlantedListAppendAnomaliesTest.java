package sdlab.check.txn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each anomaly kind, planted on purpose into a generated strict serializable list-append history
 * (on keys of its own, by processes of its own), is found and named, and the background alone is
 * clean. The planted transactions use processes 100 and up and keys x and y.
 */
class PlantedListAppendAnomaliesTest {
    static Stream<Arguments> plantings() {
        return Stream.of(
                Arguments.of(
                        "G0",
                        new Script()
                                .invoke(100, "[:append :x 1] [:append :y 1]")
                                .invoke(101, "[:append :x 2] [:append :y 2]")
                                .ok(100, "[:append :x 1] [:append :y 1]")
                                .ok(101, "[:append :x 2] [:append :y 2]")
                                .txn(102, "[:r :x [1 2]] [:r :y [2 1]]")),
                Arguments.of(
                        "G1a",
                        new Script()
                                .invoke(100, "[:append :x 1]")
                                .fail(100, "[:append :x 1]")
                                .txn(101, "[:r :x [1]]")),
                Arguments.of(
                        "G1b",
                        new Script()
                                .invoke(100, "[:append :x 1] [:append :x 2]")
                                .txn(101, "[:r :x [1]]")
                                .ok(100, "[:append :x 1] [:append :x 2]")),
                Arguments.of(
                        "G1c",
                        new Script()
                                .invoke(100, "[:append :x 1] [:r :y [1]]")
                                .invoke(101, "[:append :y 1] [:r :x [1]]")
                                .ok(100, "[:append :x 1] [:r :y [1]]")
                                .ok(101, "[:append :y 1] [:r :x [1]]")),
                Arguments.of(
                        "G-single",
                        new Script()
                                .invoke(100, "[:append :x 1] [:append :y 1]")
                                .invoke(101, "[:r :x []] [:r :y [1]]")
                                .ok(100, "[:append :x 1] [:append :y 1]")
                                .ok(101, "[:r :x []] [:r :y [1]]")
                                .txn(102, "[:r :x [1]]")),
                Arguments.of(
                        "G2-item",
                        new Script()
                                .invoke(100, "[:r :x []] [:append :y 1]")
                                .invoke(101, "[:r :y []] [:append :x 1]")
                                .ok(100, "[:r :x []] [:append :y 1]")
                                .ok(101, "[:r :y []] [:append :x 1]")
                                .txn(102, "[:r :x [1]] [:r :y [1]]")),
                Arguments.of("internal", new Script().txn(100, "[:append :x 1] [:r :x []]")),
                Arguments.of("future-read", new Script().txn(100, "[:r :x [1]] [:append :x 1]")),
                Arguments.of(
                        "lost-update",
                        new Script()
                                .txn(100, "[:append :x 1]")
                                .invoke(101, "[:r :x [1]] [:append :x 2]")
                                .invoke(102, "[:r :x [1]] [:append :x 3]")
                                .ok(101, "[:r :x [1]] [:append :x 2]")
                                .ok(102, "[:r :x [1]] [:append :x 3]")
                                .txn(103, "[:r :x [1 2 3]]")),
                Arguments.of(
                        "incompatible-order",
                        new Script()
                                .txn(100, "[:append :x 1]")
                                .txn(101, "[:append :x 2]")
                                .txn(102, "[:r :x [1 2]]")
                                .txn(103, "[:r :x [2 1]]")),
                Arguments.of(
                        "duplicate-elements",
                        new Script().txn(100, "[:append :x 1]").txn(101, "[:r :x [1 1]]")),
                Arguments.of(
                        "dirty-update",
                        new Script()
                                .invoke(100, "[:append :x 1]")
                                .fail(100, "[:append :x 1]")
                                .txn(101, "[:append :x 2]")
                                .txn(102, "[:r :x [1 2]]")),
                // Process 100 appends 2 and then 1, yet x's order puts 1 first: a write cycle
                // that only process order closes.
                Arguments.of(
                        "G0-process",
                        new Script()
                                .txn(100, "[:append :x 2]")
                                .invoke(101, "[:r :y []]")
                                .txn(100, "[:append :x 1]")
                                .ok(101, "[:r :y []]")
                                .txn(102, "[:r :x [1 2]]")),
                // The same with two processes: only real time orders the appends.
                Arguments.of(
                        "G0-realtime",
                        new Script()
                                .txn(100, "[:append :x 2]")
                                .txn(101, "[:append :x 1]")
                                .txn(102, "[:r :x [1 2]]")),
                // A stale read: x's append completed before the read began, and the read missed it.
                Arguments.of(
                        "G-single-realtime",
                        new Script()
                                .txn(100, "[:append :x 1]")
                                .txn(101, "[:r :x []]")
                                .txn(102, "[:r :x [1]]")),
                // A client does not see its own earlier append.
                Arguments.of(
                        "G-single-process",
                        new Script()
                                .txn(100, "[:append :x 1]")
                                .txn(100, "[:r :x []]")
                                .txn(101, "[:r :x [1]]")),
                // A client's later transaction is read by its earlier one.
                Arguments.of(
                        "G1c-process",
                        new Script()
                                .invoke(101, "[:r :y []]")
                                .txn(100, "[:r :x [1]]")
                                .txn(100, "[:append :x 1]")
                                .ok(101, "[:r :y []]")),
                // T3 misses T1's append and T2 misses T3's: two anti-dependencies, closed by
                // process 100 running T1 before T2.
                Arguments.of(
                        "G2-item-process",
                        new Script()
                                .invoke(101, "[:r :z []] [:append :y 1]")
                                .txn(100, "[:append :z 1]")
                                .txn(100, "[:r :y []]")
                                .ok(101, "[:r :z []] [:append :y 1]")
                                .txn(102, "[:r :z [1]] [:r :y [1]]")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plantings")
    void aPlantedAnomalyIsFoundAndExplainedWhileTheBackgroundIsClean(String kind, Script planted) {
        // Shows: the checker finds the planted kind among two hundred clean transactions, and names its transactions.
        String background = TxnChecks.background(kind.hashCode());
        TxnResult clean = TxnChecks.check(background, TxnModel.LIST_APPEND);
        TxnResult result = TxnChecks.check(background + planted.edn(), TxnModel.LIST_APPEND);

        assertThat(clean.anomalies()).isEmpty();
        assertThat(result.counts()).containsKey(kind);
        Anomaly anomaly = result.anomalies().stream()
                .filter(a -> a.kind().equals(kind))
                .findFirst()
                .orElseThrow();
        for (int txn : anomaly.txns()) {
            assertThat(anomaly.explanation()).contains("T" + txn + " (process ");
        }
        assertThat(result.ruledOut()).isNotEmpty();
    }

    @Test
    void aCheckerThatDropsRwEdgesMissesThePlantedReadSkew() {
        // Shows: the planted G-single test can fail: a checker without anti-dependencies passes the history.
        Script readSkew = new Script()
                .invoke(100, "[:append :x 1] [:append :y 1]")
                .invoke(101, "[:r :x []] [:r :y [1]]")
                .ok(100, "[:append :x 1] [:append :y 1]")
                .ok(101, "[:r :x []] [:r :y [1]]")
                .txn(102, "[:r :x [1]]");
        TxnHistory history = TxnHistory.parse(TxnChecks.background(7) + readSkew.edn(), TxnModel.LIST_APPEND);

        TxnResult full = TxnChecker.standard().check(history);
        TxnResult withoutRw = TxnChecker.inferringOnly(Edges.ALL & ~Edges.RW).check(history);

        assertThat(full.has("G-single")).isTrue();
        assertThat(withoutRw.anomalies()).isEmpty();
    }
}
