/**
 * Side-by-side runs of sdlab's real nodes against the real servers they stand in for, loaded
 * by the peers' own tools: {@code redis-benchmark} and {@code memaslap} for the cache node
 * against redis-server and memcached, {@code wrk} and {@code h2load} for the gateway against
 * nginx, and real TLS clients against the gateway.
 *
 * <p>Every comparison starts each server it needs as a separate process ({@link
 * sdlab.bench.peer.SdlabNode} runs sdlab's nodes as child JVMs through {@link
 * sdlab.bench.peer.NodeMain}) on free loopback ports with configuration in a temporary
 * directory ({@link sdlab.bench.peer.Scratch}), runs every load tool with a deadline ({@link
 * sdlab.bench.peer.LoadRun}) and stops every server when it ends, fails or is interrupted
 * ({@link sdlab.bench.peer.ChildProcess} keeps a shutdown hook). Both sides of a comparison are
 * measured in the same run, one after the other, so that both see the same machine load; the
 * ratios are what a reader should compare, not the absolute figures.
 *
 * <p>The output parsers ({@code RedisBenchmarkCsv}, {@code MemaslapOutput}, {@code WrkOutput},
 * {@code H2loadOutput}) read the tools' text as the installed versions print it and reject,
 * with the text quoted, any output they do not recognise rather than guess a figure.
 */
package sdlab.bench.peer;
