package sdlab.bench.peer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Issue 11's large-request goals, measured against sdlab's cache node and redis-server in one
 * run: one client sends a huge {@code SET} as fast as it can while another PINGs every few
 * milliseconds, and then a dozen clients each announce a half-gigabyte bulk and stream most of
 * it without finishing. Each side is its own process; its resident memory is read from {@code
 * /proc} before, during (the peak) and after.
 *
 * <p>Goals: the SET within twice redis-server's time, PING answered within 50 ms meanwhile and
 * during the dozen clients' attack, the node's memory bounded by its {@code maxmemory-clients}
 * and back near its baseline after the clients leave.
 */
public final class BigRequestComparison {
    /** The programs this comparison runs. */
    public static final List<RequiredTool> TOOLS = List.of(new RequiredTool("redis-server", "redis-server"));

    private static final Pattern SDLAB_READY = Pattern.compile("cache node ready on [^:]+:(\\d+)");
    private static final int PING_INTERVAL_MS = 5;
    private static final int WRITE_CHUNK_BYTES = 1 << 20;
    private static final int ATTACK_CHUNK_BYTES = 64 * 1024;
    /** The bulk length the attackers announce: just under Redis's default proto-max-bulk-len. */
    private static final long ATTACK_DECLARED_BYTES = 536_870_000L;

    private static final String CLIENTS_BUDGET = "1gb";

    /**
     * What to offer.
     *
     * @param setBytes the size of the big SET's value
     * @param rounds big SETs per side and persistence setting, alternating which side goes first
     * @param appendonly the persistence settings to measure ({@code no}, {@code yes})
     * @param attackers clients streaming unfinished bulks together; 0 skips the attack
     * @param attackBytesEach what each of them sends before giving up
     * @param settleSeconds how long after the attackers leave the memory is read again
     * @param nodeJvmOptions extra options for the node's JVM, after the launcher's own
     * @param logDir where to copy the servers' logs at the end, or null to let them go with the scratch directory
     */
    public record Settings(
            int setBytes,
            int rounds,
            List<String> appendonly,
            int attackers,
            long attackBytesEach,
            int settleSeconds,
            List<String> nodeJvmOptions,
            Path logDir) {}

    /** One big SET: how long it took, how the other client fared, the server's memory around it. */
    public record SetRound(double seconds, PingFigures ping, Memory memory) {}

    /** The attack: clients evicted, PING meanwhile, memory. */
    public record AttackRound(int attackers, int evicted, double seconds, PingFigures ping, Memory memory) {}

    /**
     * A server's resident memory in KiB: before the load, its peak during it, and after (the value deleted or
     * the clients gone, and some seconds' settling).
     */
    public record Memory(long beforeKib, long peakKib, long afterKib) {}

    /** Both sides' SET rounds for one persistence setting. */
    public record SetRows(String appendonly, List<SetRound> sdlab, List<SetRound> peer) {}

    /** Everything measured. */
    public record Results(List<SetRows> sets, AttackRound sdlabAttack, AttackRound peerAttack) {}

    private final Settings settings;
    private final Consumer<String> progress;
    private final byte[] payload;

    public BigRequestComparison(Settings settings, Consumer<String> progress) {
        this.settings = settings;
        this.progress = progress;
        this.payload = new byte[settings.setBytes()];
        Arrays.fill(payload, (byte) 'x');
    }

    /** Starts the servers for each setting, measures, stops them. */
    public Results run() {
        List<SetRows> sets = new ArrayList<>();
        AttackRound sdlabAttack = null;
        AttackRound peerAttack = null;
        try (Scratch scratch = Scratch.create("sdlab-bench-big-")) {
            for (String appendonly : settings.appendonly()) {
                progress.accept("starting sdlab node cache and redis-server, appendonly " + appendonly);
                try (ChildProcess sdlabProcess = startSdlab(scratch, appendonly);
                        // Its port is picked once the node listens: the node binds port 0, and a port picked
                        // before could be the one it gets.
                        RedisOnPort redisOnPort = startRedis(scratch, appendonly)) {
                    ChildProcess redisProcess = redisOnPort.process();
                    int redisPort = redisOnPort.port();
                    Server sdlab = new Server(
                            "sdlab",
                            sdlabProcess.pid(),
                            Integer.parseInt(sdlabProcess
                                    .readyGroup(SDLAB_READY)
                                    .orElseThrow(() -> new IllegalStateException("the node did not print its port"))));
                    Server redis = new Server("redis-server", redisProcess.pid(), redisPort);
                    warmUp(sdlab);
                    warmUp(redis);
                    Alternating.Runs<SetRound> runs =
                            Alternating.run(settings.rounds(), () -> bigSet(sdlab), () -> bigSet(redis));
                    sets.add(new SetRows(appendonly, runs.sdlab(), runs.peer()));
                    if (settings.attackers() > 0 && sdlabAttack == null) {
                        sdlabAttack = attack(sdlab);
                        peerAttack = attack(redis);
                    }
                } finally {
                    keepLogs(scratch, appendonly);
                }
            }
        }
        return new Results(sets, sdlabAttack, peerAttack);
    }

    /** A server under test: its name, process id and RESP port. */
    private record Server(String side, long pid, int port) {}

    private ChildProcess startSdlab(Scratch scratch, String appendonly) {
        Path dir = scratch.resolve("sdlab-" + appendonly);
        mkdirs(dir);
        return SdlabNode.start(
                "cache",
                settings.nodeJvmOptions(),
                List.of(
                        "--port",
                        "0",
                        "--save",
                        "",
                        "--appendonly",
                        appendonly,
                        "--maxmemory-clients",
                        CLIENTS_BUDGET,
                        "--dir",
                        dir.toString()),
                scratch.resolve("sdlab-" + appendonly + ".log"),
                SDLAB_READY);
    }

    /** A started redis-server and the port it listens on; closing it stops the server. */
    private record RedisOnPort(ChildProcess process, int port) implements AutoCloseable {
        @Override
        public void close() {
            process.close();
        }
    }

    private static RedisOnPort startRedis(Scratch scratch, String appendonly) {
        Path dir = scratch.resolve("redis-" + appendonly);
        mkdirs(dir);
        int port = FreePort.pick();
        return new RedisOnPort(
                RedisServerProcess.start(
                        port,
                        dir,
                        scratch.resolve("redis-" + appendonly + ".log"),
                        List.of("--appendonly", appendonly, "--maxmemory-clients", CLIENTS_BUDGET)),
                port);
    }

    private void keepLogs(Scratch scratch, String appendonly) {
        if (settings.logDir() == null) {
            return;
        }
        mkdirs(settings.logDir());
        for (String side : List.of("sdlab-", "redis-")) {
            Path log = scratch.resolve(side + appendonly + ".log");
            try {
                if (Files.exists(log)) {
                    Files.copy(log, settings.logDir().resolve(log.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot copy " + log + " to " + settings.logDir(), e);
            }
        }
    }

    private static void mkdirs(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A few smaller SETs first, so that the JIT has compiled the receiving path before anything is timed. */
    private void warmUp(Server server) {
        progress.accept("warming up " + server.side() + " (not measured)");
        for (int i = 0; i < 3; i++) {
            send(server.port(), "warm", Math.min(payload.length, 32 << 20));
            command(server.port(), "DEL", "warm");
        }
    }

    private SetRound bigSet(Server server) {
        progress.accept("SET of " + (payload.length >> 20) + " MiB against " + server.side());
        long pid = server.pid();
        int port = server.port();
        long before = ResidentMemory.kib(pid);
        double seconds;
        PingFigures ping;
        long peak;
        try (ResidentMemory rss = ResidentMemory.sample(pid)) {
            PingProbe probe = PingProbe.start(port, PING_INTERVAL_MS);
            seconds = send(port, "big", payload.length);
            ping = probe.stop();
            peak = rss.peakKib();
        }
        command(port, "DEL", "big");
        pause(Duration.ofSeconds(2));
        return new SetRound(seconds, ping, new Memory(before, peak, ResidentMemory.kib(pid)));
    }

    /** Sends {@code SET key <first bytes of the payload>} and waits for +OK; returns the seconds it took. */
    private double send(int port, String key, int bytes) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            OutputStream out = socket.getOutputStream();
            long start = System.nanoTime();
            out.write(("*3\r\n$3\r\nSET\r\n$" + key.length() + "\r\n" + key + "\r\n$" + bytes + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            for (int sent = 0; sent < bytes; sent += WRITE_CHUNK_BYTES) {
                out.write(payload, sent, Math.min(WRITE_CHUNK_BYTES, bytes - sent));
            }
            out.write(CRLF);
            out.flush();
            String reply = readLine(socket.getInputStream());
            double seconds = (System.nanoTime() - start) / 1e9;
            if (!reply.equals("+OK")) {
                throw new IllegalStateException("SET of " + bytes + " bytes was answered " + reply);
            }
            return seconds;
        } catch (IOException e) {
            throw new IllegalStateException("SET of " + bytes + " bytes failed: " + e.getMessage(), e);
        }
    }

    private static final byte[] CRLF = {'\r', '\n'};

    private static void command(int port, String... words) {
        StringBuilder request = new StringBuilder("*" + words.length + "\r\n");
        for (String word : words) {
            request.append('$')
                    .append(word.length())
                    .append("\r\n")
                    .append(word)
                    .append("\r\n");
        }
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.US_ASCII));
            readLine(socket.getInputStream());
        } catch (IOException e) {
            throw new IllegalStateException(String.join(" ", words) + " failed: " + e.getMessage(), e);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    /**
     * The dozen clients: each announces a {@code $536870000} bulk and streams {@code attackBytesEach} of it as
     * fast as it can, all at once, then they all leave; PING is timed throughout and memory read until
     * {@code settleSeconds} after they left.
     */
    private AttackRound attack(Server server) {
        progress.accept(settings.attackers() + " clients streaming unfinished bulks into " + server.side());
        long pid = server.pid();
        int port = server.port();
        long before = ResidentMemory.kib(pid);
        AtomicInteger evicted = new AtomicInteger();
        List<Socket> sockets = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        PingFigures ping;
        long peak;
        double seconds;
        try (ResidentMemory rss = ResidentMemory.sample(pid)) {
            PingProbe probe = PingProbe.start(port, PING_INTERVAL_MS);
            long start = System.nanoTime();
            for (int i = 0; i < settings.attackers(); i++) {
                Socket socket = connect(port);
                sockets.add(socket);
                Thread thread = new Thread(() -> {
                    if (streamUntilClosed(socket)) {
                        evicted.incrementAndGet();
                    }
                });
                thread.start();
                threads.add(thread);
            }
            threads.forEach(BigRequestComparison::join);
            seconds = (System.nanoTime() - start) / 1e9;
            sockets.forEach(BigRequestComparison::closeQuietly);
            pause(Duration.ofSeconds(1));
            ping = probe.stop();
            peak = rss.peakKib();
        }
        pause(Duration.ofSeconds(settings.settleSeconds()));
        return new AttackRound(
                settings.attackers(), evicted.get(), seconds, ping, new Memory(before, peak, ResidentMemory.kib(pid)));
    }

    private boolean streamUntilClosed(Socket socket) {
        try {
            OutputStream out = socket.getOutputStream();
            out.write(("*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$" + ATTACK_DECLARED_BYTES + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            for (long sent = 0; sent < settings.attackBytesEach(); sent += ATTACK_CHUNK_BYTES) {
                out.write(payload, 0, (int) Math.min(ATTACK_CHUNK_BYTES, settings.attackBytesEach() - sent));
            }
            out.flush();
            return false;
        } catch (IOException closed) {
            return true;
        }
    }

    private static Socket connect(int port) {
        try {
            return new Socket(InetAddress.getLoopbackAddress(), port);
        } catch (IOException e) {
            throw new IllegalStateException("cannot connect to port " + port + ": " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Closing is all that is left to do.
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
