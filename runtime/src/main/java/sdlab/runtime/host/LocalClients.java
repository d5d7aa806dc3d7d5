package sdlab.runtime.host;

import sdlab.core.Message;
import sdlab.core.NodeId;

/**
 * Clients that live in the node's own process, such as the connections of a protocol front door
 * (ZooKeeper's port of a coordination server): the node talks to them by id as to any client,
 * and the host hands their messages over in memory instead of the network.
 */
public interface LocalClients {

    /** Whether {@code id} names one of these clients. */
    boolean owns(NodeId id);

    /** Delivers a message the node sent to {@code to}; called on the node's event loop. */
    void deliver(NodeId to, Message message);
}
