package sdlab.cache;

/**
 * Receives every change as a command that replays it: what Redis calls propagation, written
 * to the append-only file. Relative times are already absolute (SET ... PXAT, PEXPIREAT), and
 * keys that expire or are evicted arrive as DEL, so replaying the log rebuilds the same data.
 */
@FunctionalInterface
public interface WriteLog {
    WriteLog NONE = argv -> {};

    /** One command; the arrays are shared and must not be modified. */
    void append(byte[][] argv);
}
