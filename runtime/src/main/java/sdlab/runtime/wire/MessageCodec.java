package sdlab.runtime.wire;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import sdlab.core.StableHash;

/**
 * Encodes and decodes the messages of one family, given the sealed interface at its root (for
 * the quorum store, {@code QuorumMessages.QuorumMessage}). The frame layout, the type numbering
 * rule and the versioning policy are in the package documentation.
 *
 * <p>Built once per family: construction walks every record reachable from the root and refuses
 * a component type the format does not carry, so that a family that builds can send every one
 * of its messages. Encoding a message the family cannot carry (a null list element, a value of
 * an unsupported class in an {@code Object} component) is a programmer error and throws
 * unchecked; decoding bad bytes throws {@link WireFormatException} and nothing else.
 *
 * <p>Thread-safe once built: the plans are never changed after construction.
 *
 * @param <M> the root type of the family
 */
public final class MessageCodec<M> {
    /** The one version of the encoding rules this codec writes and reads. */
    public static final int FORMAT_VERSION = 1;

    /** The length prefix, the version byte and the type number. */
    public static final int HEADER_BYTES = Integer.BYTES + 1 + Integer.BYTES;

    /** The fewest bytes a length prefix can announce: the version byte and a type number. */
    public static final int FRAME_LENGTH_MIN = 1 + Integer.BYTES;

    /** The default bound on a frame's length prefix: 16 MiB, far above any node message. */
    public static final int FRAME_BYTES_MAX_DEFAULT = 16 * 1024 * 1024;

    /** The most elements one list, map or Object-valued list may hold on the wire. */
    public static final int ELEMENTS_MAX = 65_536;

    private final Class<M> root;
    private final SealedPlan plan;
    private final int frameBytesMax;

    private MessageCodec(Class<M> root, int frameBytesMax) {
        this.root = root;
        this.plan = new PlanBuilder().sealedPlan(root);
        this.frameBytesMax = frameBytesMax;
    }

    /** The codec of the family rooted at {@code root}, with frames of at most {@link #FRAME_BYTES_MAX_DEFAULT}. */
    public static <M> MessageCodec<M> of(Class<M> root) {
        return of(root, FRAME_BYTES_MAX_DEFAULT);
    }

    /** The codec of the family rooted at {@code root}, with frames whose length prefix is at most {@code frameBytesMax}. */
    public static <M> MessageCodec<M> of(Class<M> root, int frameBytesMax) {
        if (frameBytesMax < FRAME_LENGTH_MIN) {
            throw new IllegalArgumentException(
                    "frameBytesMax must be at least " + FRAME_LENGTH_MIN + ", got " + frameBytesMax);
        }
        return new MessageCodec<>(root, frameBytesMax);
    }

    /**
     * A record's type number: the low 32 bits of {@link StableHash} of its name without the
     * package ({@code QuorumMessages.Write}). Independent of the other records, so adding one
     * never renumbers the rest.
     */
    public static int typeNumber(Class<?> record) {
        return (int) StableHash.of(PlanBuilder.wireName(record));
    }

    /** The family's name on the wire, said in every connection's hello: its root's name without the package. */
    public String familyName() {
        return PlanBuilder.wireName(root);
    }

    /** Every record this family's root can carry, by name. */
    public List<Class<?>> messageTypes() {
        List<Class<?>> types = new ArrayList<>(plan.numbers().keySet());
        types.sort(Comparator.comparing(Class::getName));
        return List.copyOf(types);
    }

    /** The whole frame of {@code message}, length prefix included. */
    public byte[] encode(M message) {
        Objects.requireNonNull(message, "message");
        WireWriter out = new WireWriter();
        out.writeInt(0); // the length, patched below
        out.writeByte(FORMAT_VERSION);
        plan.write(root.cast(message), out);
        int length = out.length() - Integer.BYTES;
        if (length > frameBytesMax) {
            throw new IllegalArgumentException("a " + message.getClass().getSimpleName() + " of " + length
                    + " bytes exceeds the frame bound of " + frameBytesMax + " bytes");
        }
        out.patchInt(0, length);
        return out.toByteArray();
    }

    /** The message in {@code frame}, which must be exactly one whole frame. */
    public M decode(byte[] frame) throws WireFormatException {
        return decode(frame, 0, frame.length);
    }

    /** The message in {@code frame[offset, offset + length)}, which must be exactly one whole frame. */
    public M decode(byte[] frame, int offset, int length) throws WireFormatException {
        Objects.checkFromIndexSize(offset, length, frame.length);
        WireReader in = new WireReader(frame, offset, offset + length);
        int announced = in.readInt("the length prefix");
        checkLength(announced, frameBytesMax, 0);
        if (announced != in.remaining()) {
            throw new WireFormatException(
                    "the length prefix says " + announced + " bytes follow, but " + in.remaining() + " do", 0);
        }
        int at = in.offset();
        int version = in.readByte("the format version");
        if (version != FORMAT_VERSION) {
            throw new WireFormatException(
                    "unknown format version " + version + "; this reader knows version " + FORMAT_VERSION, at);
        }
        Object message = plan.read(in, 0);
        if (in.remaining() != 0) {
            throw new WireFormatException(
                    in.remaining() + " bytes left over after a whole " + plan.describe(), in.offset());
        }
        return root.cast(message);
    }

    /** Refuses a length prefix outside {@code FRAME_LENGTH_MIN..max}; {@code at} is where the prefix starts. */
    static void checkLength(int announced, int max, long at) throws WireFormatException {
        if (announced < FRAME_LENGTH_MIN || announced > max) {
            throw new WireFormatException(
                    "frame length " + announced + " is outside " + FRAME_LENGTH_MIN + ".." + max, at);
        }
    }

    static void checkCount(int count, String what) {
        if (count > ELEMENTS_MAX) {
            throw new IllegalArgumentException(
                    what + " of " + count + " elements exceeds the wire bound of " + ELEMENTS_MAX);
        }
    }
}
