package sdlab.cache;

import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

/** Renders replies the way redis-cli prints them, so that tests compare readable text. */
public final class Replies {
    private Replies() {}

    public static String text(Reply reply) {
        return switch (reply) {
            case Reply.Simple s -> s.text();
            case Reply.Error e -> "(error) " + e.text();
            case Reply.Int i -> "(integer) " + i.value();
            case Reply.Bulk b -> "\"" + new String(b.bytes(), StandardCharsets.UTF_8) + "\"";
            case Reply.Nil n -> "(nil)";
            case Reply.Hangup h -> "(hangup)";
            case Reply.Blocked b -> "(blocked)";
            case Reply.Array a -> list(a.items());
            case Reply.DoubleValue d -> "(double) " + sdlab.cache.store.ScoreText.reply(d.value());
            case Reply.Pairs p -> list(p.flat());
            case Reply.Set s -> list(s.items());
            case Reply.Map m -> list(m.flat());
            case Reply.Verbatim v -> v.text();
            case Reply.Push p -> ">" + list(p.items());
            case Reply.Sequence q -> q.replies().stream().map(Replies::text).collect(Collectors.joining(" "));
        };
    }

    private static String list(java.util.List<Reply> items) {
        return items.stream().map(Replies::text).collect(Collectors.joining(", ", "[", "]"));
    }
}
