package sdlab.app.cluster;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import sdlab.core.Message;
import sdlab.core.NodeId;
import sdlab.repl.HealthCheck;
import sdlab.repl.ReplMessages.PortOpen;
import sdlab.repl.ReplMessages.PortProbe;
import sdlab.runtime.host.LocalClients;
import sdlab.runtime.host.NodeHost;

/**
 * The port check over real TCP ({@code cluster start repl --health port}), in the failover manager's process. The
 * manager's {@link HealthCheck.Port} sends a {@link PortProbe} to a store node's listener ("n1-port", the simulator's
 * {@code PortListener} there); this opens a real connection to that node's RESP port and, once the handshake is done,
 * hands the manager a {@link PortOpen} on its own loop. The handshake is the kernel's work, not the process's: a node
 * stopped with SIGSTOP passes, a killed one is refused, exactly what chapter 12 says a port check sees. A connection
 * that is refused or not made within {@value #CONNECT_TIMEOUT_MS} ms gets no answer, and the probe fails at the next
 * check.
 */
final class KernelPortProbe implements LocalClients, AutoCloseable {
    private static final String SUFFIX = "-port";
    /** Below the manager's check interval: an answer must come before the next check judges the probe. */
    private static final int CONNECT_TIMEOUT_MS = 200;

    private final NodeHost host;
    private final int respPortBase;
    /** One virtual thread a probe: a connect blocks, and the manager's loop must not. */
    private final ExecutorService connects = Executors.newVirtualThreadPerTaskExecutor();

    private KernelPortProbe(NodeHost host, int respPortBase) {
        this.host = host;
        this.respPortBase = respPortBase;
    }

    /** Starts answering the port probes of the manager that {@code host} runs; store node nK listens on base + K - 1. */
    static KernelPortProbe attach(NodeHost host, int respPortBase) {
        KernelPortProbe probe = new KernelPortProbe(host, respPortBase);
        host.attachLocalClients(probe);
        return probe;
    }

    /** The listener id the manager probes for {@code node}. */
    static NodeId listenerOf(NodeId node) {
        return NodeId.of(node.name() + SUFFIX);
    }

    @Override
    public boolean owns(NodeId id) {
        return id.name().endsWith(SUFFIX);
    }

    @Override
    public void deliver(NodeId to, Message message) {
        if (!(message instanceof PortProbe probe)) {
            return;
        }
        String node = to.name().substring(0, to.name().length() - SUFFIX.length());
        int port = respPortBase + Integer.parseInt(node.substring(1)) - 1;
        connects.execute(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), CONNECT_TIMEOUT_MS);
                host.deliverLocal(to, new PortOpen(probe.round()));
            } catch (IOException refusedOrSlow) {
                // No answer: the manager counts the probe as failed at its next check.
            }
        });
    }

    @Override
    public void close() {
        connects.shutdownNow();
    }
}
