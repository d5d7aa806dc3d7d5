package sdlab.web;

import java.util.Locale;

/** Where a run is in its life; every state but {@link #RUNNING} is final. */
enum RunState {
    /** The sweep is going; progress events follow. */
    RUNNING,
    /** The sweep finished and its report is kept. */
    DONE,
    /** A client cancelled it before the last seed; nothing but its summary is kept. */
    CANCELLED,
    /** The experiment's code failed on some seed (a bug in the lab); the message names the seed that replays it. */
    FAILED;

    boolean finished() {
        return this != RUNNING;
    }

    /** The name the API uses: {@code running}, {@code done}, {@code cancelled}, {@code failed}. */
    String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static RunState fromApiName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
