package sdlab.runtime.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import sdlab.core.NodeId;
import sdlab.kv.quorum.QuorumCluster;
import sdlab.kv.quorum.QuorumConfig;
import sdlab.kv.quorum.QuorumMessages.QuorumMessage;
import sdlab.runtime.net.LineLog;

/** A quorum-store cluster of node hosts in this JVM, on loopback ports, for the runtime's tests. */
final class LocalCluster implements AutoCloseable {
    final QuorumConfig config;
    final List<NodeId> ids;
    final Map<NodeId, InetSocketAddress> addresses = new LinkedHashMap<>();
    final Map<NodeId, NodeHost> hosts = new LinkedHashMap<>();
    final List<String> log = new CopyOnWriteArrayList<>();
    final List<String> failures = new CopyOnWriteArrayList<>();
    private final Path dataRoot;
    private final List<ClientHost> clients = new ArrayList<>();

    LocalCluster(QuorumConfig config, int nodes, Path dataRoot) {
        this.config = config;
        this.ids = QuorumCluster.nodeIds(nodes);
        this.dataRoot = dataRoot;
        for (NodeId id : ids) {
            addresses.put(id, new InetSocketAddress("127.0.0.1", freePort()));
        }
    }

    LocalCluster start() throws IOException, InterruptedException {
        for (NodeId id : ids) {
            start(id);
        }
        return this;
    }

    NodeHost start(NodeId id) throws IOException, InterruptedException {
        NodeSettings settings = new NodeSettings(id, addresses, dataRoot.resolve(id.name()), 42);
        NodeHost host = NodeHost.start(
                settings,
                QuorumCluster.nodeFactory(config, ids),
                QuorumMessage.class,
                lineLog(),
                (what, cause) -> failures.add(id + " " + what + ": " + cause));
        hosts.put(id, host);
        return host;
    }

    void stop(NodeId id) {
        hosts.remove(id).close();
    }

    ClientHost client(String name) {
        ClientHost client = ClientHost.start(
                NodeId.of(name), addresses, QuorumCluster.client(config, ids), QuorumMessage.class, 7, lineLog());
        clients.add(client);
        return client;
    }

    LineLog lineLog() {
        return log::add;
    }

    @Override
    public void close() {
        clients.forEach(ClientHost::close);
        hosts.values().forEach(NodeHost::close);
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
