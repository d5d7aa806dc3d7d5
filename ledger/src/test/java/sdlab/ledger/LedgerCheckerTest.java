package sdlab.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sdlab.core.history.History;
import sdlab.core.history.Op;

/** The ledger checker on small hand-written histories: what it counts, and that it counts nothing in a clean one. */
class LedgerCheckerTest {
    private static final LedgerConfig CONFIG =
            new LedgerConfig(2, 100, 2, TransferWay.READ_THEN_WRITE, 0, 0, LedgerConfig.StoreBug.NONE);

    private final List<Op> ops = new ArrayList<>();

    @Test
    void twoDebitsFromTheSameBalanceAreOneDoubleSpendAndCreateMoney() {
        // Shows: both clients read a0's initial 100 and spent 60 of it; the audit finds 40 + 220 = 260, not 200.
        transfer(0, 10, 20, Balance.INITIAL_TAG, "x-1", Balance.INITIAL_TAG, "x-2");
        transfer(1, 11, 21, Balance.INITIAL_TAG, "y-1", "x-2", "y-2");
        audit(0, 30, List.of(40L, 220L));

        LedgerVerdict verdict = LedgerChecker.check(new History(ops), CONFIG);

        assertThat(verdict.doubleSpends()).isEqualTo(1);
        assertThat(verdict.moneyChange()).isEqualTo(60);
        assertThat(verdict.moneyUnexplained()).isEqualTo(60);
        assertThat(verdict.moneyConserved()).isFalse();
    }

    @Test
    void aReadOfABalanceAlreadyReplacedIsStale() {
        // Shows: the second transfer began after x-1 replaced a0's initial balance, yet read the initial balance.
        transfer(0, 10, 20, Balance.INITIAL_TAG, "x-1", Balance.INITIAL_TAG, "x-2");
        transfer(1, 25, 35, Balance.INITIAL_TAG, "y-1", "x-2", "y-2");
        audit(0, 40, List.of(40L, 160L));

        LedgerVerdict verdict = LedgerChecker.check(new History(ops), CONFIG);

        assertThat(verdict.staleReads()).isEqualTo(1);
    }

    @Test
    void serialTransfersThatConserveMoneyShowNothing() {
        // Shows: one transfer after the other, each reading what the last wrote: no finding at all.
        transfer(0, 10, 20, Balance.INITIAL_TAG, "x-1", Balance.INITIAL_TAG, "x-2");
        transfer(1, 25, 35, "x-1", "y-1", "x-2", "y-2");
        audit(0, 40, List.of(20L, 180L));

        LedgerVerdict verdict = LedgerChecker.check(new History(ops), CONFIG);

        assertThat(verdict.doubleSpends()).isZero();
        assertThat(verdict.staleReads()).isZero();
        assertThat(verdict.negativeBalances()).isZero();
        assertThat(verdict.moneyConserved()).isTrue();
        assertThat(verdict.availability()).isEqualTo(1.0);
    }

    @Test
    void anAuditBeforeTheLastTransferEndedDoesNotCount() {
        // Shows: a total read while transfers still run is no verdict on conservation.
        audit(0, 5, List.of(100L, 100L));
        transfer(1, 10, 20, Balance.INITIAL_TAG, "y-1", Balance.INITIAL_TAG, "y-2");

        assertThat(LedgerChecker.check(new History(ops), CONFIG).audited()).isFalse();
    }

    /** A transfer of 40 from a0 to a1 by {@code process}, invoked at {@code start} ms, acknowledged at {@code end} ms. */
    private void transfer(
            int process, long start, long end, String fromSeen, String fromWrote, String toSeen, String toWrote) {
        ops.add(Op.invoke(process, LedgerClient.TRANSFER, null, List.of(0, 1, 40L), start * 1_000_000));
        Map<String, Object> report = new java.util.HashMap<>();
        report.put(TransferReport.FROM, 0);
        report.put(TransferReport.TO, 1);
        report.put(TransferReport.FROM_SEEN, fromSeen);
        report.put(TransferReport.FROM_SEEN_AMOUNT, 100L);
        report.put(TransferReport.FROM_READ_AT, start * 1_000_000);
        report.put(TransferReport.FROM_WROTE, fromWrote);
        report.put(TransferReport.FROM_WRITTEN_AT, (end - 2) * 1_000_000);
        report.put(TransferReport.TO_SEEN, toSeen);
        report.put(TransferReport.TO_SEEN_AMOUNT, 100L);
        report.put(TransferReport.TO_READ_AT, (start + 1) * 1_000_000);
        report.put(TransferReport.TO_WROTE, toWrote);
        report.put(TransferReport.TO_WRITTEN_AT, end * 1_000_000);
        ops.add(Op.ok(process, LedgerClient.TRANSFER, null, report, end * 1_000_000));
    }

    private void audit(int process, long startMs, List<Long> balances) {
        ops.add(Op.invoke(process, LedgerClient.AUDIT, null, null, startMs * 1_000_000));
        ops.add(Op.ok(
                process,
                LedgerClient.AUDIT,
                null,
                Map.of(Audit.STARTED_AT, startMs * 1_000_000, Audit.BALANCES, balances),
                (startMs + 1) * 1_000_000));
    }
}
