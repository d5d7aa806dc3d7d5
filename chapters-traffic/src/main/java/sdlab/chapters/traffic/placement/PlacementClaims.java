package sdlab.chapters.traffic.placement;

import static sdlab.chapters.traffic.placement.PlacementMeasurements.ENTITLED;
import static sdlab.chapters.traffic.placement.PlacementMeasurements.ENTITLED_ABUSIVE;
import static sdlab.chapters.traffic.placement.PlacementMeasurements.ENTITLED_MODIFIED;
import static sdlab.chapters.traffic.placement.PlacementMeasurements.OVER_ADMITTED;
import static sdlab.chapters.traffic.placement.PlacementMeasurements.SERVED_MODIFIED;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.HdrHistogram.Histogram;
import sdlab.chapters.traffic.placement.PlacementParams.GatewayRouting;
import sdlab.lab.Claim;
import sdlab.lab.ParamValues;
import sdlab.lab.SeedRun;

/**
 * What chapter 2 claims. The assertions are what the argument about limiters establishes: a
 * limiter that sees every request of a key holds it to its quota; one that sees only part of
 * them (a POP, when abusers spread over POPs) does not; a limiter in a client's SDK binds only
 * clients that run the SDK unmodified; a shared counter is a network round trip away. The
 * hypotheses are the question's: for each placement, whether it stays within the decision
 * budget, holds every key to its quota and keeps excess traffic from the origin.
 *
 * <p>Every quota claim compares what a key was served with what its quota allows, worked out
 * by {@link Quota} from the policy alone: no limiter grades itself.
 */
final class PlacementClaims {
    static final String EXACT_TIERS_HOLD_QUOTA = "limitersThatSeeAllOfAKeysTrafficHoldItToItsQuota";
    static final String PER_POP_COUNTERS_LEAK = "perPopCountersLetAbusersSpreadOverPopsExceedTheirQuota";
    static final String MODIFIED_SDK_BYPASSES = "aModifiedSdkSkipsTheClientSideLimit";
    static final String SHARED_COUNTERS_SLOWER = "sharedCountersDecideSlowerThanInMemoryOnes";
    static final String WITHIN_BUDGET = "withinDecisionBudget";
    static final String HOLDS_QUOTA = "holdsEveryKeyToItsQuota";
    static final String SHIELDS_ORIGIN = "keepsExcessFromTheOrigin";

    private PlacementClaims() {}

    static String forVariant(String claim, String variant) {
        return claim + "[" + variant + "]";
    }

    static List<Claim> all(ParamValues values) {
        List<Claim> claims = new ArrayList<>();
        List<String> exact = exactVariants(values);
        claims.add(Claim.everySeed(
                EXACT_TIERS_HOLD_QUOTA,
                "Every limiter that sees all of a key's requests (" + String.join(", ", exact)
                        + ") serves no key more than its quota allows: burst + rate × time, or the limit per window,"
                        + " worked out from the policy, not by a limiter.",
                (seed, runs) -> firstOverQuota(runs, exact)));
        int abusive = values.get(PlacementParams.ABUSIVE_CLIENTS);
        double abuse = values.get(PlacementParams.ABUSE_FACTOR);
        int spread = Math.min(values.get(PlacementParams.ABUSER_POPS), values.get(PlacementParams.POPS));
        if (abusive > 0 && spread > 1 && abuse >= 2) {
            claims.add(Claim.everySeed(
                    PER_POP_COUNTERS_LEAK,
                    "POPs that count in their own memory let an abuser spread over " + spread
                            + " POPs exceed its quota: each POP sees only its share of the key's requests.",
                    (seed, runs) -> overQuota(runs.get(PlacementVariant.EDGE_LOCAL))
                            ? Optional.empty()
                            : Optional.of("edge-local held every key to its quota on this seed")));
        }
        if (values.get(PlacementParams.MODIFIED_CLIENTS) > 0 && abuse >= 2) {
            claims.add(Claim.everySeed(
                    MODIFIED_SDK_BYPASSES,
                    "With the limit in the client SDK, bidders with a modified SDK are served beyond their quota.",
                    (seed, runs) -> modifiedBypass(runs.get(PlacementVariant.CLIENT_SDK))));
        }
        claims.add(Claim.everySeed(
                SHARED_COUNTERS_SLOWER,
                "Every decision by a shared counter takes longer than any in-memory decision: it is a round trip.",
                (seed, runs) -> sharedSlower(runs)));
        long budgetNanos = values.get(PlacementParams.BUDGET).toNanos();
        for (PlacementVariant variant : PlacementVariant.ALL) {
            claims.addAll(hypotheses(variant, budgetNanos));
        }
        return List.copyOf(claims);
    }

    private static List<Claim> hypotheses(PlacementVariant placement, long budgetNanos) {
        String variant = placement.name();
        Claim withinBudget = Claim.hypothesis(
                forVariant(WITHIN_BUDGET, variant),
                "The limiter adds at most the decision budget (" + timeText(budgetNanos)
                        + ") to 99% of allowed requests (" + variant + ").",
                (seed, runs) -> withinBudget(runs.get(variant), variant, budgetNanos));
        if (!placement.shared()) {
            // An in-memory check adds exactly --local-check: the verdict compares two inputs, so it shows the
            // cost model's consequence rather than measuring anything. A shared counter's round trip is measured.
            withinBudget = withinBudget.illustrating(
                    "an in-memory decision adds --local-check to a request, so this compares that input with --budget");
        }
        return List.of(
                withinBudget,
                Claim.hypothesis(
                        forVariant(HOLDS_QUOTA, variant),
                        "No key is served more than its quota (" + variant + ").",
                        (seed, runs) -> overQuota(runs.get(variant))
                                ? Optional.of(variant + ": " + overQuotaText(runs.get(variant)))
                                : Optional.empty()),
                Claim.hypothesis(
                        forVariant(SHIELDS_ORIGIN, variant),
                        "The origin receives no more requests than the keys were entitled to (" + variant + ").",
                        (seed, runs) -> shieldsOrigin(runs.get(variant), variant)));
    }

    /** The variants whose limiter sees every request of each key it limits. */
    static List<String> exactVariants(ParamValues values) {
        List<String> exact = new ArrayList<>(List.of(PlacementVariant.EDGE_SHARED));
        if (values.get(PlacementParams.GATEWAY_ROUTING) == GatewayRouting.KEY_HASH) {
            exact.add(PlacementVariant.GATEWAY_LOCAL);
        }
        exact.add(PlacementVariant.GATEWAY_SHARED);
        exact.add(PlacementVariant.ORIGIN);
        return List.copyOf(exact);
    }

    private static Optional<String> firstOverQuota(Map<String, SeedRun> runs, List<String> variants) {
        for (String variant : variants) {
            if (overQuota(runs.get(variant))) {
                return Optional.of(variant + ": " + overQuotaText(runs.get(variant)));
            }
        }
        return Optional.empty();
    }

    private static boolean overQuota(SeedRun run) {
        return run.counter(OVER_ADMITTED) > 0;
    }

    private static String overQuotaText(SeedRun run) {
        return "served %d requests beyond quota; abusers were entitled to %d, all bidders to %d"
                .formatted(run.counter(OVER_ADMITTED), run.counter(ENTITLED_ABUSIVE), run.counter(ENTITLED));
    }

    private static Optional<String> modifiedBypass(SeedRun run) {
        long served = run.counter(SERVED_MODIFIED);
        long entitled = run.counter(ENTITLED_MODIFIED);
        if (served > entitled) {
            return Optional.empty();
        }
        return Optional.of("client-sdk: modified bidders were served %d of the %d they were entitled to"
                .formatted(served, entitled));
    }

    private static Optional<String> sharedSlower(Map<String, SeedRun> runs) {
        long slowestLocal = 0;
        for (String variant : List.of(
                PlacementVariant.CLIENT_SDK,
                PlacementVariant.EDGE_LOCAL,
                PlacementVariant.GATEWAY_LOCAL,
                PlacementVariant.ORIGIN)) {
            slowestLocal = Math.max(slowestLocal, added(runs.get(variant)).getMaxValue());
        }
        for (String variant : List.of(PlacementVariant.EDGE_SHARED, PlacementVariant.GATEWAY_SHARED)) {
            Histogram shared = added(runs.get(variant));
            if (shared.getTotalCount() > 0 && shared.getMinValue() <= slowestLocal) {
                return Optional.of("%s: a shared decision took %s, an in-memory one up to %s"
                        .formatted(variant, timeText(shared.getMinValue()), timeText(slowestLocal)));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> withinBudget(SeedRun run, String variant, long budgetNanos) {
        long p99 = added(run).getValueAtPercentile(99);
        if (p99 <= budgetNanos) {
            return Optional.empty();
        }
        return Optional.of("%s: the limiter added %s at p99, over the %s budget"
                .formatted(variant, timeText(p99), timeText(budgetNanos)));
    }

    private static Optional<String> shieldsOrigin(SeedRun run, String variant) {
        long reached = run.counter(PlacementTally.REACHED_ORIGIN);
        long entitled = run.counter(ENTITLED);
        if (reached <= entitled) {
            return Optional.empty();
        }
        return Optional.of("%s: %d requests reached the origin; the bidders were entitled to %d"
                .formatted(variant, reached, entitled));
    }

    private static Histogram added(SeedRun run) {
        return run.histogram(PlacementTally.ADDED_LATENCY);
    }

    /** A duration for people: whole or tenths of microseconds below a millisecond, tenths of milliseconds above. */
    static String timeText(long nanos) {
        if (nanos >= 1_000_000) {
            return String.format(Locale.ROOT, "%.1fms", nanos / 1e6);
        }
        return nanos % 1000 == 0 ? nanos / 1000 + "µs" : String.format(Locale.ROOT, "%.1fµs", nanos / 1000.0);
    }
}
