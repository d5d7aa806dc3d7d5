package sdlab.runtime.net;

/** Where a process writes what happened to it, one line at a time (its log file, in a cluster). */
@FunctionalInterface
public interface LineLog {
    void line(String text);
}
