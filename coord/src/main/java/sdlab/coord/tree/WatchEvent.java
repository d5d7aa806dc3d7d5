package sdlab.coord.tree;

/**
 * A watch that fired: the session to tell, what happened, to which path, and the zxid of the
 * transaction that triggered it. The tree only produces these; the server that holds the
 * session's connection delivers them, before any reply that reflects a later zxid.
 */
public record WatchEvent(long session, EventType type, String path, long zxid) {}
