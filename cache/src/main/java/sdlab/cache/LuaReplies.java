package sdlab.cache;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.luaj.vm2.LuaNumber;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import sdlab.cache.store.ScoreText;

/**
 * Redis's conversions between command replies and Lua values (RESP2 rules, as scripts see them
 * by default). Reply to Lua: integer to number, bulk to string, nil to false, array to table,
 * status to {@code {ok=...}}, error to {@code {err=...}}. Lua to reply: number to integer
 * (truncated), string to bulk, true to 1, false and nil to nil, a table with {@code err} or
 * {@code ok} to an error or status, any other table to an array up to its first nil.
 */
final class LuaReplies {
    private static final LuaString OK = LuaString.valueOf("ok");
    private static final LuaString ERR = LuaString.valueOf("err");

    private LuaReplies() {}

    static LuaValue toLua(Reply reply) {
        return switch (reply) {
            case Reply.Int i -> LuaValue.valueOf((double) i.value());
            case Reply.Bulk b -> LuaString.valueOf(b.bytes());
            case Reply.Nil n -> LuaValue.FALSE;
            case Reply.Simple s -> table(OK, s.text());
            case Reply.Error e -> table(ERR, e.text());
            case Reply.Array a -> list(a.items());
            case Reply.Set s -> list(s.items());
            case Reply.Push p -> list(p.items());
            case Reply.Pairs p -> list(p.flat());
            case Reply.Map m -> list(m.flat());
            case Reply.DoubleValue d -> LuaString.valueOf(ScoreText.reply(d.value()));
            case Reply.Verbatim v -> LuaString.valueOf(v.text().getBytes(StandardCharsets.UTF_8));
            case Reply.Sequence q -> list(q.replies());
            case Reply.Hangup h -> LuaValue.NIL;
            case Reply.Blocked b -> throw new IllegalStateException("a command blocked inside a script");
        };
    }

    static Reply toReply(LuaValue value) {
        if (value instanceof LuaString text) {
            return new Reply.Bulk(bytes(text));
        }
        if (value instanceof LuaNumber) {
            return Reply.integer((long) value.todouble());
        }
        if (value.isboolean()) {
            return value.toboolean() ? Reply.ONE : Reply.Nil.BULK;
        }
        if (value instanceof LuaTable table) {
            LuaValue err = table.rawget(ERR);
            if (err.isstring()) {
                return Reply.error(err.tojstring());
            }
            LuaValue ok = table.rawget(OK);
            if (ok.isstring()) {
                return new Reply.Simple(ok.tojstring());
            }
            List<Reply> items = new ArrayList<>();
            for (int i = 1; !table.rawget(i).isnil(); i++) {
                items.add(toReply(table.rawget(i)));
            }
            return new Reply.Array(items);
        }
        return Reply.Nil.BULK;
    }

    /** The bytes of a Lua argument to redis.call: strings as they are, numbers as Lua prints them. */
    static byte[] argument(LuaValue value) {
        if (value instanceof LuaString text) {
            return bytes(text);
        }
        if (value instanceof LuaNumber) {
            double number = value.todouble();
            String printed = number == Math.rint(number) && Math.abs(number) < 1e15
                    ? Long.toString((long) number)
                    : value.tojstring();
            return printed.getBytes(StandardCharsets.US_ASCII);
        }
        return null;
    }

    static byte[] bytes(LuaString text) {
        byte[] bytes = new byte[text.rawlen()];
        text.copyInto(0, bytes, 0, bytes.length);
        return bytes;
    }

    static LuaTable table(LuaString field, String text) {
        LuaTable table = new LuaTable();
        table.rawset(field, LuaValue.valueOf(text));
        return table;
    }

    private static LuaTable list(List<Reply> items) {
        LuaTable table = new LuaTable(items.size(), 0);
        for (int i = 0; i < items.size(); i++) {
            table.rawset(i + 1, toLua(items.get(i)));
        }
        return table;
    }
}
