package sdlab.repl;

import sdlab.core.Message;

/**
 * Every message a node of the replicated store, its lease service or its failover manager sends: the one root that
 * a real cluster's wire codec is built over, since a real node receives both families on one connection.
 */
public sealed interface ReplFamily extends Message permits ReplMessages, LeaseMessages, ArchiveMessages {}
