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

    /** Whether the run fails when this claim does not hold; hypotheses are measured and reported, not enforced. */
    default Role role() {
        return Role.ASSERTION;
    }

    /**
     * Why this claim is an illustration rather than evidence, or empty when it is evidence. A claim that compares only
     * figures derived from cost inputs ({@link Provenance.Derived}), or that holds by construction, shows what the
     * model implies; reports list it apart and never present it as a measurement.
     */
    default Optional<String> illustration() {
        return Optional.empty();
    }

    /** This claim, presented as an illustration for the reason given ("handshake CPU is the count times its cost"). */
    default Claim illustrating(String because) {
        return new IllustrationClaim(this, because);
    }

    /** Empty if the claim holds on this seed, else a one-line explanation of the violation. */
    Optional<String> check(long seed, Map<String, SeedRun> runsByVariant);

    /** Over which seeds a claim must hold. */
    enum Scope {
        /** Must hold on every seed checked. */
        EVERY_SEED,
        /** Must hold on at least one seed checked. */
        SOME_SEED
    }

    /**
     * What a claim is for. An assertion is what the lab states and stands behind: when it fails, the run fails (exit
     * 1). A hypothesis is what a question asks about ("R + W > N gives linearizability"): the lab measures it and
     * reports whether it held, and a hypothesis that does not hold is a finding, not a failure.
     */
    enum Role {
        ASSERTION,
        HYPOTHESIS
    }

    /** A claim that must hold on every seed. */
    static Claim everySeed(
            String name, String description, BiFunction<Long, Map<String, SeedRun>, Optional<String>> check) {
        return new FunctionClaim(name, description, Scope.EVERY_SEED, Role.ASSERTION, check);
    }

    /** A claim that must hold on at least one seed. */
    static Claim someSeed(
            String name, String description, BiFunction<Long, Map<String, SeedRun>, Optional<String>> check) {
        return new FunctionClaim(name, description, Scope.SOME_SEED, Role.ASSERTION, check);
    }

    /** A hypothesis that a question tests on every seed: reported as holding or not, never failing the run. */
    static Claim hypothesis(
            String name, String description, BiFunction<Long, Map<String, SeedRun>, Optional<String>> check) {
        return new FunctionClaim(name, description, Scope.EVERY_SEED, Role.HYPOTHESIS, check);
    }
}

/** A claim given as a function; what {@link Claim#everySeed} and {@link Claim#someSeed} build. */
record FunctionClaim(
        String name,
        String description,
        Scope scope,
        Role role,
        BiFunction<Long, Map<String, SeedRun>, Optional<String>> checker)
        implements Claim {
    FunctionClaim {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(checker, "checker");
    }

    @Override
    public Optional<String> check(long seed, Map<String, SeedRun> runsByVariant) {
        return Objects.requireNonNull(checker.apply(seed, runsByVariant), "a claim's check returns a value, not null");
    }
}

/** A claim presented as an illustration; what {@link Claim#illustrating} builds. It judges exactly as the claim does. */
record IllustrationClaim(Claim claim, String because) implements Claim {
    IllustrationClaim {
        Objects.requireNonNull(claim, "claim");
        if (because == null || because.isBlank()) {
            throw new IllegalArgumentException("an illustration says why it is not evidence");
        }
    }

    @Override
    public String name() {
        return claim.name();
    }

    @Override
    public String description() {
        return claim.description();
    }

    @Override
    public Scope scope() {
        return claim.scope();
    }

    @Override
    public Role role() {
        return claim.role();
    }

    @Override
    public Optional<String> illustration() {
        return Optional.of(because);
    }

    @Override
    public Optional<String> check(long seed, Map<String, SeedRun> runsByVariant) {
        return claim.check(seed, runsByVariant);
    }
}
