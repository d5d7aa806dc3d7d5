package sdlab.lab.sweep;

/**
 * Reports that cannot be merged into the report of one run: of different experiments, parameters or versions, or of
 * seed ranges that overlap or leave a gap. The message names the reports and the difference; it is a user's mistake,
 * not a bug.
 */
public final class MergeRefused extends Exception {
    public MergeRefused(String message) {
        super(message);
    }
}
