package sdlab.lab.report.html;

import java.util.Locale;

/**
 * Escaping and number formatting for the HTML report. The report is also well-formed XML (every element closed,
 * every attribute quoted, only XML's own entities), so that tests can parse it and browsers have nothing to guess.
 */
final class Html {
    private Html() {}

    /** Text safe inside an element or a double-quoted attribute. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    // XML 1.0 forbids most control characters even as references; trace details are free text.
                    if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
                        out.append('?');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** A coordinate with at most one decimal, so that SVG stays small and stable. */
    static String coord(double value) {
        long tenths = Math.round(value * 10);
        return tenths % 10 == 0 ? Long.toString(tenths / 10) : String.format(Locale.ROOT, "%.1f", tenths / 10.0);
    }

    /** Virtual time in milliseconds with microsecond precision: "12.345ms". */
    static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.3fms", nanos / 1e6);
    }

    /** An SVG {@code <title>} child: browsers show it on hover. */
    static String title(String text) {
        return "<title>" + escape(text) + "</title>";
    }
}
