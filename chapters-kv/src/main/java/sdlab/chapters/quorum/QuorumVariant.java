package sdlab.chapters.quorum;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sdlab.kv.quorum.QuorumConfig;
import sdlab.kv.quorum.ReadRepair;
import sdlab.lab.ParamValues;
import sdlab.lab.Variant;

/**
 * One option of chapter 10: a store configuration under a name.
 *
 * @param name the variant's name in reports, e.g. {@code n3r2w2-sloppy}
 * @param config the store's configuration
 * @param role what the variant is in the chapter (strict quorum, sloppy, write-back)
 */
record QuorumVariant(String name, QuorumConfig config, Role role) {

    enum Role {
        STRICT,
        SLOPPY,
        WRITE_BACK
    }

    /** (N, R, W) triples the chapter compares, as the issue asks. */
    private static final int[][] STRICT_TRIPLES = {{3, 1, 1}, {3, 1, 3}, {3, 3, 1}, {3, 2, 2}, {5, 2, 2}, {5, 3, 3}};

    /** Triples that also run with sloppy quorums and hinted handoff. */
    private static final int[][] SLOPPY_TRIPLES = {{3, 2, 2}, {5, 3, 3}};

    /** Every variant of the chapter, configured from the user's parameters. */
    static List<QuorumVariant> all(ParamValues values) {
        ReadRepair repair = values.get(QuorumParams.READ_REPAIR);
        long timeoutMs = values.get(QuorumParams.REQUEST_TIMEOUT).toMillis();
        List<QuorumVariant> variants = new ArrayList<>();
        for (int[] t : STRICT_TRIPLES) {
            variants.add(new QuorumVariant(tripleName(t), base(t, repair, timeoutMs), Role.STRICT));
        }
        for (int[] t : SLOPPY_TRIPLES) {
            QuorumConfig sloppy = base(t, repair, timeoutMs).withSloppy(true);
            variants.add(new QuorumVariant(tripleName(t) + "-sloppy", sloppy, Role.SLOPPY));
        }
        QuorumConfig writeBack = base(new int[] {3, 2, 2}, repair, timeoutMs).withReadRepair(ReadRepair.BLOCKING);
        variants.add(new QuorumVariant("n3r2w2-writeback", writeBack, Role.WRITE_BACK));
        return List.copyOf(variants);
    }

    /** Finds the variant of {@code variant}'s name among {@link #all}. */

    /** True for strict quorums whose read and write quorums always meet. */
    boolean strictOverlapping() {
        return role == Role.STRICT && config.quorumsOverlap();
    }

    /** True for strict quorums whose read and write quorums may miss each other. */
    boolean strictDisjoint() {
        return role == Role.STRICT && !config.quorumsOverlap();
    }

    Variant toVariant() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("n", config.n());
        settings.put("r", config.r());
        settings.put("w", config.w());
        settings.put("sloppy", config.sloppy());
        settings.put("readRepair", config.readRepair().name());
        return new Variant(name, describe(), settings);
    }

    private String describe() {
        String quorum = "N=%d R=%d W=%d (R+W%sN)"
                .formatted(config.n(), config.r(), config.w(), config.quorumsOverlap() ? ">" : "<=");
        return switch (role) {
            case STRICT -> quorum + ", strict quorum";
            case SLOPPY -> quorum + ", sloppy quorum with hinted handoff";
            case WRITE_BACK -> quorum + ", reads write back to a write quorum before answering (ABD)";
        };
    }

    private static QuorumConfig base(int[] t, ReadRepair repair, long timeoutMs) {
        return QuorumConfig.of(t[0], t[1], t[2]).withReadRepair(repair).withRequestTimeoutMs(timeoutMs);
    }

    private static String tripleName(int[] t) {
        return "n%dr%dw%d".formatted(t[0], t[1], t[2]);
    }
}
