package sdlab.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Replays what one engine logged into a fresh engine and describes both keyspaces as text,
 * so that a test can show that the log rebuilds identical data. Split on spaces, so the
 * commands under test must use arguments without spaces.
 */
final class ReplayCheck {
    private ReplayCheck() {}

    /** A fresh engine (other seed, same clock) that replayed everything {@code source} logged. */
    static EngineFixture replayed(EngineFixture source) {
        EngineFixture copy = new EngineFixture(CacheConfig.defaults(), 7);
        copy.clock.advanceMillis(source.clock.getAsLong() - copy.clock.getAsLong());
        for (String line : source.logged) {
            String[] parts = line.split(" ", -1);
            byte[][] argv = new byte[parts.length][];
            for (int i = 0; i < parts.length; i++) {
                argv[i] = parts[i].getBytes(StandardCharsets.UTF_8);
            }
            Reply reply = copy.engine.replay(argv);
            assertThat(reply).as(line).isNotInstanceOf(Reply.Error.class);
        }
        return copy;
    }

    /** Every key with its type, value (members sorted) and PTTL, in key order. */
    static String dump(EngineFixture f) {
        TreeMap<String, String> keys = new TreeMap<>();
        Reply.Array all = (Reply.Array) f.reply("KEYS", "*");
        for (Reply key : all.items()) {
            String name = new String(((Reply.Bulk) key).bytes(), StandardCharsets.UTF_8);
            keys.put(name, describe(f, name));
        }
        return keys.toString();
    }

    private static String describe(EngineFixture f, String key) {
        String type = f.call("TYPE", key);
        String value =
                switch (type) {
                    case "string" -> f.call("GET", key);
                    case "list" -> f.call("LRANGE", key, "0", "-1");
                    case "hash" -> sorted(f.call("HGETALL", key));
                    case "set" -> sorted(f.call("SMEMBERS", key));
                    default -> type;
                };
        return type + " " + value + " pttl " + f.call("PTTL", key);
    }

    private static String sorted(String list) {
        List<String> items =
                new ArrayList<>(List.of(list.substring(1, list.length() - 1).split(", ")));
        items.sort(null);
        return items.toString();
    }
}
