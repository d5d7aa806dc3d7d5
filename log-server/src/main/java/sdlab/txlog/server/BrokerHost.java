package sdlab.txlog.server;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sdlab.core.Disk;
import sdlab.core.Message;
import sdlab.core.Node;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;
import sdlab.core.Timer;
import sdlab.core.TimerId;
import sdlab.runtime.disk.FileDisk;

/**
 * Runs the txlog node for real, with no peers: its handlers one at a time on one Netty event loop (which also carries
 * the Kafka connections), timers on that loop, the system's monotonic clock, and a {@link FileDisk} whose syncs come
 * back as {@code onSynced}. The node's only client is the Kafka door in this process, so its messages never cross a
 * network and need no codec; that is why this is not the runtime's {@code NodeHost}, whose wire format also does not
 * carry the log's {@code short} producer epochs.
 */
final class BrokerHost implements BrokerNode, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BrokerHost.class);
    static final NodeId SELF = NodeId.of("log");

    private final EventLoopGroup group =
            new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("node-log"), NioIoHandler.newFactory());
    private final EventLoop loop = group.next();
    private final ExecutorService syncer =
            Executors.newSingleThreadExecutor(new DefaultThreadFactory("sync-log", true));
    private final Map<TimerId, ScheduledFuture<?>> timers = new HashMap<>();
    private final long startNanos = System.nanoTime();
    private final Node node;
    private final RandomGenerator random;
    private final Context context = new Context();
    private Consumer<Message> replies = message -> {};
    private FileDisk disk;
    private long timerIdLast;

    BrokerHost(Node node, long seed) {
        this.node = node;
        this.random = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
    }

    /** Opens the disk in {@code directory} and starts the node; returns once it has started. */
    void start(Path directory, Runnable onFailure) throws IOException {
        disk = FileDisk.open(directory, syncer, new FileDisk.SyncListener() {
            @Override
            public void synced(long syncId) {
                loop.execute(() -> node.onSynced(syncId, context));
            }

            @Override
            public void failed(long syncId, IOException cause) {
                log.error("the log node's sync {} failed", syncId, cause);
                onFailure.run();
            }
        });
        loop.submit(() -> node.onStart(context, false)).syncUninterruptibly();
    }

    @Override
    public EventLoop loop() {
        return loop;
    }

    @Override
    public void onReply(Consumer<Message> replies) {
        this.replies = replies;
    }

    @Override
    public void request(NodeId from, Message message) {
        node.onMessage(from, message, context);
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        syncer.shutdownNow();
        if (disk != null) {
            disk.close();
        }
    }

    /** The node's view of the world, used only on the loop. */
    private final class Context implements NodeContext {
        @Override
        public NodeId self() {
            return SELF;
        }

        @Override
        public void send(NodeId to, Message message) {
            replies.accept(message);
        }

        @Override
        public TimerId setTimer(Duration delay, Timer timer) {
            TimerId id = new TimerId(++timerIdLast);
            timers.put(
                    id,
                    loop.schedule(
                            () -> {
                                if (timers.remove(id) != null) {
                                    node.onTimer(id, timer, context);
                                }
                            },
                            Math.max(0, delay.toNanos()),
                            TimeUnit.NANOSECONDS));
            return id;
        }

        @Override
        public void cancelTimer(TimerId id) {
            ScheduledFuture<?> scheduled = timers.remove(id);
            if (scheduled != null) {
                scheduled.cancel(false);
            }
        }

        @Override
        public long nowNanos() {
            return System.nanoTime() - startNanos;
        }

        @Override
        public RandomGenerator random() {
            return random;
        }

        @Override
        public Disk disk() {
            return disk;
        }

        @Override
        public void note(String text) {
            log.info("{}: {}", SELF, text);
        }
    }
}
