package sdlab.cache.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import sdlab.cache.persist.AppendFsync;
import sdlab.cache.store.LruMode;

class CacheNodeCommandTest {

    @Test
    void optionsNamedLikeRedisDirectivesBuildTheConfiguration() {
        // Every option reaches the node's configuration, with Redis's units and names.
        CacheNodeCommand command = new CacheNodeCommand();
        new CommandLine(command)
                .parseArgs(
                        "--port",
                        "7000",
                        "--bind",
                        "0.0.0.0",
                        "--memcached-port",
                        "11211",
                        "--maxmemory",
                        "100mb",
                        "--maxmemory-policy",
                        "allkeys-lfu",
                        "--lru-mode",
                        "exact",
                        "--appendonly",
                        "yes",
                        "--appendfsync",
                        "always",
                        "--dir",
                        "/tmp/x",
                        "--requirepass",
                        "pw",
                        "--save",
                        "60 5");
        CacheServerConfig config = command.toConfig();
        assertThat(config.port()).isEqualTo(7000);
        assertThat(config.bind()).isEqualTo("0.0.0.0");
        assertThat(config.memcachedPort()).isEqualTo(11211);
        assertThat(config.engine().maxmemoryBytes()).isEqualTo(100L * 1024 * 1024);
        assertThat(config.engine().eviction().policy()).isEqualTo("allkeys-lfu");
        assertThat(config.engine().eviction().lruMode()).isEqualTo(LruMode.EXACT);
        assertThat(config.appendOnly()).isTrue();
        assertThat(config.appendFsync()).isEqualTo(AppendFsync.ALWAYS);
        assertThat(config.dir()).isEqualTo(Path.of("/tmp/x"));
        assertThat(config.engine().requirePass()).isEqualTo("pw");
        assertThat(config.savePoints()).containsExactly(new SavePoint(60, 5));
    }

    @Test
    void defaultsAreRedisDefaults() {
        // Without options: port 6379 on 127.0.0.1, no memcached, no AOF, everysec, Redis's save points.
        CacheNodeCommand command = new CacheNodeCommand();
        new CommandLine(command).parseArgs();
        CacheServerConfig config = command.toConfig();
        assertThat(config.port()).isEqualTo(6379);
        assertThat(config.bind()).isEqualTo("127.0.0.1");
        assertThat(config.memcachedPort()).isEqualTo(-1);
        assertThat(config.appendOnly()).isFalse();
        assertThat(config.appendFsync()).isEqualTo(AppendFsync.EVERYSEC);
        assertThat(config.savePoints()).isEqualTo(SavePoint.REDIS_DEFAULT);
        assertThat(config.transport()).isEqualTo(Transport.choiceFromProperty());
    }

    @Test
    void transportIsChosenByNameWithEitherSpelling() {
        // --transport takes auto and each transport's name; io-uring is read as io_uring.
        for (String[] choice :
                new String[][] {{"io-uring", "io_uring"}, {"EPOLL", "epoll"}, {"nio", "nio"}, {"auto", "auto"}}) {
            CacheNodeCommand command = new CacheNodeCommand();
            new CommandLine(command).parseArgs("--transport", choice[0]);
            assertThat(command.toConfig().transport()).isEqualTo(choice[1]);
        }
    }

    @Test
    void badValuesAreUsageErrorsThatSayWhatIsExpected() {
        // A mistake gets a message naming the option and the accepted values, and exit code 2, not a stack trace.
        for (String[] args : new String[][] {
            {"--maxmemory", "lots"},
            {"--maxmemory-policy", "lru"},
            {"--appendonly", "maybe"},
            {"--appendfsync", "sometimes"},
            {"--save", "60"},
            {"--lru-mode", "fuzzy"},
            {"--transport", "kqueue"}
        }) {
            StringWriter err = new StringWriter();
            CommandLine commandLine = new CommandLine(new CacheNodeCommand()).setErr(new PrintWriter(err));
            int exit = commandLine.execute(args);
            assertThat(exit).as(String.join(" ", args)).isEqualTo(2);
            assertThat(err.toString())
                    .as(String.join(" ", args))
                    .doesNotContain("Exception")
                    .isNotBlank();
        }
    }
}
