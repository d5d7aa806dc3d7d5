package sdlab.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import sdlab.cache.store.MemoryAccounting;

/**
 * Random argument lists for the commands of issue 11, from a seed, against keys of every type
 * in several databases:
 * a command may answer an error but must never throw, and the engine's memory accounting must
 * still equal the sum of its keys afterwards. A failing seed is in the test's name.
 */
class CommandArgumentFuzzTest {
    private static final int COMMANDS_PER_SEED = 3_000;
    private static final int ARGS_MAX = 7;

    static final List<String> COMMANDS = List.of(
            "GETEX",
            "GETDEL",
            "GETSET",
            "SETRANGE",
            "GETRANGE",
            "SUBSTR",
            "MSETNX",
            "INCRBYFLOAT",
            "SETBIT",
            "GETBIT",
            "BITCOUNT",
            "BITPOS",
            "BITOP",
            "LCS",
            "LSET",
            "LINSERT",
            "LTRIM",
            "LREM",
            "LPOS",
            "LMOVE",
            "RPOPLPUSH",
            "LMPOP",
            "LPUSHX",
            "RPUSHX",
            "LPOP",
            "RPOP",
            "PFADD",
            "PFCOUNT",
            "PFMERGE",
            "PFDEBUG",
            "SELECT",
            "MOVE",
            "SWAPDB",
            "FLUSHDB",
            "COPY",
            "DBSIZE",
            "RESET",
            "BLPOP",
            "BRPOP",
            "BLMOVE",
            "BRPOPLPUSH",
            "BLMPOP");

    /** Keys of each type, numbers of every sign and size, and the options the commands know. */
    private static final List<String> TOKENS = List.of(
            "s",
            "n",
            "f",
            "l",
            "h",
            "set",
            "missing",
            "0",
            "1",
            "-1",
            "2",
            "7",
            "-100",
            "100",
            "4294967296",
            "9223372036854775807",
            "-9223372036854775808",
            "1.5",
            "inf",
            "abc",
            "",
            "EX",
            "PX",
            "EXAT",
            "PXAT",
            "PERSIST",
            "KEEPTTL",
            "BIT",
            "BYTE",
            "AND",
            "OR",
            "XOR",
            "NOT",
            "LEN",
            "IDX",
            "MINMATCHLEN",
            "WITHMATCHLEN",
            "COUNT",
            "WITHVALUES",
            "LIMIT",
            "REPLACE",
            "DB",
            "MATCH",
            "*",
            "LEFT",
            "RIGHT",
            "BEFORE",
            "AFTER",
            "RANK",
            "MAXLEN",
            "a");

    static Stream<Long> seeds() {
        return LongStream.rangeClosed(1, 8).boxed();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void randomArgumentsAnswerRepliesNeverExceptions(long seed) {
        // Whatever the arguments, each command answers (errors included) and the books still balance.
        EngineFixture f = new EngineFixture(CacheConfig.defaults(), seed);
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < COMMANDS_PER_SEED; i++) {
            if (i % 200 == 0) {
                seedKeys(f);
            }
            String[] argv = new String[1 + random.nextInt(ARGS_MAX)];
            argv[0] = COMMANDS.get(random.nextInt(COMMANDS.size()));
            for (int a = 1; a < argv.length; a++) {
                argv[a] = TOKENS.get(random.nextInt(TOKENS.size()));
            }
            Reply reply = f.reply(argv);
            assertThat(reply).as(String.join(" ", argv)).isNotNull();
            if (reply == Reply.Blocked.INSTANCE) {
                // A blocking pop found nothing: end its wait, as another client's CLIENT UNBLOCK would.
                assertThat(f.engine.blockedClients().interrupt(f.session, Reply.Nil.ARRAY))
                        .isTrue();
            }
        }
        long[] sum = {0};
        for (int db = 0; db < f.engine.keyspace().databaseCount(); db++) {
            f.engine
                    .keyspace()
                    .db(db)
                    .forEachLive(
                            e -> sum[0] += MemoryAccounting.entryBytes(e.key().length(), e.value()));
        }
        assertThat(f.engine.keyspace().usedMemoryBytes()).as("accounted memory").isEqualTo(sum[0]);
    }

    private static void seedKeys(EngineFixture f) {
        f.run("SET s hello");
        f.run("SET n 12");
        f.run("SET f 1.5");
        f.run("RPUSH l a b c");
        f.run("HSET h a 1 b 2 c x");
        f.run("SADD set a b 1 2");
    }
}
