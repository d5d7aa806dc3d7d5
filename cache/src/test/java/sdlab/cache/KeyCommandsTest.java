package sdlab.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeyCommandsTest {
    private final EngineFixture f = new EngineFixture();

    @Test
    void delAndExistsCountKeysAndExistsCountsRepeats() {
        // DEL answers how many keys it removed; EXISTS counts a key once per mention, as Redis does.
        f.run("MSET a 1 b 2");
        assertThat(f.run("EXISTS a a b c")).isEqualTo("(integer) 3");
        assertThat(f.run("DEL a c")).isEqualTo("(integer) 1");
        assertThat(f.run("EXISTS a")).isEqualTo("(integer) 0");
        assertThat(f.run("UNLINK b")).isEqualTo("(integer) 1");
        assertThat(f.run("DBSIZE")).isEqualTo("(integer) 0");
    }

    @Test
    void typeNamesEachKindOfValue() {
        // TYPE answers string, list, hash, set, or none.
        f.run("SET s v");
        f.run("RPUSH l v");
        f.run("HSET h f v");
        f.run("SADD t m");
        assertThat(List.of(f.run("TYPE s"), f.run("TYPE l"), f.run("TYPE h"), f.run("TYPE t"), f.run("TYPE x")))
                .containsExactly("string", "list", "hash", "set", "none");
    }

    @Test
    void keysMatchesGlobPatterns() {
        // KEYS filters with Redis's glob syntax.
        f.run("MSET user:1 a user:2 b order:1 c");
        assertThat(f.run("KEYS user:*")).contains("\"user:1\"", "\"user:2\"").doesNotContain("order");
        assertThat(f.run("KEYS *:1")).contains("\"user:1\"", "\"order:1\"");
        assertThat(f.run("KEYS user:[^1]")).isEqualTo("[\"user:2\"]");
    }

    @Test
    void scanVisitsEveryKeyOnceWhenNothingChanges() {
        // Following SCAN's cursor from 0 back to 0 visits every key.
        for (int i = 0; i < 500; i++) {
            f.run("SET key:" + i + " v");
        }
        Set<String> seen = scanAll("COUNT", "7");
        assertThat(seen).hasSize(500);
    }

    @Test
    void scanStillReturnsEveryOriginalKeyWhileTheTableGrowsAndShrinks() {
        // SCAN's promise: a key present for the whole scan is returned, even across resizes.
        for (int i = 0; i < 300; i++) {
            f.run("SET keep:" + i + " v");
        }
        Set<String> seen = new HashSet<>();
        String cursor = "0";
        int round = 0;
        do {
            // Grow the table a lot, then shrink it, between SCAN calls.
            if (round % 2 == 0) {
                for (int i = 0; i < 400; i++) {
                    f.run("SET temp:" + round + ":" + i + " v");
                }
            } else {
                for (int i = 0; i < 400; i++) {
                    f.run("DEL temp:" + (round - 1) + ":" + i);
                }
            }
            Reply.Array reply = (Reply.Array) f.reply("SCAN", cursor, "COUNT", "20");
            cursor = Replies.text(reply.items().get(0)).replace("\"", "");
            for (Reply key : ((Reply.Array) reply.items().get(1)).items()) {
                seen.add(Replies.text(key).replace("\"", ""));
            }
            round++;
        } while (!cursor.equals("0"));
        for (int i = 0; i < 300; i++) {
            assertThat(seen).contains("keep:" + i);
        }
    }

    @Test
    void scanFiltersByMatchAndType() {
        // MATCH and TYPE filter what SCAN returns; a bad cursor or COUNT is an error.
        f.run("MSET s:1 a s:2 b");
        f.run("RPUSH l:1 x");
        assertThat(scanAll("MATCH", "s:*")).containsExactlyInAnyOrder("s:1", "s:2");
        assertThat(scanAll("TYPE", "list")).containsExactly("l:1");
        assertThat(scanAll("TYPE", "nosuchtype")).isEmpty();
        assertThat(f.run("SCAN abc")).isEqualTo("(error) ERR invalid cursor");
        assertThat(f.run("SCAN 0 COUNT 0")).isEqualTo("(error) ERR syntax error");
        assertThat(f.run("SCAN 0 FOO bar")).isEqualTo("(error) ERR syntax error");
    }

    private Set<String> scanAll(String... options) {
        Set<String> seen = new HashSet<>();
        String cursor = "0";
        do {
            String[] args = new String[2 + options.length];
            args[0] = "SCAN";
            args[1] = cursor;
            System.arraycopy(options, 0, args, 2, options.length);
            Reply.Array reply = (Reply.Array) f.reply(args);
            cursor = Replies.text(reply.items().get(0)).replace("\"", "");
            for (Reply key : ((Reply.Array) reply.items().get(1)).items()) {
                seen.add(Replies.text(key).replace("\"", ""));
            }
        } while (!cursor.equals("0"));
        return seen;
    }
}
