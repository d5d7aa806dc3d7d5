/**
 * HyperLogLog: counting distinct elements in 12 KB at most, with a standard error of
 * 1.04 / sqrt(16384) = 0.81%, in exactly Redis 7.0's string representation
 * ({@code hyperloglog.c}), so that PFADD, PFCOUNT and PFMERGE here and in redis-server read and
 * write each other's values.
 *
 * <p>The sketch follows Flajolet et al. (2007) with a 64-bit hash, as Heule et al. ("HyperLogLog
 * in Practice", 2013) propose, so no large-range correction is needed; the estimate is Ertl's
 * improved raw estimator (arXiv:1702.01284), which is accurate from zero upwards without bias
 * tables. {@link sdlab.cache.hyperloglog.HyperLogLog} describes the bytes.
 *
 * <p>Guarantees: the same elements give the same bytes as redis-server 7.0, encodings, the
 * sparse-to-dense promotion and the cached estimate included; merging is exact (register-wise
 * maximum). Not guaranteed: any particular estimate for a given set beyond the statistical
 * error; the sketch cannot list, remove or test for elements.
 */
package sdlab.cache.hyperloglog;
