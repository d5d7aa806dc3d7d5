package sdlab.app.cluster.jepsen;

import java.util.List;
import sdlab.check.causal.CausalConsistency;
import sdlab.check.history.Operation;
import sdlab.check.linear.CheckLimits;
import sdlab.check.linear.Model;
import sdlab.check.report.CheckRequest;
import sdlab.check.report.Checker;
import sdlab.check.report.NamedInput;

/**
 * The consistency a mechanism claims, which is what a run's history is judged against: a run proves the claim or
 * refutes it, and is not failed for missing a stronger one (a causal store is not linearizable, and says so).
 */
public sealed interface ConsistencyClaim {
    /** The name the result shows: the model {@code sdlab check --model} takes, or {@code causal}. */
    String name();

    /** Judges the history written to {@code historyFile} (its {@code text}, already paired as {@code operations}). */
    Judgement judge(String historyFile, String text, List<Operation> operations, CheckLimits limits);

    /** Linearizable per key, checked by the code of {@code sdlab check} against {@code model}. */
    record Linearizable(Model model) implements ConsistencyClaim {
        @Override
        public String name() {
            return model.name();
        }

        @Override
        public Judgement judge(String historyFile, String text, List<Operation> operations, CheckLimits limits) {
            return new Judgement.Linearizability(
                    Checker.run(new CheckRequest(model, List.of(new NamedInput(historyFile, text)), limits))
                            .getFirst());
        }
    }

    /** Causally consistent: no read returns a value that a write in its causal past had overwritten. */
    record Causal() implements ConsistencyClaim {
        @Override
        public String name() {
            return "causal";
        }

        /** Polynomial in the history's size, so it needs no limits. */
        @Override
        public Judgement judge(String historyFile, String text, List<Operation> operations, CheckLimits limits) {
            return new Judgement.Causality(CausalConsistency.check(operations));
        }
    }
}
