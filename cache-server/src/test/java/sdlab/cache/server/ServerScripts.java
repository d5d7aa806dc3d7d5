package sdlab.cache.server;

import java.util.Map;

/** {@link RedisDifferentialTest}'s scripts for server commands whose replies do not depend on the machine. */
final class ServerScripts {
    private ServerScripts() {}

    static void addTo(Map<String, String> s) {
        s.put(
                "config-inert",
                """
                CONFIG SET list-max-ziplist-size 5
                CONFIG GET list-max-ziplist-size
                CONFIG SET hash-max-listpack-entries 64 set-max-intset-entries 100
                CONFIG GET set-max-intset-entries
                CONFIG SET no-such-parameter 1
                CONFIG GET no-such-parameter
                CONFIG SET list-max-ziplist-size -2""");
        s.put(
                "wait-slowlog-function",
                """
                WAIT 0 0
                WAIT 1 x
                FUNCTION FLUSH
                FUNCTION LIST""");
        // DEBUG is left out on purpose: Redis 7.0 refuses it unless enable-debug-command is set, while
        // this node serves DEBUG SLEEP 0 and DEBUG OBJECT, which tools send as a barrier and a probe.
    }
}
