package sdlab.coord.tree;

/** A getData answer: the node's data (null if it was created or set with none) and its Stat. */
public record NodeData(byte[] data, Stat stat) {}
