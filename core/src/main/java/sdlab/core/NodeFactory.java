package sdlab.core;

/** Makes a node's object: once at the start of a run and again after each crash. */
@FunctionalInterface
public interface NodeFactory {
    Node create(NodeId id);
}
