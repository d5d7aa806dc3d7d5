package sdlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import sdlab.lab.Experiment;
import sdlab.lab.ParamValues;
import sdlab.lab.Variant;

class ExperimentCatalogTest {
    @Test
    void everyRegisteredChapterCarriesItsIdentityAndItsText() {
        // The chapters are found through the ServiceLoader; each states who it is once and keeps its prose beside it.
        ExperimentCatalog catalog = ExperimentCatalog.load();
        assertThat(catalog.all())
                .extracting(Experiment::id)
                .contains(
                        "ledger",
                        "ratelimit-placement",
                        "canary",
                        "locks",
                        "tls-reuse",
                        "read-replicas",
                        "lb-features",
                        "quorum",
                        "redis-vs-memcached",
                        "splitbrain",
                        "cache-warmup",
                        "cron",
                        "ratelimit-responses",
                        "semisync",
                        "isolation",
                        "caching-layers",
                        "partitioning",
                        "hotspots",
                        "conflicts",
                        "sagas",
                        "consumer-lag",
                        "redundancy");
        // The test doubles registered beside them (dice, broken) carry a one-line text of their own.
        for (Experiment experiment : catalog.all().stream()
                .filter(e -> e.getClass().getPackageName().startsWith("sdlab.chapters"))
                .toList()) {
            assertThat(experiment.explanation())
                    .as("the chapter text of %s", experiment.id())
                    .isNotBlank()
                    .contains("\n\n");
        }
        assertThat(catalog.all())
                .extracting(e -> e.identity().chapter())
                .as("listed by chapter")
                .isSorted();
    }

    @Test
    void figuresThatFollowFromCostInputsAreMarkedDerivedAndTheirClaimsAreIllustrations() {
        // The figures the lab used to present as findings although they pass a cost input through: each is now marked,
        // and nothing else is. A mark dropped or added by accident fails here.
        Map<String, Set<String>> derived = new TreeMap<>();
        Map<String, Set<String>> illustrations = new TreeMap<>();
        for (Experiment experiment : ExperimentCatalog.load().all()) {
            ParamValues values = ParamValues.defaults(experiment.params());
            List<Variant> variants = experiment.variants(values);
            experiment.metrics().stream()
                    .filter(m -> !m.provenance().measured())
                    .forEach(m -> derived.computeIfAbsent(experiment.id(), k -> new TreeSet<>())
                            .add(m.name()));
            experiment.claims(values, variants).stream()
                    .filter(c -> c.illustration().isPresent())
                    .forEach(c -> illustrations
                            .computeIfAbsent(experiment.id(), k -> new TreeSet<>())
                            .add(c.name()));
        }
        assertThat(derived)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "ratelimit-placement",
                        Set.of("originBusyShare"),
                        "tls-reuse",
                        Set.of("backendHandshakeCpuUsPerWake", "gatewayHandshakeCpuUsPerWake", "handshakeCpuUsPerWake"),
                        "lb-features",
                        Set.of("connectionsPerBrowser"),
                        "read-replicas",
                        Set.of("snapshotMB", "snapshotMs"),
                        "redundancy",
                        Set.of("restoreMs"),
                        "redis-vs-memcached",
                        Set.of("parseNsPerRequest", "throughputOpsPerSec", "loadLatencyMsP99"),
                        "consumer-lag",
                        Set.of("corr.brokerCpuIdle", "max.brokerCpuIdle")));
        assertThat(illustrations.get("ratelimit-placement"))
                .containsExactlyInAnyOrder(
                        "withinDecisionBudget[client-sdk]",
                        "withinDecisionBudget[edge-local]",
                        "withinDecisionBudget[gateway-local]",
                        "withinDecisionBudget[origin]");
        assertThat(illustrations.get("tls-reuse"))
                .allMatch(name -> name.startsWith("atLeastHalvesHandshakeCpuPerWake["));
        assertThat(illustrations.get("lb-features"))
                .containsExactlyInAnyOrder(
                        "http2OpensFewerConnectionsThanHttp1", "atLeastHalvesTheConnectionsPerBrowser[h2]");
        assertThat(illustrations.get("redis-vs-memcached"))
                .containsExactlyInAnyOrder("workerThreadsMultiplyThroughput", "parsingIsASmallShareOfServiceTime");
        assertThat(illustrations.get("cache-warmup")).containsExactly("ttlZeroSendsEveryReadToTheDatabase");
        assertThat(illustrations.get("consumer-lag")).containsExactly("brokerCpuIdleTrendsUpWithP95");
        assertThat(illustrations)
                .containsOnlyKeys(
                        "ratelimit-placement",
                        "tls-reuse",
                        "lb-features",
                        "redis-vs-memcached",
                        "cache-warmup",
                        "consumer-lag");
    }
}
