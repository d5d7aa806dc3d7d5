package sdlab.cache.server;

import java.util.Map;

/** {@link RedisDifferentialTest}'s scripts for hashes and sets; random answers only where one answer is possible. */
final class CollectionScripts {
    private CollectionScripts() {}

    static void addTo(Map<String, String> s) {
        s.put(
                "hash-fields",
                """
                HSETNX h a 1
                HSETNX h a 2
                HSET h b hello
                HKEYS h
                HVALS h
                HSTRLEN h b
                HSTRLEN h missing
                HSTRLEN missing b
                HKEYS missing
                SET str v
                HKEYS str
                HSETNX str a 1
                HSTRLEN str a""");
        s.put(
                "hincrby",
                """
                HINCRBY h n 5
                HINCRBY h n -10
                HINCRBY h n x
                HSET h s text
                HINCRBY h s 1
                HSET h big 9223372036854775807
                HINCRBY h big 1
                HINCRBYFLOAT h f 10.5
                HINCRBYFLOAT h f 0.1
                HINCRBYFLOAT h s 1
                HINCRBYFLOAT h f abc
                HINCRBYFLOAT h f inf
                HINCRBYFLOAT h n 1.5
                HGET h n
                SET str v
                HINCRBY str a 1
                HINCRBYFLOAT str a 1""");
        s.put(
                "hrandfield-one-answer",
                """
                HSET h only 1
                HRANDFIELD h
                HRANDFIELD h 1
                HRANDFIELD h -3
                HRANDFIELD h 5 WITHVALUES
                HRANDFIELD h -2 WITHVALUES
                HRANDFIELD h 0
                HRANDFIELD missing
                HRANDFIELD missing 3
                HRANDFIELD h 1 FOO
                HRANDFIELD h 1 WITHVALUES x
                HRANDFIELD h x
                HRANDFIELD h -9223372036854775808
                SET str v
                HRANDFIELD str""");
        s.put(
                "hscan",
                """
                HSET h a 1 b 2 c 3
                HSCAN h 0
                HSCAN h 0 MATCH a*
                HSCAN h 0 COUNT 100
                HSCAN h 0 COUNT 0
                HSCAN h x
                HSCAN h 0 FOO bar
                HSCAN h 0 MATCH
                HSCAN missing 0
                HSCAN missing 0 COUNT 0
                SET str v
                HSCAN str 0""");
        s.put(
                "set-algebra",
                """
                SADD a 1 2 3 4
                SADD b 3 4 5
                SADD c 4 9
                SINTER a b c
                SINTERSTORE d a b
                SCARD d
                SUNIONSTORE d a b c
                SCARD d
                SDIFFSTORE d a b
                SCARD d
                SDIFF a b c
                SINTER a missing
                SUNION missing
                SINTERSTORE d a missing
                EXISTS d
                SINTERCARD 2 a b
                SINTERCARD 2 a b LIMIT 1
                SINTERCARD 2 a b LIMIT 0
                SINTERCARD 3 a b missing
                SINTERCARD 0 a
                SINTERCARD x a
                SINTERCARD 3 a b
                SINTERCARD 1 a LIMIT -1
                SINTERCARD 1 a LIMIT
                SINTERCARD 1 a FOO 1
                SET str v
                SINTER a str
                SINTER missing str
                SUNIONSTORE d a str
                SDIFF missing str
                SINTERCARD 2 a str
                SUNIONSTORE str a
                TYPE str""");
        s.put(
                "smove-smismember",
                """
                SADD s a b
                SMOVE s d a
                SMOVE s d a
                SMISMEMBER s a b c
                SMISMEMBER d a
                SMISMEMBER missing a
                SMOVE s s b
                SMOVE s d b
                EXISTS s
                SMOVE missing d a
                SET str v
                SMOVE d str a
                SMOVE str d a
                SMOVE missing str a""");
        s.put(
                "spop-srandmember-one-answer",
                """
                SADD s only
                SRANDMEMBER s
                SRANDMEMBER s 5
                SRANDMEMBER s -3
                SRANDMEMBER s 0
                SRANDMEMBER missing
                SRANDMEMBER missing 2
                SRANDMEMBER s x
                SRANDMEMBER s 1 2
                SPOP s 0
                SPOP s -1
                SPOP s x
                SPOP s 1 2
                SPOP s
                EXISTS s
                SPOP s
                SPOP s 2
                SADD t only
                SPOP t 5
                EXISTS t
                SET str v
                SPOP str
                SRANDMEMBER str 1""");
        s.put(
                "sscan",
                """
                SADD s a b ab
                SSCAN s 0 MATCH b*
                SSCAN s 0 COUNT 0
                SSCAN s x
                SSCAN missing 0
                SET str v
                SSCAN str 0""");
    }
}
