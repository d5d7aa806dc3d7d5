package sdlab.cache.server;

import java.lang.management.ManagementFactory;
import java.util.Optional;
import javax.management.JMException;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands the C heap's free memory back to the operating system: the JVM's {@code System.trim_native_heap}
 * (glibc's {@code malloc_trim}), called through the diagnostic-command MBean.
 *
 * <p>The launcher tunes glibc's malloc to keep freed memory ({@code MALLOC_TRIM_THRESHOLD_}, see the
 * {@code sdlab} script), because giving it back after every burst of big replies made the node fault
 * the same pages in again and again. Memory that stays unused for a while is then returned here, as
 * jemalloc returns Redis's freed pages after its ten-second decay.
 */
final class NativeHeap {
    private static final Logger log = LoggerFactory.getLogger(NativeHeap.class);
    private static final String DIAGNOSTIC_COMMANDS = "com.sun.management:type=DiagnosticCommand";

    private NativeHeap() {}

    /** Trims the C heap; the JVM's one-line report ("Trim native heap: RSS+Swap: ..."), or empty if it could not. */
    static Optional<String> trim() {
        try {
            Object report = ManagementFactory.getPlatformMBeanServer()
                    .invoke(
                            new ObjectName(DIAGNOSTIC_COMMANDS),
                            "systemTrimNativeHeap",
                            new Object[] {new String[0]},
                            new String[] {String[].class.getName()});
            String text = String.valueOf(report).strip();
            log.debug("{}", text);
            return Optional.of(text);
        } catch (JMException | RuntimeException e) {
            log.debug("native heap not trimmed: {}", e.toString());
            return Optional.empty();
        }
    }
}
