package sdlab.cache.server;

import java.util.Map;

/**
 * {@link RedisDifferentialTest}'s scripts for hashes, sets and lists; random answers only where
 * one answer is possible.
 */
final class CollectionScripts {
    private CollectionScripts() {}

    static void addTo(Map<String, String> s) {
        addLists(s);
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

    /** The list commands away from LPUSH/RPOP: editing in the middle, searching, moving, popping many. */
    private static void addLists(Map<String, String> s) {
        s.put(
                "list-pushx-pop-count",
                """
                LPUSHX l a
                RPUSHX l a
                EXISTS l
                RPUSH l a b c d e
                LPUSHX l z y
                RPUSHX l f
                LRANGE l 0 -1
                LPOP l 2
                RPOP l 3
                LPOP l 0
                LPOP l -1
                LPOP l x
                RPOP l 1 2
                LPOP l 10
                EXISTS l
                LPOP l 2
                RPOP l
                SET str v
                LPUSHX str a
                RPOP str 1""");
        s.put(
                "list-lset-linsert",
                """
                LSET l 0 x
                RPUSH l a b c
                LSET l 1 B
                LSET l -1 C
                LSET l 3 x
                LSET l -4 x
                LSET l x y
                LSET missing x y
                LRANGE l 0 -1
                LINSERT l BEFORE a first
                LINSERT l after C last
                LINSERT l AFTER B mid
                LINSERT l BEFORE nope x
                LINSERT l SIDEWAYS a x
                LINSERT missing BEFORE a x
                LINSERT missing SIDEWAYS a x
                LRANGE l 0 -1
                SET str v
                LSET str 0 x
                LINSERT str BEFORE a x
                LINSERT str SIDEWAYS a x""");
        s.put(
                "list-ltrim-lrem",
                """
                RPUSH l a b a c a d a
                LREM l 2 a
                LRANGE l 0 -1
                LREM l -1 a
                LRANGE l 0 -1
                LREM l 0 b
                LREM l 0 nope
                LREM l x a
                LREM missing 1 a
                LRANGE l 0 -1
                LTRIM l 1 -1
                LRANGE l 0 -1
                LTRIM l -100 100
                LRANGE l 0 -1
                LTRIM l 5 10
                EXISTS l
                LTRIM missing 0 1
                LTRIM l x 1
                RPUSH m a a
                LREM m 0 a
                EXISTS m
                RPUSH n 1 2 3 4 5
                LTRIM n 2 1
                EXISTS n
                SET str v
                LREM str 1 a
                LTRIM str 0 1
                LTRIM str 0 x""");
        s.put(
                "list-lpos",
                """
                RPUSH l a b c 1 2 3 c c
                LPOS l c
                LPOS l c RANK 2
                LPOS l c RANK -1
                LPOS l c RANK -2
                LPOS l c RANK 9
                LPOS l c COUNT 2
                LPOS l c COUNT 0
                LPOS l c COUNT 0 RANK -1
                LPOS l c COUNT 0 RANK 2
                LPOS l c MAXLEN 3
                LPOS l c MAXLEN 2
                LPOS l c COUNT 0 MAXLEN 7
                LPOS l c RANK -1 MAXLEN 2
                LPOS l nope
                LPOS l nope COUNT 1
                LPOS l c RANK 0
                LPOS l c RANK x
                LPOS l c RANK -9223372036854775808
                LPOS l c COUNT -1
                LPOS l c COUNT x
                LPOS l c MAXLEN -1
                LPOS l c FOO
                LPOS l c RANK
                LPOS missing a
                LPOS missing a COUNT 3
                LPOS missing a RANK 0
                SET str v
                LPOS str a
                LPOS str a RANK 0""");
        s.put(
                "list-lmove-rpoplpush",
                """
                RPUSH src a b c
                LMOVE src dst LEFT RIGHT
                LMOVE src dst RIGHT LEFT
                LMOVE src dst left left
                LRANGE dst 0 -1
                EXISTS src
                LMOVE src dst LEFT RIGHT
                LMOVE dst dst LEFT RIGHT
                LRANGE dst 0 -1
                LMOVE dst dst UP RIGHT
                LMOVE dst dst LEFT DOWN
                RPOPLPUSH dst other
                RPOPLPUSH dst dst
                LRANGE dst 0 -1
                LRANGE other 0 -1
                RPOPLPUSH missing dst
                SET str v
                LMOVE dst str LEFT LEFT
                LRANGE dst 0 -1
                LMOVE str dst LEFT LEFT
                RPOPLPUSH dst str
                RPOPLPUSH str dst
                LMOVE missing str LEFT LEFT""");
        s.put(
                "list-lmpop",
                """
                LMPOP 2 a b LEFT
                RPUSH b 1 2 3 4
                LMPOP 2 a b LEFT
                LMPOP 2 a b RIGHT COUNT 2
                LMPOP 1 b LEFT COUNT 10
                EXISTS b
                RPUSH a x
                LMPOP 0 a LEFT
                LMPOP x a LEFT
                LMPOP -1 a LEFT
                LMPOP 2 a LEFT
                LMPOP 3 a b LEFT
                LMPOP 1 a MIDDLE
                LMPOP 1 a LEFT COUNT 0
                LMPOP 1 a LEFT COUNT x
                LMPOP 1 a LEFT COUNT 1 COUNT 1
                LMPOP 1 a LEFT COUNT
                LMPOP 1 a LEFT FOO
                SET str v
                LMPOP 2 missing str LEFT
                LMPOP 2 a str RIGHT
                LMPOP 1 str LEFT""");
    }
}
