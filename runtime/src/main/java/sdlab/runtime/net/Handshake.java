package sdlab.runtime.net;

/**
 * The first frame on every connection, sent by the side that connected: who it is and which
 * message family it speaks. The side that accepted learns where to send replies (a client has
 * no address of its own) and refuses a peer of another mechanism before reading its messages.
 */
public sealed interface Handshake {

    /**
     * @param from the connecting node's or client's id
     * @param family the wire name of the message family's root ({@code QuorumMessages.QuorumMessage})
     */
    record Hello(String from, String family) implements Handshake {}
}
