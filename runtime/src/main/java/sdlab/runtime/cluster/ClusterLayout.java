package sdlab.runtime.cluster;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;
import sdlab.core.NodeId;
import sdlab.runtime.net.NetworkFaults;

/**
 * What a running cluster is, kept in {@code cluster.properties} in its directory so that every
 * later command ({@code status}, {@code fault}, {@code client}, {@code stop}) and every node
 * process finds the same facts: the mechanism and its options, the seed, and each node's port
 * and process id. Written whole to a temporary file and renamed, so a reader never sees half.
 */
public record ClusterLayout(
        String mechanism,
        Map<String, String> options,
        long seed,
        Map<NodeId, Integer> ports,
        Map<NodeId, Long> pids,
        Map<NodeId, NetworkFaults> faults) {

    public static final String FILE = "cluster.properties";

    /** The host every node listens on: clusters started here are local. */
    public static final String HOST = "127.0.0.1";

    public ClusterLayout {
        Objects.requireNonNull(mechanism, "mechanism");
        options = Map.copyOf(new TreeMap<>(options));
        ports = Map.copyOf(ports);
        pids = Map.copyOf(pids);
        faults = Map.copyOf(faults);
    }

    /** A new cluster's layout: no process started yet, no faults. */
    public static ClusterLayout of(
            String mechanism, Map<String, String> options, long seed, Map<NodeId, Integer> ports) {
        return new ClusterLayout(mechanism, options, seed, ports, Map.of(), Map.of());
    }

    /** The node ids in order: n1, n2, ..., n10. */
    public List<NodeId> nodes() {
        List<NodeId> ids = new ArrayList<>(ports.keySet());
        ids.sort((a, b) -> a.name().length() != b.name().length()
                ? Integer.compare(a.name().length(), b.name().length())
                : a.compareTo(b));
        return List.copyOf(ids);
    }

    public Map<NodeId, java.net.InetSocketAddress> addresses() {
        Map<NodeId, java.net.InetSocketAddress> addresses = new LinkedHashMap<>();
        for (NodeId id : nodes()) {
            addresses.put(id, new java.net.InetSocketAddress(HOST, ports.get(id)));
        }
        return addresses;
    }

    public ClusterLayout withPid(NodeId id, long pid) {
        Map<NodeId, Long> updated = new LinkedHashMap<>(pids);
        updated.put(id, pid);
        return new ClusterLayout(mechanism, options, seed, ports, updated, faults);
    }

    /** The layout with one more node, {@code id} listening on {@code port}: a node added to a running cluster. */
    public ClusterLayout withNode(NodeId id, int port) {
        if (ports.containsKey(id)) {
            throw new IllegalArgumentException(id + " is already a node of this cluster");
        }
        Map<NodeId, Integer> updated = new LinkedHashMap<>(ports);
        updated.put(id, port);
        return new ClusterLayout(mechanism, options, seed, updated, pids, faults);
    }

    /** The layout with {@code id}'s network faults replaced (none removes them). */
    public ClusterLayout withFaults(NodeId id, NetworkFaults nodeFaults) {
        Map<NodeId, NetworkFaults> updated = new LinkedHashMap<>(faults);
        if (nodeFaults.none()) {
            updated.remove(id);
        } else {
            updated.put(id, nodeFaults);
        }
        return new ClusterLayout(mechanism, options, seed, ports, pids, updated);
    }

    public static Path file(Path directory) {
        return directory.resolve(FILE);
    }

    public void write(Path directory) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("mechanism", mechanism);
        properties.setProperty("seed", Long.toString(seed));
        options.forEach((name, value) -> properties.setProperty("option." + name, value));
        ports.forEach((id, port) -> properties.setProperty("node." + id + ".port", Integer.toString(port)));
        pids.forEach((id, pid) -> properties.setProperty("node." + id + ".pid", Long.toString(pid)));
        faults.forEach(
                (id, nodeFaults) -> properties.setProperty("node." + id + ".faults", FaultsText.format(nodeFaults)));
        Files.createDirectories(directory);
        Path temporary = directory.resolve(FILE + ".tmp");
        try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            properties.store(
                    out, "sdlab cluster: written by 'sdlab cluster start', read by the other cluster commands");
        }
        Files.move(temporary, file(directory), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Reads the layout in {@code directory}; a missing or damaged file is a {@link BadLayoutException}. */
    public static ClusterLayout read(Path directory) throws BadLayoutException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file(directory), StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (NoSuchFileException e) {
            throw new BadLayoutException("no cluster in " + directory + " (no " + FILE
                    + "); start one with 'sdlab cluster start' or pass --dir");
        } catch (IOException | IllegalArgumentException e) {
            throw new BadLayoutException("cannot read " + file(directory) + ": " + e.getMessage());
        }
        String mechanism = properties.getProperty("mechanism");
        if (mechanism == null) {
            throw new BadLayoutException(file(directory) + " names no mechanism");
        }
        Map<String, String> options = new TreeMap<>();
        Map<NodeId, Integer> ports = new LinkedHashMap<>();
        Map<NodeId, Long> pids = new LinkedHashMap<>();
        Map<NodeId, NetworkFaults> faults = new LinkedHashMap<>();
        long seed;
        try {
            seed = Long.parseLong(properties.getProperty("seed", "0"));
            for (String name : properties.stringPropertyNames()) {
                String value = properties.getProperty(name);
                if (name.startsWith("option.")) {
                    options.put(name.substring("option.".length()), value);
                } else if (name.startsWith("node.") && name.endsWith(".port")) {
                    ports.put(NodeId.of(name.substring(5, name.length() - 5)), Integer.parseInt(value));
                } else if (name.startsWith("node.") && name.endsWith(".pid")) {
                    pids.put(NodeId.of(name.substring(5, name.length() - 4)), Long.parseLong(value));
                } else if (name.startsWith("node.") && name.endsWith(".faults")) {
                    faults.put(NodeId.of(name.substring(5, name.length() - 7)), FaultsText.parse(value));
                }
            }
        } catch (IllegalArgumentException e) {
            throw new BadLayoutException(file(directory) + " is damaged: " + e.getMessage());
        }
        if (ports.isEmpty()) {
            throw new BadLayoutException(file(directory) + " lists no nodes");
        }
        return new ClusterLayout(mechanism, options, seed, ports, pids, faults);
    }

    /** The cluster's files are missing or damaged; the message says what to do. */
    public static final class BadLayoutException extends Exception {
        public BadLayoutException(String message) {
            super(message);
        }
    }
}
