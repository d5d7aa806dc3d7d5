package sdlab.chapters.traffic.responses;

import static sdlab.chapters.traffic.responses.ResponsesVariant.BACKOFF;
import static sdlab.chapters.traffic.responses.ResponsesVariant.BACKOFF_JITTER;
import static sdlab.chapters.traffic.responses.ResponsesVariant.BLIND;
import static sdlab.chapters.traffic.responses.ResponsesVariant.RETRY_AFTER;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import sdlab.lab.Claim;
import sdlab.lab.SeedRun;

/**
 * What chapter 17 claims. The assertions are what the mechanism guarantees: the server's
 * {@code Retry-After} never asks for less than the limiter's exact wait, clients that obey it
 * send fewer refused requests than clients that retry blindly, and blind retries raise the
 * peak request rate. The hypotheses are the question's (which field carries a retry time, and
 * whether clients timing retries by it are rarely refused again) and two beliefs worth
 * measuring: that jitter lowers the peak of retries, and that obeying {@code Retry-After} costs
 * no time.
 */
final class ResponsesClaims {
    static final String NEVER_UNDERSTATED = "retryAfterNeverAsksForLessThanTheLimitersWait";
    static final String OBEYING_WASTES_LESS = "clientsObeyingRetryAfterSendFewerRefusedRequestsThanBlindOnes";
    static final String BLIND_STORMS = "blindRetriesRaiseThePeakRequestRate";
    static final String RETRY_TIME_IN = "everyThrottledResponseHasARetryTimeIn";
    static final String RARELY_REFUSED = "retriesAreRarelyRefusedAgain";
    static final String JITTER_LOWERS_PEAK = "jitterLowersThePeakRetryRate";
    static final String OBEYING_COSTS_NO_TIME = "obeyingRetryAfterFinishesAsSoonAsRetryingBlindly";

    /**
     * "Rarely": at most one retry in twenty refused again. Not zero: a client with several
     * workers races itself, and a retry sent at the advised moment can arrive after a newer
     * first attempt of the same client that took the token.
     */
    static final double RARELY = 0.05;

    private ResponsesClaims() {}

    static String retryTimeIn(String header) {
        return RETRY_TIME_IN + "[" + header + "]";
    }

    static String rarelyRefused(String variant) {
        return RARELY_REFUSED + "[" + variant + "]";
    }

    /** The claims that decide the question's option naming {@code header}. */
    static List<String> forOption(String header) {
        String variant = header.equals(Headers.RETRY_AFTER) ? RETRY_AFTER : BLIND;
        return List.of(retryTimeIn(header), rarelyRefused(variant));
    }

    static List<Claim> all() {
        List<Claim> claims = new ArrayList<>();
        claims.add(Claim.everySeed(
                NEVER_UNDERSTATED,
                "No 429 asks, in Retry-After, for a shorter wait than the limiter needs before it would allow"
                        + " the request: a client that obeys never comes back too early.",
                (seed, runs) -> noneUnderstated(runs)));
        claims.add(Claim.everySeed(
                OBEYING_WASTES_LESS,
                "Clients that obey Retry-After are refused fewer times than clients that retry at once.",
                (seed, runs) -> fewer(runs, RETRY_AFTER, BLIND, ResponsesTally.REJECTED, "refused requests")));
        claims.add(Claim.everySeed(
                BLIND_STORMS,
                "Retrying at once raises the peak request rate above that of clients obeying Retry-After.",
                (seed, runs) -> lowerValue(runs, RETRY_AFTER, BLIND, ResponsesExperiment.PEAK_REQUESTS)));
        for (String header : Headers.CANDIDATES) {
            claims.add(Claim.hypothesis(
                    retryTimeIn(header),
                    "Every 429 the server sent carries, in " + header
                            + ", a wait in delta-seconds or an HTTP-date to retry at.",
                    (seed, runs) -> timedBy(runs, header)));
        }
        for (ResponsesVariant variant : ResponsesVariant.ALL) {
            claims.add(Claim.hypothesis(
                    rarelyRefused(variant.name()),
                    "At most one retry in twenty is refused again (" + variant.name() + ").",
                    (seed, runs) -> rarelyRefused(runs.get(variant.name()), variant.name())));
        }
        claims.add(Claim.hypothesis(
                JITTER_LOWERS_PEAK,
                "Full jitter lowers the peak retry rate of exponential backoff.",
                (seed, runs) -> lowerValue(runs, BACKOFF_JITTER, BACKOFF, ResponsesExperiment.PEAK_RETRIES)));
        claims.add(Claim.hypothesis(
                OBEYING_COSTS_NO_TIME,
                "Clients obeying Retry-After finish their backlog no later than clients retrying at once.",
                (seed, runs) -> notLater(runs)));
        return List.copyOf(claims);
    }

    private static Optional<String> noneUnderstated(Map<String, SeedRun> runs) {
        for (Map.Entry<String, SeedRun> entry : runs.entrySet()) {
            long understated = entry.getValue().counter(ResponsesTally.UNDERSTATED);
            if (understated > 0) {
                return Optional.of("%s: %d responses 429 asked for less than the limiter's wait"
                        .formatted(entry.getKey(), understated));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> fewer(
            Map<String, SeedRun> runs, String fewer, String more, String counter, String what) {
        long a = runs.get(fewer).counter(counter);
        long b = runs.get(more).counter(counter);
        return a < b ? Optional.empty() : Optional.of("%s: %d %s, %s: %d".formatted(fewer, a, what, more, b));
    }

    private static Optional<String> lowerValue(Map<String, SeedRun> runs, String lower, String higher, String value) {
        double a = runs.get(lower).value(value);
        double b = runs.get(higher).value(value);
        return a < b ? Optional.empty() : Optional.of("%s: %s %.0f, %s: %.0f".formatted(lower, value, a, higher, b));
    }

    private static Optional<String> timedBy(Map<String, SeedRun> runs, String header) {
        for (Map.Entry<String, SeedRun> entry : runs.entrySet()) {
            SeedRun run = entry.getValue();
            long throttled = run.counter(ResponsesTally.THROTTLED);
            long timed = run.counter(ResponsesTally.timedBy(header));
            if (timed < throttled) {
                return Optional.of("%s: %d of %d responses 429 had no retry time in %s"
                        .formatted(entry.getKey(), throttled - timed, throttled, header));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> rarelyRefused(SeedRun run, String variant) {
        long retries = run.counter(ResponsesTally.RETRIES);
        long refused = run.counter(ResponsesTally.REJECTED_RETRIES);
        return refused <= RARELY * retries
                ? Optional.empty()
                : Optional.of("%s: %d of %d retries refused again".formatted(variant, refused, retries));
    }

    private static Optional<String> notLater(Map<String, SeedRun> runs) {
        double obeying = runs.get(RETRY_AFTER).value(ResponsesExperiment.MAKESPAN);
        double blind = runs.get(BLIND).value(ResponsesExperiment.MAKESPAN);
        return obeying <= blind
                ? Optional.empty()
                : Optional.of("retry-after finished after %.0f ms, blind after %.0f ms".formatted(obeying, blind));
    }
}
