package sdlab.repl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What readers see as entries are applied: the last write of a key, and nothing once a delete entry follows it. */
class KvStateTest {

    @Test
    void aDeleteEntryRemovesTheKeyAndALaterWriteBringsItBack() {
        KvState state = new KvState();

        state.apply(new Entry(1, "k", "v1", 10, 20));
        state.apply(new Entry(2, "k", Entry.DELETED, 11, 30));
        assertThat(state.value("k")).isNull();
        assertThat(state.appliedPosition()).isEqualTo(2);

        state.apply(new Entry(3, "k", "v2", 12, 40));
        assertThat(state.value("k")).isEqualTo("v2");
    }
}
