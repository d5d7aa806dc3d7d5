package sdlab.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import sdlab.cache.store.MemoryAccounting;

/**
 * Random argument lists, from a seed, for every sorted-set command: each must answer a reply
 * (an error reply where the arguments are bad), never throw, and leave the memory count
 * matching the keys. A failing seed replays with {@code -Dtest=ZSetArgumentFuzzTest}.
 */
class ZSetArgumentFuzzTest {
    private static final int COMMANDS_PER_SEED = 3_000;
    private static final String[] COMMANDS = {
        "ZADD",
        "ZINCRBY",
        "ZREM",
        "ZCARD",
        "ZSCORE",
        "ZMSCORE",
        "ZRANK",
        "ZREVRANK",
        "ZCOUNT",
        "ZLEXCOUNT",
        "ZRANGE",
        "ZRANGEBYSCORE",
        "ZREVRANGEBYSCORE",
        "ZRANGEBYLEX",
        "ZREVRANGEBYLEX",
        "ZREVRANGE",
        "ZRANGESTORE",
        "ZPOPMIN",
        "ZPOPMAX",
        "ZRANDMEMBER",
        "ZREMRANGEBYRANK",
        "ZREMRANGEBYSCORE",
        "ZREMRANGEBYLEX",
        "ZUNIONSTORE",
        "ZINTERSTORE",
        "ZDIFFSTORE",
        "ZUNION",
        "ZINTER",
        "ZDIFF",
        "ZINTERCARD",
        "ZMPOP",
        "ZSCAN",
        "BZPOPMIN",
        "BZPOPMAX",
        "BZMPOP"
    };
    private static final String[] WORDS = {
        "z",
        "y",
        "s",
        "str",
        "0",
        "1",
        "2",
        "-1",
        "-2",
        "3",
        "1.5",
        "-inf",
        "+inf",
        "inf",
        "(1",
        "(-inf",
        "[a",
        "(b",
        "-",
        "+",
        "[",
        "(",
        "nan",
        "1e400",
        "-0",
        "9223372036854775807",
        "-9223372036854775808",
        "99999999999999999999",
        "NX",
        "XX",
        "GT",
        "LT",
        "CH",
        "INCR",
        "WITHSCORES",
        "LIMIT",
        "BYSCORE",
        "BYLEX",
        "REV",
        "WEIGHTS",
        "AGGREGATE",
        "SUM",
        "MIN",
        "MAX",
        "COUNT",
        "MATCH",
        "*",
        "a",
        "b",
        "c",
        ""
    };

    static Stream<Long> seeds() {
        return LongStream.rangeClosed(1, 10).boxed();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void randomArgumentsOnlyEverGetRepliesOrErrorReplies(long seed) {
        // The keys hold a sorted set, a set and a string, so type errors and set inputs are exercised too.
        SplittableRandom random = new SplittableRandom(seed);
        EngineFixture f = new EngineFixture(CacheConfig.defaults(), seed);
        f.run("SADD s a b");
        f.run("SET str v");
        for (int i = 0; i < COMMANDS_PER_SEED; i++) {
            if (i % 50 == 0) {
                f.run("ZADD z 1 a 2 b 3 c 0 d");
            }
            byte[][] argv = new byte[1 + random.nextInt(9)][];
            argv[0] = bytes(COMMANDS[random.nextInt(COMMANDS.length)]);
            for (int a = 1; a < argv.length; a++) {
                argv[a] = random.nextInt(10) == 0 ? garbage(random) : bytes(WORDS[random.nextInt(WORDS.length)]);
            }
            Reply reply = f.engine.execute(f.session, argv);
            assertThat(reply).as("seed %d command %d", seed, i).isNotNull();
            if (reply == Reply.Blocked.INSTANCE) {
                // A blocking pop found nothing: end its wait, as another client's CLIENT UNBLOCK would.
                assertThat(f.engine.blockedClients().interrupt(f.session, Reply.Nil.ARRAY))
                        .isTrue();
            }
        }
        long[] expected = {0};
        f.engine
                .keyspace()
                .db(0)
                .forEachLive(
                        e -> expected[0] += MemoryAccounting.entryBytes(e.key().length(), e.value()));
        assertThat(f.engine.keyspace().usedMemoryBytes()).isEqualTo(expected[0]);
    }

    private static byte[] garbage(SplittableRandom random) {
        byte[] bytes = new byte[random.nextInt(6)];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
