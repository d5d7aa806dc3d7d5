/**
 * Chapter 15: hash against range partitioning, run on the sharded store of {@code sdlab.shard}: four schemes (hash
 * modulo N, consistent hashing with one token and with virtual nodes, ranges that split and move) under four
 * workloads (uniform, zipfian, monotonic, range scans), open loop so that load becomes queueing; load and data per
 * shard, latency, scan fan-out, the data a joining shard moves and where related keys live, all measured.
 */
package sdlab.chapters.shard;
