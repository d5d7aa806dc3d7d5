package sdlab.check.txn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import sdlab.check.txn.gen.ListAppendGenerator;

/**
 * Histories from a strict serializable store (each transaction takes effect at one instant
 * between its invocation and completion; some fail, some end unknown) have no anomaly, not even a
 * real-time one, however concurrent; and they read back the same from Jepsen's JSON and EDN.
 */
class SerialHistoriesTest {
    static LongStream seeds() {
        return LongStream.range(0, 30);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void aStrictSerializableStoreShowsNoAnomaly(long seed) {
        // Shows: no false alarm, with 1 to 20 concurrent clients.
        int processes = 1 + (int) (seed % 20);
        TxnHistory history =
                ListAppendGenerator.generate(ListAppendGenerator.Config.serializable(500, processes), seed);

        TxnResult result = TxnChecker.standard().check(history);

        assertThat(result.anomalies()).isEmpty();
        assertThat(result.edges()).isGreaterThan(history.size() / 2);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void jsonAndEdnReadBackToTheSameVerdict(long seed) {
        // Shows: the writer and the readers agree, for a clean and a broken history alike.
        ListAppendGenerator.Config config = new ListAppendGenerator.Config(60, 4, 3, 10, 4, 5, 5, seed % 2 == 1, true);
        TxnHistory history = ListAppendGenerator.generate(config, seed);
        TxnResult direct = TxnChecker.standard().check(history);

        TxnResult fromJson = TxnChecks.check(TxnHistoryWriter.json(history), TxnModel.LIST_APPEND);
        TxnResult fromEdn = TxnChecks.check(TxnHistoryWriter.edn(history), TxnModel.LIST_APPEND);

        assertThat(fromJson.counts()).isEqualTo(direct.counts());
        assertThat(fromEdn.counts()).isEqualTo(direct.counts());
        assertThat(fromJson.edges()).isEqualTo(direct.edges());
    }
}
