package sdlab.app.cluster.jepsen;

import sdlab.check.Verdict;
import sdlab.check.causal.CausalReport;
import sdlab.check.report.CheckOutcome;

/** What judging a run's history against its mechanism's {@link ConsistencyClaim} found. */
public sealed interface Judgement {
    /** Valid if the history keeps the claim, invalid if it breaks it, unknown if the check could not tell. */
    Verdict verdict();

    /** The verdict of {@code sdlab check} on the history file, by the same code. */
    record Linearizability(CheckOutcome outcome) implements Judgement {
        @Override
        public Verdict verdict() {
            return outcome.verdict();
        }
    }

    /** The causal checker's report: the reads it judged and the ones that broke causality. */
    record Causality(CausalReport report) implements Judgement {
        @Override
        public Verdict verdict() {
            return report.verdict();
        }
    }
}
