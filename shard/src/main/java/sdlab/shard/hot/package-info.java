/**
 * Finding hot keys online in bounded memory: the space-saving top-k summary (Metwally et al. 2005), which every shard
 * keeps over the requests it serves.
 */
package sdlab.shard.hot;
