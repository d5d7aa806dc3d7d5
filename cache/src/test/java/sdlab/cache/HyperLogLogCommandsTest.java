package sdlab.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PFADD, PFCOUNT, PFMERGE and PFDEBUG through the engine: replies, what reaches the log, and replay. */
class HyperLogLogCommandsTest {
    private final EngineFixture f = new EngineFixture();

    @Test
    void pfaddLogsItselfAndPfcountIsLoggedOnlyWhenItCachesAnEstimate() {
        // PFCOUNT writes a fresh estimate into the header, so Redis propagates it; a second PFCOUNT,
        // answered from the cache, changes nothing and is not logged; nor is a PFADD that changed nothing.
        f.run("PFADD h a b c");
        f.run("PFADD h a");
        assertThat(f.run("PFCOUNT h")).isEqualTo("(integer) 3");
        assertThat(f.run("PFCOUNT h")).isEqualTo("(integer) 3");
        f.run("PFCOUNT h missing");
        f.run("PFMERGE d h");
        assertThat(f.logged).containsExactly("PFADD h a b c", "PFCOUNT h", "PFMERGE d h");
    }

    @Test
    void replayingTheLogRebuildsTheSameBytes() {
        // Sparse, promoted and merged values, cached estimates included, come back byte for byte.
        List<String> elements = new ArrayList<>();
        for (int i = 0; i < 4000; i++) {
            elements.add("e" + i);
            if (elements.size() == 500) {
                List<String> args = new ArrayList<>(List.of("PFADD", "big"));
                args.addAll(elements);
                f.call(args.toArray(String[]::new));
                elements.clear();
            }
        }
        f.run("PFADD small x y");
        f.run("PFCOUNT big");
        f.run("PFMERGE both small big");
        f.run("PFDEBUG TODENSE small");
        EngineFixture copy = ReplayCheck.replayed(f);
        for (String key : List.of("big", "small", "both")) {
            assertThat(bytes(copy, key)).as(key).isEqualTo(bytes(f, key));
        }
        assertThat(copy.run("PFDEBUG ENCODING small")).isEqualTo("dense");
    }

    @Test
    void aHyperLogLogIsAStringThatOtherStringCommandsMaySpoil() {
        // APPEND leaves a string that is no longer a HyperLogLog; a list is the wrong type altogether.
        f.run("PFADD h a");
        assertThat(f.run("TYPE h")).isEqualTo("string");
        f.run("APPEND h x");
        assertThat(f.run("PFCOUNT h")).isEqualTo("(error) INVALIDOBJ Corrupted HLL object detected");
        f.run("SET s hello");
        assertThat(f.run("PFADD s a")).isEqualTo("(error) WRONGTYPE Key is not a valid HyperLogLog string value.");
        f.run("RPUSH l a");
        assertThat(f.run("PFCOUNT l")).isEqualTo("(error) " + ErrorReplies.WRONGTYPE);
    }

    @Test
    void theSparseLimitIsAConfigurationParameter() {
        // With hll-sparse-max-bytes 20 a few elements already need more room, so the key turns dense.
        assertThat(f.run("CONFIG GET hll-sparse-max-bytes")).isEqualTo("[\"hll-sparse-max-bytes\", \"3000\"]");
        f.run("CONFIG SET hll-sparse-max-bytes 20");
        f.run("PFADD h a b c d e f");
        assertThat(f.run("PFDEBUG ENCODING h")).isEqualTo("dense");
        assertThat(f.run("CONFIG SET hll-sparse-max-bytes lots"))
                .startsWith("(error) ERR CONFIG SET failed (possibly related to argument 'hll-sparse-max-bytes')");
    }

    private static byte[] bytes(EngineFixture fixture, String key) {
        return ((Reply.Bulk) fixture.reply("GET", key)).bytes();
    }
}
