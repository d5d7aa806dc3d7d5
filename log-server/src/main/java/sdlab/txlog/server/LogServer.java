package sdlab.txlog.server;

import io.netty.channel.Channel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sdlab.txlog.LogBroker;
import sdlab.txlog.Retention;
import sdlab.txlog.TxLogConfig;

/**
 * A single Kafka broker: the txlog node ({@link LogBroker}, the same code the chapters simulate) in a
 * {@link BrokerHost}, with Kafka's port on the node's event loop. The door decodes requests, asks the node, and
 * encodes its answers; every decision (offsets, sequence and epoch checks, producer ids, high watermark and last
 * stable offset) is the node's. The coordinator's state log lives in a temporary data directory, removed on close.
 */
public final class LogServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LogServer.class);
    private final String bind;
    private final int portAsked;
    private final Map<String, Integer> partitionsByTopic;
    private final TxLogConfig config;
    private final int autoCreatePartitions;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private Path dataDirectory;
    private BrokerHost host;
    private Channel listener;

    /**
     * A broker on {@code bind:port} (0 picks a free port) holding {@code partitionsByTopic}, which creates a topic it
     * is asked about with one partition (Kafka's defaults).
     */
    public LogServer(String bind, int port, Map<String, Integer> partitionsByTopic) {
        this(bind, port, partitionsByTopic, Topics.AUTO_CREATE_PARTITIONS_DEFAULT);
    }

    /**
     * A broker on {@code bind:port} holding {@code partitionsByTopic}, which creates a topic a Metadata request asks
     * about with {@code autoCreatePartitions} partitions (0: creates none, as {@code auto.create.topics.enable=false}).
     */
    public LogServer(String bind, int port, Map<String, Integer> partitionsByTopic, int autoCreatePartitions) {
        this(bind, port, partitionsByTopic, autoCreatePartitions, Retention.unlimited());
    }

    /** The same, each partition keeping its records as {@code retention} says ({@code retention.bytes}, {@code .ms}). */
    public LogServer(
            String bind,
            int port,
            Map<String, Integer> partitionsByTopic,
            int autoCreatePartitions,
            Retention retention) {
        this(bind, port, TxLogConfig.of(partitionsByTopic).withRetention(retention), autoCreatePartitions);
    }

    /** A broker whose node runs with {@code config}: how tests plant a bug in the node behind the wire. */
    LogServer(String bind, int port, TxLogConfig config) {
        this(bind, port, config, Topics.AUTO_CREATE_PARTITIONS_DEFAULT);
    }

    private LogServer(String bind, int port, TxLogConfig config, int autoCreatePartitions) {
        this.bind = bind;
        this.portAsked = port;
        this.config = config;
        this.partitionsByTopic = config.partitionsByTopic();
        this.autoCreatePartitions = autoCreatePartitions;
    }

    /**
     * Starts the node and listens; returns once clients can connect.
     *
     * @throws LogStartupException if the address cannot be used
     */
    public synchronized LogServer start() throws InterruptedException {
        try {
            dataDirectory = Files.createTempDirectory("sdlab-log-");
            host = new BrokerHost(new LogBroker(config), new SecureRandom().nextLong());
            host.start(dataDirectory, () -> new Thread(this::close, "log-node-failed").start());
            String advertised = advertisedHost();
            KafkaApis apis = new KafkaApis(
                    new NodeCalls(host),
                    new Topics(partitionsByTopic, autoCreatePartitions),
                    port -> KafkaBrokers.standalone(BrokerHost.SELF, advertised, port),
                    DoorBug.NONE);
            listener = KafkaListener.listen(host.loop(), bind, portAsked, apis);
        } catch (IOException | RuntimeException e) {
            close();
            throw new LogStartupException(
                    "cannot start the log node on " + bind + ":" + portAsked + ": " + e.getMessage(), e);
        }
        log.info("log node (Kafka protocol) listening on {}:{}, topics {}", bind, port(), partitionsByTopic);
        return this;
    }

    /** The host clients are told to connect to: the bind address, or this machine's name for a wildcard bind. */
    private String advertisedHost() {
        return bind.equals("0.0.0.0") || bind.equals("::") ? "localhost" : bind;
    }

    public int port() {
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    /** Blocks until the node closes. */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    @Override
    public synchronized void close() {
        if (listener != null) {
            listener.close().syncUninterruptibly();
            listener = null;
        }
        if (host != null) {
            host.close();
            host = null;
        }
        if (dataDirectory != null) {
            deleteTree(dataDirectory);
            dataDirectory = null;
        }
        stopped.countDown();
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the temporary data directory " + root, e);
        }
    }
}
