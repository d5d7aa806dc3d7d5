package sdlab.coord.fencing;

import java.util.Objects;

/**
 * Which checks the fenced storage makes.
 *
 * @param checkTokens refuse a write whose token is lower than the highest accepted for its resource
 * @param dedupeKeys refuse a write whose idempotency key was applied before
 * @param bug a planted bug, or {@link Bug#NONE}
 */
public record FencingPolicy(boolean checkTokens, boolean dedupeKeys, Bug bug) {

    /** Mistakes that a fencing experiment must catch. */
    public enum Bug {
        NONE,
        /**
         * The highest token is kept per writer instead of per resource: each writer's own tokens
         * do rise, so the check looks right in a test with one writer, but a stale holder's
         * write passes because its token is as high as its own last one. A per-client sequence
         * check mistaken for fencing.
         */
        PER_WRITER_TOKENS
    }

    public FencingPolicy {
        Objects.requireNonNull(bug, "bug");
    }

    /** Checks nothing: the storage of the options that do not fence. */
    public static FencingPolicy plain() {
        return new FencingPolicy(false, false, Bug.NONE);
    }

    /** Checks tokens only. */
    public static FencingPolicy tokens() {
        return new FencingPolicy(true, false, Bug.NONE);
    }

    /** Checks idempotency keys only. */
    public static FencingPolicy keys() {
        return new FencingPolicy(false, true, Bug.NONE);
    }

    /** Checks tokens and idempotency keys. */
    public static FencingPolicy tokensAndKeys() {
        return new FencingPolicy(true, true, Bug.NONE);
    }

    public FencingPolicy withBug(Bug newBug) {
        return new FencingPolicy(checkTokens, dedupeKeys, newBug);
    }
}
