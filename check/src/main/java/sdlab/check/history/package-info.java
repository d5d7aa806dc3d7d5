/**
 * Reading histories and pairing their entries into operations.
 *
 * <p>{@link sdlab.check.history.HistoryParser} reads the three formats a user may bring: the
 * project's JSON (an array or JSON lines of {@code {"process","type","f","key","value","time"}}
 * objects), EDN histories as Jepsen and Knossos write them (maps such as {@code {:process 0,
 * :type :invoke, :f :cas, :value [1 2]}} or {@code #jepsen.history.Op} records, in a vector, a
 * list or one per line, with comments; {@code [k v]} values of Jepsen's independent workloads
 * become keys) and Jepsen's log lines ({@code INFO jepsen.util -
 * 3 :invoke :cas [1 4]}); it recognises the format by itself. Malformed input is a {@link
 * sdlab.check.history.MalformedHistoryException} naming the line and what was expected.
 *
 * <p>{@link sdlab.check.history.Operations} then pairs every invocation with its completion.
 * Jepsen's conventions hold: {@code fail} means certainly not applied, {@code info} or no
 * completion means unknown (may take effect at any time after the invocation, or never), and
 * real time is the order of the history's entries.
 *
 * <p>The parser reads from a {@link java.io.Reader} or a string and never opens files itself:
 * checkers stay pure and the command line opens the files.
 */
package sdlab.check.history;
