package sdlab.cache.server;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits an inline command (what telnet sends: {@code set k "hello world"}) into arguments as
 * Redis's {@code sdssplitargs} does: spaces separate; double quotes allow {@code \n \r \t \b
 * \a \\ \"} and {@code \xHH} escapes; single quotes allow only {@code \'}; a closing quote must
 * be followed by a space or the end of the line.
 */
final class InlineSplitter {
    private InlineSplitter() {}

    /** The arguments of {@code line}, or null if its quotes are unbalanced. */
    static List<byte[]> split(byte[] line) {
        List<byte[]> args = new ArrayList<>();
        int i = 0;
        while (true) {
            while (i < line.length && isSpace(line[i])) {
                i++;
            }
            if (i == line.length) {
                return args;
            }
            ByteArrayOutputStream current = new ByteArrayOutputStream();
            i = token(line, i, current);
            if (i < 0) {
                return null;
            }
            args.add(current.toByteArray());
        }
    }

    /** Reads one argument starting at {@code i}; returns where it ends, or -1 for unbalanced quotes. */
    private static int token(byte[] line, int i, ByteArrayOutputStream out) {
        boolean inDouble = false;
        boolean inSingle = false;
        while (true) {
            if (i == line.length) {
                return inDouble || inSingle ? -1 : i;
            }
            byte c = line[i];
            if (inDouble) {
                if (c == '\\'
                        && i + 3 < line.length
                        && line[i + 1] == 'x'
                        && isHex(line[i + 2])
                        && isHex(line[i + 3])) {
                    out.write(hex(line[i + 2]) * 16 + hex(line[i + 3]));
                    i += 4;
                    continue;
                } else if (c == '\\' && i + 1 < line.length) {
                    out.write(escape(line[i + 1]));
                    i += 2;
                    continue;
                } else if (c == '"') {
                    return closes(line, i + 1) ? i + 1 : -1;
                }
            } else if (inSingle) {
                if (c == '\\' && i + 1 < line.length && line[i + 1] == '\'') {
                    out.write('\'');
                    i += 2;
                    continue;
                } else if (c == '\'') {
                    return closes(line, i + 1) ? i + 1 : -1;
                }
            } else if (isSpace(c)) {
                return i;
            } else if (c == '"') {
                inDouble = true;
                i++;
                continue;
            } else if (c == '\'') {
                inSingle = true;
                i++;
                continue;
            }
            out.write(c);
            i++;
        }
    }

    /** A closing quote must be followed by a space or the end of the line. */
    private static boolean closes(byte[] line, int next) {
        return next == line.length || isSpace(line[next]);
    }

    private static int escape(byte c) {
        return switch (c) {
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'b' -> '\b';
            case 'a' -> 7;
            default -> c;
        };
    }

    private static boolean isSpace(byte c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0 || c == 0x0b || c == 0x0c;
    }

    private static boolean isHex(byte c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static int hex(byte c) {
        return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
    }
}
