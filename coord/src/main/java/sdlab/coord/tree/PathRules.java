package sdlab.coord.tree;

/**
 * ZooKeeper's rules for znode paths, as its {@code PathUtils.validatePath} (3.9) states them: a
 * path starts with '/', does not end with '/' (unless it is the root), has no empty names, no
 * "." or ".." names, no NUL and none of the characters U+0001..U+001F, U+007F..U+009F,
 * U+D800..U+F8FF, U+FFF0..U+FFFF. Names may otherwise hold anything, even "..." or ".x".
 */
final class PathRules {

    static final String ROOT = "/";

    private PathRules() {}

    /** Whether {@code path} is a valid znode path. */
    static boolean isValid(String path) {
        if (path == null || path.isEmpty() || path.charAt(0) != '/') {
            return false;
        }
        if (path.length() == 1) {
            return true;
        }
        if (path.charAt(path.length() - 1) == '/') {
            return false;
        }
        for (int i = 1; i < path.length(); i++) {
            if (!isValidAt(path, i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isValidAt(String path, int i) {
        char c = path.charAt(i);
        char previous = path.charAt(i - 1);
        if (c == 0 || isForbiddenCharacter(c)) {
            return false;
        }
        if (c == '/') {
            return previous != '/';
        }
        if (c == '.') {
            boolean endsName = i + 1 == path.length() || path.charAt(i + 1) == '/';
            boolean dot = previous == '/';
            boolean dotDot = previous == '.' && path.charAt(i - 2) == '/';
            return !(endsName && (dot || dotDot));
        }
        return true;
    }

    private static boolean isForbiddenCharacter(char c) {
        return (c > '\u0000' && c <= '\u001f')
                || (c >= '\u007f' && c <= '\u009f')
                || (c >= '\ud800' && c <= '\uf8ff')
                || (c >= '\ufff0' && c <= '\uffff');
    }

    /** The parent of a valid path other than the root. */
    static String parent(String path) {
        int lastSlash = path.lastIndexOf('/');
        return lastSlash == 0 ? ROOT : path.substring(0, lastSlash);
    }

    /** The last name of a valid path other than the root. */
    static String name(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** The path of {@code name} under {@code parent}. */
    static String child(String parent, String name) {
        return ROOT.equals(parent) ? ROOT + name : parent + "/" + name;
    }
}
