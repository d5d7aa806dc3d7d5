package sdlab.chapters.traffic.lbfeatures;

import static sdlab.chapters.traffic.lbfeatures.LbVariant.AFFINITY;
import static sdlab.chapters.traffic.lbfeatures.LbVariant.BASELINE;
import static sdlab.chapters.traffic.lbfeatures.LbVariant.DRAINING;
import static sdlab.chapters.traffic.lbfeatures.LbVariant.H2;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import sdlab.lab.Claim;
import sdlab.lab.SeedRun;

/**
 * What chapter 9 claims. The assertions are each feature's mechanism: HTTP/2 opens fewer
 * connections, draining loses no request in flight (and stopping at once can), affinity finds
 * the user's session more often. The hypotheses are the question's options, true and false:
 * each says what one feature changes, and the measurement decides.
 */
final class LbClaims {
    static final String H2_FEWER_CONNECTIONS = "http2OpensFewerConnectionsThanHttp1";

    /** Why the connection counts illustrate the browser model rather than measure the balancer. */
    private static final String BY_THE_BROWSER_MODEL = "the browser model keeps one HTTP/2 connection and opens up to"
            + " --connections-max HTTP/1.1 connections for a page's --page-requests, so the counts follow those inputs";

    static final String DRAINING_LOSES_NOTHING = "drainingLosesNoRequestInFlight";
    static final String ABRUPT_STOP_LOSES = "stoppingABackendAtOnceLosesRequestsInFlight";
    static final String AFFINITY_FINDS_SESSIONS = "affinityFindsTheSessionMoreOftenThanRoundRobin";
    static final String HALVES_CONNECTIONS = "atLeastHalvesTheConnectionsPerBrowser";
    static final String EVENS_LOAD = "spreadsLoadMoreEvenly";
    static final String LOSES_NOTHING = "losesNoRequestInADeploy";
    static final String FASTER_DEPLOY = "makesTheDeployFaster";
    static final String KEEPS_SESSIONS = "sendsEveryRequestToTheBackendHoldingItsSession";

    private LbClaims() {}

    static String forVariant(String claim, String variant) {
        return claim + "[" + variant + "]";
    }

    static List<Claim> all() {
        List<Claim> claims = new ArrayList<>();
        claims.add(Claim.everySeed(
                        H2_FEWER_CONNECTIONS,
                        "Browsers speaking HTTP/2 open fewer connections than over HTTP/1.1.",
                        (seed, runs) -> fewer(runs, H2, BASELINE, LbTally.CONNECTIONS))
                .illustrating(BY_THE_BROWSER_MODEL));
        claims.add(Claim.everySeed(
                DRAINING_LOSES_NOTHING,
                "With draining, no request in flight is lost while the backends restart.",
                (seed, runs) -> none(runs.get(DRAINING), LbTally.LOST, DRAINING)));
        claims.add(Claim.someSeed(
                ABRUPT_STOP_LOSES,
                "Without draining, stopping a backend loses the requests it was serving.",
                (seed, runs) -> runs.get(BASELINE).counter(LbTally.LOST) > 0
                        ? Optional.empty()
                        : Optional.of("baseline: no request was in flight at a stop")));
        claims.add(Claim.everySeed(
                AFFINITY_FINDS_SESSIONS,
                "With affinity, fewer requests find their session gone than with round robin.",
                (seed, runs) -> fewer(runs, AFFINITY, BASELINE, LbTally.SESSION_MISSES)));
        claims.add(hypothesis(
                        HALVES_CONNECTIONS,
                        H2,
                        "Each browser opens at most half as many connections.",
                        (seed, runs) -> atMostHalf(runs.get(H2), runs.get(BASELINE)))
                .illustrating(BY_THE_BROWSER_MODEL));
        for (String variant : List.of(H2, AFFINITY)) {
            claims.add(hypothesis(
                    EVENS_LOAD,
                    variant,
                    "The busiest backend's share of requests is lower.",
                    (seed, runs) -> lowerValue(runs, variant, LbFeaturesExperiment.LOAD_SKEW)));
        }
        claims.add(hypothesis(
                LOSES_NOTHING,
                DRAINING,
                "No request is lost while the backends restart.",
                (seed, runs) -> none(runs.get(DRAINING), LbTally.LOST, DRAINING)));
        claims.add(hypothesis(
                FASTER_DEPLOY,
                DRAINING,
                "The rolling deploy finishes sooner.",
                (seed, runs) -> lowerValue(runs, DRAINING, LbFeaturesExperiment.DEPLOY_MS)));
        claims.add(hypothesis(
                KEEPS_SESSIONS,
                AFFINITY,
                "Every request whose session's backend is serving goes to that backend.",
                (seed, runs) -> none(runs.get(AFFINITY), LbTally.MISROUTED, AFFINITY)));
        return List.copyOf(claims);
    }

    private static Claim hypothesis(
            String claim, String variant, String text, BiFunction<Long, Map<String, SeedRun>, Optional<String>> check) {
        return Claim.hypothesis(forVariant(claim, variant), text + " (" + variant + " against baseline)", check);
    }

    private static Optional<String> fewer(Map<String, SeedRun> runs, String fewer, String more, String counter) {
        long a = runs.get(fewer).counter(counter);
        long b = runs.get(more).counter(counter);
        return a < b ? Optional.empty() : Optional.of("%s: %d %s, %s: %d".formatted(fewer, a, counter, more, b));
    }

    private static Optional<String> none(SeedRun run, String counter, String variant) {
        long count = run.counter(counter);
        return count == 0 ? Optional.empty() : Optional.of("%s: %d %s".formatted(variant, count, counter));
    }

    private static Optional<String> atMostHalf(SeedRun h2, SeedRun baseline) {
        long a = h2.counter(LbTally.CONNECTIONS);
        long b = baseline.counter(LbTally.CONNECTIONS);
        return 2 * a <= b ? Optional.empty() : Optional.of("h2: %d connections, baseline: %d".formatted(a, b));
    }

    private static Optional<String> lowerValue(Map<String, SeedRun> runs, String variant, String value) {
        double a = runs.get(variant).value(value);
        double b = runs.get(BASELINE).value(value);
        return a < b ? Optional.empty() : Optional.of("%s: %s %.3f, baseline: %.3f".formatted(variant, value, a, b));
    }
}
