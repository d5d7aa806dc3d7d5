package sdlab.bench.coord;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.ToDoubleFunction;
import sdlab.bench.peer.Alternating;
import sdlab.bench.peer.PeerRow;

/**
 * One operation measured on sdlab and on ZooKeeper in alternating rounds. Its medians and ratios
 * are {@link PeerRow}'s (each side's median; the median of the rounds' ratios), with the median
 * p50 beside them. A row where either side answered an error is not a figure: it has no ratios.
 *
 * @param op the operation
 * @param sdlabRounds sdlab's figures, round by round, in the order measured
 * @param zooKeeperRounds ZooKeeper's figures, round by round
 */
public record CoordRow(CoordOp op, List<CoordFigures> sdlabRounds, List<CoordFigures> zooKeeperRounds) {
    public CoordRow {
        sdlabRounds = List.copyOf(sdlabRounds);
        zooKeeperRounds = List.copyOf(zooKeeperRounds);
        peerRow(op, sdlabRounds, zooKeeperRounds); // checks the round counts
    }

    /** Throughput, p99 and errors in the shape the other peer benches share. */
    public PeerRow peerRow() {
        return peerRow(op, sdlabRounds, zooKeeperRounds);
    }

    private static PeerRow peerRow(CoordOp op, List<CoordFigures> sdlab, List<CoordFigures> zooKeeper) {
        return new PeerRow(
                op.wireName(),
                sdlab.stream().map(CoordFigures::loadFigures).toList(),
                zooKeeper.stream().map(CoordFigures::loadFigures).toList());
    }

    /** sdlab's medians and its errors over all rounds. */
    public CoordFigures sdlab() {
        return median(sdlabRounds);
    }

    /** ZooKeeper's medians and its errors over all rounds. */
    public CoordFigures zooKeeper() {
        return median(zooKeeperRounds);
    }

    /** Whether both sides answered every request: only then do the ratios compare anything. */
    public boolean isFigure() {
        return sdlab().errors() == 0 && zooKeeper().errors() == 0;
    }

    /** sdlab's throughput over ZooKeeper's (above 1 is faster); empty when the row is not a figure. */
    public OptionalDouble throughputRatio() {
        return isFigure() ? OptionalDouble.of(peerRow().throughputRatio()) : OptionalDouble.empty();
    }

    /** sdlab's p99 over ZooKeeper's (below 1 is better); empty when the row is not a figure. */
    public OptionalDouble p99Ratio() {
        return isFigure() ? OptionalDouble.of(peerRow().p99Ratio()) : OptionalDouble.empty();
    }

    private static CoordFigures median(List<CoordFigures> rounds) {
        Map<String, Long> errors = new HashMap<>();
        rounds.forEach(round -> round.errorsByCode().forEach((code, n) -> errors.merge(code, n, Long::sum)));
        return new CoordFigures(
                median(rounds, CoordFigures::opsPerSecond),
                median(rounds, CoordFigures::latencyMsP50),
                median(rounds, CoordFigures::latencyMsP99),
                errors);
    }

    private static double median(List<CoordFigures> rounds, ToDoubleFunction<CoordFigures> figure) {
        return Alternating.median(rounds.stream().mapToDouble(figure).toArray());
    }
}
