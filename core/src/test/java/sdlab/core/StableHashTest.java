package sdlab.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StableHashTest {
    @Test
    void theHashIsFnv1aThenMurmursFinaliserWithValuesWorkedOutApart() {
        // Rings place keys by these values, so a change would move every key of every replayed run: pinned to values
        // computed outside Java (FNV-1a 64 and MurmurHash3's fmix64, in Python).
        assertThat(StableHash.of("")).isEqualTo(-1166397803181037274L);
        assertThat(StableHash.of("k1")).isEqualTo(5344419171240651093L);
        assertThat(StableHash.of("n1#0")).isEqualTo(-8607796533388600894L);
        assertThat(StableHash.mix(1)).isEqualTo(-5451962507482445012L);
    }

    @Test
    void keysThatDifferInOneCharacterLandFarApart() {
        // What the finaliser is for: "k1" and "k2" must not sit next to each other on a ring.
        long distance = Math.abs(StableHash.of("k1") - StableHash.of("k2"));
        assertThat(distance).isGreaterThan(1L << 40);
    }
}
