package sdlab.resp;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The RESP2 replies the door sends, as values that encode themselves: what redis-cli prints as {@code OK},
 * {@code (error) ...}, {@code (integer) 3}, {@code "text"}, {@code (nil)} and numbered lists. Shared by the doors of
 * the replicated store ({@code repl-server}) and the sharded store ({@code shard-server}).
 */
public sealed interface RespReply {
    RespReply OK = new Simple("OK");
    RespReply NIL = new Bulk(null);

    /** Appends the reply's text to {@code out}. */
    void encode(StringBuilder out);

    /** The reply's bytes. */
    default byte[] bytes() {
        StringBuilder out = new StringBuilder();
        encode(out);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** {@code -text}. */
    static RespReply error(String text) {
        return new Error(text);
    }

    /** {@code $len text}, or nil for null. */
    static RespReply bulk(String text) {
        return new Bulk(text);
    }

    /** {@code :n}. */
    static RespReply integer(long value) {
        return new Int(value);
    }

    /** {@code *n} and the items. */
    static RespReply array(List<RespReply> items) {
        return new Array(items);
    }

    /** {@code +text}: a status line. */
    record Simple(String text) implements RespReply {
        @Override
        public void encode(StringBuilder out) {
            out.append('+').append(oneLine(text)).append("\r\n");
        }
    }

    /** {@code -text}: an error; its first word is its kind (ERR, READONLY, ...). */
    record Error(String text) implements RespReply {
        @Override
        public void encode(StringBuilder out) {
            out.append('-').append(oneLine(text)).append("\r\n");
        }
    }

    /** {@code :n}. */
    record Int(long value) implements RespReply {
        @Override
        public void encode(StringBuilder out) {
            out.append(':').append(value).append("\r\n");
        }
    }

    /** {@code $len text}, or {@code $-1} (nil) for null. */
    record Bulk(String text) implements RespReply {
        @Override
        public void encode(StringBuilder out) {
            if (text == null) {
                out.append("$-1\r\n");
                return;
            }
            out.append('$')
                    .append(text.getBytes(StandardCharsets.UTF_8).length)
                    .append("\r\n")
                    .append(text)
                    .append("\r\n");
        }
    }

    /** {@code *n} then each item. */
    record Array(List<RespReply> items) implements RespReply {
        public Array {
            items = List.copyOf(items);
        }

        @Override
        public void encode(StringBuilder out) {
            out.append('*').append(items.size()).append("\r\n");
            items.forEach(item -> item.encode(out));
        }
    }

    /** Status and error lines cannot hold line breaks: a reason that has one is flattened. */
    private static String oneLine(String text) {
        return text.replace('\r', ' ').replace('\n', ' ');
    }
}
