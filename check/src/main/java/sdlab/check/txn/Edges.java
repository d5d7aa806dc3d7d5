package sdlab.check.txn;

import java.util.ArrayList;
import java.util.List;

/**
 * The kinds of dependency edge, as bits of a mask: one pair of transactions may be related in
 * several ways at once. The order of the bits is the order of preference when a cycle's step is
 * named: a data dependency explains more than a session or clock order.
 */
public final class Edges {
    private Edges() {}

    /** Write-write: the target overwrote (appended after) a version the source wrote. */
    public static final int WW = 1;
    /** Write-read: the target read a version the source wrote. */
    public static final int WR = 2;
    /** Read-write (anti-dependency): the source read a version the target overwrote. */
    public static final int RW = 4;
    /** Process order: the same client ran the source, then the target. */
    public static final int PROCESS = 8;
    /** Real-time order: the source completed before the target was invoked. */
    public static final int REALTIME = 16;

    /** The data dependencies, which every isolation level is defined by. */
    public static final int DATA = WW | WR | RW;
    /** Every kind. */
    public static final int ALL = DATA | PROCESS | REALTIME;

    private static final int[] KINDS = {WW, WR, RW, PROCESS, REALTIME};

    /** The preferred single kind of a mask: the first of ww, wr, rw, process, realtime it holds. */
    public static int preferred(int mask) {
        for (int kind : KINDS) {
            if ((mask & kind) != 0) {
                return kind;
            }
        }
        throw new IllegalArgumentException("empty edge mask");
    }

    /** The name of one kind: ww, wr, rw, process or realtime. */
    public static String name(int kind) {
        return switch (kind) {
            case WW -> "ww";
            case WR -> "wr";
            case RW -> "rw";
            case PROCESS -> "process";
            case REALTIME -> "realtime";
            default -> throw new IllegalArgumentException("not one edge kind: " + kind);
        };
    }

    /** The names of the kinds in a mask. */
    public static List<String> names(int mask) {
        List<String> names = new ArrayList<>();
        for (int kind : KINDS) {
            if ((mask & kind) != 0) {
                names.add(name(kind));
            }
        }
        return names;
    }
}
