/**
 * Chapter 6: read_committed against read_uncommitted on the transactional log of {@code sdlab.txlog}. Transactional
 * producers commit, abort, crash and hang past their timeout while a job sums payments from the topic and, halfway
 * through, replays it from the start; what the job read is checked against the log's own markers.
 */
package sdlab.chapters.txlog;
