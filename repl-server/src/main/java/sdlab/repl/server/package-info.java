/**
 * The real front door of the replicated store ({@code repl}): a RESP port on each node of {@code sdlab cluster start
 * repl}, so that redis-cli and Redis client libraries write to the primary and read from any node.
 *
 * <p>Commands map onto the store's own messages ({@link sdlab.repl.server.ReplCommands}); the node code is the
 * simulator's, unchanged. The RESP framing (requests, replies) lives in module {@code resp}, which the sharded store's
 * door shares; the cache node's parser is not used: it is internal to {@code cache-server} and built around the
 * cache's reply types, big-argument streaming and query-buffer budget, and a replication node depending on the
 * cache's server would point a dependency sideways between two mechanisms.
 */
package sdlab.repl.server;
