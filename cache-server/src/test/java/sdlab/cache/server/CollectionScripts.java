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
    }
}
