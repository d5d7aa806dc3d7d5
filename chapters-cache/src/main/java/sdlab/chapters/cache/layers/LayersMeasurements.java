package sdlab.chapters.cache.layers;

import sdlab.check.history.Operation;
import sdlab.check.history.Operations;
import sdlab.check.history.Status;
import sdlab.lab.RunOptions;
import sdlab.lab.SeedRun;

/** Turns one run of chapter 20 into the seed's counters, values, latencies and findings. */
final class LayersMeasurements {
    static final String REQUESTS = "requests";
    static final String BYTES_SHOWN = "bytesShown";
    static final String MISTAKES = "personalisationMistakes";
    static final String BROWSER_HITS = "browserHits";
    static final String EDGE_LOOKUPS = "edgeLookups";
    static final String EDGE_HITS = "edgeHits";
    static final String ORIGIN_RESPONSES = "originResponses";
    static final String ORIGIN_BYTES = "originBytes";
    static final String ORIGIN_BYTES_PER_SEC = "originBytesPerSec";
    static final String APP_LOOKUPS = "appLookups";
    static final String APP_HITS = "appHits";
    static final String DB_QUERIES = "dbQueries";
    static final String PAGE_READS = "pageReads";
    static final String BUFFER_HITS = "bufferHits";
    static final String DISK_READS = "diskReads";
    static final String LATENCY = "latency";

    private LayersMeasurements() {}

    static SeedRun measure(LayersScenario.Outcome outcome, RunOptions options) {
        SeedRun.Builder run = SeedRun.builder();
        for (BrowserClient.Tally browser : outcome.browsers()) {
            run.counter(REQUESTS, browser.requests());
            run.counter(BROWSER_HITS, browser.browserHits());
            run.counter(BYTES_SHOWN, browser.bytesShown());
            run.counter(MISTAKES, browser.mistakes());
        }
        for (NodeLives<EdgeNode> edge : outcome.edges()) {
            run.counter(EDGE_LOOKUPS, edge.sum(EdgeNode::lookups));
            run.counter(EDGE_HITS, edge.sum(EdgeNode::hits));
        }
        NodeLives<OriginNode> origin = outcome.origin();
        long originBytes = origin.sum(OriginNode::bytesSent);
        run.counter(ORIGIN_RESPONSES, origin.sum(OriginNode::responses));
        run.counter(ORIGIN_BYTES, originBytes);
        run.value(ORIGIN_BYTES_PER_SEC, originBytes / (outcome.result().virtualTimeNanosEnd() / 1e9));
        run.counter(APP_LOOKUPS, origin.sum(OriginNode::rowLookups));
        run.counter(APP_HITS, origin.sum(OriginNode::rowHits));
        NodeLives<DatabaseNode> database = outcome.database();
        long pageReads = database.sum(DatabaseNode::pageReads);
        long bufferHits = database.sum(DatabaseNode::bufferHits);
        run.counter(DB_QUERIES, database.sum(DatabaseNode::queries));
        run.counter(PAGE_READS, pageReads);
        run.counter(BUFFER_HITS, bufferHits);
        run.counter(DISK_READS, pageReads - bufferHits);
        for (Operation op : Operations.of(outcome.result().history())) {
            if (op.status() != Status.OK) {
                continue;
            }
            run.latencyNanos(LATENCY, op.completeTimeNanos() - op.invokeTimeNanos());
            if (op.output() instanceof String shown && shown.contains("variant, not")) {
                run.flagOperation(op.id(), "personalisation mistake: " + shown);
                run.finding("%s opened %s at %.1f s and got %s"
                        .formatted(processName(op), op.key(), op.completeTimeNanos() / 1e9, shown));
            }
        }
        run.traceHash(outcome.result().traceHash());
        if (options.recordTrace()) {
            run.trace(outcome.result().trace());
        }
        if (options.keepHistory()) {
            run.history(outcome.result().history());
        }
        return run.build();
    }

    private static String processName(Operation op) {
        return "user u" + op.process();
    }
}
