package sdlab.txlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The dead-letter convention: which topic, and after how many failures. */
class DeadLettersTest {

    @Test
    void aRecordGoesToTheDeadLetterTopicOnItsLastAllowedFailureAndNotBefore() {
        DeadLetters policy = new DeadLetters(3);
        assertThat(policy.exhausted(1)).isFalse();
        assertThat(policy.exhausted(2)).isFalse();
        assertThat(policy.exhausted(3)).isTrue();
        assertThat(DeadLetters.topicFor("orders")).isEqualTo("orders.dlq");
    }

    @Test
    void aRecordIsTriedAtLeastOnce() {
        assertThatThrownBy(() -> new DeadLetters(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
