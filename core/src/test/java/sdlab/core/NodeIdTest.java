package sdlab.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NodeIdTest {
    /** A record like NodeId that keeps the generated equals and hashCode, to compare with. */
    private record Generated(String name) {}

    @ParameterizedTest
    @ValueSource(strings = {"n1", "c5", "node-with-a-long-name", "ü"})
    void equalsAndHashCodeAreTheOnesARecordOfOneNameGenerates(String name) {
        // Trace hashes fold in record hash codes, so NodeId's written-out hashCode must be the generated one's value.
        assertThat(NodeId.of(name).hashCode()).isEqualTo(new Generated(name).hashCode());
        assertThat(NodeId.of(name)).isEqualTo(NodeId.of(name)).isNotEqualTo(NodeId.of(name + "x"));
        assertThat(NodeId.of(name).equals(new Generated(name))).isFalse();
        assertThat(NodeId.of(name).equals(null)).isFalse();
    }
}
