package sdlab.check.txn;

/**
 * One step of a dependency cycle: {@code from} must come before {@code to} because of an edge of
 * {@code kind} ({@link Edges}), for the reason {@code why}.
 */
public record CycleStep(int from, int to, int kind, String why) {}
