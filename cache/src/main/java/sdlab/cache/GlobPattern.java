package sdlab.cache;

/**
 * Redis's glob-style patterns for KEYS, SCAN MATCH and CONFIG GET: {@code *} any run of
 * bytes, {@code ?} one byte, {@code [abc]}, {@code [^a-z]} classes, and {@code \} to quote
 * the next byte. Matching is on bytes, so binary keys work.
 *
 * <p>Since {@code ?} and classes consume exactly one byte, remembering only the last
 * {@code *} and retrying from one byte further on failure is enough: linear work per star
 * instead of the exponential backtracking of a naive recursive matcher.
 */
final class GlobPattern {
    private final byte[] pattern;

    GlobPattern(byte[] pattern) {
        this.pattern = pattern;
    }

    /** True if the pattern is {@code *}, which matches everything. */
    boolean matchesAll() {
        return pattern.length == 1 && pattern[0] == '*';
    }

    boolean matches(byte[] text) {
        int p = 0;
        int t = 0;
        int starP = -1;
        int starT = -1;
        while (t < text.length) {
            if (p < pattern.length && pattern[p] == '*') {
                starP = p++;
                starT = t;
                continue;
            }
            int consumed = p < pattern.length ? matchOne(p, text[t]) : -1;
            if (consumed > 0) {
                p += consumed;
                t++;
            } else if (starP >= 0) {
                p = starP + 1;
                t = ++starT;
            } else {
                return false;
            }
        }
        while (p < pattern.length && pattern[p] == '*') {
            p++;
        }
        return p == pattern.length;
    }

    /** If the pattern element at {@code p} matches {@code c}, its length in the pattern; else -1. */
    private int matchOne(int p, byte c) {
        return switch (pattern[p]) {
            case '?' -> 1;
            case '[' -> matchClass(p, c);
            case '\\' -> p + 1 < pattern.length ? (pattern[p + 1] == c ? 2 : -1) : (c == '\\' ? 1 : -1);
            default -> pattern[p] == c ? 1 : -1;
        };
    }

    private int matchClass(int start, byte c) {
        int p = start + 1;
        boolean negate = p < pattern.length && pattern[p] == '^';
        if (negate) {
            p++;
        }
        boolean matched = false;
        while (p < pattern.length && pattern[p] != ']') {
            if (pattern[p] == '\\' && p + 1 < pattern.length) {
                matched |= pattern[p + 1] == c;
                p += 2;
            } else if (p + 2 < pattern.length && pattern[p + 1] == '-' && pattern[p + 2] != ']') {
                int low = Math.min(pattern[p] & 0xff, pattern[p + 2] & 0xff);
                int high = Math.max(pattern[p] & 0xff, pattern[p + 2] & 0xff);
                matched |= (c & 0xff) >= low && (c & 0xff) <= high;
                p += 3;
            } else {
                matched |= pattern[p] == c;
                p++;
            }
        }
        // An unterminated class ends at the end of the pattern, as in Redis.
        int length = (p < pattern.length ? p + 1 : p) - start;
        return matched != negate ? length : -1;
    }
}
