package sdlab.bench.peer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SdlabNodeTest {

    @Test
    void aNodeRunsWithTheLaunchersCollectorHeapAndNettySettingsButNoAgents() {
        // The child must measure what 'sdlab node' runs: the launcher's collector, Netty settings
        // and native access; an agent, a debugger, a flight recording of the bench or the launcher's class-data archive
        // (made for the launcher's class path) must not.
        List<String> ours = List.of(
                "-XX:+UseParallelGC",
                "-Xmx2g",
                "-Dio.netty.leakDetection.level=disabled",
                "--enable-native-access=ALL-UNNAMED",
                "--sun-misc-unsafe-memory-access=allow",
                "-javaagent:/tmp/jacoco.jar",
                "-agentlib:jdwp=transport=dt_socket",
                "-XX:StartFlightRecording=filename=x.jfr",
                "-XX:SharedArchiveFile=/repo/app/target/sdlab.jsa",
                "-XX:+AutoCreateSharedArchive",
                "-Dsdlab.cache.transport=nio");

        assertThat(SdlabNode.jvmOptions(ours))
                .containsExactly(
                        "-XX:+UseParallelGC",
                        "-Xmx2g",
                        "-Dio.netty.leakDetection.level=disabled",
                        "--enable-native-access=ALL-UNNAMED",
                        "--sun-misc-unsafe-memory-access=allow");
    }

    @Test
    void aCollectorAskedForReplacesTheLaunchersOwn() {
        // --node-jvm-option=-XX:+UseZGC must not start a JVM that refuses two collectors.
        List<String> options = SdlabNode.nodeJvmOptions(
                List.of("-XX:+UseParallelGC", "-Dio.netty.leakDetection.level=disabled"),
                List.of("-XX:+UseZGC", "-Xlog:gc"));

        assertThat(options).containsExactly("-Dio.netty.leakDetection.level=disabled", "-XX:+UseZGC", "-Xlog:gc");
        assertThat(SdlabNode.nodeJvmOptions(List.of("-XX:+UseParallelGC"), List.of("-Xlog:gc")))
                .containsExactly("-XX:+UseParallelGC", "-Xlog:gc");
    }
}
