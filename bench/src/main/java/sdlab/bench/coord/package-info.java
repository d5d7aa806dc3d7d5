/**
 * {@code sdlab bench coord}: sdlab's coordination service and a real ZooKeeper ensemble under the
 * same load from the unmodified ZooKeeper 3.9.5 Java client, in one run (issue 14).
 *
 * <p>Each side is an {@link sdlab.bench.coord.Ensemble}: a connect string, a line describing it,
 * and a close that stops what the bench started. {@link sdlab.bench.coord.ZooKeeperEnsemble}
 * runs one {@code QuorumPeerMain} JVM per server with a generated zoo.cfg ({@code
 * forceSync=yes}: every write is fsynced before it is acknowledged); {@link
 * sdlab.bench.coord.SdlabLaunchers} starts sdlab's side by node count, today the standalone
 * node, which keeps its data in memory and says so in every report; {@link
 * sdlab.bench.coord.ConnectedEnsemble} is one already running.
 *
 * <p>{@link sdlab.bench.coord.CoordComparison} runs every operation (create, setData, getData)
 * in rounds that alternate which side goes first; {@link sdlab.bench.coord.LoadPhase} is one
 * phase: fresh sessions spread over the servers, each keeping a bounded number of requests in
 * flight ({@link sdlab.bench.coord.SessionPipeline}), latencies in an HdrHistogram, errors by
 * ZooKeeper result code. A row where either side failed a request has no ratio.
 *
 * <p>What it does not measure: watches, sessions' churn, multi, reads served after sync, or
 * recovery; nor does the standalone node's figure say anything about a replicated one.
 */
package sdlab.bench.coord;
