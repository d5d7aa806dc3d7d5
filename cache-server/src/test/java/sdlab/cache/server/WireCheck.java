package sdlab.cache.server;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Checks that bytes a server sent are well-formed RESP replies or memcached response lines. */
final class WireCheck {
    private static final Pattern MEMCACHED_LINE = Pattern.compile(
            "END|STORED|NOT_STORED|EXISTS|NOT_FOUND|DELETED|TOUCHED|OK|ERROR|\\d+|VERSION .+|STAT \\S+ \\S*"
                    + "|CLIENT_ERROR .+|SERVER_ERROR .+|ERROR .+");
    private static final Pattern VALUE_LINE = Pattern.compile("VALUE (\\S+) (\\d+) (\\d+)( \\d+)?");

    private final byte[] bytes;
    private int position;

    private WireCheck(byte[] bytes) {
        this.bytes = bytes;
    }

    /** The RESP replies in {@code bytes}, each rendered by its first line; fails if any is malformed or cut. */
    static List<String> respReplies(byte[] bytes) {
        WireCheck check = new WireCheck(bytes);
        List<String> replies = new ArrayList<>();
        while (check.position < bytes.length) {
            replies.add(check.respValue());
        }
        return replies;
    }

    /** The memcached response lines in {@code bytes} (data blocks skipped); fails on anything memcached would not send. */
    static List<String> memcachedLines(byte[] bytes) {
        WireCheck check = new WireCheck(bytes);
        List<String> lines = new ArrayList<>();
        while (check.position < bytes.length) {
            String line = check.line();
            var value = VALUE_LINE.matcher(line);
            if (value.matches()) {
                check.skip(Integer.parseInt(value.group(3)));
                check.expectCrlf();
            } else if (!MEMCACHED_LINE.matcher(line).matches()) {
                throw new AssertionError("not a memcached response line: " + line);
            }
            lines.add(line);
        }
        return lines;
    }

    private String respValue() {
        String line = line();
        if (line.isEmpty()) {
            throw new AssertionError("empty RESP line");
        }
        String rest = line.substring(1);
        switch (line.charAt(0)) {
            case '+', '-', '_' -> {}
            case ':' -> Long.parseLong(rest);
            case '$', '=' -> {
                int length = Integer.parseInt(rest);
                if (length >= 0) {
                    skip(length);
                    expectCrlf();
                }
            }
            case '*', '~', '%' -> {
                int count = Integer.parseInt(rest) * (line.charAt(0) == '%' ? 2 : 1);
                for (int i = 0; i < count; i++) {
                    respValue();
                }
            }
            default -> throw new AssertionError("not a RESP type: " + line);
        }
        return line;
    }

    private String line() {
        for (int i = position; i + 1 < bytes.length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                String line = new String(bytes, position, i - position, StandardCharsets.ISO_8859_1);
                position = i + 2;
                return line;
            }
        }
        throw new AssertionError("reply cut short: "
                + new String(bytes, position, bytes.length - position, StandardCharsets.ISO_8859_1));
    }

    private void skip(int length) {
        if (position + length > bytes.length) {
            throw new AssertionError("bulk cut short");
        }
        position += length;
    }

    private void expectCrlf() {
        if (position + 2 > bytes.length || bytes[position] != '\r' || bytes[position + 1] != '\n') {
            throw new AssertionError("missing CRLF after data");
        }
        position += 2;
    }
}
