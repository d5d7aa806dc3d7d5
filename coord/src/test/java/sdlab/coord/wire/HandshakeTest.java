package sdlab.coord.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.apache.jute.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The connect handshake: the exact bytes the ZooKeeper 3.9 Java client sends, the older form
 * without the readOnly flag, and both records against ZooKeeper's own for random values.
 */
class HandshakeTest {

    /**
     * The bytes come from the client's own {@code ClientCnxn.Packet.createBB}, with the
     * ConnectRequest that {@code ClientCnxn.SendThread.primeConnection} builds for a new session:
     * protocol 0, no zxid seen, session 0 and a password of 16 zero bytes.
     */
    @Test
    void decodesTheHandshakeAZooKeeper39ClientSendsForANewSession() throws Exception {
        var zkRequest = new org.apache.zookeeper.proto.ConnectRequest(0, 0, 30_000, 0, new byte[16], false);

        ConnectRequest decoded = Packets.decodeConnectRequest(Packets.unframe(clientPacketBytes(zkRequest)));

        assertThat(decoded)
                .usingRecursiveComparison()
                .isEqualTo(new ConnectRequest(0, 0, 30_000, 0, new byte[16], false));
    }

    @Test
    void decodesTheHandshakeOfAReadOnlyCapableClientMovingItsSession() throws Exception {
        byte[] passwd = new byte[16];
        Arrays.fill(passwd, (byte) 0x5a);
        var zkRequest = new org.apache.zookeeper.proto.ConnectRequest(
                0, 0x1_0000_002aL, 4_000, 0x1234_5678_9abcL, passwd, true);
        byte[] sent = clientPacketBytes(zkRequest);

        assertThat(Packets.decodeConnectRequest(Packets.unframe(sent)))
                .usingRecursiveComparison()
                .isEqualTo(new ConnectRequest(0, 0x1_0000_002aL, 4_000, 0x1234_5678_9abcL, passwd, true));
        assertThat(Packets.encodeConnectRequest(
                        new ConnectRequest(0, 0x1_0000_002aL, 4_000, 0x1234_5678_9abcL, passwd, true)))
                .isEqualTo(sent);
    }

    @Test
    void aHandshakeWithoutTheTrailingReadOnlyFlagReadsAsNotReadOnly() throws Exception {
        var zkRequest = new org.apache.zookeeper.proto.ConnectRequest(0, 7, 10_000, 0, new byte[16], false);
        byte[] packet = Packets.unframe(Reference.frame(zkRequest));

        ConnectRequest decoded = Packets.decodeConnectRequest(Arrays.copyOf(packet, packet.length - 1));

        assertThat(decoded)
                .usingRecursiveComparison()
                .isEqualTo(new ConnectRequest(0, 7, 10_000, 0, new byte[16], false));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void connectRecordsMatchZooKeepersBytesBothWays(long seed) throws WireException {
        RandomRecords random = new RandomRecords(seed);
        for (int i = 0; i < 2000; i++) {
            ConnectRequest request = new ConnectRequest(
                    random.anyInt(),
                    random.anyLong(),
                    random.anyInt(),
                    random.anyLong(),
                    random.bytes(),
                    random.anyBool());
            byte[] zkRequest = Reference.frame(new org.apache.zookeeper.proto.ConnectRequest(
                    request.protocolVersion(),
                    request.lastZxidSeen(),
                    request.timeOutMs(),
                    request.sessionId(),
                    request.passwd(),
                    request.readOnly()));
            ConnectResponse response = new ConnectResponse(
                    random.anyInt(), random.anyInt(), random.anyLong(), random.bytes(), random.anyBool());
            byte[] zkResponse = Reference.frame(new org.apache.zookeeper.proto.ConnectResponse(
                    response.protocolVersion(),
                    response.timeOutMs(),
                    response.sessionId(),
                    response.passwd(),
                    response.readOnly()));
            String replay = "seed " + seed + ", iteration " + i;

            assertThat(Packets.encodeConnectRequest(request)).as(replay).isEqualTo(zkRequest);
            assertThat(Packets.decodeConnectRequest(Packets.unframe(zkRequest)))
                    .as(replay)
                    .usingRecursiveComparison()
                    .isEqualTo(request);
            assertThat(Packets.encodeConnectResponse(response)).as(replay).isEqualTo(zkResponse);
            assertThat(Packets.decodeConnectResponse(Packets.unframe(zkResponse)))
                    .as(replay)
                    .usingRecursiveComparison()
                    .isEqualTo(response);
        }
    }

    /** What {@code ClientCnxn.Packet.createBB} puts on the wire for a connect packet (no header). */
    private static byte[] clientPacketBytes(Record connectRequest) throws Exception {
        Class<?> packetClass = Class.forName("org.apache.zookeeper.ClientCnxn$Packet");
        Constructor<?> constructor = packetClass.getDeclaredConstructor(
                org.apache.zookeeper.proto.RequestHeader.class,
                org.apache.zookeeper.proto.ReplyHeader.class,
                Record.class,
                Record.class,
                Class.forName("org.apache.zookeeper.ZooKeeper$WatchRegistration"));
        constructor.setAccessible(true);
        Object packet = constructor.newInstance(null, null, connectRequest, null, null);
        Method createBB = packetClass.getDeclaredMethod("createBB");
        createBB.setAccessible(true);
        createBB.invoke(packet);
        Field bb = packetClass.getDeclaredField("bb");
        bb.setAccessible(true);
        ByteBuffer buffer = (ByteBuffer) bb.get(packet);
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }
}
