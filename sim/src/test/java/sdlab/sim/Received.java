package sdlab.sim;

import sdlab.core.Message;
import sdlab.core.NodeId;

/** A message as a test node saw it: when (by its clock), from whom, what. */
record Received(long timeNanos, NodeId to, NodeId from, Message message) {}
