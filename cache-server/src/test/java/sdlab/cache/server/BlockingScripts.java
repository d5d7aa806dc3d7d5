package sdlab.cache.server;

import java.util.Map;

/**
 * {@link RedisDifferentialTest}'s scripts for the blocking commands where one client suffices:
 * they answer at once when there is data, refuse bad arguments, and never block inside MULTI.
 * No line may block, or the script would wait forever; {@link BlockingDifferentialTest} runs
 * the scenarios that need several clients, and those in RESP3 (whose HELLO reply names the
 * server's version, which differs).
 */
final class BlockingScripts {
    private BlockingScripts() {}

    static void addTo(Map<String, String> s) {
        s.put(
                "blocking-pops-with-data",
                """
                RPUSH b 1 2 3
                ZADD z 1 a 2 b 3 c
                BLPOP a b 0
                BRPOP a b 0.5
                BLMOVE b c LEFT RIGHT 0
                BRPOPLPUSH c b 0
                LRANGE b 0 -1
                BLMPOP 0 2 a b RIGHT COUNT 5
                EXISTS b
                BZPOPMIN y z 0
                BZPOPMAX z 0
                BZMPOP 0 2 y z MIN COUNT 9
                SET s x
                BLPOP s 0
                BZPOPMIN s 0
                BLMOVE s b LEFT LEFT 0
                RPUSH l v
                BLMOVE l s LEFT LEFT 0
                LRANGE l 0 -1
                BLPOP missing s 0""");
        s.put(
                "blocking-argument-errors",
                """
                BLPOP k abc
                BLPOP k -1
                BLPOP k -0.5
                BLPOP k inf
                BLPOP k 1e16
                BLPOP k nan
                BLPOP k ""
                BRPOP k 1x
                BLPOP k
                BLMOVE a b LEFT UP 1
                BLMOVE a b UP LEFT x
                BLMOVE a b LEFT LEFT x
                BLMOVE a b LEFT LEFT
                BRPOPLPUSH a b -1
                BLMPOP 0 1 k
                BLMPOP x 0 k LEFT
                BLMPOP x 1 k LEFT
                BLMPOP 0 0 k LEFT
                BLMPOP 0 2 k LEFT
                BLMPOP 0 1 k UP
                BLMPOP 0 1 k LEFT COUNT 0
                BLMPOP 0 1 k LEFT COUNT 1 COUNT 2
                BLMPOP -1 1 k LEFT
                BZPOPMIN z -1
                BZPOPMAX z x
                BZMPOP 0 1 z LEFT
                BZMPOP x 1 z MIN
                BZMPOP 0 x z MIN
                BZMPOP 0 1 z MIN COUNT -1
                BZMPOP -1 1 z MIN
                CLIENT UNBLOCK
                CLIENT UNBLOCK x
                CLIENT UNBLOCK 999999
                CLIENT UNBLOCK 999999 TIMEOUT
                CLIENT UNBLOCK 999999 ERROR
                CLIENT UNBLOCK 999999 LATER
                CLIENT UNBLOCK 1 2 3""");
        s.put(
                "blocking-inside-multi",
                """
                MULTI
                BLPOP e 0
                BRPOP e 0
                BLMOVE e f LEFT LEFT 0
                BRPOPLPUSH e f 0
                BLMPOP 0 1 e LEFT
                BZPOPMIN y 0
                BZPOPMAX y 0
                BZMPOP 0 1 y MIN
                BLPOP e -1
                RPUSH e v
                BLPOP e 0
                EXEC""");
    }
}
