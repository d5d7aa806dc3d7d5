package sdlab.bench.coord;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import sdlab.bench.peer.Alternating;
import sdlab.lab.DurationText;

/**
 * The same load on sdlab and on ZooKeeper in one run: for every operation, {@code rounds} phases
 * per side, alternating which side goes first (sdlab, ZooKeeper, ZooKeeper, sdlab, ...), so that
 * neither always runs on the warmer or the quieter machine. Both ensembles stay up for the whole
 * run and each works under a root of its own.
 */
public final class CoordComparison {
    private final CoordSettings settings;
    private final Consumer<String> progress;

    public CoordComparison(CoordSettings settings, Consumer<String> progress) {
        this.settings = settings;
        this.progress = progress;
    }

    /**
     * One row per operation of the settings, in their order.
     *
     * @throws IllegalStateException when an ensemble refuses the run's setup or is interrupted
     */
    public List<CoordRow> run(Ensemble sdlab, Ensemble zooKeeper) throws InterruptedException {
        String root = "/sdlab-bench-coord-" + Long.toHexString(System.currentTimeMillis());
        byte[] value = new byte[settings.valueBytes()];
        progress.accept("preparing " + CoordSettings.WORKING_SET_SIZE + " nodes on each side");
        RunTree sdlabTree = RunTree.prepare(sdlab, root, CoordSettings.WORKING_SET_SIZE, value);
        RunTree zooKeeperTree = RunTree.prepare(zooKeeper, root, CoordSettings.WORKING_SET_SIZE, value);
        List<CoordRow> rows = new ArrayList<>();
        for (CoordOp op : settings.ops()) {
            int[] phase = {0};
            Alternating.Runs<CoordFigures> runs = Alternating.run(
                    settings.rounds(),
                    () -> measure("sdlab", sdlab, sdlabTree, op, ++phase[0]),
                    () -> measure("ZooKeeper", zooKeeper, zooKeeperTree, op, ++phase[0]));
            rows.add(new CoordRow(op, runs.sdlab(), runs.peer()));
        }
        return rows;
    }

    private CoordFigures measure(String side, Ensemble ensemble, RunTree tree, CoordOp op, int phase) {
        progress.accept(String.format(
                Locale.ROOT,
                "%s: phase %d of %d, %s (%s warm-up, %s measured)",
                op.wireName(),
                phase,
                2 * settings.rounds(),
                side,
                DurationText.format(settings.warmup()),
                DurationText.format(settings.duration())));
        try {
            CoordFigures figures = LoadPhase.run(ensemble, op, tree.nextPhase(), settings);
            progress.accept(String.format(
                    Locale.ROOT,
                    "%s on %s: %,.0f ops/s, p99 %.2f ms, errors %s",
                    op.wireName(),
                    side,
                    figures.opsPerSecond(),
                    figures.latencyMsP99(),
                    figures.errorsText()));
            return figures;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while measuring " + op.wireName() + " on " + side, e);
        }
    }
}
