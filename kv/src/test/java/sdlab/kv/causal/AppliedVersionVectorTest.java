package sdlab.kv.causal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The version vector with exceptions that records a replica's applied versions, without a network. */
class AppliedVersionVectorTest {
    private static Version s1(long seq) {
        return new Version(10 * seq, "s1", seq);
    }

    @Test
    void writesAppliedInOrderTakeOneEntryPerOrigin() {
        // Shows: a thousand writes of one origin and one of another, all in order, are two entries.
        AppliedVersionVector applied = new AppliedVersionVector();
        for (long seq = 1; seq <= 1_000; seq++) {
            applied.add(s1(seq));
        }
        applied.add(new Version(3, "s2", 1));

        assertThat(applied.entries()).isEqualTo(2);
        assertThat(applied.contains(s1(1))).isTrue();
        assertThat(applied.contains(s1(1_000))).isTrue();
        assertThat(applied.contains(s1(1_001))).isFalse();
        assertThat(applied.contains(new Version(3, "s3", 1))).isFalse();
    }

    @Test
    void aWriteAppliedAboveAGapIsRememberedAloneUntilTheGapFills() {
        // Shows: 1, 2, then 5 and 4 (3 missing): 3 is not applied, 4 and 5 are; once 3 arrives one entry is left.
        AppliedVersionVector applied = new AppliedVersionVector();
        applied.add(s1(1));
        applied.add(s1(2));
        applied.add(s1(5));
        applied.add(s1(4));

        assertThat(applied.contains(s1(3))).isFalse();
        assertThat(applied.contains(s1(4))).isTrue();
        assertThat(applied.contains(s1(5))).isTrue();
        assertThat(applied.contains(s1(6))).isFalse();
        assertThat(applied.entries()).isEqualTo(3);

        applied.add(s1(3));
        assertThat(applied.entries()).isEqualTo(1);
        assertThat(applied.contains(s1(5))).isTrue();
        assertThat(applied.contains(s1(6))).isFalse();
    }

    @Test
    void aDuplicateChangesNothing() {
        // Shows: resent writes (an origin resends until acknowledged) are applied once as far as the record goes.
        AppliedVersionVector applied = new AppliedVersionVector();
        applied.add(s1(2));
        applied.add(s1(2));
        applied.add(s1(1));
        applied.add(s1(1));

        assertThat(applied.entries()).isEqualTo(1);
        assertThat(applied.contains(s1(2))).isTrue();
    }

    @Test
    void thePlantedBugCountsTheGapAsApplied() {
        // Shows: the broken trim says write 3 is applied after 1, 2 and 5, which the dependency check would trust.
        AppliedVersionVector broken = new AppliedVersionVector(true);
        broken.add(s1(1));
        broken.add(s1(2));
        broken.add(s1(5));

        assertThat(broken.contains(s1(3))).isTrue();
    }
}
