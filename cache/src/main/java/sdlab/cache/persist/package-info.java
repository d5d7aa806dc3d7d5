/**
 * The cache's persistence formats, as pure encoders and decoders (the server owns the files),
 * and the append-only file's writer and fsync policy.
 *
 * <ul>
 *   <li><b>Append-only file</b>: Redis's own format, RESP arrays of bulk strings
 *       ({@link sdlab.cache.persist.RespCommandWriter}). The engine logs commands with absolute
 *       expiry times, so a replay is exact at any later time. {@link sdlab.cache.persist.AofReader}
 *       replays a file and tells a torn tail (the file ends inside the last command: safe to
 *       truncate, like Redis's {@code aof-load-truncated yes}) from damage in the middle
 *       (refused, with the offset). {@link sdlab.cache.persist.AofRewriteSink} writes a snapshot
 *       as the shortest rebuilding commands, like BGREWRITEAOF.
 *   <li><b>Writing it, and when to fsync</b>: {@link sdlab.cache.persist.AofWriter} decides, by
 *       {@link sdlab.cache.persist.AppendFsync} always / everysec / no, when the buffered commands
 *       are written, when a sync is due and which acknowledgements may go after which sync. It
 *       reaches a disk only through {@link sdlab.cache.persist.AofStorage}: the cache node's files
 *       and chapter 11's simulated disk are its two implementations, so both decide alike.
 *   <li><b>Snapshot file</b> ("RDB"): sdlab's own compact format with a CRC-32C over the whole
 *       file ({@link sdlab.cache.persist.SnapshotFormat}); not Redis's RDB encoding.
 * </ul>
 */
package sdlab.cache.persist;
