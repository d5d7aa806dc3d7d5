/**
 * The wire format of node messages: how a mechanism's messages (a sealed interface of records,
 * such as {@code QuorumMessages.QuorumMessage}) travel between real processes. Pure encoding,
 * no I/O: the first piece of the real runtime of issue 13.
 *
 * <h2>Frame layout</h2>
 *
 * <pre>
 * int32  length        bytes that follow this field (version + type number + body), 5..frameBytesMax
 * uint8  version       {@link sdlab.runtime.wire.MessageCodec#FORMAT_VERSION} (1)
 * int32  type number   which record of the family this is (below)
 * ...    body          the record's components, in declaration order, nothing between them
 * </pre>
 *
 * All integers are big-endian. Components are written as follows:
 *
 * <ul>
 *   <li>{@code boolean} one byte, 0 or 1 (anything else is refused); {@code short} 2 bytes
 *       (the log's producer epochs); {@code int} 4 bytes;
 *       {@code long} 8 bytes; {@code double} its 8 IEEE 754 bytes.
 *   <li>{@code String}: int32 byte count, then UTF-8 (malformed UTF-8 is refused; a lone
 *       surrogate cannot be encoded and is sent as '?'). {@code byte[]}: int32 count, then the
 *       bytes. {@code NodeId}: its name, as a string.
 *   <li>An enum: its constant's name, as a string, so that reordering or adding constants keeps
 *       old frames readable (an ordinal would silently change meaning).
 *   <li>A record: its components, with no header. A sealed interface of records: the type number
 *       of the record, then the record.
 *   <li>{@code Optional<T>}: a presence byte (0 empty, 1 present), then T. {@code List<T>}: an
 *       int32 count, then the elements. {@code Map<K, V>}: an int32 count, then key and value of
 *       each entry in iteration order. Counts are at most
 *       {@link sdlab.runtime.wire.MessageCodec#ELEMENTS_MAX}; elements, keys and values are never
 *       null; decoded collections are unmodifiable and keep the order sent.
 *   <li>{@code Object} (the quorum store's opaque client value): a tag byte, then the value; tags
 *       0 null, 1 Long, 2 Integer, 3 String, 4 Boolean, 5 List of such values (count, then
 *       tagged elements).
 *   <li>Null: every reference-typed record component (other than {@code Optional} and
 *       {@code Object}, which say "absent" themselves) is preceded by a presence byte, 0 null and
 *       1 present. A null {@code Optional} cannot be sent.
 * </ul>
 *
 * <h2>Type numbers</h2>
 *
 * A record's type number is the low 32 bits of {@link sdlab.core.StableHash} of its name without
 * the package, nested classes joined by '.': {@code QuorumMessages.Write}. The number depends on
 * that name alone, so adding a record to a family never renumbers the others, and moving a
 * family to another package changes nothing. Renaming a record, or the class it is nested in,
 * changes its number: a wire change. Two records of one sealed interface with the same number
 * are refused when the codec is built, and the fix is to rename one.
 *
 * <h2>Versioning policy</h2>
 *
 * The version byte names the encoding rules above, not the set of messages. A reader accepts
 * only the version it knows and refuses any other with an error, never a guess. Compatible
 * without a new version: adding a record to a family (an old reader refuses the new type number
 * cleanly), adding an enum constant. Incompatible: adding, removing, reordering or retyping a
 * record's components, renaming a record or an enum constant. These need every node of a cluster
 * to run the same build; a cluster of mixed builds is not supported. A change to the encoding
 * rules themselves raises {@code FORMAT_VERSION}.
 *
 * <h2>Reading untrusted bytes</h2>
 *
 * {@link sdlab.runtime.wire.FrameReader} splits a stream into frames and refuses a length prefix
 * outside 5..frameBytesMax (16 MiB by default) as soon as it arrives.
 * {@link sdlab.runtime.wire.MessageCodec#decode} checks the rest: the version, the type number,
 * that the length prefix matches the bytes given, that no read runs past the end, that no
 * length or count is negative or above its bound, that strings are valid UTF-8, that nesting is
 * at most 64 levels, and that every record's canonical constructor accepts its components. Any
 * failure is a checked {@link sdlab.runtime.wire.WireFormatException} that says what was wrong at
 * which offset; no allocation is sized by a peer's count before the bytes behind it are there.
 *
 * <h2>Not supported</h2>
 *
 * Classes that are not records, enums or sealed interfaces of records; generic records (type
 * variables); arrays other than {@code byte[]}; {@code Set}; primitives other than boolean,
 * short, int, long and double; null elements in a list or map; cyclic object graphs. A family that uses one
 * is refused when its codec is built, with the path to the component.
 */
package sdlab.runtime.wire;
