package sdlab.kv.quorum;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import sdlab.core.NodeId;
import sdlab.kv.quorum.LogRecord.Hint;
import sdlab.kv.quorum.LogRecord.HintDone;
import sdlab.kv.quorum.LogRecord.Put;

/**
 * Turns log records into bytes and back. Each record is framed as
 * {@code <payload length in bytes>:<payload>\n}, so a torn tail (a crash in the middle of an
 * unsynced append, which can leave any prefix of it) is recognised as an incomplete frame and
 * dropped; nothing in it was ever acknowledged.
 */
final class LogCodec {
    /** A frame longer than this is not one we wrote: treat it as the end of the valid log. */
    static final int FRAME_BYTES_MAX = 16 * 1024 * 1024;

    /** Room for the longest header: a length of up to ten digits and the colon. */
    private static final int HEADER_BYTES_MAX = 11;

    private LogCodec() {}

    /** The records in {@code bytes} up to the first incomplete or damaged frame. */
    record Decoded(List<LogRecord> records, int validBytes) {
        boolean tornTail(int totalBytes) {
            return validBytes < totalBytes;
        }
    }

    static byte[] encode(LogRecord record) {
        // Every replica write encodes one record: the payload is written after room for its
        // length, which is then put in front of it, so the frame is assembled in one array.
        TextCodec.Writer out = new TextCodec.Writer(HEADER_BYTES_MAX);
        payload(out, record);
        return out.framed();
    }

    static byte[] encodeAll(List<LogRecord> records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        records.forEach(record -> out.writeBytes(encode(record)));
        return out.toByteArray();
    }

    static Decoded decode(byte[] bytes) {
        List<LogRecord> records = new ArrayList<>();
        int position = 0;
        while (position < bytes.length) {
            int next = nextFrameEnd(bytes, position);
            if (next < 0) {
                break;
            }
            int colon = indexOf(bytes, (byte) ':', position, next);
            String payload = new String(bytes, colon + 1, next - colon - 2, StandardCharsets.UTF_8);
            try {
                records.add(parse(payload));
            } catch (IllegalArgumentException damaged) {
                break;
            }
            position = next;
        }
        return new Decoded(records, position);
    }

    /** The end (exclusive) of the complete frame starting at {@code start}, or -1. */
    private static int nextFrameEnd(byte[] bytes, int start) {
        int digitsMax = Integer.toString(FRAME_BYTES_MAX).length();
        int colon = indexOf(bytes, (byte) ':', start, Math.min(bytes.length, start + digitsMax + 1));
        if (colon <= start) {
            return -1;
        }
        long length = 0;
        for (int i = start; i < colon; i++) {
            if (bytes[i] < '0' || bytes[i] > '9') {
                return -1;
            }
            length = length * 10 + (bytes[i] - '0');
        }
        long end = colon + 1 + length + 1;
        if (length > FRAME_BYTES_MAX || end > bytes.length || bytes[(int) end - 1] != '\n') {
            return -1;
        }
        return (int) end;
    }

    private static int indexOf(byte[] bytes, byte wanted, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    private static void payload(TextCodec.Writer out, LogRecord record) {
        switch (record) {
            case Put put ->
                version(
                        out.tag('P').string(put.key()).value(put.item().value()),
                        put.item().version());
            case Hint hint ->
                version(
                        out.tag('H')
                                .string(hint.owner().name())
                                .string(hint.key())
                                .value(hint.item().value()),
                        hint.item().version());
            case HintDone done ->
                version(out.tag('D').string(done.owner().name()).string(done.key()), done.version());
        }
    }

    private static void version(TextCodec.Writer out, Version version) {
        switch (version) {
            case LwwTimestamp lww -> out.tag('T').number(lww.timestampNanos()).string(lww.coordinator());
        }
    }

    private static LogRecord parse(String payload) {
        TextCodec.Reader in = new TextCodec.Reader(payload);
        LogRecord record =
                switch (in.tag()) {
                    case 'P' -> {
                        String key = in.string();
                        Object value = in.value();
                        yield new Put(key, new Versioned(value, version(in)));
                    }
                    case 'H' -> {
                        NodeId owner = NodeId.of(in.string());
                        String key = in.string();
                        Object value = in.value();
                        yield new Hint(owner, key, new Versioned(value, version(in)));
                    }
                    case 'D' -> new HintDone(NodeId.of(in.string()), in.string(), version(in));
                    default -> throw new IllegalArgumentException("unknown log record kind");
                };
        if (!in.atEnd()) {
            throw new IllegalArgumentException("trailing characters after a log record");
        }
        return record;
    }

    private static Version version(TextCodec.Reader in) {
        in.expect('T');
        long timestampNanos = in.number();
        return new LwwTimestamp(timestampNanos, in.string());
    }
}
