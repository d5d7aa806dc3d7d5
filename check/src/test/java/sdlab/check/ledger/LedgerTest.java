package sdlab.check.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static sdlab.check.testing.HistoryBuilder.history;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sdlab.check.Verdict;
import sdlab.check.history.MalformedHistoryException;
import sdlab.check.testing.HistoryBuilder;
import sdlab.core.history.History;

class LedgerTest {
    private static final Map<String, Long> START = Map.of("a", 100L, "b", 0L);

    private static HistoryBuilder transfer(
            HistoryBuilder b, int process, String id, String from, String to, long amount) {
        List<Object> value = List.of(id, from, to, amount);
        return b.invoke(process, "transfer", value).ok(process, "transfer", value);
    }

    private static HistoryBuilder balances(HistoryBuilder b, int process, long a, long bBalance) {
        return b.invoke(process, "read", null).ok(process, "read", List.of(List.of("a", a), List.of("b", bBalance)));
    }

    @Test
    void conservedTransfersAreValid() {
        // 30 moves from a to b; the read shows 70 and 30.
        History h =
                balances(transfer(history(), 0, "t1", "a", "b", 30), 1, 70, 30).build();
        LedgerReport report = Ledger.check(h, START);
        assertThat(report.verdict()).isEqualTo(Verdict.VALID);
        assertThat(report.readsChecked()).isEqualTo(1);
    }

    @Test
    void moneyFromNowhereChangesTheTotal() {
        // b gained 30 but a lost nothing.
        History h =
                balances(transfer(history(), 0, "t1", "a", "b", 30), 1, 100, 30).build();
        LedgerReport report = Ledger.check(h, START);
        assertThat(report.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(report.count(LedgerViolation.Kind.TOTAL_CHANGED)).isEqualTo(1);
    }

    @Test
    void overdraftIsANegativeBalance() {
        // Two concurrent withdrawals of 60 from an account of 100 both went through.
        HistoryBuilder b = history();
        transfer(b, 0, "t1", "a", "b", 60);
        transfer(b, 1, "t2", "a", "b", 60);
        LedgerReport report = Ledger.check(balances(b, 2, -20, 120).build(), START);
        assertThat(report.count(LedgerViolation.Kind.NEGATIVE_BALANCE)).isEqualTo(1);
        assertThat(report.examples().get(0).detail()).contains("account a has balance -20");
    }

    @Test
    void aRetriedTransferAppliedTwiceIsCaughtByTheBalance() {
        // One transfer of 30, but b holds 60: only a second application explains it.
        History h =
                balances(transfer(history(), 0, "t1", "a", "b", 30), 1, 40, 60).build();
        LedgerReport report = Ledger.check(h, START);
        assertThat(report.count(LedgerViolation.Kind.BALANCE_UNREACHABLE)).isEqualTo(2);
        assertThat(report.count(LedgerViolation.Kind.TOTAL_CHANGED)).isZero();
    }

    @Test
    void aRetriedTransferAppliedTwiceIsCaughtByTheEntries() {
        // The ledger lists t1 twice.
        HistoryBuilder b = transfer(history(), 0, "t1", "a", "b", 30);
        b.invoke(1, "entries", null).ok(1, "entries", List.of("t1", "t1"));
        LedgerReport report = Ledger.check(b.build(), START);
        assertThat(report.count(LedgerViolation.Kind.TRANSFER_APPLIED_TWICE)).isEqualTo(1);
    }

    @Test
    void failedAndUnbegunTransfersMustNotBeInTheLedger() {
        // t1 failed, t9 was never invoked; the unknown t2 may be there.
        List<Object> t1 = List.of("t1", "a", "b", 10L);
        List<Object> t2 = List.of("t2", "a", "b", 10L);
        History h = history()
                .invoke(0, "transfer", t1)
                .fail(0, "transfer", t1)
                .invoke(1, "transfer", t2)
                .info(1, "transfer", t2)
                .invoke(2, "entries", null)
                .ok(2, "entries", List.of("t1", "t2", "t9"))
                .build();
        LedgerReport report = Ledger.check(h, START);
        assertThat(report.count(LedgerViolation.Kind.FAILED_TRANSFER_APPLIED)).isEqualTo(1);
        assertThat(report.count(LedgerViolation.Kind.UNKNOWN_TRANSFER_APPLIED)).isEqualTo(1);
        assertThat(report.count(LedgerViolation.Kind.TRANSFER_APPLIED_TWICE)).isZero();
    }

    @Test
    void unknownTransfersMayOrMayNotHaveApplied() {
        // A timed-out transfer of 30: balances with it applied and without are both valid.
        List<Object> t = List.of("t1", "a", "b", 30L);
        HistoryBuilder b = history().invoke(0, "transfer", t).info(0, "transfer", t);
        balances(b, 1, 100, 0);
        balances(b, 1, 70, 30);
        assertThat(Ledger.check(b.build(), START).verdict()).isEqualTo(Verdict.VALID);
    }

    @Test
    void malformedTransferIsBadInput() {
        // A transfer without an id.
        History h = history()
                .invoke(0, "transfer", List.of("a", "b", 5L))
                .ok(0, "transfer", List.of("a", "b", 5L))
                .build();
        assertThatThrownBy(() -> Ledger.check(h, START))
                .isInstanceOf(MalformedHistoryException.class)
                .hasMessageContaining("[id from to amount]");
    }
}
