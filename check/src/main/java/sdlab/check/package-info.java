/**
 * sdlab's checkers: pure functions from a history to a verdict that explains itself.
 *
 * <p>A history is Jepsen's: invocations and completions of client operations ({@link
 * sdlab.core.history.History}), read from JSON, EDN or Jepsen logs by {@link
 * sdlab.check.history}. The checkers are {@link sdlab.check.linear} (linearizability), {@link
 * sdlab.check.session} (session guarantees and stale reads), {@link sdlab.check.causal} (causal
 * consistency), {@link sdlab.check.ledger} (bank invariants) and {@link sdlab.check.exactlyonce}
 * (duplicate job runs and saga steps); {@link sdlab.check.report} turns results into text, JSON
 * and HTML for the command line and the lab. Every checker answers {@link sdlab.check.Verdict}
 * valid, invalid or unknown, and never guesses.
 *
 * <p>Checker code reads no clock, no randomness and no files: limits and inputs are injected,
 * so the same history always gets the same verdict.
 */
package sdlab.check;
