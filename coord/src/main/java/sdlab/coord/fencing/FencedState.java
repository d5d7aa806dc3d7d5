package sdlab.coord.fencing;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import sdlab.coord.fencing.FencingMessages.FencedRead;
import sdlab.coord.fencing.FencingMessages.FencedWrite;

/**
 * The fenced storage's decisions and the state they rest on: the highest token accepted per
 * resource, the idempotency keys applied, and each resource's current value. Pure: the node
 * (simulated or real) feeds it writes and persists what it accepts.
 */
public final class FencedState {
    /** Idempotency keys remembered at most; the oldest is forgotten first. */
    public static final int KEYS_MAX = 100_000;

    private final FencingPolicy policy;
    private final Map<String, Long> highestTokens = new HashMap<>();
    private final LinkedHashSet<String> appliedKeys = new LinkedHashSet<>();
    private final Map<String, String> values = new HashMap<>();

    /** What the storage decided about one write. */
    public enum Decision {
        ACCEPT,
        STALE_TOKEN,
        DUPLICATE_KEY
    }

    public FencedState(FencingPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /**
     * Whether {@code write} from {@code writer} may be applied now. Tokens are checked before
     * keys: a fenced-off writer learns that it lost its grant, whatever its key.
     */
    public Decision decide(String writer, FencedWrite write) {
        if (policy.checkTokens() && write.token() < highestTokenFor(writer, write.resource())) {
            return Decision.STALE_TOKEN;
        }
        if (policy.dedupeKeys() && write.hasKey() && appliedKeys.contains(write.idempotencyKey())) {
            return Decision.DUPLICATE_KEY;
        }
        return Decision.ACCEPT;
    }

    /**
     * Whether {@code read} may be answered: with tokens checked, not with a token below the
     * highest seen. A read that is answered raises the highest token with {@link #observe}.
     */
    public Decision decideRead(String reader, FencedRead read) {
        if (policy.checkTokens() && read.token() < highestTokenFor(reader, read.resource())) {
            return Decision.STALE_TOKEN;
        }
        return Decision.ACCEPT;
    }

    /**
     * Raises the resource's highest token to {@code token} after an answered read. Kept in memory
     * only: the log holds writes, so after a restart the highest token is the highest written,
     * and a read's raise is lost with the process (the stores of the chapters do not crash).
     */
    public void observe(String reader, String resource, long token) {
        highestTokens.merge(tokenScope(reader, resource), token, Math::max);
    }

    /** Applies a write that {@link #decide} accepted, or one read back from the log. */
    public void apply(AppliedWrite write) {
        highestTokens.merge(tokenScope(write.writer(), write.resource()), write.token(), Math::max);
        if (!write.idempotencyKey().isEmpty()) {
            appliedKeys.remove(write.idempotencyKey());
            appliedKeys.add(write.idempotencyKey());
            if (appliedKeys.size() > KEYS_MAX) {
                appliedKeys.removeFirst();
            }
        }
        values.put(write.resource(), write.value());
    }

    /**
     * The highest token that a write from {@code writer} to {@code resource} is compared with:
     * the highest accepted for the resource; {@link Long#MIN_VALUE} before any.
     */
    public long highestTokenFor(String writer, String resource) {
        return highestTokens.getOrDefault(tokenScope(writer, resource), Long.MIN_VALUE);
    }

    /** The resource's current value, if it was ever written. */
    public Optional<String> value(String resource) {
        return Optional.ofNullable(values.get(resource));
    }

    /**
     * The key under which a token is compared: the resource, as fencing requires; with the planted
     * {@link FencingPolicy.Bug#PER_WRITER_TOKENS}, the resource and the writer.
     */
    private String tokenScope(String writer, String resource) {
        return policy.bug() == FencingPolicy.Bug.PER_WRITER_TOKENS ? resource + '\t' + writer : resource;
    }
}
