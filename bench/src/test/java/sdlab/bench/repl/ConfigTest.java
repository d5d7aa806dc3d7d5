package sdlab.bench.repl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The commands, statements and options each system is set up with, read without starting anything. */
class ConfigTest {
    private static final Path DATA = Path.of("/tmp/run/mariadb-primary");

    @Test
    void mariaDbSyncsItsBinlogAndRedoLogPerCommitAndTheReplicaNothingPerCommit() {
        List<String> server = MariaDbConfig.server("/usr/sbin/mariadbd", DATA, 3307, 1, false, false);

        assertThat(server)
                .startsWith("/usr/sbin/mariadbd", "--no-defaults")
                .contains(
                        "--datadir=" + DATA,
                        "--port=3307",
                        "--bind-address=127.0.0.1",
                        "--server-id=1",
                        "--log-bin=binlog",
                        "--sync-binlog=1",
                        "--innodb-flush-log-at-trx-commit=1")
                .doesNotContain("--user=root");
        // The replica applies without syncing, as sdlab's replica applies in memory; sync_relay_log stays MariaDB's
        // default.
        assertThat(MariaDbConfig.server("mariadbd", DATA, 3307, 2, true, true))
                .contains("--server-id=2", "--user=root", "--innodb-flush-log-at-trx-commit=2")
                .noneMatch(option -> option.startsWith("--sync-relay-log"));
    }

    @Test
    void mariaDbModesSwitchSemiSyncOnBothSidesAndReconnectTheReplica() {
        assertThat(MariaDbConfig.primaryMode(CommitMode.ASYNC))
                .containsExactly("SET GLOBAL rpl_semi_sync_master_enabled = OFF");
        assertThat(MariaDbConfig.primaryMode(CommitMode.SEMI_SYNC_AFTER_SYNC))
                .contains(
                        "SET GLOBAL rpl_semi_sync_master_wait_point = AFTER_SYNC",
                        "SET GLOBAL rpl_semi_sync_master_enabled = ON");
        assertThat(MariaDbConfig.primaryMode(CommitMode.SEMI_SYNC_AFTER_COMMIT))
                .contains("SET GLOBAL rpl_semi_sync_master_wait_point = AFTER_COMMIT");
        assertThat(MariaDbConfig.replicaMode(CommitMode.SEMI_SYNC_AFTER_SYNC))
                .containsExactly(
                        "SET GLOBAL rpl_semi_sync_slave_enabled = ON", "STOP SLAVE IO_THREAD", "START SLAVE IO_THREAD");
        assertThat(MariaDbConfig.replicaMode(CommitMode.ASYNC))
                .first()
                .asString()
                .endsWith("= OFF");
        assertThat(MariaDbConfig.followPrimary(4000).getFirst())
                .contains("MASTER_PORT=4000", "MASTER_USE_GTID=slave_pos");
        assertThatThrownBy(() -> MariaDbConfig.primaryMode(CommitMode.SYNC_ON))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void postgresNamesItsStandbySynchronousAndEachModeIsASessionLevel() {
        assertThat(PostgresConfig.primarySettings(5433, Path.of("/tmp/pg")))
                .contains("port = 5433", "wal_level = replica", "fsync = on", "synchronous_standby_names = 'standby'");
        assertThat(PostgresConfig.standbySettings(5434, 5433).get(1)).contains("port=5433", "application_name=standby");
        assertThat(PostgresConfig.session(CommitMode.SYNC_REMOTE_APPLY))
                .containsExactly("SET synchronous_commit = remote_apply");
        assertThat(PostgresConfig.level(CommitMode.ASYNC)).isEqualTo("local");
        assertThat(PostgresConfig.level(CommitMode.NO_SYNC)).isEqualTo("off");
        assertThat(PostgresConfig.level(CommitMode.SYNC_REMOTE_WRITE)).isEqualTo("remote_write");
        assertThat(PostgresConfig.level(CommitMode.SYNC_ON)).isEqualTo("on");
        assertThatThrownBy(() -> PostgresConfig.level(CommitMode.SEMI_SYNC_AFTER_SYNC))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void postgresRunsAsAnotherUserOnlyWhenOneIsNamed() {
        List<String> initdb = PostgresConfig.initdb(Path.of("/usr/lib/postgresql/15/bin"), Path.of("/tmp/pg/primary"));

        assertThat(PostgresConfig.as(null, initdb)).isEqualTo(initdb);
        assertThat(PostgresConfig.as("postgres", initdb))
                .startsWith("setpriv", "--reuid=postgres", "--regid=postgres")
                .endsWith(initdb.toArray(String[]::new));
    }

    @ParameterizedTest
    @EnumSource(value = CommitMode.class, names = "NO_SYNC", mode = EnumSource.Mode.EXCLUDE)
    void everySdlabModeIsOneReplicaWithoutFailoverAndItsOwnModeOptions(CommitMode mode) {
        var options = SdlabModes.options(mode);

        assertThat(options).containsEntry("replicas", "1").containsEntry("failover", "none");
        assertThat(options.get("mode")).isEqualTo(mode.label().split(" ")[0]);
        assertThat(SdlabModes.setting(mode)).startsWith("--mode " + options.get("mode"));
    }

    @Test
    void sdlabNamesTheWaitPointAndTheSyncLevel() {
        assertThat(SdlabModes.options(CommitMode.SEMI_SYNC_AFTER_COMMIT)).containsEntry("wait-point", "after-commit");
        assertThat(SdlabModes.options(CommitMode.SYNC_REMOTE_APPLY)).containsEntry("sync-level", "remote-apply");
        assertThatThrownBy(() -> SdlabModes.options(CommitMode.NO_SYNC)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theRespClientSendsAnArrayOfBulkStringsAndInfoFieldsAreRead() {
        assertThat(new String(RespConnection.encode("SET", "k", "42")))
                .isEqualTo("*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$2\r\n42\r\n");
        ReplicationInfo info =
                ReplicationInfo.parse("# Replication\r\nrole:master\r\nrpl_semi_sync_master_yes_tx:17\r\n");
        assertThat(info.text("role")).hasValue("master");
        assertThat(info.number("rpl_semi_sync_master_yes_tx")).isEqualTo(17);
        assertThat(info.number("absent")).isEqualTo(-1);
    }
}
