package sdlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import sdlab.lab.Experiment;

class ExperimentCatalogTest {
    @Test
    void everyRegisteredChapterCarriesItsIdentityAndItsText() {
        // The chapters are found through the ServiceLoader; each states who it is once and keeps its prose beside it.
        ExperimentCatalog catalog = ExperimentCatalog.load();
        assertThat(catalog.all())
                .extracting(Experiment::id)
                .contains(
                        "ratelimit-placement",
                        "canary",
                        "tls-reuse",
                        "lb-features",
                        "quorum",
                        "redis-vs-memcached",
                        "cache-warmup",
                        "ratelimit-responses",
                        "caching-layers");
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
}
