package sdlab.txlog.saga;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import sdlab.core.Disk;
import sdlab.core.Message;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;
import sdlab.core.Timer;
import sdlab.core.TimerId;
import sdlab.txlog.saga.SagaMessages.StepReply;
import sdlab.txlog.saga.SagaMessages.StepRequest;

/** A service's local transactions: what an idempotency key changes, and what a missing one lets through. */
class SagaServiceTest {
    private final SagaService payment = new SagaService(SagaService.Rule.AMOUNT_AT_MOST, 100);

    @Test
    void aRepeatedKeyGetsTheFirstAnswerAndAppliesNothingMore() {
        // Shows: the retry of an applied step is answered ok and the store still holds it once.
        StepReply first = payment.answer(step("s", false, "s/1/do", 50), NOTES);
        StepReply again = payment.answer(step("s", false, "s/1/do", 50), NOTES);

        assertThat(again).isEqualTo(first);
        assertThat(payment.ledger().get("s")).isEqualTo(new SagaService.Tally(1, 0));
    }

    @Test
    void anUndoThatOvertakesItsStepLeavesATombstoneThatRefusesTheLateStep() {
        // Shows: the compensation arrives first and changes nothing; the step that arrives after it is refused.
        payment.answer(step("s", true, "s/1/undo", 50), NOTES);
        StepReply late = payment.answer(step("s", false, "s/1/do", 50), NOTES);

        assertThat(late.ok()).isFalse();
        assertThat(payment.ledger()).doesNotContainKey("s");
    }

    @Test
    void withoutAKeyARetryIsAppliedAgainAndAnUndoOfNothingRefundsAnyway() {
        // Shows: the two ways a keyless service corrupts its store, which chapter 21 counts as inconsistent.
        payment.answer(step("a", false, "", 50), NOTES);
        payment.answer(step("a", false, "", 50), NOTES);
        payment.answer(step("b", true, "", 50), NOTES);

        assertThat(payment.ledger().get("a").net()).isEqualTo(2);
        assertThat(payment.ledger().get("b").net()).isEqualTo(-1);
    }

    @Test
    void theBusinessRuleRejectsWithoutApplying() {
        // Shows: an amount over the limit is answered not ok and leaves nothing to compensate.
        assertThat(payment.answer(step("s", false, "s/1/do", 500), NOTES).ok()).isFalse();
        assertThat(payment.applied()).isEmpty();
    }

    private static StepRequest step(String saga, boolean undo, String key, long amount) {
        return new StepRequest(saga, 1, undo, key, amount, 1);
    }

    /** The service only writes trace notes through its context when it answers; anything else is a mistake here. */
    private static final NodeContext NOTES = new NodeContext() {
        @Override
        public NodeId self() {
            return NodeId.of("payment");
        }

        @Override
        public void send(NodeId to, Message message) {
            throw new UnsupportedOperationException();
        }

        @Override
        public TimerId setTimer(Duration delay, Timer timer) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void cancelTimer(TimerId id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long nowNanos() {
            return 0;
        }

        @Override
        public RandomGenerator random() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Disk disk() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void note(String text) {}
    };
}
