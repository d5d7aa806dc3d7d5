package sdlab.cache;

/**
 * The flags of ZADD, parsed and checked for conflicts with Redis 7.0's error texts: NX adds
 * only, XX updates only, GT and LT update only in one direction (new members are still
 * added), CH counts changed members as well as added ones, INCR adds to the score.
 */
record ZAddOptions(boolean nx, boolean xx, boolean gt, boolean lt, boolean ch, boolean incr, int firstScoreIndex) {
    static final String NX_AND_XX = "ERR XX and NX options at the same time are not compatible";
    static final String GT_LT_NX = "ERR GT, LT, and/or NX options at the same time are not compatible";
    static final String INCR_PAIRS = "ERR INCR option supports a single increment-element pair";

    /** Reads the flags after the key; the score-member pairs start where they end. */
    static ZAddOptions parse(byte[][] argv) {
        boolean nx = false, xx = false, gt = false, lt = false, ch = false, incr = false;
        int i = 2;
        for (; i < argv.length; i++) {
            byte[] arg = argv[i];
            if (Args.is(arg, "NX")) {
                nx = true;
            } else if (Args.is(arg, "XX")) {
                xx = true;
            } else if (Args.is(arg, "GT")) {
                gt = true;
            } else if (Args.is(arg, "LT")) {
                lt = true;
            } else if (Args.is(arg, "CH")) {
                ch = true;
            } else if (Args.is(arg, "INCR")) {
                incr = true;
            } else {
                break;
            }
        }
        int elements = argv.length - i;
        if (elements == 0 || elements % 2 != 0) {
            throw new CommandException(ErrorReplies.SYNTAX);
        }
        if (nx && xx) {
            throw new CommandException(NX_AND_XX);
        }
        if ((gt && nx) || (lt && nx) || (gt && lt)) {
            throw new CommandException(GT_LT_NX);
        }
        if (incr && elements > 2) {
            throw new CommandException(INCR_PAIRS);
        }
        return new ZAddOptions(nx, xx, gt, lt, ch, incr, i);
    }

    /** Whether a member whose score is {@code current} (null if new) may take {@code score}. */
    boolean allows(Double current, double score) {
        if (current == null) {
            return !xx;
        }
        if (nx) {
            return false;
        }
        return !((lt && score >= current) || (gt && score <= current));
    }
}
