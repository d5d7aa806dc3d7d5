/**
 * Seeded generators of transactional histories, for tests, the benchmark and demonstrations: a
 * simulated store whose clients run concurrently, with or without isolation.
 */
package sdlab.check.txn.gen;
