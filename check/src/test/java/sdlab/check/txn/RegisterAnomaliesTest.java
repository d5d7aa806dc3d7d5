package sdlab.check.txn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rw-register: what can be inferred (reads name their writer; nil comes first; a write that
 * follows a read comes after the value read) finds the anomalies planted here, and what cannot
 * (the order of blind writes) is not guessed.
 */
class RegisterAnomaliesTest {
    static Stream<Arguments> plantings() {
        return Stream.of(
                Arguments.of(
                        "G1a",
                        new Script().invoke(1, "[:w :x 1]").fail(1, "[:w :x 1]").txn(2, "[:r :x 1]")),
                Arguments.of(
                        "G1b",
                        new Script()
                                .invoke(1, "[:w :x 1] [:w :x 2]")
                                .txn(2, "[:r :x 1]")
                                .ok(1, "[:w :x 1] [:w :x 2]")),
                // Each reads the other's write: circular information flow.
                Arguments.of(
                        "G1c",
                        new Script()
                                .invoke(1, "[:w :x 1] [:r :y 1]")
                                .invoke(2, "[:w :y 1] [:r :x 1]")
                                .ok(1, "[:w :x 1] [:r :y 1]")
                                .ok(2, "[:w :y 1] [:r :x 1]")),
                // T2 reads x as nil but y after T1's write: read skew, from the initial state's order.
                Arguments.of(
                        "G-single",
                        new Script()
                                .invoke(1, "[:w :x 1] [:w :y 1]")
                                .invoke(2, "[:r :x nil] [:r :y 1]")
                                .ok(1, "[:w :x 1] [:w :y 1]")
                                .ok(2, "[:r :x nil] [:r :y 1]")),
                // Both read nil and write the other key: write skew.
                Arguments.of(
                        "G2-item",
                        new Script()
                                .invoke(1, "[:r :x nil] [:w :y 1]")
                                .invoke(2, "[:r :y nil] [:w :x 1]")
                                .ok(1, "[:r :x nil] [:w :y 1]")
                                .ok(2, "[:r :y nil] [:w :x 1]")),
                // A write that follows a read orders the versions: 1 then 2, and T3 read 2 then 1.
                Arguments.of(
                        "G-single-realtime",
                        new Script()
                                .txn(1, "[:w :x 1]")
                                .txn(2, "[:r :x 1] [:w :x 2]")
                                .txn(3, "[:r :x 1]")),
                Arguments.of(
                        "internal", new Script().txn(1, "[:w :x 1] [:r :x 2]").txn(2, "[:w :x 2]")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plantings")
    void aPlantedAnomalyIsFound(String kind, Script planted) {
        // Shows: each kind the register inference can see is found and named.
        TxnResult result = TxnChecks.check(planted.edn(), TxnModel.RW_REGISTER);

        assertThat(result.counts()).containsKey(kind);
    }

    @Test
    void blindWritesAreNotOrderedSoALostUpdateBetweenThemIsNotClaimed() {
        // Shows: T1 and T2 both write x blind, T3 reads 1 after both: nothing says 2 came first, so no edge is
        // invented.
        Script blind = new Script().txn(1, "[:w :x 1]").txn(2, "[:w :x 2]").txn(3, "[:r :x 1]");

        TxnResult result = TxnChecks.check(blind.edn(), TxnModel.RW_REGISTER);

        assertThat(result.anomalies()).isEmpty();
    }

    @Test
    void sequentialReadsAndWritesOfOneClientAreClean() {
        // Shows: no false alarm when each transaction reads the latest value and overwrites it.
        Script serial = new Script()
                .txn(1, "[:r :x nil] [:w :x 1]")
                .txn(2, "[:r :x 1] [:w :x 2] [:r :y nil]")
                .txn(1, "[:r :x 2] [:w :y 3]")
                .txn(2, "[:r :y 3] [:r :x 2]");

        assertThat(TxnChecks.check(serial.edn(), TxnModel.RW_REGISTER).anomalies())
                .isEmpty();
    }
}
