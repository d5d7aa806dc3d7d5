package sdlab.cache.server;

/**
 * The commands of memcached's text protocol that the port knows, matched against a line's first
 * token without decoding it. The retrieval and storage commands come first, since they are
 * most of the traffic and the match tries the verbs in order.
 */
enum MemcachedVerb {
    GET("get"),
    SET("set"),
    GETS("gets"),
    MG("mg"),
    MS("ms"),
    DELETE("delete"),
    INCR("incr"),
    DECR("decr"),
    TOUCH("touch"),
    GAT("gat"),
    GATS("gats"),
    ADD("add"),
    REPLACE("replace"),
    APPEND("append"),
    PREPEND("prepend"),
    CAS("cas"),
    MD("md"),
    MA("ma"),
    MN("mn"),
    CACHE_MEMLIMIT("cache_memlimit"),
    FLUSH_ALL("flush_all"),
    STATS("stats"),
    VERSION("version"),
    VERBOSITY("verbosity"),
    QUIT("quit"),
    /** Anything else, an empty line included: answered {@code ERROR}. */
    UNKNOWN("");

    private static final MemcachedVerb[] KNOWN = values();

    private final byte[] name;

    MemcachedVerb(String name) {
        this.name = MemcachedCommandLine.ascii(name);
    }

    /** The verb of {@code line}'s first token; commands are case-sensitive, as in memcached. */
    static MemcachedVerb of(MemcachedCommandLine line) {
        if (line.size() == 0) {
            return UNKNOWN;
        }
        int length = line.length(0);
        for (MemcachedVerb verb : KNOWN) {
            if (verb.name.length == length && verb != UNKNOWN && line.is(0, verb.name)) {
                return verb;
            }
        }
        return UNKNOWN;
    }
}
