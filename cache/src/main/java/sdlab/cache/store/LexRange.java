package sdlab.cache.store;

import java.util.Arrays;

/**
 * A member interval as ZRANGEBYLEX takes it, compared bytewise: {@code [a} inclusive,
 * {@code (a} exclusive, {@code -} and {@code +} for below and above every member.
 */
public record LexRange(Bound min, Bound max) {

    /**
     * One end: {@code infinity} is -1 for {@code -}, +1 for {@code +} and 0 for a member
     * ({@code bytes}, {@code exclusive}). Redis treats {@code -} and {@code +} as exclusive.
     */
    public record Bound(byte[] bytes, boolean exclusive, int infinity) {
        public static final Bound MINUS = new Bound(new byte[0], true, -1);
        public static final Bound PLUS = new Bound(new byte[0], true, 1);

        public static Bound of(byte[] bytes, boolean exclusive) {
            return new Bound(bytes, exclusive, 0);
        }

        /** Negative, zero or positive as {@code member} sorts before, at or after this bound. */
        int compareMember(byte[] member) {
            return infinity != 0 ? -infinity : Arrays.compareUnsigned(member, bytes);
        }

        int compareTo(Bound other) {
            if (infinity != 0 || other.infinity != 0) {
                return Integer.compare(infinity, other.infinity);
            }
            return Arrays.compareUnsigned(bytes, other.bytes);
        }
    }

    /** Whether no member can be in the range. */
    public boolean isEmpty() {
        int order = min.compareTo(max);
        return order > 0 || (order == 0 && (min.exclusive || max.exclusive));
    }

    public boolean aboveMin(byte[] member) {
        int order = min.compareMember(member);
        return min.exclusive ? order > 0 : order >= 0;
    }

    public boolean belowMax(byte[] member) {
        int order = max.compareMember(member);
        return max.exclusive ? order < 0 : order <= 0;
    }

    public boolean contains(byte[] member) {
        return aboveMin(member) && belowMax(member);
    }
}
