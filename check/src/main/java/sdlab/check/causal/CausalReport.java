package sdlab.check.causal;

import java.util.List;
import sdlab.check.Verdict;

/**
 * What {@link CausalConsistency#check} found.
 *
 * @param verdict valid if no read broke causality, else invalid
 * @param readsChecked the ok reads judged
 * @param violations the number of violating reads
 * @param examples the first violations by read, at most {@link CausalConsistency#EXAMPLES_MAX}
 */
public record CausalReport(Verdict verdict, int readsChecked, int violations, List<CausalViolation> examples) {
    public CausalReport {
        examples = List.copyOf(examples);
    }
}
