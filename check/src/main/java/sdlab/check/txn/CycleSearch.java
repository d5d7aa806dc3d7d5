package sdlab.check.txn;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds and classifies dependency cycles, as Elle does: the graph's strongly connected
 * components say where cycles are (cheaply, and on a valid history that is all the work), then a
 * short cycle of each kind is looked for inside each component.
 *
 * <p>The kinds, after Adya: G0 (ww edges only: write cycles), G1c (ww and wr: circular
 * information flow), G-single (exactly one rw: read skew), G2-item (rw edges: write skew and
 * worse). A cycle that needs process order is named with {@code -process}, one that needs real
 * time with {@code -realtime}. Searches go from the weakest edge sets to the strongest, so a
 * component's data-only cycles are reported before its session and real-time ones. Each kind is
 * reported once per component, and a session or real-time variant only if it rules out a model
 * that the component's cycles reported so far do not (G-single-realtime says nothing that
 * G-single has not said already).
 *
 * <p>For G0, G1c and G2-item the search is exact per component: restrict the graph to the
 * allowed kinds, take its components, and close a cycle through one edge of the wanted kind
 * inside one of them (both ends in one component means the way back exists). G-single is
 * bounded: it tries up to {@link #G_SINGLE_ATTEMPTS_MAX} rw edges per component, each with a
 * search for a way back without rw; a G-single beyond those shows up as G2-item instead.
 */
final class CycleSearch {
    static final int G_SINGLE_ATTEMPTS_MAX = 64;
    /** Session orders added step by step: none, process order, process order and real time. */
    private static final int[] FLAVORS = {0, Edges.PROCESS, Edges.PROCESS | Edges.REALTIME};

    private final DependencyGraph graph;
    private final EdgeReasons reasons;
    private final TxnText text;
    private final PathFinder paths;
    private final Components all;
    private final Set<String> reported = new HashSet<>();
    /** Per strongly connected component: the models its reported cycles rule out so far. */
    private final Map<Integer, Set<String>> ruledOutByComponent = new HashMap<>();

    private final List<Anomaly> found = new ArrayList<>();

    private CycleSearch(DependencyGraph graph, EdgeReasons reasons, TxnText text) {
        this.graph = graph;
        this.reasons = reasons;
        this.text = text;
        this.paths = new PathFinder(graph);
        this.all = Components.of(graph, Edges.ALL);
    }

    /** The cycle anomalies of {@code graph}: at most one of each kind per strongly connected component. */
    static List<Anomaly> find(DependencyGraph graph, EdgeReasons reasons, TxnText text) {
        CycleSearch search = new CycleSearch(graph, reasons, text);
        if (search.all.count > 0) {
            for (int flavor : FLAVORS) {
                search.closeThrough(Edges.WW | flavor, flavor == 0 ? Edges.WW : newest(flavor));
                search.closeThrough(Edges.WW | Edges.WR | flavor, flavor == 0 ? Edges.WR : newest(flavor));
                search.singleAntiDependency(flavor);
                search.closeThrough(Edges.DATA | flavor, flavor == 0 ? Edges.RW : newest(flavor));
            }
        }
        return search.found;
    }

    /** The session order a flavor adds last: the kind its cycles must use to be new. */
    private static int newest(int flavor) {
        return (flavor & Edges.REALTIME) != 0 ? Edges.REALTIME : Edges.PROCESS;
    }

    /** In each component of the {@code kinds} subgraph, the shortest cycle through its first {@code through} edge. */
    private void closeThrough(int kinds, int through) {
        Components parts = Components.of(graph, kinds);
        int[][] members = parts.members();
        for (int c = 0; c < parts.count; c++) {
            int[] edge = firstEdge(members[c], parts.componentOf, c, through, kinds & ~through);
            if (edge != null) {
                int[] back = paths.path(edge[1], edge[0], kinds, parts.componentOf, c);
                record(edge[0], through, back, kinds);
            }
        }
    }

    /** A cycle with exactly one rw edge, per component of the data (and flavor) subgraph. */
    private void singleAntiDependency(int flavor) {
        Components parts = Components.of(graph, Edges.DATA | flavor);
        int[][] members = parts.members();
        int withoutRw = Edges.WW | Edges.WR | flavor;
        for (int c = 0; c < parts.count; c++) {
            int attempts = 0;
            search:
            for (int a : members[c]) {
                for (int e = graph.rowStart(a); e < graph.rowEnd(a); e++) {
                    int b = graph.target(e);
                    if ((graph.mask(e) & Edges.RW) == 0 || parts.componentOf[b] != c) {
                        continue;
                    }
                    int[] back = paths.path(b, a, withoutRw, parts.componentOf, c);
                    if (back != null) {
                        record(a, Edges.RW, back, withoutRw);
                        break search;
                    }
                    if (++attempts == G_SINGLE_ATTEMPTS_MAX) {
                        break search;
                    }
                }
            }
        }
    }

    /**
     * The first edge in component {@code c} that has kind {@code through}, preferring one without
     * any of {@code avoid} (so that it is named by {@code through}); as {source, target}, or null.
     */
    private int[] firstEdge(int[] members, int[] componentOf, int c, int through, int avoid) {
        int[] fallback = null;
        for (int a : members) {
            for (int e = graph.rowStart(a); e < graph.rowEnd(a); e++) {
                int b = graph.target(e);
                if ((graph.mask(e) & through) == 0 || componentOf[b] != c) {
                    continue;
                }
                if ((graph.mask(e) & avoid) == 0) {
                    return new int[] {a, b};
                }
                if (fallback == null) {
                    fallback = new int[] {a, b};
                }
            }
        }
        return fallback;
    }

    /** Records the cycle {@code first -through-> back[0] -> ... -> back[last] == first}, if its kind is new here. */
    private void record(int first, int through, int[] back, int kinds) {
        List<CycleStep> steps = new ArrayList<>(back.length);
        // A real-time edge that is also process order is named by the weaker claim, process order.
        int closing = through == Edges.REALTIME && (graph.mask(first, back[0]) & Edges.PROCESS) != 0
                ? Edges.PROCESS
                : through;
        steps.add(step(first, back[0], closing));
        for (int i = 0; i + 1 < back.length; i++) {
            steps.add(step(back[i], back[i + 1], Edges.preferred(graph.mask(back[i], back[i + 1]) & kinds)));
        }
        String kind = CycleKind.of(steps);
        int component = all.componentOf[first];
        Set<String> ruledOut = ruledOutByComponent.computeIfAbsent(component, c -> new HashSet<>());
        boolean sessionVariant = kind.endsWith("-process") || kind.endsWith("-realtime");
        if (sessionVariant && ruledOut.containsAll(ConsistencyModels.ruledOutBy(kind))) {
            return; // e.g. G-single-realtime beside G-single: it would rule out nothing more
        }
        if (!reported.add(kind + "@" + component)) {
            return;
        }
        ruledOut.addAll(ConsistencyModels.ruledOutBy(kind));
        List<Integer> txns = new ArrayList<>();
        StringBuilder explanation = new StringBuilder(CycleKind.describe(kind, steps.size()));
        for (CycleStep s : steps) {
            txns.add(s.from());
            explanation.append("\n  ").append(text.txn(s.from()));
        }
        for (CycleStep s : steps) {
            explanation
                    .append("\n  T")
                    .append(s.from())
                    .append(" -")
                    .append(Edges.name(s.kind()))
                    .append("-> T")
                    .append(s.to())
                    .append(": ")
                    .append(s.why());
        }
        found.add(new Anomaly(kind, txns, explanation.toString(), steps));
    }

    private CycleStep step(int from, int to, int kind) {
        return new CycleStep(from, to, kind, reasons.why(from, to, kind));
    }
}
