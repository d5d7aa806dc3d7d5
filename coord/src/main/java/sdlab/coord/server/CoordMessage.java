package sdlab.coord.server;

import sdlab.core.Message;

/**
 * Every message a coordination server sends or receives over the network: between servers, and
 * between a server and the simulator's clients (which a real cluster's test clients use too, over
 * TCP). ZooKeeper clients reach a real server through its ZooKeeper port instead, in memory.
 */
public sealed interface CoordMessage extends Message
        permits PeerMessages.PeerMessage, ClientMessages.ToServer, ClientMessages.ToClient {}
