/**
 * The cache chapters of the curriculum, one subpackage each: Redis vs Memcached (chapter 11,
 * {@link sdlab.chapters.cache.redismemcached}), cache warm-up (chapter 13,
 * {@link sdlab.chapters.cache.warmup}) and caching layers (chapter 20,
 * {@link sdlab.chapters.cache.layers}).
 *
 * <p>Each chapter is an {@link sdlab.lab.Experiment} whose variants are the options of the
 * chapter's question. The mechanisms run as deterministic nodes in the simulator, reusing the
 * cache engine of module {@code cache} (its keyspace, eviction policies and persistence formats)
 * wherever the chapter needs a real cache. This package holds what the chapters share: a
 * queueing model of a server's workers ({@link sdlab.chapters.cache.ServiceQueue}).
 */
package sdlab.chapters.cache;
