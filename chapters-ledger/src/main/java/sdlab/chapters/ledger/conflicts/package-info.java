/**
 * Chapter 18: eventual consistency and the conflicts users see when the replicas of a profile diverge, measured over
 * last writer wins, version vectors with a resolution screen, a CRDT map and sticky sessions
 * (mechanism: {@code sdlab.ledger.profile}).
 */
package sdlab.chapters.ledger.conflicts;
