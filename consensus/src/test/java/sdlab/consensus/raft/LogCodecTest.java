package sdlab.consensus.raft;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import sdlab.core.NodeId;

class LogCodecTest {
    private static final List<LogRecord> RECORDS = List.of(
            new LogRecord.Vote(1, null),
            new LogRecord.Vote(2, NodeId.of("n3")),
            new LogRecord.Entry(1, new LogEntry(2, new Command.NoOp())),
            new LogRecord.Entry(2, new LogEntry(2, new Command.Put("c1/ab", 7, "k", 42L))),
            new LogRecord.Entry(3, new LogEntry(2, new Command.Put("c1/ab", 8, "", null))),
            new LogRecord.Entry(4, new LogEntry(2, new Command.Cas("c2/ff", 1, "ключ", null, "naïve ✓"))),
            new LogRecord.Entry(5, new LogEntry(3, new Command.Cas("c2/ff", 2, "k", -1L, Long.MAX_VALUE))),
            new LogRecord.Entry(
                    6,
                    new LogEntry(
                            3,
                            new Command.Txn(
                                    "c3/01",
                                    9,
                                    List.of(
                                            new Command.ValueEquals("a", "1@t"),
                                            new Command.Absent("b"),
                                            new Command.AtLeast("c", -5)),
                                    List.of(
                                            new Command.SetValue("a", null),
                                            new Command.Add("c", Long.MIN_VALUE),
                                            new Command.SetValue("b", 7L))))));

    private static byte[] encodeAll(List<LogRecord> records) {
        List<byte[]> frames = records.stream().map(LogCodec::encode).toList();
        byte[] all = new byte[frames.stream().mapToInt(f -> f.length).sum()];
        int at = 0;
        for (byte[] frame : frames) {
            System.arraycopy(frame, 0, all, at, frame.length);
            at += frame.length;
        }
        return all;
    }

    @Test
    void everyKindOfRecordRoundTrips() {
        // Votes with and without a candidate, no-ops, puts and cas of null, Long and String values.
        byte[] bytes = encodeAll(RECORDS);

        LogCodec.Decoded decoded = LogCodec.decode(bytes);

        assertThat(decoded.records()).isEqualTo(RECORDS);
        assertThat(decoded.validBytes()).isEqualTo(bytes.length);
    }

    @Test
    void aTornTailOfAnyLengthKeepsExactlyTheCompleteRecordsBeforeIt() {
        // Cut the file at every byte: the records that are whole survive, the torn one is dropped.
        byte[] bytes = encodeAll(RECORDS);
        List<Integer> ends = new ArrayList<>();
        int at = 0;
        for (LogRecord record : RECORDS) {
            at += LogCodec.encode(record).length;
            ends.add(at);
        }
        for (int cut = 0; cut <= bytes.length; cut++) {
            int whole = 0;
            while (whole < ends.size() && ends.get(whole) <= cut) {
                whole++;
            }
            LogCodec.Decoded decoded = LogCodec.decode(Arrays.copyOf(bytes, cut));
            assertThat(decoded.records()).as("cut at %d", cut).isEqualTo(RECORDS.subList(0, whole));
            assertThat(decoded.validBytes()).isEqualTo(whole == 0 ? 0 : ends.get(whole - 1));
        }
    }

    @Test
    void aDamagedByteEndsTheValidLogAtTheDamagedRecord() {
        // The checksum catches a flipped bit inside the third record's payload.
        byte[] bytes = encodeAll(RECORDS);
        int third = LogCodec.encode(RECORDS.get(0)).length + LogCodec.encode(RECORDS.get(1)).length;
        bytes[third + 9] ^= 0x10;

        assertThat(LogCodec.decode(bytes).records()).isEqualTo(RECORDS.subList(0, 2));
    }
}
