/**
 * The Redis protocol (RESP2) as the project's doors speak it: {@link sdlab.resp.RespRequestDecoder} cuts a client's
 * bytes into {@link sdlab.resp.RespRequest}s (arrays of bulk strings and inline commands, with Redis's error texts for
 * malformed input), and {@link sdlab.resp.RespReply} encodes the answers. What a command means is each door's own:
 * the replicated store's ({@code repl-server}) and the sharded store's ({@code shard-server}).
 */
package sdlab.resp;
