package sdlab.cache.server;

import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * {@link RedisDifferentialTest}'s scripts for HyperLogLogs: PFADD, PFCOUNT and PFMERGE over the
 * sparse and the dense encoding, GET of the bytes after every step that changes them (so the
 * representation, the cached estimate and the promotion to dense are compared byte for byte),
 * corrupted values, and PFDEBUG. Values with control bytes are written as Java escapes; the
 * scripts split arguments on spaces, so no value contains one.
 */
final class HyperLogLogScripts {
    /** "HYLL", sparse, a stale cached estimate, then XZERO:100: opcodes that cover 100 of 16384 registers. */
    private static final String CORRUPT_SPARSE = "HYLL\u0001\0\0\0\0\0\0\0\0\0\0\u0080\u0040\u0063";
    /** The same opcodes with a valid cached estimate of 5, which PFCOUNT answers without looking further. */
    private static final String CORRUPT_BUT_CACHED = "HYLL\u0001\0\0\0\u0005\0\0\0\0\0\0\0\u0040\u0063";

    private HyperLogLogScripts() {}

    static void addTo(Map<String, String> s) {
        s.put(
                "pfadd-sparse",
                """
                PFADD h a b c
                GET h
                PFADD h a
                PFCOUNT h
                GET h
                PFCOUNT h
                PFADD h d
                GET h
                PFCOUNT h
                PFDEBUG ENCODING h
                PFDEBUG DECODE h
                PFADD e
                GET e
                PFADD e
                PFCOUNT e
                GET e
                PFCOUNT missing
                PFCOUNT h missing e
                PFADD h e f g h i j k l m n o p q r s t u v w x y z
                GET h
                PFDEBUG DECODE h
                PFDEBUG TODENSE h
                GET h
                PFDEBUG TODENSE h
                PFCOUNT h
                PFDEBUG DECODE h
                PFDEBUG ENCODING h""");
        s.put("pfadd-promotion", promotion());
        s.put(
                "pfadd-dense-at-once",
                "PFADD big " + elements("x", 0, 5000) + "\nGET big\nPFCOUNT big\nGET big\nPFDEBUG ENCODING big\n"
                        + "PFADD big " + elements("x", 4000, 6000) + "\nGET big\nPFCOUNT big\nPFCOUNT big");
        s.put(
                "pfmerge",
                "PFADD a " + elements("a", 0, 300) + "\nPFADD b " + elements("a", 200, 700) + "\n"
                        + "PFADD big " + elements("b", 0, 4000) + "\n"
                        + """
                        PFMERGE d a b
                        GET d
                        PFCOUNT d
                        PFCOUNT a b
                        PFMERGE d2 a big
                        GET d2
                        PFCOUNT d2
                        PFCOUNT a b big missing
                        PFMERGE m
                        GET m
                        PFMERGE a a
                        GET a
                        PFMERGE a b
                        GET a
                        PFCOUNT a
                        PFMERGE missing1 missing2
                        GET missing1""");
        s.put(
                "pf-errors",
                """
                SET s hello
                PFADD s x
                PFCOUNT s
                PFCOUNT s missing
                PFMERGE d s
                PFMERGE s
                LPUSH l x
                PFADD l x
                PFCOUNT l
                PFCOUNT missing l
                PFMERGE l
                PFADD h a
                PFDEBUG ENCODING missing
                PFDEBUG FOO h
                PFDEBUG GETREG s
                PFDEBUG ENCODING l
                PFADD
                PFCOUNT
                PFDEBUG ENCODING""");
        s.put(
                "pf-corrupt",
                "SET c " + CORRUPT_SPARSE + "\nSET cached " + CORRUPT_BUT_CACHED + "\nSET wrongenc HYLL\u0002\0\0\0"
                        + "\0\0\0\0\0\0\0\0\u007f\u007f\nSET shortdense HYLL\0\0\0\0\0\0\0\0\0\0\0\0\u007f\u007f\n"
                        + """
                        PFCOUNT c
                        PFCOUNT c c
                        PFMERGE d c
                        EXISTS d
                        PFCOUNT cached
                        PFCOUNT cached c
                        PFDEBUG DECODE c
                        PFDEBUG TODENSE c
                        PFDEBUG GETREG c
                        PFCOUNT wrongenc
                        PFADD wrongenc x
                        PFCOUNT shortdense
                        PFMERGE shortdense
                        GET c""");
        s.put(
                "pf-sparse-limit",
                "CONFIG SET hll-sparse-max-bytes 40\nPFADD small " + elements("s", 0, 5) + "\nPFDEBUG ENCODING small\n"
                        + "PFADD small " + elements("s", 5, 40) + "\nPFDEBUG ENCODING small\nGET small\n"
                        + "CONFIG GET hll-sparse-max-bytes\nCONFIG SET hll-sparse-max-bytes 3000");
    }

    /** Fifty elements a line until well past the promotion to dense, reading the bytes every line. */
    private static String promotion() {
        StringBuilder script = new StringBuilder();
        for (int from = 0; from < 3500; from += 50) {
            script.append("PFADD p ").append(elements("p", from, from + 50)).append('\n');
            script.append("GET p\n");
            if (from % 500 == 0) {
                script.append("PFCOUNT p\nPFDEBUG ENCODING p\n");
            }
        }
        return script.append("PFCOUNT p").toString();
    }

    private static String elements(String prefix, int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> prefix + i).collect(Collectors.joining(" "));
    }
}
