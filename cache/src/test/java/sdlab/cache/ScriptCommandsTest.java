package sdlab.cache;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** EVAL and friends in the engine: conversions, caching by SHA-1, errors, logging, limits. */
class ScriptCommandsTest {
    private final EngineFixture f = new EngineFixture();

    private String eval(String script, String... keysThenArgs) {
        String[] argv = new String[keysThenArgs.length + 2];
        argv[0] = "EVAL";
        argv[1] = script;
        System.arraycopy(keysThenArgs, 0, argv, 2, keysThenArgs.length);
        return f.call(argv);
    }

    @Test
    void repliesAndLuaValuesConvertByRedissRules() {
        // Number to integer (truncated), string to bulk, table to array up to the first nil, false to nil.
        assertThat(eval("return 3.7", "0")).isEqualTo("(integer) 3");
        assertThat(eval("return 'x'", "0")).isEqualTo("\"x\"");
        assertThat(eval("return {1, 'two', {3}, nil, 5}", "0")).isEqualTo("[(integer) 1, \"two\", [(integer) 3]]");
        assertThat(eval("return false", "0")).isEqualTo("(nil)");
        assertThat(eval("return true", "0")).isEqualTo("(integer) 1");
        assertThat(eval("return redis.status_reply('FINE')", "0")).isEqualTo("FINE");
        assertThat(eval("return redis.error_reply('ERR mine')", "0")).isEqualTo("(error) ERR mine");
        assertThat(eval("return {KEYS[1], ARGV[1], #ARGV}", "1", "k", "a", "b"))
                .isEqualTo("[\"k\", \"a\", (integer) 2]");
    }

    @Test
    void redisCallRunsCommandsAndConvertsTheirReplies() {
        // Status replies become {ok=...}, nil becomes false, integers numbers.
        assertThat(eval("return redis.call('SET', KEYS[1], ARGV[1])", "1", "k", "v"))
                .isEqualTo("OK");
        assertThat(eval("return redis.call('GET', KEYS[1])", "1", "k")).isEqualTo("\"v\"");
        assertThat(eval("return redis.call('GET', 'missing') == false", "0")).isEqualTo("(integer) 1");
        assertThat(eval("return redis.call('INCRBY', 'n', 5) + 1", "0")).isEqualTo("(integer) 6");
        assertThat(eval("return type(redis.call('SET', 'x', 1)) == 'table'", "0"))
                .isEqualTo("(integer) 1");
    }

    @Test
    void redisPyLockReleaseDeletesOnlyTheHoldersLock() {
        // The script redis-py's Lock.release runs by EVALSHA: compare the token, then delete.
        String release = "local token = redis.call('get', KEYS[1]) "
                + "if not token or token ~= ARGV[1] then return 0 end redis.call('del', KEYS[1]) return 1";
        f.run("SET lock mine");
        assertThat(eval(release, "1", "lock", "theirs")).isEqualTo("(integer) 0");
        assertThat(eval(release, "1", "lock", "mine")).isEqualTo("(integer) 1");
        assertThat(f.run("EXISTS lock")).isEqualTo("(integer) 0");
    }

    @Test
    void scriptsAreCachedBySha1AndEvalshaFindsThem() {
        // SCRIPT LOAD answers the SHA-1 of the text; EVALSHA of an unknown one is NOSCRIPT.
        assertThat(f.call("SCRIPT", "LOAD", "return 42")).isEqualTo("\"1fa00e76656cc152ad327c13fe365858fd7be306\"");
        assertThat(f.call("EVALSHA", "1fa00e76656cc152ad327c13fe365858fd7be306", "0"))
                .isEqualTo("(integer) 42");
        assertThat(f.call("EVALSHA", "1FA00E76656CC152AD327C13FE365858FD7BE306", "0"))
                .isEqualTo("(integer) 42");
        assertThat(f.call("SCRIPT", "EXISTS", "1fa00e76656cc152ad327c13fe365858fd7be306", "nope"))
                .isEqualTo("[(integer) 1, (integer) 0]");
        assertThat(f.call("EVALSHA", "0000000000000000000000000000000000000000", "0"))
                .isEqualTo("(error) NOSCRIPT No matching script. Please use EVAL.");
        f.call("SCRIPT", "FLUSH");
        assertThat(f.call("SCRIPT", "EXISTS", "1fa00e76656cc152ad327c13fe365858fd7be306"))
                .isEqualTo("[(integer) 0]");
        assertThat(f.call("SCRIPT", "KILL")).isEqualTo("(error) NOTBUSY No scripts in execution right now.");
    }

    @Test
    void aCommandErrorRaisesFromCallAndIsReturnedByPcall() {
        // redis.call propagates the error as EVAL's reply; redis.pcall hands it to the script.
        f.run("SET s text");
        // The error names the script and line, as Redis 7.0's does (a tail call leaves no line: "?").
        assertThat(eval("local n = redis.call('INCR', 's')\nreturn n", "0"))
                .isEqualTo("(error) ERR value is not an integer or out of range script:" + " "
                        + LuaScripts.sha1("local n = redis.call('INCR', 's')\nreturn n".getBytes())
                        + ", on @user_script:1.");
        assertThat(eval("return redis.call('INCR', 's')", "0")).endsWith(", on @user_script:?.");
        assertThat(eval("local r = redis.pcall('INCR', 's') return r.err", "0"))
                .isEqualTo("\"ERR value is not an integer or out of range\"");
        assertThat(eval("return redis.call('MULTI')", "0"))
                .startsWith("(error) ERR This Redis command is not allowed from script script: ");
        assertThat(eval("return redis.call('NOSUCH')", "0"))
                .startsWith("(error) ERR Unknown Redis command called from script script: ");
        assertThat(eval("syntax error here", "0")).startsWith("(error) ERR Error compiling script");
        assertThat(eval("return 1", "2", "onlyone"))
                .isEqualTo("(error) ERR Number of keys can't be greater than number of args");
    }

    @Test
    void aScriptsWritesAreLoggedAsOneBlockAndReplayWithoutLua() {
        // Effects, not the script, go to the AOF: MULTI, each write, EXEC.
        eval("redis.call('SET', 'a', 1) redis.call('INCR', 'b') redis.call('GET', 'a') return 0", "0");
        assertThat(f.logged).containsExactly("MULTI", "SET a 1", "INCR b", "EXEC");
        eval("return redis.call('GET', 'a')", "0");
        assertThat(f.logged).hasSize(4);
    }

    @Test
    void readOnlyScriptsCannotWrite() {
        // EVAL_RO refuses writes inside the script.
        assertThat(f.call("EVAL_RO", "return redis.call('SET', 'k', 'v')", "0"))
                .startsWith("(error) ERR Write commands are not allowed from read-only scripts. script: ");
        assertThat(f.call("EVAL_RO", "return redis.call('EXISTS', 'k')", "0")).isEqualTo("(integer) 0");
    }

    @Test
    void mathRandomIsTheSameSequenceInEveryRun() {
        // Redis reseeds before each script, so a script's writes never depend on when it ran.
        String draw = "return {math.random(100), math.random(100), math.random(100)}";
        assertThat(eval(draw, "0")).isEqualTo(eval(draw, "0"));
        assertThat(eval("return io == nil and os == nil and debug == nil and loadfile == nil", "0"))
                .isEqualTo("(integer) 1");
    }

    @Test
    void aRunawayScriptIsStoppedAndTheEngineGoesOn() {
        // An endless loop is cut off by the instruction budget, even inside the script's own pcall.
        assertThat(eval("while true do end", "0")).startsWith("(error) ERR Script killed");
        assertThat(eval("pcall(function() while true do end end) return 1", "0"))
                .startsWith("(error) ERR Script killed");
        assertThat(f.run("PING")).isEqualTo("PONG");
    }
}
