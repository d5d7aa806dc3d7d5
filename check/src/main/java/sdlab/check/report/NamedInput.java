package sdlab.check.report;

/**
 * One history to check, as the command line read it: {@code name} is what reports call it
 * (usually the file name) and {@code text} its content in any format {@link
 * sdlab.check.history.HistoryParser} reads.
 */
public record NamedInput(String name, String text) {}
