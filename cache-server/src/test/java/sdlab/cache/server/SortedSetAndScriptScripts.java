package sdlab.cache.server;

import java.util.Map;

/**
 * {@link RedisDifferentialTest}'s scripts for sorted sets, transactions and Lua scripts: the
 * features built beside each other in issue 11, checked against redis-server 7.0 together.
 * Arguments are split on spaces, so the Lua here is written without them.
 */
final class SortedSetAndScriptScripts {
    private SortedSetAndScriptScripts() {}

    static void addTo(Map<String, String> s) {
        s.put(
                "zset-basics",
                """
                ZADD z 1 a 2 b 3 c
                ZADD z NX 5 a 4 d
                ZADD z XX CH 10 a
                ZADD z GT 1 a
                ZADD z INCR 2.5 b
                ZSCORE z b
                ZMSCORE z a nope
                ZCARD z
                ZRANK z c
                ZREVRANK z c
                ZRANGE z 0 -1 WITHSCORES
                ZRANGE z (3 +inf BYSCORE LIMIT 0 2
                ZRANGE z +inf -inf BYSCORE REV
                ZCOUNT z -inf (4
                ZADD z NX XX 1 a
                ZADD z 1 a nan
                ZINCRBY z x a
                TYPE z""");
        s.put(
                "zset-lex-pop-store",
                """
                ZADD l 0 apple 0 banana 0 cherry 0 date
                ZRANGEBYLEX l [b (d
                ZLEXCOUNT l - +
                ZRANGEBYLEX l x y
                ZREMRANGEBYLEX l [a [b
                ZPOPMIN l
                ZPOPMAX l 5
                EXISTS l
                ZADD x 1 a 2 b
                ZADD y 3 b 4 c
                ZUNIONSTORE u 2 x y WEIGHTS 2 1
                ZRANGE u 0 -1 WITHSCORES
                ZINTERSTORE i 2 x y AGGREGATE MAX
                ZRANGE i 0 -1 WITHSCORES
                ZDIFF 2 x y
                ZINTERCARD 2 x y
                ZMPOP 2 x y MIN COUNT 1
                ZMPOP x x MIN
                ZMPOP 0 x MIN
                ZMPOP 1 x MAX COUNT x
                ZMPOP 1 x MAX COUNT 0""");
        s.put(
                "transactions",
                """
                MULTI
                SET a 1
                INCR a
                LPUSH a x
                GET a
                EXEC
                MULTI
                SET b 1
                NOSUCH
                EXEC
                EXISTS b
                DISCARD
                EXEC
                MULTI
                MULTI
                DISCARD
                WATCH a
                UNWATCH""");
        s.put(
                "scripts",
                """
                EVAL return(1) 0
                EVAL return({1,'two',3.9,false}) 0
                EVAL return(redis.call('SET',KEYS[1],ARGV[1])) 1 k v
                EVAL return(redis.call('GET',KEYS[1])) 1 k
                EVAL return(redis.call('INCR','k')) 0
                EVAL return(redis.pcall('INCR','k')['err']) 0
                EVAL return(redis.status_reply('FINE')) 0
                SCRIPT LOAD return(42)
                EVALSHA 1fa00e76656cc152ad327c13fe365858fd7be306 0
                EVALSHA ffffffffffffffffffffffffffffffffffffffff 0
                SCRIPT EXISTS 1fa00e76656cc152ad327c13fe365858fd7be306 ffffffffffffffffffffffffffffffffffffffff
                EVAL return(1) -1
                EVAL return(1) 3 a
                EVAL_RO return(redis.call('DEL','k')) 0""");
    }
}
