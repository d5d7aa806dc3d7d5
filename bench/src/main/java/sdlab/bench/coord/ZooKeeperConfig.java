package sdlab.bench.coord;

import java.nio.file.Path;
import java.util.List;

/**
 * The zoo.cfg of one server of a ZooKeeper ensemble on loopback, as an operator would write it
 * for production durability: every write is fsynced before it is acknowledged ({@code
 * forceSync=yes}, ZooKeeper's default, written out so the report's claim can be checked in the
 * file), no admin server, no four-letter words beyond what ZooKeeper always keeps.
 *
 * @param clientPorts one per server, in server id order (server 1 first)
 * @param peerPorts the quorum (follower-to-leader) port of each server
 * @param electionPorts the leader-election port of each server
 */
record ZooKeeperConfig(List<Integer> clientPorts, List<Integer> peerPorts, List<Integer> electionPorts) {
    /** tickTime, initLimit and syncLimit as ZooKeeper's sample zoo.cfg has them. */
    static final int TICK_TIME_MS = 2000;

    ZooKeeperConfig {
        clientPorts = List.copyOf(clientPorts);
        peerPorts = List.copyOf(peerPorts);
        electionPorts = List.copyOf(electionPorts);
        if (clientPorts.isEmpty()
                || clientPorts.size() != peerPorts.size()
                || clientPorts.size() != electionPorts.size()) {
            throw new IllegalArgumentException("one client, peer and election port per server");
        }
    }

    int servers() {
        return clientPorts.size();
    }

    /** The zoo.cfg text of server {@code id} (1-based) with its data in {@code dataDir}. */
    String text(int id, Path dataDir) {
        StringBuilder cfg = new StringBuilder();
        cfg.append("tickTime=").append(TICK_TIME_MS).append('\n');
        cfg.append("initLimit=10\n");
        cfg.append("syncLimit=5\n");
        cfg.append("dataDir=").append(dataDir).append('\n');
        cfg.append("clientPort=").append(clientPorts.get(id - 1)).append('\n');
        cfg.append("clientPortAddress=127.0.0.1\n");
        cfg.append("forceSync=yes\n");
        // Every bench session comes from 127.0.0.1; the default cap of 60 per address would refuse
        // a large --clients.
        cfg.append("maxClientCnxns=0\n");
        cfg.append("admin.enableServer=false\n");
        // Empty: no four-letter word is enabled beyond srvr, which ZooKeeper keeps for itself.
        cfg.append("4lw.commands.whitelist=\n");
        if (servers() > 1) {
            for (int server = 1; server <= servers(); server++) {
                cfg.append("server.")
                        .append(server)
                        .append("=127.0.0.1:")
                        .append(peerPorts.get(server - 1))
                        .append(':')
                        .append(electionPorts.get(server - 1))
                        .append('\n');
            }
        }
        return cfg.toString();
    }

    /** The client addresses of all servers, for the ZooKeeper client. */
    String connectString() {
        return String.join(
                ",", clientPorts.stream().map(port -> "127.0.0.1:" + port).toList());
    }
}
