package sdlab.cache;

import java.nio.charset.StandardCharsets;

/**
 * The engine's changes as the stream a {@link WriteLog} receives, in Redis's AOF form: a
 * {@code SELECT} whenever a change is in another database than the one before it (Redis's
 * {@code aof_selected_db}), and the changes of one EXEC or script between {@code MULTI} and
 * {@code EXEC}, opened at the first change, so that a replay applies all of them or none.
 */
final class Propagation {
    private static final byte[][] MULTI = {"MULTI".getBytes(StandardCharsets.US_ASCII)};
    private static final byte[][] EXEC = {"EXEC".getBytes(StandardCharsets.US_ASCII)};
    private static final byte[] SELECT = "SELECT".getBytes(StandardCharsets.US_ASCII);

    private WriteLog writeLog = WriteLog.NONE;
    /** The database the log's last command ran in; -1 when its reader has none selected. */
    private int loggedDb = -1;
    /** Inside an atomic body: the next change must first open a MULTI block. */
    private boolean blockPending;
    /** Inside an atomic body: a MULTI went to the log, so an EXEC must close it. */
    private boolean blockOpen;

    /** Logs to {@code log}, whose reader has database {@code selectedDb} selected (-1 for none). */
    void setWriteLog(WriteLog log, int selectedDb) {
        this.writeLog = log;
        this.loggedDb = selectedDb;
        if (blockOpen) {
            // Switched inside EXEC (CONFIG SET appendonly): the new log gets a block of its own.
            blockOpen = false;
            blockPending = true;
        }
    }

    /** The stream goes on where its reader has not seen what came before: select again. */
    void restarted() {
        loggedDb = -1;
    }

    /** An atomic body starts: its first change opens a block. */
    void beginBlock() {
        blockPending = true;
    }

    /** The atomic body ended: closes its block if a change opened one. */
    void endBlock() {
        if (blockOpen) {
            writeLog.append(EXEC);
        }
        blockPending = false;
        blockOpen = false;
    }

    /** Logs a change made in database {@code db}; the SELECT goes before a MULTI that opens a block. */
    void log(int db, byte[][] argv) {
        if (db != loggedDb) {
            writeLog.append(new byte[][] {SELECT, Integer.toString(db).getBytes(StandardCharsets.US_ASCII)});
            loggedDb = db;
        }
        if (blockPending) {
            writeLog.append(MULTI);
            blockPending = false;
            blockOpen = true;
        }
        writeLog.append(argv);
    }
}
