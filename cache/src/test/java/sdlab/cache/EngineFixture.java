package sdlab.cache;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** An engine on a fake clock and a seeded generator, with one client session and a captured write log. */
public final class EngineFixture {
    public static final long START_MILLIS = 1_700_000_000_000L;

    public final FakeClock clock = new FakeClock(START_MILLIS);
    public final CacheEngine engine;
    public final ClientSession session;
    public final List<String> logged = new ArrayList<>();

    public EngineFixture() {
        this(CacheConfig.defaults(), 42);
    }

    public EngineFixture(CacheConfig config, long seed) {
        engine = new CacheEngine(config, clock, new SplittableRandom(seed));
        engine.setWriteLog(argv -> logged.add(join(argv)), 0); // as a new AOF, which starts in database 0
        session = engine.newSession();
    }

    /** Runs a command whose arguments are separated by single spaces; returns the reply as redis-cli shows it. */
    public String run(String command) {
        return call(command.split(" "));
    }

    /** Runs a command given argument by argument. */
    public String call(String... args) {
        return Replies.text(reply(args));
    }

    public Reply reply(String... args) {
        byte[][] argv = new byte[args.length][];
        for (int i = 0; i < args.length; i++) {
            argv[i] = args[i].getBytes(StandardCharsets.UTF_8);
        }
        return engine.execute(session, argv);
    }

    static String join(byte[][] argv) {
        List<String> parts = new ArrayList<>();
        for (byte[] arg : argv) {
            parts.add(new String(arg, StandardCharsets.UTF_8));
        }
        return String.join(" ", parts);
    }
}
