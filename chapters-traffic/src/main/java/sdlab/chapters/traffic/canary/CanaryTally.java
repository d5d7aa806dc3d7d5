package sdlab.chapters.traffic.canary;

import java.util.ArrayList;
import java.util.List;
import sdlab.lab.SeedRun;

/**
 * What one run of chapter 4 counts. Sessions are judged by when they ran: those in progress
 * while the rollback was taking effect (from the decision to the last canary page) are counted
 * apart, since every strategy must move them; only sessions that started after the release had
 * time to settle and ended before the rollback say whether the chosen users were on the
 * canary and the others were not. Sessions are classified when the run is over, once the
 * rollback's end is known.
 */
final class CanaryTally {
    static final String SESSIONS = "sessions";
    static final String VIOLATED = "violatedSessions";
    static final String ACROSS_ROLLBACK = "sessionsAcrossRollback";
    static final String BROKEN_BY_ROLLBACK = "sessionsBrokenByRollback";
    static final String CHOSEN_JUDGED = "chosenSessionsJudged";
    static final String CHOSEN_ALL_CANARY = "chosenSessionsAllCanary";
    static final String OTHER_JUDGED = "otherSessionsJudged";
    static final String OTHER_TOUCHED = "otherSessionsTouchingCanary";
    static final String OTHER_CANARY_PAGES = "otherUsersCanaryPages";
    static final String CHOSEN_USERS = "chosenUsers";
    static final String CHOSEN_REACHED = "chosenUsersReached";

    /**
     * The release's timeline.
     *
     * @param judgedFromNanos sessions starting from here on are judged (the release's start plus its settling time)
     * @param rollbackAtNanos when the rollback starts
     */
    record Timeline(long judgedFromNanos, long rollbackAtNanos) {}

    /** One finished session of one user. */
    record Session(boolean chosen, long startNanos, long endNanos, boolean sawStable, boolean sawCanary) {}

    private final SeedRun.Builder run;
    private final Timeline timeline;
    private final List<Session> sessions = new ArrayList<>();
    private long lastCanaryPageNanos = -1;

    CanaryTally(SeedRun.Builder run, Timeline timeline) {
        this.run = run;
        this.timeline = timeline;
    }

    void chosenUser() {
        run.counter(CHOSEN_USERS, 1);
    }

    /** A pod served a page of {@code version} at {@code nowNanos}. */
    void served(Version version, long nowNanos) {
        if (version == Version.CANARY) {
            lastCanaryPageNanos = Math.max(lastCanaryPageNanos, nowNanos);
        }
    }

    /** A user received a page; {@code firstCanary} when it is the user's first canary page. */
    void page(boolean chosen, Version version, boolean firstCanary) {
        if (version == Version.CANARY && !chosen) {
            run.counter(OTHER_CANARY_PAGES, 1);
        }
        if (firstCanary && chosen) {
            run.counter(CHOSEN_REACHED, 1);
        }
    }

    void sessionEnded(Session session) {
        sessions.add(session);
    }

    /** Classifies the run's sessions into the counters; once, after the run. */
    void finish() {
        long rollbackEndNanos = Math.max(timeline.rollbackAtNanos(), lastCanaryPageNanos);
        for (Session session : sessions) {
            classify(session, rollbackEndNanos);
        }
        sessions.clear();
    }

    private void classify(Session session, long rollbackEndNanos) {
        boolean both = session.sawStable() && session.sawCanary();
        if (session.startNanos() <= rollbackEndNanos && session.endNanos() >= timeline.rollbackAtNanos()) {
            run.counter(ACROSS_ROLLBACK, 1);
            run.counter(BROKEN_BY_ROLLBACK, both ? 1 : 0);
            return;
        }
        run.counter(SESSIONS, 1);
        run.counter(VIOLATED, both ? 1 : 0);
        if (session.startNanos() < timeline.judgedFromNanos() || session.endNanos() >= timeline.rollbackAtNanos()) {
            return;
        }
        if (session.chosen()) {
            run.counter(CHOSEN_JUDGED, 1);
            run.counter(CHOSEN_ALL_CANARY, session.sawCanary() && !session.sawStable() ? 1 : 0);
        } else {
            run.counter(OTHER_JUDGED, 1);
            run.counter(OTHER_TOUCHED, session.sawCanary() ? 1 : 0);
        }
    }

    /** Milliseconds from the rollback to the last canary page served, 0 if none came after it. */
    double rollbackMillis() {
        return Math.max(0, lastCanaryPageNanos - timeline.rollbackAtNanos()) / 1e6;
    }
}
