package sdlab.chapters.traffic.tlsreuse;

import org.junit.jupiter.api.Test;
import sdlab.chapters.traffic.DeterminismCheck;
import sdlab.lab.ParamValues;

/** One seed replays the same run of every variant, byte for byte; another seed gives another run. */
class TlsReuseDeterminismTest {

    @Test
    void theSameSeedReplaysTheSameTraceAndTheNextSeedDoesNot() {
        // Shows: seed 7 twice gives identical traces, hashes and counts for every variant; seed 8 differs.
        TlsReuseExperiment experiment = new TlsReuseExperiment();
        ParamValues shortRun = ParamValues.defaults(experiment.params())
                .with(TlsParams.DURATION, "90s")
                .with(TlsParams.DEPLOY_AT, "30s");
        DeterminismCheck.sameSeedSameTraceOtherSeedOtherTrace(experiment, shortRun, 7);
    }
}
