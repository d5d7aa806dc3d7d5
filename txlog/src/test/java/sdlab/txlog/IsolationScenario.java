package sdlab.txlog;

import static sdlab.txlog.TxWorld.P0;
import static sdlab.txlog.TxWorld.add;
import static sdlab.txlog.TxWorld.end;
import static sdlab.txlog.TxWorld.fetch;
import static sdlab.txlog.TxWorld.init;
import static sdlab.txlog.TxWorld.produce;

import java.util.List;
import java.util.Map;
import sdlab.txlog.TxLogMessages.FetchOk;
import sdlab.txlog.TxLogMessages.LogRead;
import sdlab.txlog.TxLogMessages.ReadLog;

/**
 * One partition holding every kind of record: a committed transaction, an aborted one, one still open, a plain
 * record after it and a later committed transaction; then a reader at each isolation level reads it all from offset 0,
 * once filtered by the node (Fetch) and once as Kafka's broker sends it (ReadLog). Values say what they are: "commit-", "abort-", "open-", "plain-".
 */
final class IsolationScenario {
    /** What each reader got, and the partition's offsets at the end. */
    record Outcome(
            FetchOk committed,
            FetchOk uncommitted,
            LogRead logCommitted,
            LogRead logUncommitted,
            long highWatermark,
            long lastStableOffset) {
        /** Records a read_committed reader must never see: of an aborted or a still open transaction. */
        List<String> forbiddenReadCommitted() {
            return committed.records().stream()
                    .map(LogRecord::value)
                    .filter(v -> v.startsWith("abort-") || v.startsWith("open-"))
                    .toList();
        }
    }

    private IsolationScenario() {}

    static Outcome run(long seed, TxLogConfig config) {
        Script first = new Script(List.of(
                init(1, 1, "t1", 60_000),
                add(10, 2, "t1", 0, 0, P0),
                produce(15, 3, P0, 0, 0, 0, true, "commit-1"),
                produce(16, 4, P0, 0, 0, 1, true, "commit-2"),
                end(20, 5, "t1", 0, 0, true),
                add(50, 6, "t1", 0, 0, P0),
                produce(55, 7, P0, 0, 0, 2, true, "commit-3"),
                end(60, 8, "t1", 0, 0, true)));
        Script second = new Script(List.of(
                init(2, 1, "t2", 60_000),
                add(11, 2, "t2", 1, 0, P0),
                produce(17, 3, P0, 1, 0, 0, true, "abort-1"),
                end(25, 4, "t2", 1, 0, false)));
        Script third = new Script(List.of(
                init(3, 1, "t3", 60_000), add(30, 2, "t3", 2, 0, P0), produce(35, 3, P0, 2, 0, 0, true, "open-1")));
        Script plain = new Script(List.of(produce(40, 1, P0, -1, 0, 0, false, "plain-1")));
        Script readers = new Script(List.of(
                fetch(100, 1, P0, 0, IsolationLevel.READ_COMMITTED),
                fetch(100, 2, P0, 0, IsolationLevel.READ_UNCOMMITTED),
                new Script.Step(100, new ReadLog(3, P0, 0, 1000, IsolationLevel.READ_COMMITTED)),
                new Script.Step(100, new ReadLog(4, P0, 0, 1000, IsolationLevel.READ_UNCOMMITTED))));
        LogBroker broker = TxWorld.run(
                seed, config, Map.of("t1", first, "t2", second, "t3", third, "plain", plain, "readers", readers), 150);
        return new Outcome(
                (FetchOk) readers.answer(1),
                (FetchOk) readers.answer(2),
                (LogRead) readers.answer(3),
                (LogRead) readers.answer(4),
                broker.highWatermark(P0),
                broker.lastStableOffset(P0));
    }
}
