package sdlab.bench.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OracleFolderTest {
    @TempDir
    Path work;

    private Path porcupineBesideRepository() throws IOException {
        Path porcupine = Files.createDirectories(work.resolve("shared/oracles/porcupine"));
        Files.writeString(porcupine.resolve(OracleFolder.TIMES_FILE), "etcd_000.log 0.00\n");
        return porcupine;
    }

    @Test
    void foundBesideTheGitRootAboveTheWorkingDirectory() throws IOException {
        // From deep inside a repository, the oracles are the sibling shared/oracles of its root.
        Path porcupine = porcupineBesideRepository();
        Files.createDirectories(work.resolve("main/.git"));
        Path deep = Files.createDirectories(work.resolve("main/bench/src"));

        var candidates = OracleFolder.candidates(Optional.empty(), null, List.of(deep));

        assertThat(OracleFolder.find(candidates)).contains(porcupine);
    }

    @Test
    void foundBesideTheDirectoryOfTheLauncher() throws IOException {
        // A checkout without .git (a release) is recognised by its sdlab launcher.
        Path porcupine = porcupineBesideRepository();
        Files.createDirectories(work.resolve("main/app/target"));
        Files.writeString(work.resolve("main/sdlab"), "#!/bin/sh\n");

        var candidates = OracleFolder.candidates(Optional.empty(), null, List.of(work.resolve("main/app/target")));

        assertThat(OracleFolder.find(candidates)).contains(porcupine);
    }

    @Test
    void aGivenFolderMayBeTheOraclesFolderOrPorcupineItself() throws IOException {
        // --oracles accepts shared/oracles and shared/oracles/porcupine alike.
        Path porcupine = porcupineBesideRepository();

        var fromOracles = OracleFolder.candidates(Optional.of(work.resolve("shared/oracles")), null, List.of());
        var fromPorcupine = OracleFolder.candidates(Optional.of(porcupine), null, List.of());

        assertThat(OracleFolder.find(fromOracles)).contains(porcupine);
        assertThat(OracleFolder.find(fromPorcupine)).contains(porcupine);
    }

    @Test
    void aGivenFolderIsTheOnlyPlaceLookedAt() throws IOException {
        // A wrong --oracles is reported as wrong, not silently replaced by a folder found elsewhere.
        porcupineBesideRepository();
        Files.createDirectories(work.resolve("main/.git"));

        var candidates =
                OracleFolder.candidates(Optional.of(work.resolve("elsewhere")), null, List.of(work.resolve("main")));

        assertThat(candidates).containsExactly(work.resolve("elsewhere/porcupine"), work.resolve("elsewhere"));
        assertThat(OracleFolder.find(candidates)).isEmpty();
    }

    @Test
    void withoutARepositoryRootNothingIsLookedAt() throws IOException {
        // A working directory outside any checkout gives no candidates, which the command reports.
        Path outside = Files.createDirectories(work.resolve("nowhere"));

        assertThat(OracleFolder.repositoryRoot(outside)).isEmpty();
    }
}
