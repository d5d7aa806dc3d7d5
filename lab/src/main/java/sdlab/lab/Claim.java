package sdlab.lab;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * A predicate over the runs of all variants for one seed, evaluated over many seeds.
 *
 * <p>An {@link Scope#EVERY_SEED} claim holds if it holds on every seed checked ("no stale reads when quorums
 * overlap"); the first seed where it does not is the counterexample. A {@link Scope#SOME_SEED} claim holds if at least
 * one seed shows it ("R=1, W=1 does read stale values"); the first seed that does is the witness. Either way the report
 * gives the number of seeds and a confidence interval, so a claim is only as strong as its sample.
 */
public interface Claim {
    /** camelCase, unique within the experiment: {@code noStaleReadsWhenQuorumsOverlap}. */
    String name();

    String description();

    Scope scope();

    /** Empty if the claim holds on this seed, else a one-line explanation of the violation. */
    Optional<String> check(long seed, Map<String, SeedRun> runsByVariant);

    /** Over which seeds a claim must hold. */
    enum Scope {
        /** Must hold on every seed checked. */
        EVERY_SEED,
        /** Must hold on at least one seed checked. */
        SOME_SEED
    }

    /** A claim that must hold on every seed. */
    static Claim everySeed(
            String name, String description, BiFunction<Long, Map<String, SeedRun>, Optional<String>> check) {
        return new FunctionClaim(name, description, Scope.EVERY_SEED, check);
    }

    /** A claim that must hold on at least one seed. */
    static Claim someSeed(
            String name, String description, BiFunction<Long, Map<String, SeedRun>, Optional<String>> check) {
        return new FunctionClaim(name, description, Scope.SOME_SEED, check);
    }
}

/** A claim given as a function; what {@link Claim#everySeed} and {@link Claim#someSeed} build. */
record FunctionClaim(
        String name, String description, Scope scope, BiFunction<Long, Map<String, SeedRun>, Optional<String>> checker)
        implements Claim {
    FunctionClaim {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(checker, "checker");
    }

    @Override
    public Optional<String> check(long seed, Map<String, SeedRun> runsByVariant) {
        return Objects.requireNonNull(checker.apply(seed, runsByVariant), "a claim's check returns a value, not null");
    }
}
