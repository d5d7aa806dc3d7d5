package sdlab.bench.coord;

/**
 * Where one measured phase works: {@code create} adds nodes under {@code createDir}, a directory
 * of its own per phase; {@code setData} and {@code getData} touch the {@code workingSetSize}
 * nodes prepared under {@code workingSetDir} before any phase runs.
 */
record PhasePaths(String createDir, String workingSetDir, int workingSetSize) {
    /** The working-set node of a session's {@code n}-th request: sessions start apart and step through all of them. */
    String workingSetNode(int session, long n) {
        long index = (session * 97L + n) % workingSetSize;
        return workingSetDir + "/k" + index;
    }
}
