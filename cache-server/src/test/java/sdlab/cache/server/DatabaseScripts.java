package sdlab.cache.server;

import java.util.Map;

/** {@link RedisDifferentialTest}'s scripts for the numbered databases: SELECT, MOVE, SWAPDB, FLUSHDB, COPY ... DB. */
final class DatabaseScripts {
    private DatabaseScripts() {}

    static void addTo(Map<String, String> s) {
        s.put(
                "select",
                """
                SET k zero
                SELECT 3
                GET k
                SET k three
                DBSIZE
                SELECT 0
                GET k
                SELECT 15
                SELECT 16
                SELECT -1
                SELECT x
                SELECT 1.5
                SELECT 99999999999999999999
                SELECT
                DBSIZE x""");
        s.put(
                "move",
                """
                SET k v PX 100000
                MOVE k 2
                EXISTS k
                SELECT 2
                GET k
                TTL k
                MOVE k 2
                MOVE k 0
                SET k again
                MOVE k 0
                MOVE missing 0
                MOVE k 16
                MOVE k -1
                MOVE k x
                MOVE k
                SELECT 0
                RPUSH l a b c
                MOVE l 9
                SELECT 9
                LRANGE l 0 -1
                TYPE l""");
        s.put(
                "swapdb",
                """
                SET a in0
                SELECT 1
                SET b in1
                SWAPDB 0 1
                GET a
                GET b
                SELECT 0
                GET b
                SWAPDB 0 0
                GET b
                SWAPDB 0 16
                SWAPDB x 0
                SWAPDB 0 x
                SWAPDB -1 0
                SWAPDB 1.0 0
                SWAPDB 0""");
        s.put(
                "flushdb-flushall",
                """
                SET a 1
                SELECT 4
                SET b 2
                SET c 3
                FLUSHDB
                DBSIZE
                SELECT 0
                DBSIZE
                FLUSHDB SYNC
                FLUSHDB ASYNC
                FLUSHDB NOW
                FLUSHDB SYNC ASYNC
                SET a 1
                SELECT 7
                SET a 7
                FLUSHALL
                DBSIZE
                SELECT 0
                DBSIZE""");
        s.put(
                "copy-across-databases",
                """
                SADD s x y
                COPY s s DB 5
                COPY s s DB 5
                COPY s s DB 5 REPLACE
                COPY s s
                COPY s t DB 16
                COPY s t DB -1
                COPY s t DB x
                COPY s t DB
                SELECT 5
                SMISMEMBER s x y z
                SCARD s""");
        s.put(
                "watch-and-multi-in-databases",
                """
                SELECT 2
                WATCH w
                MULTI
                SELECT 6
                SET inside 1
                EXEC
                GET inside
                SELECT 2
                GET inside
                EVAL "return redis.call('SELECT','3')" 0
                SET after 1
                SELECT 3
                EXISTS after""");
    }
}
