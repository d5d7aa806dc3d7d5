package sdlab.cache.server;

import picocli.CommandLine;

/** Runs {@link CacheNodeCommand} as its own process, as {@code sdlab node cache} does; for crash tests. */
public final class CacheNodeMain {
    private CacheNodeMain() {}

    public static void main(String[] args) {
        System.exit(new CommandLine(new CacheNodeCommand()).execute(args));
    }
}
