package sdlab.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runs folder: what is kept is read back after a restart, newest first; what does not read is skipped. */
class RunStoreTest {
    @TempDir
    Path dir;

    @Test
    void keptRunsAreReadBackNewestFirstWithTheirReports() throws Exception {
        RunStore store = RunStore.open(dir);
        store.keep(run("20261207-070000-quorum-0001", Instant.parse("2026-12-07T07:00:00Z")), Optional.of("{}\n"));
        store.keep(run("20261207-080000-quorum-0002", Instant.parse("2026-12-07T08:00:00Z")), Optional.empty());

        RunStore reopened = RunStore.open(dir);

        assertThat(reopened.newestFirst())
                .extracting(KeptRun::id)
                .containsExactly("20261207-080000-quorum-0002", "20261207-070000-quorum-0001");
        assertThat(reopened.newestFirst().getLast())
                .isEqualTo(store.find("20261207-070000-quorum-0001").orElseThrow());
        assertThat(reopened.report("20261207-070000-quorum-0001")).contains("{}\n");
        assertThat(reopened.report("20261207-080000-quorum-0002")).isEmpty();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder(
                            "20261207-070000-quorum-0001.run.json",
                            "20261207-070000-quorum-0001.json",
                            "20261207-080000-quorum-0002.run.json");
        }
    }

    @Test
    void aSummaryThatDoesNotReadIsSkippedAndTheOthersStillList() throws Exception {
        RunStore.open(dir).keep(run("20261207-070000-quorum-0001", Instant.EPOCH), Optional.empty());
        Files.writeString(dir.resolve("garbage.run.json"), "{not json");
        Files.writeString(dir.resolve("partial.run.json"), "{\"id\": \"partial\"}");

        assertThat(RunStore.open(dir).newestFirst())
                .extracting(KeptRun::id)
                .containsExactly("20261207-070000-quorum-0001");
    }

    @Test
    void onlyWellFormedIdsNameFiles() throws Exception {
        RunStore store = RunStore.open(dir);
        Files.writeString(dir.resolveSibling("secret.json"), "{}");

        assertThat(store.report("../secret")).isEmpty();
        assertThat(store.find("../secret")).isEmpty();
        assertThat(RunStore.isWellFormed("20261207-070000-quorum-0001")).isTrue();
        assertThat(RunStore.isWellFormed("Quorum")).isFalse();
    }

    private static KeptRun run(String id, Instant startedAt) {
        return new KeptRun(
                id,
                "quorum",
                10,
                "Dynamo-style quorums (N, R, W)",
                RunState.DONE,
                Map.of("loss", "0.05"),
                20,
                1,
                20,
                startedAt,
                Optional.of(new KeptRun.Verdict(true, List.of("read-your-writes"), List.of("strong consistency"))),
                Optional.empty());
    }
}
