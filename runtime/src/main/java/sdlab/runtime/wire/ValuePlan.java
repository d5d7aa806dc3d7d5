package sdlab.runtime.wire;

/**
 * How values of one Java type are written and read, worked out once per type by
 * {@link PlanBuilder} so that encoding a message walks plans and never asks reflection again.
 */
interface ValuePlan {
    /** How deep records and containers may nest in one frame before the reader refuses it. */
    int DEPTH_MAX = 64;

    /** Writes {@code value}; a value the format cannot carry is a programmer error (unchecked). */
    void write(Object value, WireWriter out);

    /** Reads one value at nesting level {@code depth}; bad bytes are a {@link WireFormatException}. */
    Object read(WireReader in, int depth) throws WireFormatException;

    /** The name of the type in messages, e.g. {@code QuorumMessages.Write} or {@code List<String>}. */
    String describe();

    static int deeper(WireReader in, int depth, String what) throws WireFormatException {
        if (depth >= DEPTH_MAX) {
            throw new WireFormatException(what + " nests deeper than " + DEPTH_MAX + " levels", in.offset());
        }
        return depth + 1;
    }
}
