package sdlab.cache;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The list commands beyond push and pop: what they answer, what they log, and when they delete. */
class ListCommandsTest {
    private final EngineFixture f = new EngineFixture();

    @Test
    void lmpopIsLoggedAsThePopItAmountsTo() {
        // Only the first non-empty key changes, so the log names it and the number actually popped.
        f.run("RPUSH b 1 2 3");
        assertThat(f.run("LMPOP 2 a b RIGHT COUNT 5")).isEqualTo("[\"b\", [\"3\", \"2\", \"1\"]]");
        assertThat(f.run("LMPOP 2 a b LEFT")).isEqualTo("(nil)");
        assertThat(f.logged).containsExactly("RPUSH b 1 2 3", "RPOP b 3");
        assertThat(f.run("EXISTS b")).isEqualTo("(integer) 0");
    }

    @Test
    void movesAreLoggedAsTheyCameAndEmptiedSourcesAreDeleted() {
        // LMOVE and RPOPLPUSH replay exactly as sent; a source that gives its last element is gone.
        f.run("RPUSH src x");
        assertThat(f.run("LMOVE src dst LEFT RIGHT")).isEqualTo("\"x\"");
        assertThat(f.run("RPOPLPUSH dst dst")).isEqualTo("\"x\"");
        assertThat(f.run("RPOPLPUSH missing dst")).isEqualTo("(nil)");
        assertThat(f.run("EXISTS src")).isEqualTo("(integer) 0");
        assertThat(f.logged).containsExactly("RPUSH src x", "LMOVE src dst LEFT RIGHT", "RPOPLPUSH dst dst");
    }

    @Test
    void editsThatChangeNothingAreNotLogged() {
        // A trim that keeps everything, a removal or insertion that finds nothing, and LPUSHX on nothing are no-ops.
        f.run("RPUSH l a b");
        f.run("LTRIM l 0 -1");
        f.run("LREM l 0 z");
        f.run("LINSERT l BEFORE z y");
        f.run("LPUSHX missing a");
        f.run("LSET l 0 A");
        assertThat(f.logged).containsExactly("RPUSH l a b", "LSET l 0 A");
    }

    @Test
    void lsetNamesAMissingKeyBeforeABadIndex() {
        // Redis looks the key up first, then reads the index.
        assertThat(f.run("LSET missing x v")).isEqualTo("(error) ERR no such key");
        f.run("RPUSH l a");
        assertThat(f.run("LSET l x v")).isEqualTo("(error) ERR value is not an integer or out of range");
        assertThat(f.run("LSET l 1 v")).isEqualTo("(error) ERR index out of range");
    }

    @Test
    void lposCountsRanksFromEitherEndButAnswersIndexesFromTheHead() {
        // RANK -1 is the last match; the index it reports still counts from the head.
        f.run("RPUSH l a b a c a");
        assertThat(f.run("LPOS l a RANK -1")).isEqualTo("(integer) 4");
        assertThat(f.run("LPOS l a RANK -2 COUNT 0")).isEqualTo("[(integer) 2, (integer) 0]");
        assertThat(f.run("LPOS l a COUNT 2 MAXLEN 3")).isEqualTo("[(integer) 0, (integer) 2]");
        assertThat(f.run("LPOS l a RANK 4")).isEqualTo("(nil)");
    }
}
