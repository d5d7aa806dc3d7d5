package sdlab.coord.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every record, byte for byte against ZooKeeper 3.9.5's own jute classes: for random values from a
 * seed, our encoder writes exactly the bytes ZooKeeper's {@code BinaryOutputArchive} writes for the
 * same record (framed as its client and server frame it), and our decoder reads ZooKeeper's bytes
 * back to the same value. A failure names the seed and iteration that replay it.
 */
class ZooKeeperBytesTest {
    private static final int ITERATIONS = 3000;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void everyRequestEncodesToZooKeepersBytesAndDecodesFromThem(long seed) throws WireException {
        RandomRecords random = new RandomRecords(seed);
        Set<Class<?>> kindsSeen = new HashSet<>();
        for (int i = 0; i < ITERATIONS; i++) {
            int xid = random.anyInt();
            ClientRequest request = random.request();
            kindsSeen.add(request.getClass());
            byte[] zooKeepers = Reference.request(xid, request);
            String replay = "seed " + seed + ", iteration " + i + ": " + request;

            assertThat(Packets.encodeRequest(xid, request)).as(replay).isEqualTo(zooKeepers);
            if (outsideTheBmp(request)) {
                continue; // read back as ZooKeeper reads it: see
                // charactersOutsideTheBmpAreWrittenAndReadAsZooKeeperDoes
            }
            assertThat(Packets.decodeRequest(Packets.unframe(zooKeepers)))
                    .as(replay)
                    .usingRecursiveComparison()
                    .isEqualTo(new Packets.Request(
                            new RequestHeader(xid, request.opCode().value()), request));
        }
        // Every request record (the InMulti ones counted through their interface) but
        // Unsupported, which has no layout of its own.
        int kinds = ClientRequest.class.getPermittedSubclasses().length
                + ClientRequest.InMulti.class.getPermittedSubclasses().length
                - 2;
        assertThat(kindsSeen).hasSize(kinds);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void everyResponseEncodesToZooKeepersBytesAndDecodesFromThem(long seed) throws WireException {
        RandomRecords random = new RandomRecords(seed);
        for (int i = 0; i < ITERATIONS; i++) {
            RandomRecords.Answer answer = random.response();
            int xid = random.anyInt();
            ReplyHeader header = new ReplyHeader(xid == ReplyHeader.NOTIFICATION_XID ? 0 : xid, random.anyLong(), 0);
            byte[] zooKeepers = Reference.reply(header, answer.response());
            String replay = "seed " + seed + ", iteration " + i + ": " + answer;

            assertThat(Packets.encodeReply(header, answer.response()))
                    .as(replay)
                    .isEqualTo(zooKeepers);
            if (outsideTheBmp(answer)) {
                continue;
            }
            assertThat(Packets.decodeReply(Packets.unframe(zooKeepers), answer.answered()))
                    .as(replay)
                    .usingRecursiveComparison()
                    .isEqualTo(new Packets.Reply(header, answer.response()));
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void errorRepliesAreTheHeaderAlone(long seed) throws WireException {
        RandomRecords random = new RandomRecords(seed);
        for (int i = 0; i < ITERATIONS; i++) {
            RandomRecords.Answer answer = random.response();
            int err = random.anyInt();
            ReplyHeader header = new ReplyHeader(random.below(1000), random.anyLong(), err == 0 ? -101 : err);
            byte[] zooKeepers = Reference.frame(
                    new org.apache.zookeeper.proto.ReplyHeader(header.xid(), header.zxid(), header.err()));

            assertThat(Packets.encodeReply(header, new ServerResponse.Empty())).isEqualTo(zooKeepers);
            assertThat(Packets.decodeReply(Packets.unframe(zooKeepers), answer.answered()))
                    .isEqualTo(new Packets.Reply(header, new ServerResponse.Empty()));
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void watchNotificationsAreAWatcherEventAfterXidMinusOne(long seed) throws WireException {
        RandomRecords random = new RandomRecords(seed);
        for (int i = 0; i < ITERATIONS; i++) {
            ReplyHeader header = new ReplyHeader(ReplyHeader.NOTIFICATION_XID, random.anyLong(), 0);
            ServerResponse.WatcherEvent event =
                    new ServerResponse.WatcherEvent(random.anyInt(), random.anyInt(), random.string());
            byte[] zooKeepers = Reference.reply(header, event);

            assertThat(Packets.encodeReply(header, event)).isEqualTo(zooKeepers);
            if (outsideTheBmp(event)) {
                continue;
            }
            // Whatever request the client is waiting for, xid -1 is a notification.
            assertThat(Packets.decodeReply(Packets.unframe(zooKeepers), OpCode.GET_DATA))
                    .isEqualTo(new Packets.Reply(header, event));
        }
    }

    /**
     * ZooKeeper writes each UTF-16 char of a string on its own (CESU-8) and reads the bytes as
     * standard UTF-8, so a character outside the BMP does not survive its own round trip: it reads
     * back as replacement characters. We write the same bytes and read them as ZooKeeper does.
     */
    @Test
    void charactersOutsideTheBmpAreWrittenAndReadAsZooKeeperDoes() throws Exception {
        ClientRequest.GetData request = new ClientRequest.GetData("/clef-\uD834\uDD1E", true);
        byte[] zooKeepers = Reference.request(5, request);
        var readByZooKeeper = new org.apache.zookeeper.proto.GetDataRequest();
        readByZooKeeper.deserialize(
                org.apache.jute.BinaryInputArchive.getArchive(
                        new java.io.ByteArrayInputStream(zooKeepers, 12, zooKeepers.length - 12)),
                "request");

        assertThat(Packets.encodeRequest(5, request)).isEqualTo(zooKeepers);
        assertThat(zooKeepers).hasSize(4 + 8 + 4 + 6 + 6 + 1);
        assertThat(Packets.decodeRequest(Packets.unframe(zooKeepers)).body())
                .isEqualTo(new ClientRequest.GetData(readByZooKeeper.getPath(), true));
    }

    private static boolean outsideTheBmp(Object value) {
        return value.toString().chars().anyMatch(c -> Character.isSurrogate((char) c));
    }
}
