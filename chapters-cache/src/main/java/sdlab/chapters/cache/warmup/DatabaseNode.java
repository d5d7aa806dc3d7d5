package sdlab.chapters.cache.warmup;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import sdlab.chapters.cache.ServiceQueue;
import sdlab.chapters.cache.warmup.WarmupMessage.Query;
import sdlab.chapters.cache.warmup.WarmupMessage.Rejected;
import sdlab.chapters.cache.warmup.WarmupMessage.Rows;
import sdlab.chapters.cache.warmup.WarmupMessage.StatementDone;
import sdlab.chapters.cache.warmup.WarmupMessage.Update;
import sdlab.chapters.cache.warmup.WarmupMessage.Updated;
import sdlab.core.Message;
import sdlab.core.Node;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;
import sdlab.core.Timer;
import sdlab.core.TimerId;
import sdlab.sim.Latency;

/**
 * The slow database behind chapter 13's service: every record starts at version 1, a statement
 * holds one of a bounded pool of connections for a slow and variable time, and statements beyond
 * the pool wait in a bounded line.
 *
 * <p>A statement's time is a log-normal draw (most near the median, a long tail) plus a cost per
 * row after the first, so one query for a page of rows is far cheaper than a query per row. The
 * node counts what it served, for the chapter's measure of database load.
 */
final class DatabaseNode implements Node {
    static final NodeId ID = NodeId.of("db");

    /**
     * How the database performs.
     *
     * @param statementTime the time of one statement of one row
     * @param perExtraRow the added time of each further row of a query
     * @param connections statements served at once
     * @param waitingMax statements that may wait for a connection
     */
    record Performance(Latency statementTime, Duration perExtraRow, int connections, int waitingMax) {}

    private final Performance performance;
    private final Map<String, Long> versions = new HashMap<>();
    private NodeContext ctx;
    private ServiceQueue<StatementDone> pool;
    private final Load load;

    /** What the database served: the chapter's measure of database load. */
    static final class Load {
        private long queries;
        private long rowsRead;
        private long rejected;
        private int waitingMax;

        long queries() {
            return queries;
        }

        long rowsRead() {
            return rowsRead;
        }

        /** Statements turned away because the line was full. */
        long rejected() {
            return rejected;
        }

        /** The longest line of statements waiting for a connection. */
        int waitingMax() {
            return waitingMax;
        }
    }

    /**
     * A database counting into {@code load}, which the run keeps: a database crashed and restarted by a fork goes on
     * counting where it stopped, so the chapter's measure covers the whole run.
     */
    DatabaseNode(Performance performance, Load load) {
        this.performance = performance;
        this.load = load;
    }

    /** What the database has served so far, in all its lives. */
    Load load() {
        return load;
    }

    @Override
    public void onStart(NodeContext context, boolean restarted) {
        this.ctx = context;
        this.pool = new ServiceQueue<>(performance.connections(), performance.waitingMax());
    }

    @Override
    public void onMessage(NodeId from, Message message, NodeContext context) {
        StatementDone statement = new StatementDone(from, (WarmupMessage) message);
        switch (pool.offer(statement)) {
            case STARTED -> start(statement);
            case QUEUED -> load.waitingMax = Math.max(load.waitingMax, pool.waiting());
            case REJECTED -> {
                load.rejected++;
                context.send(from, new Rejected(queryId(statement.statement())));
            }
        }
    }

    @Override
    public void onTimer(TimerId id, Timer timer, NodeContext context) {
        StatementDone done = (StatementDone) timer;
        context.send(done.service(), execute(done.statement()));
        pool.finish().ifPresent(this::start);
    }

    private void start(StatementDone statement) {
        long nanos = performance.statementTime().sampleNanos(ctx.random());
        if (statement.statement() instanceof Query query) {
            nanos += performance.perExtraRow().toNanos() * (query.keys().size() - 1);
        }
        ctx.setTimer(Duration.ofNanos(nanos), statement);
    }

    private WarmupMessage execute(WarmupMessage statement) {
        return switch (statement) {
            case Query query -> {
                load.queries++;
                load.rowsRead += query.keys().size();
                List<Long> rows = new ArrayList<>(query.keys().size());
                for (String key : query.keys()) {
                    rows.add(versions.getOrDefault(key, 1L));
                }
                yield new Rows(query.queryId(), rows);
            }
            case Update update -> {
                long version = versions.getOrDefault(update.key(), 1L) + 1;
                versions.put(update.key(), version);
                yield new Updated(update.queryId(), version);
            }
            default -> throw new IllegalArgumentException("the database takes queries and updates, not " + statement);
        };
    }

    private static long queryId(WarmupMessage statement) {
        return switch (statement) {
            case Query query -> query.queryId();
            case Update update -> update.queryId();
            default -> throw new IllegalArgumentException("the database takes queries and updates, not " + statement);
        };
    }
}
