package sdlab.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import sdlab.core.NodeId;

class StableHashTest {

    enum Role {
        LEADER,
        FOLLOWER
    }

    record Plain(int n, String s, NodeId id, List<Long> values, Map<String, Integer> map, Optional<String> maybe) {}

    record WithEnum(Role role, int term) {}

    record WithObject(Object value) {}

    sealed interface Entry {}

    record Put(String key, long value) implements Entry {}

    record Delete(String key) implements Entry {}

    record Batch(List<Entry> entries) {}

    static int viaToString(Object value) {
        return value.toString().hashCode() * 31 + value.getClass().getName().hashCode();
    }

    @Test
    void recordsOfValuesUseTheirOwnHashCodeWithTheirClassName() {
        // Values whose hash codes depend on content only are hashed without building strings.
        Plain plain = new Plain(1, "x", NodeId.of("n1"), List.of(1L, 2L), Map.of("a", 1), Optional.of("y"));
        Batch batch = new Batch(List.of(new Put("k", 1), new Delete("k")));

        assertThat(StableHash.of(plain))
                .isEqualTo(plain.hashCode() * 31 + Plain.class.getName().hashCode());
        assertThat(StableHash.of(batch))
                .isEqualTo(batch.hashCode() * 31 + Batch.class.getName().hashCode());
    }

    @Test
    void enumsAndObjectFieldsFallBackToTheRendering() {
        // Enum and Object hash codes depend on memory addresses, so their rendering is hashed instead.
        WithEnum withEnum = new WithEnum(Role.LEADER, 3);
        WithObject withObject = new WithObject(List.of(1));

        assertThat(StableHash.of(withEnum)).isEqualTo(viaToString(withEnum));
        assertThat(StableHash.of(withObject)).isEqualTo(viaToString(withObject));
        assertThat(StableHash.of(Role.FOLLOWER)).isEqualTo(viaToString(Role.FOLLOWER));
    }

    @Test
    void differentTypesWithTheSameFieldsHashDifferently() {
        // Ping(1) and Pong(1) have equal record hash codes; the class name tells them apart.
        assertThat(StableHash.of(new TestMessages.Ping(1))).isNotEqualTo(StableHash.of(new TestMessages.Pong(1)));
    }
}
