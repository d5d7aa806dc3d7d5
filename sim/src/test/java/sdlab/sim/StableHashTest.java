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

    record Holder(WithObject inner, Optional<Object> extra) {}

    sealed interface Entry {}

    record Put(String key, long value) implements Entry {}

    record Delete(String key) implements Entry {}

    record Batch(List<Entry> entries) {}

    /** A class that renders itself but whose hash code would depend on its address. */
    static final class Opaque {
        @Override
        public String toString() {
            return "opaque";
        }
    }

    private static int nameHash(Class<?> type) {
        return type.getName().hashCode();
    }

    @Test
    void recordsOfValuesUseTheirOwnHashCodeWithTheirClassName() {
        // Values whose hash codes depend on content only are hashed without building strings.
        Plain plain = new Plain(1, "x", NodeId.of("n1"), List.of(1L, 2L), Map.of("a", 1), Optional.of("y"));
        Batch batch = new Batch(List.of(new Put("k", 1), new Delete("k")));

        assertThat(StableHash.of(plain)).isEqualTo(plain.hashCode() * 31 + nameHash(Plain.class));
        assertThat(StableHash.of(batch)).isEqualTo(batch.hashCode() * 31 + nameHash(Batch.class));
    }

    @Test
    void enumsHashByNameAndRecordsHoldingThemComponentByComponent() {
        // An enum's own hash code depends on a memory address, so its name is hashed instead,
        // and a record holding one is walked rather than asked for its hash code.
        assertThat(StableHash.of(Role.FOLLOWER)).isEqualTo("FOLLOWER".hashCode() * 31 + nameHash(Role.class));
        int leader = StableHash.of(Role.LEADER);
        int three = StableHash.of(3);
        assertThat(StableHash.of(new WithEnum(Role.LEADER, 3)))
                .isEqualTo(((31 + leader) * 31 + three) * 31 + nameHash(WithEnum.class));
    }

    @Test
    void objectTypedFieldsAreHashedByTheirRuntimeValue() {
        // An Object component is hashed by what it holds: equal contents, equal hashes.
        assertThat(StableHash.of(new WithObject(List.of(Role.LEADER, 2L))))
                .isEqualTo(StableHash.of(new WithObject(List.of(Role.LEADER, 2L))))
                .isNotEqualTo(StableHash.of(new WithObject(List.of(Role.FOLLOWER, 2L))));
        assertThat(StableHash.of(new WithObject(new byte[] {1, 2})))
                .isEqualTo(StableHash.of(new WithObject(new byte[] {1, 2})));
    }

    @Test
    void objectTypedFieldsHoldingValuesLetTheRecordUseItsOwnHashCode() {
        // The quick path: what the open components hold right now hashes by content, so the
        // record's own hash code is stable; one enum anywhere inside sends it down the walk.
        WithObject longs = new WithObject(List.of(1L, 2L));
        Holder values = new Holder(longs, Optional.of(Map.of("k", "v")));
        assertThat(StableHash.of(longs)).isEqualTo(longs.hashCode() * 31 + nameHash(WithObject.class));
        assertThat(StableHash.of(values)).isEqualTo(values.hashCode() * 31 + nameHash(Holder.class));

        Holder leader = new Holder(longs, Optional.of(Map.of("k", Role.LEADER)));
        Holder follower = new Holder(longs, Optional.of(Map.of("k", Role.FOLLOWER)));
        assertThat(StableHash.of(leader))
                .isNotEqualTo(leader.hashCode() * 31 + nameHash(Holder.class))
                .isEqualTo(StableHash.of(new Holder(longs, Optional.of(Map.of("k", Role.LEADER)))))
                .isNotEqualTo(StableHash.of(follower));
    }

    @Test
    void otherObjectsFallBackToTheirRendering() {
        // A plain class is hashed by its toString().
        assertThat(StableHash.of(new Opaque())).isEqualTo("opaque".hashCode() * 31 + nameHash(Opaque.class));
    }

    @Test
    void differentTypesWithTheSameFieldsHashDifferently() {
        // Ping(1) and Pong(1) have equal record hash codes; the class name tells them apart.
        assertThat(StableHash.of(new TestMessages.Ping(1))).isNotEqualTo(StableHash.of(new TestMessages.Pong(1)));
    }
}
