package sdlab.runtime.host;

/**
 * What happens when a node's own code throws, or its disk fails a sync: the node must stop, as a
 * crashed process does, rather than go on with state it can no longer trust. In a node process
 * this halts the JVM; tests pass their own to watch for it.
 */
@FunctionalInterface
public interface FailStop {
    void stop(String what, Throwable cause);

    /** Halts the process with status 3 after logging; nothing after the failure runs. */
    static FailStop haltProcess(sdlab.runtime.net.LineLog log) {
        return (what, cause) -> {
            log.line("stopping after a failure in " + what + ": " + cause);
            Runtime.getRuntime().halt(3);
        };
    }
}
