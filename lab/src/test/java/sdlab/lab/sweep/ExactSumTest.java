package sdlab.lab.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ExactSumTest {
    @Test
    void theSumDoesNotDependOnOrderOrGrouping() {
        // A double sum of these terms changes with their order; the exact sum does not, so shards can be added up.
        Random random = new Random(7);
        List<Double> terms = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            terms.add(random.nextDouble());
        }
        ExactSum inOrder = ExactSum.ZERO;
        double naive = 0;
        for (double term : terms) {
            inOrder = inOrder.plus(term);
            naive += term;
        }
        Collections.shuffle(terms, random);
        ExactSum firstHalf = ExactSum.ZERO;
        ExactSum secondHalf = ExactSum.ZERO;
        double naiveShuffled = 0;
        for (int i = 0; i < terms.size(); i++) {
            naiveShuffled += terms.get(i);
            if (i < 500) {
                firstHalf = firstHalf.plus(terms.get(i));
            } else {
                secondHalf = secondHalf.plus(terms.get(i));
            }
        }
        assertThat(naiveShuffled)
                .as("the double sums differ, so the test can tell")
                .isNotEqualTo(naive);
        assertThat(secondHalf.plus(firstHalf).value()).isEqualTo(inOrder.value());
        assertThat(ExactSum.parse(inOrder.text())).isEqualTo(inOrder);
    }

    @Test
    void nonFiniteTermsMakeTheSumNonFiniteWhateverTheOrder() {
        ExactSum withNaN = ExactSum.ZERO.plus(1).plus(Double.NaN).plus(2);
        assertThat(withNaN.value()).isNaN();
        assertThat(ExactSum.parse(withNaN.text()).value()).isNaN();
        ExactSum infinite = ExactSum.ZERO.plus(Double.POSITIVE_INFINITY).plus(-5);
        assertThat(infinite.value()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(infinite.plus(ExactSum.ZERO.plus(Double.NEGATIVE_INFINITY)).value())
                .isNaN();
    }
}
