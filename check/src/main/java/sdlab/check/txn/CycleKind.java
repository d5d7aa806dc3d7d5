package sdlab.check.txn;

import java.util.List;

/** Names a dependency cycle by the edges it needs (Adya's G0, G1c, G-single, G2-item; Elle's session variants). */
final class CycleKind {
    private CycleKind() {}

    static String of(List<CycleStep> steps) {
        int rw = 0;
        boolean wr = false;
        boolean process = false;
        boolean realtime = false;
        for (CycleStep s : steps) {
            switch (s.kind()) {
                case Edges.RW -> rw++;
                case Edges.WR -> wr = true;
                case Edges.PROCESS -> process = true;
                case Edges.REALTIME -> realtime = true;
                default -> {}
            }
        }
        String base = rw == 0 ? (wr ? "G1c" : "G0") : rw == 1 ? "G-single" : "G2-item";
        return base + (realtime ? "-realtime" : process ? "-process" : "");
    }

    /** The first sentence of a cycle's explanation. */
    static String describe(String kind, int length) {
        String base = kind.replace("-realtime", "").replace("-process", "");
        String what =
                switch (base) {
                    case "G0" -> "a write cycle (ww edges only)";
                    case "G1c" -> "circular information flow (ww and wr edges)";
                    case "G-single" -> "a cycle with exactly one anti-dependency (rw): read skew";
                    default -> "a cycle with several anti-dependencies (rw): write skew";
                };
        String session = kind.endsWith("-realtime")
                ? ", closed by real-time order"
                : kind.endsWith("-process") ? ", closed by process order" : "";
        return kind + ": " + what + session + ", through " + length + " transactions:";
    }
}
