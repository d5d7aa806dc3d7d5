package sdlab.chapters.shard.hotspots;

import static sdlab.chapters.shard.hotspots.HotspotMeasurements.HOTTEST;
import static sdlab.chapters.shard.hotspots.HotspotMeasurements.LATENCY;
import static sdlab.chapters.shard.hotspots.HotspotMeasurements.NOT_OWNED;
import static sdlab.chapters.shard.hotspots.HotspotMeasurements.THROTTLED_SHARE;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import sdlab.lab.Claim;
import sdlab.lab.Question;
import sdlab.lab.SeedRun;

/**
 * What chapter 16 claims, each a predicate over one seed's runs of the eight variants.
 *
 * <p>The assertions say what each remedy does to the hottest shard, measured against the same hotspot without it. The
 * hypotheses are the question's options, "remedy R fixes hotspot H", judged by one yardstick: a hotspot is fixed when
 * the busiest shard works at most 1.5x the mean and the p99 is at most twice the p99 of the store without a hotspot
 * ({@code tokens-vnodes}, uniform access on 256 tokens per shard).
 */
final class HotspotClaims {
    static final String VNODES_EVEN_TOKENS = "virtualNodesEvenAnUnluckyTokenAssignment";
    static final String VNODES_NOT_CELEBRITY = "virtualNodesLeaveACelebritysShardHot";
    static final String SPLITS_COOL_RANGE = "loadSplitsCoolAHotRange";
    static final String SPLITS_CHASE_MONOTONIC = "loadSplitsOnlyChaseMonotonicInserts";
    static final String LIMIT_HOLDS_CELEBRITY = "keyLimitsHoldACelebritysShardByRefusingRequests";
    static final String OWNER_SERVES = "noRequestIsServedByAShardThatDoesNotOwnItsKey";
    static final String SALTING_SPREADS_WRITES = "saltingSpreadsAHotWriteKeyAndFansOutItsReads";
    static final String CACHE_COOLS_READS = "aReadCacheCoolsAHotReadKeyAndServesStaleValues";
    static final String CACHE_COALESCES = "aReadCacheSendsAHotKeysShardOneFetchPerTtl";
    static final String INVALIDATION_LEAVES_A_RACE = "invalidationOnWriteLeavesOnlyTheAcknowledgementRace";
    static final String COPIES_COOL_READS = "twoChoiceCopiesLowerAHotReadKeysTail";
    static final String TWO_CHOICES_BEAT_RANDOM = "twoChoicesKeepTheBusiestCopyAndTheTailBelowRandoms";

    static final String FIXES_TOKENS = "virtualNodesFixUnluckyTokens";
    static final String FIXES_CELEBRITY_VNODES = "virtualNodesFixACelebrityKey";
    static final String FIXES_MONOTONIC = "loadSplitsFixMonotonicInserts";
    static final String FIXES_RANGE = "loadSplitsFixAHotRange";
    static final String FIXES_CELEBRITY_LIMIT = "keyLimitsFixACelebrityKey";
    static final String FIXES_HOT_WRITE_SALT = "saltingFixesAHotWriteKey";
    static final String FIXES_HOT_READ_CACHE = "aReadCacheFixesAHotReadKey";
    static final String FIXES_HOT_READ_COPIES = "twoChoiceReadCopiesFixAHotReadKey";

    /** A busiest shard within this multiple of the mean counts as cool. */
    static final double COOL = 1.5;
    /** A p99 within this multiple of the no-hotspot store's counts as normal. */
    static final double NORMAL_TAIL = 2.0;

    private static final String BASELINE = HotspotVariant.name(Hotspot.UNLUCKY_TOKENS, Remedy.VIRTUAL_NODES);

    private HotspotClaims() {}

    static String v(Hotspot hotspot, Remedy remedy) {
        return HotspotVariant.name(hotspot, remedy);
    }

    static List<Claim> all() {
        List<Claim> claims = new ArrayList<>(assertions());
        claims.addAll(HotKeyClaims.assertions());
        claims.addAll(hypotheses());
        return List.copyOf(claims);
    }

    private static List<Claim> assertions() {
        return List.of(
                Claim.everySeed(
                        VNODES_EVEN_TOKENS,
                        "Virtual nodes bring the busiest shard under uniform access from where one token per shard left"
                                + " it to within 1.35x the mean, and lower the p99.",
                        (seed, runs) -> cooler(
                                        runs,
                                        v(Hotspot.UNLUCKY_TOKENS, Remedy.VIRTUAL_NODES),
                                        v(Hotspot.UNLUCKY_TOKENS, Remedy.NONE_RING1))
                                .or(() -> atMost(runs, v(Hotspot.UNLUCKY_TOKENS, Remedy.VIRTUAL_NODES), 1.35))),
                Claim.everySeed(
                        VNODES_NOT_CELEBRITY,
                        "With virtual nodes, the shard holding a celebrity read by --celebrity of the operations still"
                                + " works at least 1.5x the mean: one key lives on one shard, however many tokens.",
                        (seed, runs) -> atLeast(runs, v(Hotspot.CELEBRITY, Remedy.VIRTUAL_NODES), 1.5)),
                Claim.everySeed(
                        SPLITS_COOL_RANGE,
                        "Load-based splitting brings the busiest shard under a hot range to at most two thirds of what"
                                + " it is with static ranges, relative to the mean.",
                        (seed, runs) -> fraction(
                                runs,
                                v(Hotspot.HOT_RANGE, Remedy.LOAD_SPLITS),
                                v(Hotspot.HOT_RANGE, Remedy.NONE_RANGES),
                                2.0 / 3)),
                Claim.everySeed(
                        SPLITS_CHASE_MONOTONIC,
                        "Under monotonic inserts, load-based splitting lowers the busiest shard's load below static"
                                + " ranges', yet one shard still works at least 1.3x the mean: the tail moves, and the"
                                + " inserts follow it.",
                        (seed, runs) -> cooler(
                                        runs,
                                        v(Hotspot.MONOTONIC, Remedy.LOAD_SPLITS),
                                        v(Hotspot.MONOTONIC, Remedy.NONE_RANGES),
                                        false)
                                .or(() -> atLeast(runs, v(Hotspot.MONOTONIC, Remedy.LOAD_SPLITS), 1.3))),
                Claim.everySeed(
                        LIMIT_HOLDS_CELEBRITY,
                        "Per-key rate limiting lowers the celebrity shard's load and the p99 of what is served, and"
                                + " pays with refused requests.",
                        (seed, runs) -> cooler(
                                        runs,
                                        v(Hotspot.CELEBRITY, Remedy.KEY_LIMIT),
                                        v(Hotspot.CELEBRITY, Remedy.VIRTUAL_NODES))
                                .or(() -> refuses(runs, v(Hotspot.CELEBRITY, Remedy.KEY_LIMIT)))),
                Claim.everySeed(
                        OWNER_SERVES,
                        "No request, in any variant, is served by a shard that does not own its key, splits and moves"
                                + " included.",
                        (seed, runs) -> runs.entrySet().stream()
                                .filter(e -> e.getValue().counter(NOT_OWNED) > 0)
                                .findFirst()
                                .map(e -> e.getKey() + ": " + e.getValue().counter(NOT_OWNED) + " requests")));
    }

    private static List<Claim> hypotheses() {
        return List.of(
                fixes(
                        FIXES_TOKENS,
                        "Virtual nodes fix an unlucky token assignment",
                        Hotspot.UNLUCKY_TOKENS,
                        Remedy.VIRTUAL_NODES),
                fixes(
                        FIXES_CELEBRITY_VNODES,
                        "Virtual nodes fix a celebrity key",
                        Hotspot.CELEBRITY,
                        Remedy.VIRTUAL_NODES),
                fixes(
                        FIXES_MONOTONIC,
                        "Load-based splitting fixes monotonic inserts",
                        Hotspot.MONOTONIC,
                        Remedy.LOAD_SPLITS),
                fixes(FIXES_RANGE, "Load-based splitting fixes a hot range", Hotspot.HOT_RANGE, Remedy.LOAD_SPLITS),
                fixes(
                        FIXES_CELEBRITY_LIMIT,
                        "Per-key rate limiting fixes a celebrity key (for what it serves)",
                        Hotspot.CELEBRITY,
                        Remedy.KEY_LIMIT),
                fixes(FIXES_HOT_WRITE_SALT, "Key salting fixes a hot write key", Hotspot.HOT_WRITE, Remedy.SALTED),
                fixes(FIXES_HOT_READ_CACHE, "A read cache fixes a hot read key", Hotspot.HOT_READ, Remedy.READ_CACHE),
                fixes(
                        FIXES_HOT_READ_COPIES,
                        "Read copies picked by two choices fix a hot read key",
                        Hotspot.HOT_READ,
                        Remedy.COPIES_TWO_CHOICES));
    }

    static Claim fixes(String name, String text, Hotspot hotspot, Remedy remedy) {
        String variant = v(hotspot, remedy);
        return Claim.hypothesis(
                name,
                text + ": in " + variant + " the busiest shard works at most 1.5x the mean and the p99 is at most"
                        + " twice the p99 without a hotspot (" + BASELINE + ").",
                (seed, runs) -> {
                    double hottest = runs.get(variant).value(HOTTEST);
                    double p99 = p99Ms(runs, variant);
                    double normal = p99Ms(runs, BASELINE);
                    return hottest <= COOL && p99 <= NORMAL_TAIL * normal
                            ? Optional.empty()
                            : Optional.of("%s: busiest shard %.2fx the mean, p99 %.2f ms (without a hotspot %.2f ms)"
                                    .formatted(variant, hottest, p99, normal));
                });
    }

    static List<Question.Option> options() {
        return List.of(
                new Question.Option(
                        "A. virtual nodes fix an unlucky token assignment",
                        v(Hotspot.UNLUCKY_TOKENS, Remedy.VIRTUAL_NODES),
                        List.of(FIXES_TOKENS),
                        "Many tokens per shard average out the arcs that one token per shard leaves unequal."),
                new Question.Option(
                        "B. virtual nodes fix a celebrity key",
                        v(Hotspot.CELEBRITY, Remedy.VIRTUAL_NODES),
                        List.of(FIXES_CELEBRITY_VNODES),
                        "One key has one owner under any number of tokens."),
                new Question.Option(
                        "C. load-based splitting fixes monotonic inserts",
                        v(Hotspot.MONOTONIC, Remedy.LOAD_SPLITS),
                        List.of(FIXES_MONOTONIC),
                        "Every new key still lands in the last range; splitting moves the hot tail, not the inserts."),
                new Question.Option(
                        "D. load-based splitting fixes a hot range",
                        v(Hotspot.HOT_RANGE, Remedy.LOAD_SPLITS),
                        List.of(FIXES_RANGE),
                        "Splitting spreads a hot block of keys over shards; the changes themselves cost tail latency"
                                + " while they happen."),
                new Question.Option(
                        "E. per-key rate limiting fixes a celebrity key, at the price of refused requests",
                        v(Hotspot.CELEBRITY, Remedy.KEY_LIMIT),
                        List.of(FIXES_CELEBRITY_LIMIT),
                        "The shard serves the hot key up to its limit and refuses the rest at once, so its queue"
                                + " stays short; the refusals are the cost."),
                new Question.Option(
                        "F. key salting fixes a hot write key, at the price of reads that gather every sub-key",
                        v(Hotspot.HOT_WRITE, Remedy.SALTED),
                        List.of(FIXES_HOT_WRITE_SALT),
                        "The writes spread over the sub-keys' shards; how evenly depends on where the few sub-keys"
                                + " hash, and every read of the key pays --salts requests."),
                new Question.Option(
                        "G. a read cache fixes a hot read key, at the price of stale reads",
                        v(Hotspot.HOT_READ, Remedy.READ_CACHE),
                        List.of(FIXES_HOT_READ_CACHE),
                        "The shard sees one fetch per TTL instead of every read; a write is invisible until the entry"
                                + " expires."),
                new Question.Option(
                        "H. read copies picked by two choices fix a hot read key, at the price of copies written"
                                + " together",
                        v(Hotspot.HOT_READ, Remedy.COPIES_TWO_CHOICES),
                        List.of(FIXES_HOT_READ_COPIES),
                        "Each copy serves a share of the hot reads, but each also serves every write, and the copies"
                                + " of the hot shard still work more than the others."));
    }

    static double p99Ms(Map<String, SeedRun> runs, String variant) {
        var h = runs.get(variant).histogram(LATENCY);
        return h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(99) / 1e6;
    }

    static Optional<String> cooler(Map<String, SeedRun> runs, String remedied, String hot) {
        return cooler(runs, remedied, hot, true);
    }

    /** The remedied variant's busiest shard is less loaded (and, if asked, its p99 lower) than the hot one's. */
    static Optional<String> cooler(Map<String, SeedRun> runs, String remedied, String hot, boolean tailToo) {
        double a = runs.get(remedied).value(HOTTEST);
        double b = runs.get(hot).value(HOTTEST);
        double pa = p99Ms(runs, remedied);
        double pb = p99Ms(runs, hot);
        return a < b && (!tailToo || pa < pb)
                ? Optional.empty()
                : Optional.of("busiest shard %.2fx the mean and p99 %.2f ms in %s; %.2fx and %.2f ms in %s"
                        .formatted(a, pa, remedied, b, pb, hot));
    }

    private static Optional<String> atMost(Map<String, SeedRun> runs, String variant, double bound) {
        double hottest = runs.get(variant).value(HOTTEST);
        return hottest <= bound
                ? Optional.empty()
                : Optional.of("%s: busiest shard %.2fx the mean".formatted(variant, hottest));
    }

    private static Optional<String> atLeast(Map<String, SeedRun> runs, String variant, double bound) {
        double hottest = runs.get(variant).value(HOTTEST);
        return hottest >= bound
                ? Optional.empty()
                : Optional.of("%s: busiest shard only %.2fx the mean".formatted(variant, hottest));
    }

    private static Optional<String> fraction(Map<String, SeedRun> runs, String remedied, String hot, double share) {
        double a = runs.get(remedied).value(HOTTEST);
        double b = runs.get(hot).value(HOTTEST);
        return a <= share * b
                ? Optional.empty()
                : Optional.of("busiest shard %.2fx the mean in %s, %.2fx in %s".formatted(a, remedied, b, hot));
    }

    private static Optional<String> refuses(Map<String, SeedRun> runs, String variant) {
        double share = runs.get(variant).value(THROTTLED_SHARE);
        return share > 0 ? Optional.empty() : Optional.of(variant + " refused nothing");
    }
}
