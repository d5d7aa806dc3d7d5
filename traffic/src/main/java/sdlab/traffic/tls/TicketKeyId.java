package sdlab.traffic.tls;

import java.util.Objects;

/**
 * The name of one session-ticket key: which keyring it belongs to and which generation of that
 * keyring's keys it is. It stands for the key material itself, which is not modelled: two
 * servers hold the same key exactly when they hold equal ids.
 *
 * @param keyring the keyring's name: a server's own, or the fleet's shared key file
 * @param generation counts the keyring's keys, from 0; a rotation or a server restart makes the next one
 */
public record TicketKeyId(String keyring, long generation) {
    public TicketKeyId {
        Objects.requireNonNull(keyring, "keyring");
        if (generation < 0) {
            throw new IllegalArgumentException("a key generation is at least 0, got " + generation);
        }
    }
}
