package sdlab.check.linear;

/** The 64-bit finaliser of MurmurHash3: spreads every input bit over every output bit. */
final class Hashing {
    private Hashing() {}

    static long mix(long x) {
        x ^= x >>> 33;
        x *= 0xFF51AFD7ED558CCDL;
        x ^= x >>> 33;
        x *= 0xC4CEB9FE1A85EC53L;
        x ^= x >>> 33;
        return x;
    }
}
