package sdlab.coord.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bytes that are not a packet are refused with the checked {@link WireException}, naming the
 * offset: truncated at every byte, negative lengths other than -1, lengths and counts beyond the
 * bound or the bytes left, packets longer than jute.maxbuffer, operations a multi cannot hold; and
 * random or mutated bytes never escape as an unchecked exception.
 */
class MalformedPacketsTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2})
    void everyTruncationOfARequestOrReplyIsRefused(long seed) {
        RandomRecords random = new RandomRecords(seed);
        for (int i = 0; i < 300; i++) {
            byte[] request = Packets.encodeRequest(random.anyInt(), random.request());
            RandomRecords.Answer answer = random.response();
            byte[] reply = Packets.encodeReply(new ReplyHeader(7, 9, 0), answer.response());
            for (int cut = 0; cut < request.length; cut++) {
                byte[] truncated = Arrays.copyOf(request, cut);
                assertRefused(() -> Packets.unframe(truncated));
                if (cut >= 4) {
                    byte[] packet = Arrays.copyOfRange(request, 4, cut);
                    assertRefused(() -> Packets.decodeRequest(packet));
                }
            }
            for (int cut = 0; cut < reply.length; cut++) {
                byte[] truncated = Arrays.copyOf(reply, cut);
                assertRefused(() -> Packets.unframe(truncated));
                if (cut >= 4) {
                    byte[] packet = Arrays.copyOfRange(reply, 4, cut);
                    assertRefused(() -> Packets.decodeReply(packet, answer.answered()));
                }
            }
        }
    }

    @Test
    void everyTruncationOfTheHandshakeBeforeItsReadOnlyFlagIsRefused() {
        byte[] request = Packets.encodeConnectRequest(new ConnectRequest(0, 5, 30_000, 0, new byte[16], true));
        byte[] requestPacket = Arrays.copyOfRange(request, 4, request.length);
        assertThat(requestPacket).hasSize(45);
        for (int cut = 0; cut < requestPacket.length - 1; cut++) {
            byte[] truncated = Arrays.copyOf(requestPacket, cut);
            assertRefused(() -> Packets.decodeConnectRequest(truncated));
        }
        byte[] response = Packets.encodeConnectResponse(new ConnectResponse(0, 30_000, 42, new byte[16], false));
        byte[] responsePacket = Arrays.copyOfRange(response, 4, response.length);
        for (int cut = 0; cut < responsePacket.length - 1; cut++) {
            byte[] truncated = Arrays.copyOf(responsePacket, cut);
            assertRefused(() -> Packets.decodeConnectResponse(truncated));
        }
    }

    @Test
    void negativeLengthsOtherThanMinusOneAreRefusedAtTheirOffset() {
        for (int length : new int[] {-2, -100, Integer.MIN_VALUE}) {
            // getData: xid, type, then the path's length at offset 8.
            byte[] getData = packetOf(new ClientRequest.GetData("/a", true));
            ByteBuffer.wrap(getData).putInt(8, length);
            assertThatThrownBy(() -> Packets.decodeRequest(getData))
                    .isInstanceOf(WireException.class)
                    .hasMessageContaining("GetDataRequest.path")
                    .hasMessageContaining("negative")
                    .satisfies(e -> assertThat(((WireException) e).offset()).isEqualTo(8));
        }
        // A null path (-1) is what Jute allows.
        byte[] nullPath = packetOf(new ClientRequest.GetData("/a", true));
        ByteBuffer.wrap(nullPath).putInt(8, -1);
        assertThat(decodes(nullPath)).isTrue();
    }

    @Test
    void negativeVectorCountsOtherThanMinusOneAreRefused() {
        // setWatches: xid, type, relativeZxid (8 bytes), then the data watches' count at 16.
        byte[] setWatches = packetOf(
                new ClientRequest.SetWatches(OpCode.SET_WATCHES, 3, List.of("/a"), List.of(), List.of(), null, null));
        ByteBuffer.wrap(setWatches).putInt(16, -2);
        assertThatThrownBy(() -> Packets.decodeRequest(setWatches))
                .isInstanceOf(WireException.class)
                .hasMessageContaining("SetWatches.dataWatches")
                .satisfies(e -> assertThat(((WireException) e).offset()).isEqualTo(16));
    }

    @Test
    void lengthsBeyondTheBoundOrTheBytesLeftAreRefused() {
        byte[] beyondBound = packetOf(new ClientRequest.GetData("/a", true));
        ByteBuffer.wrap(beyondBound).putInt(8, Jute.FIELD_BYTES_MAX + 1);
        assertThatThrownBy(() -> Packets.decodeRequest(beyondBound))
                .isInstanceOf(WireException.class)
                .hasMessageContaining("jute.maxbuffer");

        byte[] beyondPacket = packetOf(new ClientRequest.GetData("/a", true));
        ByteBuffer.wrap(beyondPacket).putInt(8, 1000);
        assertThatThrownBy(() -> Packets.decodeRequest(beyondPacket))
                .isInstanceOf(WireException.class)
                .hasMessageContaining("truncated GetDataRequest.path");

        byte[] hugeCount = packetOf(
                new ClientRequest.SetWatches(OpCode.SET_WATCHES, 3, List.of(), List.of(), List.of(), null, null));
        ByteBuffer.wrap(hugeCount).putInt(16, Integer.MAX_VALUE);
        assertThatThrownBy(() -> Packets.decodeRequest(hugeCount))
                .isInstanceOf(WireException.class)
                .hasMessageContaining("exceeds");
    }

    @Test
    void packetLengthsBeyondJuteMaxbufferAreRefused() throws WireException {
        assertThat(Packets.checkPacketLength(Packets.PACKET_BYTES_MAX)).isEqualTo(0xfffff);
        for (int length : new int[] {-1, Packets.PACKET_BYTES_MAX + 1, Integer.MAX_VALUE}) {
            assertThatThrownBy(() -> Packets.checkPacketLength(length))
                    .isInstanceOf(WireException.class)
                    .hasMessageContaining("jute.maxbuffer");
            byte[] framed = ByteBuffer.allocate(8).putInt(length).array();
            assertRefused(() -> Packets.unframe(framed));
        }
        byte[] twoPackets = Arrays.copyOf(Packets.encodeRequest(1, new ClientRequest.Ping()), 20);
        assertRefused(() -> Packets.unframe(twoPackets));
    }

    @Test
    void aMultiRefusesOperationsItCannotHoldAndMixedKinds() {
        // A multi holding an exists (type 3): header (1, 14), then MultiHeader (3, false, -1).
        byte[] exists = ByteBuffer.allocate(8 + 9 + 7 + 9)
                .putInt(1)
                .putInt(OpCode.MULTI.value())
                .putInt(OpCode.EXISTS.value())
                .put((byte) 0)
                .putInt(-1)
                .putInt(1)
                .put((byte) '/')
                .put((byte) 0)
                .array();
        assertThatThrownBy(() -> Packets.decodeRequest(exists))
                .isInstanceOf(WireException.class)
                .hasMessageContaining("cannot be part of a multi")
                .satisfies(e -> assertThat(((WireException) e).offset()).isEqualTo(8));

        byte[] readInWrite = Packets.encodeRequest(
                1, new ClientRequest.Multi(OpCode.MULTI_READ, List.of(new ClientRequest.GetData("/a", false))));
        ByteBuffer.wrap(readInWrite).putInt(8, OpCode.MULTI.value());
        assertRefused(() -> Packets.decodeRequest(Arrays.copyOfRange(readInWrite, 4, readInWrite.length)));
    }

    @Test
    void aMultiResponseWithAnUnknownResultTypeIsRefused() {
        byte[] reply = ByteBuffer.allocate(16 + 9 + 9)
                .putInt(1)
                .putLong(2)
                .putInt(0)
                .putInt(OpCode.EXISTS.value())
                .put((byte) 0)
                .putInt(0)
                .putInt(-1)
                .put((byte) 1)
                .putInt(-1)
                .array();
        assertThatThrownBy(() -> Packets.decodeReply(reply, OpCode.MULTI))
                .isInstanceOf(WireException.class)
                .hasMessageContaining("invalid result type 3");
    }

    @Test
    void unknownRequestTypesDecodeAsUnsupportedNotAsErrors() throws WireException {
        byte[] reconfig =
                ByteBuffer.allocate(12).putInt(5).putInt(16).putInt(77).array();
        byte[] unknown = ByteBuffer.allocate(8).putInt(5).putInt(4242).array();

        assertThat(Packets.decodeRequest(reconfig).body()).isEqualTo(new ClientRequest.Unsupported(16));
        assertThat(Packets.decodeRequest(unknown).body()).isEqualTo(new ClientRequest.Unsupported(4242));
    }

    /** Random bytes, and valid packets with random bytes changed, decode or are refused: nothing else. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void noInputEscapesAsAnUncheckedException(long seed) {
        Random random = new Random(seed);
        RandomRecords records = new RandomRecords(seed);
        for (int i = 0; i < 20_000; i++) {
            byte[] bytes;
            if (random.nextBoolean()) {
                bytes = new byte[random.nextInt(64)];
                random.nextBytes(bytes);
            } else {
                bytes = packetOf(records.request());
                for (int flips = 1 + random.nextInt(3); flips > 0 && bytes.length > 0; flips--) {
                    bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
                }
            }
            byte[] packet = bytes;
            OpCode answered = OpCode.values()[random.nextInt(OpCode.values().length)];
            for (Decoding decoding : List.<Decoding>of(
                    () -> Packets.decodeRequest(packet),
                    () -> Packets.decodeReply(packet, answered),
                    () -> Packets.decodeConnectRequest(packet),
                    () -> Packets.decodeConnectResponse(packet),
                    () -> Packets.unframe(packet))) {
                try {
                    decoding.run();
                } catch (WireException expected) {
                    assertThat(expected.offset()).isBetween(0, packet.length);
                }
            }
        }
    }

    private static byte[] packetOf(ClientRequest request) {
        byte[] framed = Packets.encodeRequest(1, request);
        return Arrays.copyOfRange(framed, 4, framed.length);
    }

    private static boolean decodes(byte[] packet) {
        try {
            Packets.decodeRequest(packet);
            return true;
        } catch (WireException e) {
            assertThat(e.offset()).isBetween(0, packet.length);
            return false;
        }
    }

    private interface Decoding {
        void run() throws WireException;
    }

    private static void assertRefused(Decoding decoding) {
        assertThatThrownBy(decoding::run).isInstanceOf(WireException.class);
    }
}
