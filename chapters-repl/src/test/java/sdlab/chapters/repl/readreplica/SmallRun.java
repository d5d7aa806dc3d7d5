package sdlab.chapters.repl.readreplica;

import sdlab.lab.Experiment;
import sdlab.lab.ParamValues;

/**
 * The chapter's parameters scaled down for the test suite: the same load (the write rate is what outruns a cold
 * applier, so it stays), a shorter run: the join at 1 s and 1 s after it.
 */
final class SmallRun {
    private SmallRun() {}

    static ParamValues values(Experiment experiment) {
        return ParamValues.defaults(experiment.params())
                .with(ReadReplicaParams.JOIN_AT, "1000ms")
                .with(ReadReplicaParams.AFTER_JOIN, "1000ms");
    }
}
