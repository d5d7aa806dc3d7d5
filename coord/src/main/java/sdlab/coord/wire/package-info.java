/**
 * ZooKeeper's client-server wire protocol as a pure codec: bytes to records and back, with no
 * socket, thread or clock, so that a server (Netty or the simulator) only moves frames.
 *
 * <h2>The format</h2>
 *
 * <p>Records are encoded with Jute's binary archive ({@code org.apache.jute.BinaryOutputArchive}
 * and {@code BinaryInputArchive}): ints and longs big-endian, a boolean as one byte, a {@code
 * ustring} or {@code buffer} as an int length and the bytes, a {@code vector} as an int count and
 * the elements, and -1 for a null string, buffer or vector. ZooKeeper writes a string one UTF-16
 * char at a time (a character outside the BMP becomes two three-byte surrogates) and reads it as
 * standard UTF-8; {@code JuteWriter} and {@code JuteReader} do the same. Every packet is an int
 * length and then the record(s) ({@link sdlab.coord.wire.Packets}):
 *
 * <ul>
 *   <li>the first packet of a connection: {@link sdlab.coord.wire.ConnectRequest}, answered by a
 *       {@link sdlab.coord.wire.ConnectResponse}, without headers; the trailing readOnly flag is
 *       optional on read, as older clients omit it;
 *   <li>every later request: a {@link sdlab.coord.wire.RequestHeader} (xid, type) and the record
 *       its {@link sdlab.coord.wire.OpCode} selects, decoded to a {@link
 *       sdlab.coord.wire.ClientRequest} (a sealed interface a server switches over; an op code
 *       without a decoder here is {@code Unsupported}, for the server to answer UNIMPLEMENTED);
 *   <li>every reply: a {@link sdlab.coord.wire.ReplyHeader} (xid, zxid, err) and, when err is 0,
 *       the response record ({@link sdlab.coord.wire.ServerResponse}); a watch notification is
 *       the header with xid -1 and the triggering zxid, then a {@code WatcherEvent};
 *   <li>multi and multiRead: MultiHeaders (type, done, err), each followed by its operation's
 *       request (or result) record, ended by (-1, true, -1), as {@code MultiOperationRecord} and
 *       {@code MultiResponse} frame them; a failed operation's result is an {@code ErrorResponse}.
 * </ul>
 *
 * <h2>Where the layouts come from</h2>
 *
 * <p>Field order and types are those of ZooKeeper 3.9's {@code zookeeper.jute}
 * (zookeeper-jute/src/main/resources), modules {@code org.apache.zookeeper.data} (Id, ACL, Stat)
 * and {@code org.apache.zookeeper.proto} (the requests, responses and headers); the framing is
 * {@code ClientCnxn.Packet.createBB}'s and {@code ServerCnxn}'s; the op codes are {@code
 * ZooDefs.OpCode}'s. The code is written anew; the tests check every record byte for byte, both
 * ways, against ZooKeeper 3.9.5's own classes (a test-scope dependency), and the numbers against
 * its constants.
 *
 * <h2>What it guarantees, and what not</h2>
 *
 * <p>Decoding never allocates more than the packet holds and fails only with the checked {@link
 * sdlab.coord.wire.WireException}, naming the field and byte offset: a truncated record, a length
 * or count below -1, a string or buffer beyond {@code jute.maxbuffer}'s bound (0xfffff plus its
 * default extra size, 0xfffff), a packet longer than 0xfffff, an operation a multi cannot hold.
 * Like ZooKeeper's server it ignores bytes after a record. Encoding checks nothing: a server must
 * keep its replies under the client's {@code jute.maxbuffer} itself. {@link
 * sdlab.coord.wire.TreeMapping} maps writes to {@code sdlab.coord.tree}'s operations and results
 * back; the server's own checks (paths, sessions, ACLs, chroot) are not here. SASL, reconfig,
 * whoAmI's reply and the quorum protocol between servers are not decoded.
 */
package sdlab.coord.wire;
