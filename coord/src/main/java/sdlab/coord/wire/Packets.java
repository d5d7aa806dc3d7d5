package sdlab.coord.wire;

/**
 * ZooKeeper's client-server packets, framed and unframed: the front door of this package. Every
 * packet on the wire is a big-endian int length and then that many bytes; the first packet of a
 * connection is a {@link ConnectRequest} (answered by a {@link ConnectResponse}), every later one
 * a {@link RequestHeader} and the request's record (answered by a {@link ReplyHeader} and, when
 * its error is 0, the response's record). Encoders return the framed bytes, length prefix
 * included; decoders take one packet without its prefix (a stream reader checks the prefix with
 * {@link #checkPacketLength} and reads that many bytes, or hands a whole frame to {@link #unframe}).
 *
 * <p>Decoding ignores bytes after a record, as ZooKeeper's server does; everything else that is
 * not a valid packet is refused with a {@link WireException} naming the field and offset.
 */
public final class Packets {
    /** The largest packet accepted: ZooKeeper's default {@code jute.maxbuffer}, 0xfffff bytes. */
    public static final int PACKET_BYTES_MAX = Jute.FRAME_BYTES_MAX;

    private static final int LENGTH_PREFIX_BYTES = 4;

    private Packets() {}

    /** A decoded request: its header and its record. */
    public record Request(RequestHeader header, ClientRequest body) {}

    /** A decoded reply or notification: its header and its record ({@link ServerResponse.Empty} after an error). */
    public record Reply(ReplyHeader header, ServerResponse body) {}

    /** Checks a packet's length prefix: 0 to {@link #PACKET_BYTES_MAX}, as ZooKeeper's server checks it. */
    public static int checkPacketLength(int length) throws WireException {
        if (length < 0 || length > PACKET_BYTES_MAX) {
            throw new WireException(
                    "packet length " + length + " is outside 0.." + PACKET_BYTES_MAX + " (jute.maxbuffer)", 0);
        }
        return length;
    }

    /** The packet inside one frame that holds exactly one: the length prefix checked and removed. */
    public static byte[] unframe(byte[] framed) throws WireException {
        JuteReader in = new JuteReader(framed);
        int length = checkPacketLength(in.readInt("packet length"));
        int held = framed.length - LENGTH_PREFIX_BYTES;
        if (held != length) {
            throw new WireException(
                    "frame holds " + held + " bytes after its length prefix, which says " + length,
                    LENGTH_PREFIX_BYTES);
        }
        byte[] packet = new byte[length];
        System.arraycopy(framed, LENGTH_PREFIX_BYTES, packet, 0, length);
        return packet;
    }

    /** The connect handshake; the trailing readOnly flag is optional (absent: false). */
    public static ConnectRequest decodeConnectRequest(byte[] packet) throws WireException {
        JuteReader in = new JuteReader(packet);
        int protocolVersion = in.readInt("ConnectRequest.protocolVersion");
        long lastZxidSeen = in.readLong("ConnectRequest.lastZxidSeen");
        int timeOut = in.readInt("ConnectRequest.timeOut");
        long sessionId = in.readLong("ConnectRequest.sessionId");
        byte[] passwd = in.readBuffer("ConnectRequest.passwd");
        boolean readOnly = !in.atEnd() && in.readBool("ConnectRequest.readOnly");
        return new ConnectRequest(protocolVersion, lastZxidSeen, timeOut, sessionId, passwd, readOnly);
    }

    /** The handshake as a 3.9 client sends it, readOnly flag included. */
    public static byte[] encodeConnectRequest(ConnectRequest request) {
        JuteWriter out = startFrame();
        out.writeInt(request.protocolVersion())
                .writeLong(request.lastZxidSeen())
                .writeInt(request.timeOutMs())
                .writeLong(request.sessionId())
                .writeBuffer(request.passwd())
                .writeBool(request.readOnly());
        return endFrame(out);
    }

    public static ConnectResponse decodeConnectResponse(byte[] packet) throws WireException {
        JuteReader in = new JuteReader(packet);
        int protocolVersion = in.readInt("ConnectResponse.protocolVersion");
        int timeOut = in.readInt("ConnectResponse.timeOut");
        long sessionId = in.readLong("ConnectResponse.sessionId");
        byte[] passwd = in.readBuffer("ConnectResponse.passwd");
        boolean readOnly = !in.atEnd() && in.readBool("ConnectResponse.readOnly");
        return new ConnectResponse(protocolVersion, timeOut, sessionId, passwd, readOnly);
    }

    public static byte[] encodeConnectResponse(ConnectResponse response) {
        JuteWriter out = startFrame();
        out.writeInt(response.protocolVersion())
                .writeInt(response.timeOutMs())
                .writeLong(response.sessionId())
                .writeBuffer(response.passwd())
                .writeBool(response.readOnly());
        return endFrame(out);
    }

    /** A request after the handshake; a type this codec does not decode gives {@link ClientRequest.Unsupported}. */
    public static Request decodeRequest(byte[] packet) throws WireException {
        JuteReader in = new JuteReader(packet);
        RequestHeader header = new RequestHeader(in.readInt("RequestHeader.xid"), in.readInt("RequestHeader.type"));
        return new Request(header, RequestCodec.read(header.type(), in));
    }

    /** A request with its header (type from the record), as a client sends it. */
    public static byte[] encodeRequest(int xid, ClientRequest request) {
        JuteWriter out = startFrame();
        out.writeInt(xid).writeInt(request.opCode().value());
        RequestCodec.write(out, request);
        return endFrame(out);
    }

    /**
     * A reply to a request of type {@code answered}, or a notification (xid -1, whatever was
     * asked). After a non-zero error there is no record.
     */
    public static Reply decodeReply(byte[] packet, OpCode answered) throws WireException {
        JuteReader in = new JuteReader(packet);
        ReplyHeader header = new ReplyHeader(
                in.readInt("ReplyHeader.xid"), in.readLong("ReplyHeader.zxid"), in.readInt("ReplyHeader.err"));
        if (header.xid() == ReplyHeader.NOTIFICATION_XID) {
            return new Reply(header, ResponseCodec.readWatcherEvent(in));
        }
        if (header.err() != 0) {
            return new Reply(header, new ServerResponse.Empty());
        }
        return new Reply(header, ResponseCodec.read(answered, in));
    }

    /** A reply (or, with xid -1, a notification) as a server sends it. */
    public static byte[] encodeReply(ReplyHeader header, ServerResponse response) {
        JuteWriter out = startFrame();
        out.writeInt(header.xid()).writeLong(header.zxid()).writeInt(header.err());
        ResponseCodec.write(out, response);
        return endFrame(out);
    }

    private static JuteWriter startFrame() {
        return new JuteWriter().writeInt(-1);
    }

    /** Fills in the length prefix, as {@code ClientCnxn.Packet.createBB} and the server do. */
    private static byte[] endFrame(JuteWriter out) {
        out.patchInt(0, out.size() - LENGTH_PREFIX_BYTES);
        return out.toByteArray();
    }
}
