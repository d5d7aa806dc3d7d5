package sdlab.runtime.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import sdlab.core.NodeId;
import sdlab.core.client.Outcome;
import sdlab.kv.quorum.LwwTimestamp;
import sdlab.kv.quorum.QuorumConfig;
import sdlab.kv.quorum.QuorumMessages.ClientReply;
import sdlab.kv.quorum.QuorumMessages.HandoffAck;
import sdlab.kv.quorum.QuorumMessages.HandoffWrite;
import sdlab.kv.quorum.QuorumMessages.HintedWrite;
import sdlab.kv.quorum.QuorumMessages.OpId;
import sdlab.kv.quorum.QuorumMessages.QuorumMessage;
import sdlab.kv.quorum.QuorumMessages.Read;
import sdlab.kv.quorum.QuorumMessages.ReadOk;
import sdlab.kv.quorum.QuorumMessages.ReadReply;
import sdlab.kv.quorum.QuorumMessages.Rejected;
import sdlab.kv.quorum.QuorumMessages.RepairPush;
import sdlab.kv.quorum.QuorumMessages.ReplicaRead;
import sdlab.kv.quorum.QuorumMessages.ReplicaWrite;
import sdlab.kv.quorum.QuorumMessages.Write;
import sdlab.kv.quorum.QuorumMessages.WriteAck;
import sdlab.kv.quorum.QuorumMessages.WriteOk;
import sdlab.kv.quorum.Versioned;
import sdlab.runtime.net.Handshake;
import sdlab.runtime.wire.MessageCodec;
import sdlab.runtime.wire.WireFormatException;

/**
 * Bytes from the network cannot stop a node: whatever a raw socket sends (garbage, an absurd
 * length, an unknown version, a foreign family, a malformed message after a good hello, half a
 * frame), the node closes that one connection and goes on serving real clients.
 */
class MalformedInputTest {
    private static final MessageCodec<Handshake> HANDSHAKE = MessageCodec.of(Handshake.class);
    private static final MessageCodec<QuorumMessage> QUORUM = MessageCodec.of(QuorumMessage.class);
    private static final int CLOSE_WAIT_MILLIS = 5_000;

    @TempDir
    static Path data;

    private static LocalCluster cluster;
    private static ClientHost client;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = new LocalCluster(QuorumConfig.of(3, 2, 2), 3, data).start();
        client = cluster.client("c1");
        NodeHostTest.awaitConnected(client, cluster);
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    /** What a raw socket sends; {@code thenShutdownOutput} ends the stream after it, as a peer that goes away does. */
    record Input(String name, byte[] bytes, boolean thenShutdownOutput) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Input> malformedInputs() {
        byte[] hello = hello("intruder", QUORUM.familyName());
        byte[] read = QUORUM.encode(new Read(1, "k"));
        return Stream.of(
                new Input("random garbage with an absurd length", garbage(1, 64, -1), false),
                new Input("random garbage framed as a whole frame", garbage(2, 64, 60), false),
                new Input("random garbage framed as a whole frame, another seed", garbage(3, 300, 296), false),
                new Input(
                        "a length prefix beyond 16 MiB", lengthPrefix(MessageCodec.FRAME_BYTES_MAX_DEFAULT + 1), false),
                new Input("a negative length prefix", lengthPrefix(-1), false),
                new Input("a hello with an unknown format version", withByte(hello, 4, (byte) 2), false),
                new Input("a hello with an unknown type number", withByte(hello, 5, (byte) (hello[5] ^ 0x55)), false),
                new Input("a hello in a family the node does not speak", hello("intruder", "RaftMessages.Raft"), false),
                new Input("a hello with a blank name", hello(" ", QUORUM.familyName()), false),
                new Input("a message before any hello", read, false),
                new Input(
                        "a 1 MiB first frame: a stranger may not make the node buffer more than a hello",
                        garbage(4, 8192, 1 << 20),
                        false),
                new Input(
                        "a hello, then a message with an unknown version",
                        concat(hello, withByte(read, 4, (byte) 9)),
                        false),
                new Input(
                        "a hello, then a message of an unknown type",
                        concat(hello, withByte(read, 6, (byte) (read[6] ^ 0x55))),
                        false),
                new Input("a hello, then a message cut short under its length", concat(hello, cutShort(read)), false),
                new Input("half a hello, then the end of the stream", Arrays.copyOf(hello, hello.length / 2), true),
                new Input(
                        "a hello and half a message, then the end of the stream",
                        concat(hello, Arrays.copyOf(read, read.length / 2)),
                        true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedInputs")
    void theNodeClosesTheConnectionAndGoesOnServing(Input input) throws Exception {
        try (Socket socket = connectToNode()) {
            socket.getOutputStream().write(input.bytes());
            socket.getOutputStream().flush();
            if (input.thenShutdownOutput()) {
                socket.shutdownOutput();
            }

            assertClosedByTheNode(socket, input.name());
        }

        String key = "after " + input.name();
        assertThat(NodeHostTest.invoke(client, "write", key, "ok")).isEqualTo(Outcome.ok("ok"));
        assertThat(NodeHostTest.invoke(client, "read", key, null)).isEqualTo(Outcome.ok("ok"));
        assertThat(cluster.failures).isEmpty();
    }

    static Stream<QuorumMessage> strangersMessages() {
        Versioned item = new Versioned("stranger's value", new LwwTimestamp(Long.MAX_VALUE, "nobody"));
        OpId op = new OpId(-1, Long.MIN_VALUE);
        return Stream.of(
                new WriteAck(op),
                new ReadReply(op, Optional.of(item), true),
                new ReadReply(op, Optional.empty(), false),
                new HandoffAck("k", item.version()),
                new WriteOk(5),
                new Rejected(5, "no"),
                new ReplicaRead(op, "k"),
                new ReplicaWrite(op, "stranger", item),
                new HintedWrite(op, "stranger-hint", item, NodeId.of("nobody")),
                new RepairPush("stranger-repair", item),
                new HandoffWrite("stranger-handoff", item));
    }

    /**
     * Well-formed messages that a node never expects from a stranger (acks for operations it
     * never started, replies meant for clients, replica traffic from outside the ring) are the
     * node's to ignore or answer: none of them may stop it.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("strangersMessages")
    void aWellFormedMessageFromAStrangerDoesNotStopTheNode(QuorumMessage message) throws Exception {
        try (Socket socket = connectToNode()) {
            // A read after it, on the same connection: once it is answered, the message was handled.
            socket.getOutputStream()
                    .write(concat(
                            hello("stranger", QUORUM.familyName()),
                            concat(QUORUM.encode(message), QUORUM.encode(new Read(900, "k")))));
            DataInputStream in = new DataInputStream(socket.getInputStream());
            QuorumMessage reply;
            do {
                reply = readFrame(in);
            } while (!(reply instanceof ClientReply answer && answer.requestId() == 900));
        }

        String key = "after " + message.getClass().getSimpleName();
        assertThat(NodeHostTest.invoke(client, "write", key, "ok")).isEqualTo(Outcome.ok("ok"));
        assertThat(NodeHostTest.invoke(client, "read", key, null)).isEqualTo(Outcome.ok("ok"));
        assertThat(cluster.failures).isEmpty();
    }

    /**
     * The control for the cases above: the same raw socket, speaking correctly, gets an answer
     * and keeps its connection, so a closed connection there is the node refusing the input.
     */
    @Test
    void aRawSocketThatSpeaksCorrectlyIsAnsweredAndKeptOpen() throws Exception {
        assertThat(NodeHostTest.invoke(client, "write", "raw", "value")).isEqualTo(Outcome.ok("value"));
        try (Socket socket = connectToNode()) {
            socket.getOutputStream()
                    .write(concat(hello("raw-client", QUORUM.familyName()), QUORUM.encode(new Read(77, "raw"))));

            DataInputStream in = new DataInputStream(socket.getInputStream());
            assertThat(readFrame(in)).isEqualTo(new ReadOk(77, "value"));

            socket.getOutputStream().write(QUORUM.encode(new Write(78, "raw", "second")));
            assertThat(in.readInt()).isPositive();
        }
    }

    /** A stranger whose hello claims a peer's name does not cut the real peer off. */
    @Test
    void aStrangerClaimingAPeersNameDoesNotCutThePeerOff() throws Exception {
        NodeHost n1 = cluster.hosts.get(NodeId.of("n1"));
        long fromN2Before = n1Received("n2");
        try (Socket impostor = connectToNode()) {
            impostor.getOutputStream().write(hello("n2", QUORUM.familyName()));
            impostor.getOutputStream().flush();
            // Writes coordinated anywhere make n2 send to n1 over n2's own link.
            for (int i = 0; i < 10; i++) {
                NodeHostTest.invoke(client, "write", "impostor", (long) i);
            }
            long deadline = System.nanoTime() + java.time.Duration.ofSeconds(5).toNanos();
            while (n1Received("n2") == fromN2Before && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(n1Received("n2")).isGreaterThan(fromN2Before);
            assertThat(n1.connectedPeerCount()).isEqualTo(2);
        }
        assertThat(cluster.log).noneMatch(line -> line.contains("lost the connection to n1"));
    }

    private static long n1Received(String from) {
        return cluster.hosts.get(NodeId.of("n1")).framesReceivedFrom().getOrDefault(from, 0L);
    }

    private static QuorumMessage readFrame(DataInputStream in) throws IOException, WireFormatException {
        int length = in.readInt();
        byte[] frame = ByteBuffer.allocate(Integer.BYTES + length)
                .putInt(length)
                .put(in.readNBytes(length))
                .array();
        return QUORUM.decode(frame);
    }

    private static Socket connectToNode() throws IOException {
        InetSocketAddress node = cluster.addresses.get(NodeId.of("n1"));
        Socket socket = new Socket(node.getAddress(), node.getPort());
        socket.setSoTimeout(CLOSE_WAIT_MILLIS);
        return socket;
    }

    /** The node closed its side: the stream ends (or is reset, if it closed with our bytes unread). */
    private static void assertClosedByTheNode(Socket socket, String what) throws IOException {
        InputStream in = socket.getInputStream();
        byte[] sink = new byte[4096];
        try {
            while (true) {
                if (in.read(sink) == -1) {
                    return;
                }
            }
        } catch (SocketException reset) {
            // A reset is a close too.
        } catch (SocketTimeoutException e) {
            throw new AssertionError(
                    "the node kept the connection open " + CLOSE_WAIT_MILLIS + " ms after " + what + "; log: "
                            + cluster.log,
                    e);
        }
    }

    private static byte[] hello(String from, String family) {
        return HANDSHAKE.encode(new Handshake.Hello(from, family));
    }

    /** Seeded random bytes; a non-negative {@code lengthPrefix} replaces the first four. */
    private static byte[] garbage(long seed, int size, int lengthPrefix) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        if (lengthPrefix >= 0) {
            ByteBuffer.wrap(bytes).putInt(lengthPrefix);
        } else {
            bytes[0] = (byte) 0x7f;
        }
        return bytes;
    }

    private static byte[] lengthPrefix(int length) {
        return ByteBuffer.allocate(12).putInt(length).putInt(0x01020304).array();
    }

    private static byte[] withByte(byte[] frame, int index, byte value) {
        byte[] copy = frame.clone();
        copy[index] = value;
        return copy;
    }

    /** The frame without its last byte, under a length prefix that matches what is left. */
    private static byte[] cutShort(byte[] frame) {
        byte[] cut = Arrays.copyOf(frame, frame.length - 1);
        ByteBuffer.wrap(cut).putInt(cut.length - Integer.BYTES);
        return cut;
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
