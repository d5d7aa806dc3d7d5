package sdlab.cache;

import java.util.function.LongSupplier;

/** A clock that moves only when a test says so. */
public final class FakeClock implements LongSupplier {
    private long nowMillis;

    public FakeClock(long startMillis) {
        this.nowMillis = startMillis;
    }

    @Override
    public long getAsLong() {
        return nowMillis;
    }

    public void advanceMillis(long millis) {
        nowMillis += millis;
    }

    public void advanceSeconds(long seconds) {
        advanceMillis(seconds * 1000);
    }
}
