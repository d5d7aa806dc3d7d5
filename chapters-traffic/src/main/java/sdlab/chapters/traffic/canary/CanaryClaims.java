package sdlab.chapters.traffic.canary;

import static sdlab.chapters.traffic.canary.CanaryVariant.DNS_FLIP;
import static sdlab.chapters.traffic.canary.CanaryVariant.INGRESS_HEADER;
import static sdlab.chapters.traffic.canary.CanaryVariant.RANDOM_PODS;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import sdlab.lab.Claim;
import sdlab.lab.ParamValues;
import sdlab.lab.SeedRun;

/**
 * What chapter 4 claims. The assertions follow from how each strategy routes: the header
 * route sends no unmarked user to the canary, and with session pins it never splits a
 * session; a random pod per request splits sessions; a DNS rollback waits for cached answers
 * to expire, longer than an ingress change takes. The hypotheses are the question's, for each
 * strategy: the chosen users' sessions are all on the canary, no other user's session touches
 * it, and no session sees both versions.
 */
final class CanaryClaims {
    static final String HEADER_SPARES_OTHERS = "headerRoutingSendsNoUnmarkedUserToTheCanary";
    static final String PINNED_HEADER_KEEPS_SESSIONS = "pinnedHeaderRoutingNeverSplitsASession";
    static final String RANDOM_PODS_SPLIT_SESSIONS = "aRandomPodPerRequestSplitsSessions";
    static final String DNS_ROLLBACK_WAITS = "aDnsRollbackWaitsForCachedAnswers";
    static final String CHOSEN_ON_CANARY = "chosenUsersSessionsAreOnTheCanary";
    static final String OTHERS_SPARED = "otherUsersNeverMeetTheCanary";
    static final String SESSIONS_WHOLE = "noSessionSeesBothVersions";

    /** The share of the chosen users' judged sessions that must be wholly on the canary. */
    static final double CHOSEN_SHARE_MIN = 0.95;

    private CanaryClaims() {}

    static String forVariant(String claim, String variant) {
        return claim + "[" + variant + "]";
    }

    static List<String> forOption(String variant) {
        return List.of(
                forVariant(CHOSEN_ON_CANARY, variant),
                forVariant(OTHERS_SPARED, variant),
                forVariant(SESSIONS_WHOLE, variant));
    }

    static List<Claim> all(ParamValues values) {
        List<Claim> claims = new ArrayList<>();
        claims.add(Claim.everySeed(
                HEADER_SPARES_OTHERS,
                "With the header route, no user without the canary header is ever served by the canary.",
                (seed, runs) -> zero(runs.get(INGRESS_HEADER), CanaryTally.OTHER_CANARY_PAGES, INGRESS_HEADER)));
        if (values.get(CanaryParams.PIN_SESSIONS)) {
            claims.add(Claim.everySeed(
                    PINNED_HEADER_KEEPS_SESSIONS,
                    "With the header route and session pins, no session (outside the rollback) sees both versions.",
                    (seed, runs) -> zero(runs.get(INGRESS_HEADER), CanaryTally.VIOLATED, INGRESS_HEADER)));
        }
        claims.add(Claim.everySeed(
                RANDOM_PODS_SPLIT_SESSIONS,
                "Picking a random pod per request serves some sessions from both versions.",
                (seed, runs) -> runs.get(RANDOM_PODS).counter(CanaryTally.VIOLATED) > 0
                        ? Optional.empty()
                        : Optional.of("random-pods: no session saw both versions")));
        if (values.get(CanaryParams.DNS_TTL).compareTo(values.get(CanaryParams.CONFIG_DELAY)) > 0) {
            claims.add(Claim.everySeed(
                    DNS_ROLLBACK_WAITS,
                    "Rolling back a DNS flip takes longer than rolling back an ingress route: cached answers"
                            + " keep clients on green until their TTL runs out.",
                    (seed, runs) -> slower(runs.get(DNS_FLIP), runs.get(INGRESS_HEADER))));
        }
        for (CanaryVariant variant : CanaryVariant.ALL) {
            claims.addAll(hypotheses(variant.name()));
        }
        return List.copyOf(claims);
    }

    private static List<Claim> hypotheses(String variant) {
        return List.of(
                Claim.hypothesis(
                        forVariant(CHOSEN_ON_CANARY, variant),
                        "At least " + Math.round(CHOSEN_SHARE_MIN * 100) + "% of the chosen users' sessions during"
                                + " the canary are served by the canary alone (" + variant + ").",
                        (seed, runs) -> chosenOnCanary(runs.get(variant), variant)),
                Claim.hypothesis(
                        forVariant(OTHERS_SPARED, variant),
                        "No session of another user during the canary touches the canary (" + variant + ").",
                        (seed, runs) -> zero(runs.get(variant), CanaryTally.OTHER_TOUCHED, variant)),
                Claim.hypothesis(
                        forVariant(SESSIONS_WHOLE, variant),
                        "No session outside the rollback sees both versions (" + variant + ").",
                        (seed, runs) -> zero(runs.get(variant), CanaryTally.VIOLATED, variant)));
    }

    private static Optional<String> zero(SeedRun run, String counter, String variant) {
        long count = run.counter(counter);
        return count == 0 ? Optional.empty() : Optional.of("%s: %d %s".formatted(variant, count, counter));
    }

    private static Optional<String> chosenOnCanary(SeedRun run, String variant) {
        long judged = run.counter(CanaryTally.CHOSEN_JUDGED);
        long onCanary = run.counter(CanaryTally.CHOSEN_ALL_CANARY);
        if (judged > 0 && onCanary >= CHOSEN_SHARE_MIN * judged) {
            return Optional.empty();
        }
        return Optional.of("%s: %d of %d chosen sessions wholly on the canary".formatted(variant, onCanary, judged));
    }

    private static Optional<String> slower(SeedRun dns, SeedRun ingress) {
        double dnsMs = dns.value(CanaryExperiment.ROLLBACK_MS);
        double ingressMs = ingress.value(CanaryExperiment.ROLLBACK_MS);
        return dnsMs > ingressMs
                ? Optional.empty()
                : Optional.of("dns-flip rolled back in %.0f ms, ingress-header in %.0f ms".formatted(dnsMs, ingressMs));
    }

    static Map<String, String> optionLabels() {
        return Map.of(
                INGRESS_HEADER,
                "header-based routing at the ingress",
                RANDOM_PODS,
                "random pod selection",
                DNS_FLIP,
                "a blue-green DNS flip",
                CanaryVariant.DAEMONSET,
                "a DaemonSet-style rollout");
    }
}
