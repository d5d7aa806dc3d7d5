package sdlab.cache;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.IntFunction;
import sdlab.cache.store.EvictionSettings;
import sdlab.cache.store.Keyspace;
import sdlab.cache.store.LruMode;

/**
 * The configuration parameters CONFIG GET and CONFIG SET see: the engine's own (maxmemory,
 * maxmemory-policy, maxmemory-samples, lfu-log-factor, lfu-decay-time, requirepass, and
 * sdlab's {@code lru-mode}) followed by the server's (see {@link ServerHooks#configParameters}),
 * then every other redis.conf parameter, accepted without effect ({@link InertConfig}).
 */
public final class EngineConfig {
    private final CacheEngine engine;
    /** redis.conf's other parameters, accepted and kept but without effect. */
    private final InertConfig inert = new InertConfig();

    private String requirePass;
    /** Redis's {@code hll-sparse-max-bytes}: a sparse HyperLogLog longer than this turns dense. */
    private long hllSparseMaxBytes = 3000;

    EngineConfig(CacheEngine engine, String requirePass) {
        this.engine = engine;
        this.requirePass = requirePass;
    }

    /** The password clients must AUTH with, or null. */
    public String requirePass() {
        return requirePass;
    }

    public long hllSparseMaxBytes() {
        return hllSparseMaxBytes;
    }

    /** Every parameter: the engine's, the server's, then those accepted without effect. */
    public List<ConfigParameter> parameters() {
        List<ConfigParameter> all = new ArrayList<>(engineParameters());
        all.addAll(engine.hooks().configParameters());
        Set<String> real = new HashSet<>();
        all.forEach(parameter -> real.add(parameter.name()));
        all.addAll(inert.parameters(real));
        return all;
    }

    /** The parameter named {@code name} (any case), if there is one. */
    public Optional<ConfigParameter> find(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return parameters().stream().filter(p -> p.name().equals(lower)).findFirst();
    }

    private List<ConfigParameter> engineParameters() {
        Keyspace keyspace = engine.keyspace();
        return List.of(
                new ConfigParameter("maxmemory", () -> Long.toString(keyspace.maxmemoryBytes()), this::setMaxmemory),
                new ConfigParameter(
                        "maxmemory-policy", () -> keyspace.evictionSettings().policy(), this::setPolicy),
                new ConfigParameter(
                        "maxmemory-samples",
                        () -> Integer.toString(keyspace.evictionSettings().samples()),
                        value -> setInt(
                                value, 1, EvictionSettings.SAMPLES_MAX, keyspace.evictionSettings()::withSamples)),
                new ConfigParameter(
                        "lfu-log-factor",
                        () -> Integer.toString(keyspace.evictionSettings().lfuLogFactor()),
                        value -> setInt(value, 0, Integer.MAX_VALUE, n -> lfu(n, -1))),
                new ConfigParameter(
                        "lfu-decay-time",
                        () -> Integer.toString(keyspace.evictionSettings().lfuDecayMinutes()),
                        value -> setInt(value, 0, Integer.MAX_VALUE, n -> lfu(-1, n))),
                new ConfigParameter(
                        "lru-mode", () -> keyspace.evictionSettings().lruMode().wireName(), this::setLruMode),
                new ConfigParameter("requirepass", () -> requirePass == null ? "" : requirePass, value -> {
                    requirePass = value.isEmpty() ? null : value;
                    return Optional.empty();
                }),
                new ConfigParameter(
                        "hll-sparse-max-bytes", () -> Long.toString(hllSparseMaxBytes), this::setHllSparseMaxBytes),
                ConfigParameter.readOnly("databases", () -> Integer.toString(keyspace.databaseCount())));
    }

    private Optional<String> setMaxmemory(String value) {
        OptionalLong bytes = MemorySize.parse(value);
        if (bytes.isEmpty()) {
            return Optional.of("argument must be a memory value");
        }
        engine.keyspace().setMaxmemory(bytes.getAsLong());
        return Optional.empty();
    }

    private Optional<String> setHllSparseMaxBytes(String value) {
        OptionalLong bytes = MemorySize.parse(value);
        if (bytes.isEmpty()) {
            return Optional.of("argument must be a memory value");
        }
        hllSparseMaxBytes = bytes.getAsLong();
        return Optional.empty();
    }

    private Optional<String> setPolicy(String value) {
        String policy = value.toLowerCase(Locale.ROOT);
        if (!EvictionSettings.POLICIES.contains(policy)) {
            return Optional.of(
                    "argument(s) must be one of the following: " + String.join(", ", EvictionSettings.POLICIES));
        }
        engine.keyspace().setEviction(engine.keyspace().evictionSettings().withPolicy(policy));
        return Optional.empty();
    }

    private Optional<String> setLruMode(String value) {
        try {
            LruMode mode = LruMode.parse(value);
            engine.keyspace().setEviction(engine.keyspace().evictionSettings().withLruMode(mode));
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of("argument(s) must be one of the following: exact, sampled");
        }
    }

    private EvictionSettings lfu(int logFactor, int decayMinutes) {
        EvictionSettings current = engine.keyspace().evictionSettings();
        return current.withLfu(
                logFactor < 0 ? current.lfuLogFactor() : logFactor,
                decayMinutes < 0 ? current.lfuDecayMinutes() : decayMinutes);
    }

    private Optional<String> setInt(String value, int min, int max, IntFunction<EvictionSettings> apply) {
        long[] parsed = new long[1];
        if (!Args.tryParseLong(Args.bytes(value), parsed) || parsed[0] < min || parsed[0] > max) {
            return Optional.of("argument must be between " + min + " and " + max + " inclusive");
        }
        engine.keyspace().setEviction(apply.apply((int) parsed[0]));
        return Optional.empty();
    }
}
