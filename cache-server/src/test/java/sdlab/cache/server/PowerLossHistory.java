package sdlab.cache.server;

import java.util.List;

/**
 * What clients did around a power cut: each client wrote {@code SET <client>:<i> v<i>} for
 * i = 0, 1, 2, ... one at a time, and noted when each reply arrived.
 *
 * @param clients every client's writes
 * @param powerCutNanos when the power was cut ({@link System#nanoTime()}); a write acknowledged
 *     before it was acknowledged by a node that still had power
 */
record PowerLossHistory(List<ClientWrites> clients, long powerCutNanos) {
    PowerLossHistory {
        clients = List.copyOf(clients);
    }

    /**
     * One client's writes, in order.
     *
     * @param client the keys' prefix
     * @param ackNanos when the reply to write i arrived, for every acknowledged write
     * @param sent how many writes were sent: the acknowledged ones, plus one if a write was in
     *     flight when the client stopped
     */
    record ClientWrites(String client, List<Long> ackNanos, int sent) {
        ClientWrites {
            ackNanos = List.copyOf(ackNanos);
            if (sent < ackNanos.size() || sent > ackNanos.size() + 1) {
                throw new IllegalArgumentException("a client has at most one write in flight");
            }
        }

        String key(int i) {
            return client + ":" + i;
        }

        static String value(int i) {
            return "v" + i;
        }
    }
}
