package sdlab.core.client;

/**
 * One operation a workload asks a client to perform: {@code f} names it ("read", "write",
 * "cas", "get", "put", ...), {@code key} is null for single-register workloads, and
 * {@code value} is the argument (null, a Long, a String or a List of those).
 */
public record Invocation(long opId, int process, String f, String key, Object value) {}
