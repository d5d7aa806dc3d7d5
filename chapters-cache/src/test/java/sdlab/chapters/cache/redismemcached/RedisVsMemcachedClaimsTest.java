package sdlab.chapters.cache.redismemcached;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import sdlab.lab.Claim;
import sdlab.lab.report.ClaimResult;
import sdlab.lab.report.ExperimentReport;
import sdlab.lab.report.QuestionResult;
import sdlab.lab.sweep.Sweep;

/**
 * Chapter 11's claims over 200 seeds with the default parameters, the sweep that
 * {@code ./sdlab run redis-vs-memcached --seeds 200} runs: persistence decides whether keys outlive
 * a crash; eviction, protocol and threads change hit ratio, bytes and throughput instead.
 */
class RedisVsMemcachedClaimsTest {
    private static final int SEEDS = 200;

    /** Every claim the chapter makes at its defaults, by the names reports and scripts know them by. */
    private static final List<String> EXPECTED_CLAIMS = List.of(
            "restartEmptiesEveryNodeWithoutPersistence",
            "aofAlwaysKeepsEveryAcknowledgedWrite",
            "aofEverysecLosesAtMostAboutOneSecond",
            "snapshotsLoseAtMostOnePeriod",
            "lazierPoliciesLoseAcknowledgedWrites[redis-rdb]",
            "lazierPoliciesLoseAcknowledgedWrites[redis-aof-everysec]",
            "lazierPoliciesLoseAcknowledgedWrites[redis-aof-no]",
            "workerThreadsMultiplyThroughput",
            "sampledLruHitsAlmostAsOftenAsExactLru",
            "lfuHitsMoreOftenThanLruOnSkewedKeys",
            "protocolsDifferByFewBytesPerRequest",
            "parsingIsASmallShareOfServiceTime",
            "keysSurviveRestartWithLruEviction",
            "keysSurviveRestartWithBinaryProtocol",
            "keysSurviveRestartWithManyCores",
            "keysSurviveRestartWithPersistence");

    private static ExperimentReport report;
    private static Map<String, ClaimResult> claims;

    @BeforeAll
    static void sweep() {
        report = Sweep.quietly(new RedisVsMemcachedExperiment(), SEEDS);
        claims = report.claimsByName();
    }

    @Test
    void reportsExactlyTheExpectedClaims() {
        // Shows: a claim dropped from the chapter, renamed, or added without a test fails here, by name.
        assertThat(claims.keySet()).containsExactlyInAnyOrderElementsOf(EXPECTED_CLAIMS);
    }

    @Test
    void everyAssertionHoldsOnEverySeed() {
        // Shows: the chapter's argument, measured: each assertion held over all 200 seeds.
        for (ClaimResult claim : claims.values()) {
            if (claim.role() == Claim.Role.ASSERTION) {
                assertThat(claim.holds())
                        .as(claim.name() + ": " + claim.evidence())
                        .isTrue();
                assertThat(claim.seedsChecked()).isEqualTo(SEEDS);
            }
        }
    }

    @Test
    void withoutPersistenceARestartLeavesNothingWhateverTheOtherFeatures() {
        // Shows: LRU, LFU, the binary protocol and four threads all come back empty from a crash.
        for (String variant : new String[] {
            ServerVariant.MEMCACHED, ServerVariant.MEMCACHED_BINARY, ServerVariant.REDIS, ServerVariant.REDIS_LFU
        }) {
            assertThat(report.metric(variant, "keptAfterRestart")).as(variant).isZero();
        }
        assertThat(report.metric(ServerVariant.REDIS_AOF_ALWAYS, "keptAfterRestart"))
                .isEqualTo(1.0);
    }

    @Test
    void onlyThePersistenceOptionOfTheQuestionIsSupported() {
        // Shows: of the four features the question offers, only RDB-AOF persistence keeps acknowledged keys.
        QuestionResult question = report.question().orElseThrow();
        for (QuestionResult.OptionResult option : question.options()) {
            assertThat(option.supported())
                    .as(option.label())
                    .isEqualTo(option.label().equals("RDB-AOF persistence"));
        }
    }

    @Test
    void theWeakerPoliciesLoseLessThanNoPersistenceButMoreThanAlways() {
        // Shows: everysec and snapshots keep most acknowledged writes; the unsynced file keeps fewer; always keeps all.
        double everysec = report.metric(ServerVariant.REDIS_AOF_EVERYSEC, "keptAfterRestart");
        double snapshots = report.metric(ServerVariant.REDIS_RDB, "keptAfterRestart");
        double unsynced = report.metric(ServerVariant.REDIS_AOF_NO, "keptAfterRestart");
        assertThat(everysec).isBetween(0.5, 0.999);
        assertThat(snapshots).isBetween(0.5, 0.999);
        assertThat(unsynced).isLessThan(Math.min(everysec, snapshots));
    }

    @Test
    void fsyncBeforeEveryAcknowledgementIsPaidInWriteLatency() {
        // Shows: what always costs: every SET waits for a disk sync, several times a LAN round trip.
        assertThat(report.metric(ServerVariant.REDIS_AOF_ALWAYS, "writeLatencyMsP50"))
                .isGreaterThan(5 * report.metric(ServerVariant.REDIS_AOF_EVERYSEC, "writeLatencyMsP50"));
    }

    @Test
    void lfuKeepsMoreOfTheHotKeysThanLruOnASkewedStream() {
        // Shows: eviction changes the hit ratio by a few points; LFU suits a stable Zipfian popularity best.
        assertThat(report.metric(ServerVariant.REDIS_LFU, "hitRatio"))
                .isGreaterThan(report.metric(ServerVariant.REDIS, "hitRatio"))
                .isGreaterThan(report.metric(ServerVariant.REDIS_EXACT_LRU, "hitRatio"));
    }
}
