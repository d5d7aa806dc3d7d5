package sdlab.cache.server;

import java.util.Map;

/**
 * {@link RedisDifferentialTest}'s scripts for COMMAND GETKEYS: keys by position, by count
 * ({@code numkeys}) and by subcommand, and Redis's errors for unknown commands, commands without
 * keys, wrong argument counts and counts the arguments do not give.
 */
final class CommandKeyScripts {
    private CommandKeyScripts() {}

    static void addTo(Map<String, String> s) {
        s.put(
                "getkeys-ranges",
                """
                COMMAND GETKEYS GET k
                COMMAND GETKEYS get k
                COMMAND GETKEYS SET k v EX 10 GET
                COMMAND GETKEYS MSET a 1 b 2 c 3
                COMMAND GETKEYS MSET a 1 b
                COMMAND GETKEYS MSETNX a 1 b 2
                COMMAND GETKEYS MGET a b c
                COMMAND GETKEYS DEL a b c
                COMMAND GETKEYS UNLINK a
                COMMAND GETKEYS EXISTS a b
                COMMAND GETKEYS TOUCH a b
                COMMAND GETKEYS WATCH a b
                COMMAND GETKEYS RENAME a b
                COMMAND GETKEYS COPY a b REPLACE
                COMMAND GETKEYS LMOVE a b LEFT RIGHT
                COMMAND GETKEYS RPOPLPUSH a b
                COMMAND GETKEYS SMOVE a b m
                COMMAND GETKEYS LCS a b
                COMMAND GETKEYS BITOP AND d a b
                COMMAND GETKEYS SINTERSTORE d a b
                COMMAND GETKEYS SUNION a b c
                COMMAND GETKEYS ZRANGESTORE d s 0 1
                COMMAND GETKEYS HSET h f v
                COMMAND GETKEYS LPUSH l a b
                COMMAND GETKEYS ZADD z 1 m
                COMMAND GETKEYS PFADD h a b
                COMMAND GETKEYS PFCOUNT a b c
                COMMAND GETKEYS PFMERGE d a b
                COMMAND GETKEYS PFDEBUG GETREG k
                COMMAND GETKEYS EXPIRE k 10
                COMMAND GETKEYS GETEX k PERSIST""");
        s.put(
                "getkeys-counted",
                """
                COMMAND GETKEYS EVAL x 2 a b c
                COMMAND GETKEYS EVAL x 0
                COMMAND GETKEYS EVAL x 5 a
                COMMAND GETKEYS EVAL x -1
                COMMAND GETKEYS EVAL x 1.5 a
                COMMAND GETKEYS EVAL x 02 a b
                COMMAND GETKEYS EVALSHA x 1 a
                COMMAND GETKEYS EVAL_RO x 1 a b
                COMMAND GETKEYS EVALSHA_RO x 2 a b
                COMMAND GETKEYS ZUNIONSTORE d 2 a b
                COMMAND GETKEYS ZUNIONSTORE d 2 a b WEIGHTS 1 2
                COMMAND GETKEYS ZINTERSTORE d 0 a
                COMMAND GETKEYS ZDIFFSTORE d 1 a
                COMMAND GETKEYS ZUNIONSTORE d x a b
                COMMAND GETKEYS ZUNIONSTORE d -1 a b
                COMMAND GETKEYS ZUNIONSTORE d 3 a b
                COMMAND GETKEYS ZUNIONSTORE d 1.5 a b
                COMMAND GETKEYS ZUNION 2 a b
                COMMAND GETKEYS ZUNION 3 a b
                COMMAND GETKEYS ZUNION 0 a b
                COMMAND GETKEYS ZINTER 2 a b WITHSCORES
                COMMAND GETKEYS ZDIFF 1 a
                COMMAND GETKEYS ZINTERCARD 2 a b LIMIT 1
                COMMAND GETKEYS SINTERCARD 2 a b LIMIT 1
                COMMAND GETKEYS SINTERCARD 3 a b
                COMMAND GETKEYS LMPOP 2 a b LEFT
                COMMAND GETKEYS LMPOP 3 a b LEFT
                COMMAND GETKEYS LMPOP 0 a b LEFT
                COMMAND GETKEYS ZMPOP 2 a b MAX COUNT 2
                COMMAND GETKEYS ZMPOP 1 a MIN
                COMMAND GETKEYS BLMPOP 0 2 a b LEFT
                COMMAND GETKEYS BLMPOP 0 3 a b LEFT
                COMMAND GETKEYS BZMPOP 1.5 1 a MIN COUNT 2
                COMMAND GETKEYS BLPOP a b 0
                COMMAND GETKEYS BRPOPLPUSH a b 0
                COMMAND GETKEYS BLMOVE a b LEFT RIGHT 0
                COMMAND GETKEYS BZPOPMAX a b c 0""");
        s.put(
                "getkeys-errors-and-containers",
                """
                COMMAND GETKEYS
                COMMAND GETKEYS GET
                COMMAND GETKEYS PING
                COMMAND GETKEYS PING x
                COMMAND GETKEYS NOSUCH a
                COMMAND GETKEYS GET a b
                COMMAND GETKEYS MSET a
                COMMAND GETKEYS PUBLISH c m
                COMMAND GETKEYS SUBSCRIBE c
                COMMAND GETKEYS KEYS *
                COMMAND GETKEYS OBJECT ENCODING k
                COMMAND GETKEYS object freq k
                COMMAND GETKEYS OBJECT HELP x
                COMMAND GETKEYS OBJECT FOO k
                COMMAND GETKEYS OBJECT ENCODING k x
                COMMAND GETKEYS MEMORY USAGE k
                COMMAND GETKEYS MEMORY USAGE k SAMPLES 5
                COMMAND GETKEYS MEMORY DOCTOR x
                COMMAND GETKEYS CONFIG GET x
                COMMAND GETKEYS CONFIG NOSUCH x
                COMMAND GETKEYS CLIENT LIST x
                COMMAND GETKEYS COMMAND GETKEYS GET k
                COMMAND GETKEYS SCRIPT FLUSH x
                COMMAND GETKEYSANDFLAGS
                COMMAND GETKEYSANDFLAGS NOSUCH a
                COMMAND GETKEYSANDFLAGS PING x""");
    }
}
