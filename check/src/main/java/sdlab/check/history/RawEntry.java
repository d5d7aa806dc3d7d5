package sdlab.check.history;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import sdlab.core.history.Op;
import sdlab.core.history.OpType;

/**
 * One history entry as a format reader found it, before validation: fields are whatever the
 * input held (numbers as Long, names as String, sequences as List, EDN keywords as names).
 * {@link #toOp} checks them all in one place, so that the three formats report the same
 * mistakes the same way.
 */
record RawEntry(int line, Object process, Object type, Object f, Object key, Object value, Object time, Object error) {

    /** The process name Jepsen gives its fault injector, whose entries are not client operations. */
    private static final String NEMESIS = "nemesis";

    /** True for an entry of Jepsen's nemesis, which checkers skip. */
    boolean isNemesis() {
        return NEMESIS.equals(name(process));
    }

    /**
     * This entry with its value read as a {@code [key value]} tuple, as Jepsen's {@code
     * independent} workloads write it: the tuple's first element becomes the key.
     */
    RawEntry withTupleKey() {
        List<?> tuple = (List<?>) value;
        return new RawEntry(line, process, type, f, tuple.get(0), tuple.get(1), time, error);
    }

    /** True if the value could be a {@code [key value]} tuple: two elements, the first a name or number. */
    boolean hasTupleValue() {
        return key == null
                && value instanceof List<?> tuple
                && tuple.size() == 2
                && (tuple.get(0) instanceof Long
                        || tuple.get(0) instanceof String
                        || tuple.get(0) instanceof EdnReader.Keyword);
    }

    /** The validated operation. */
    Op toOp() {
        int processId = integer(process, "process", "an integer process id");
        OpType opType = opType();
        String fName = name(f);
        if (fName == null && isTransaction(value)) {
            fName = "txn"; // elle-cli's histories leave the name out of transactions
        }
        if (fName == null) {
            throw problem("expected an operation name in field f, found " + describe(f));
        }
        String keyName = keyName();
        Object checkedValue = checkValue(value);
        long timeNanos = timeNanos();
        return new Op(processId, opType, fName, keyName, checkedValue, timeNanos, errorText());
    }

    /** True for a value that is a non-empty list of lists: a transaction's micro-operations. */
    private static boolean isTransaction(Object value) {
        return value instanceof List<?> items
                && !items.isEmpty()
                && items.stream().allMatch(item -> item instanceof List<?>);
    }

    private OpType opType() {
        String name = name(type);
        if (name == null) {
            throw problem("expected type invoke, ok, fail or info, found " + describe(type));
        }
        try {
            return OpType.parse(name);
        } catch (IllegalArgumentException e) {
            throw problem(e.getMessage());
        }
    }

    /** Keys are strings; an integer or keyword key is read as its text. */
    private String keyName() {
        return switch (key) {
            case null -> null;
            case String s -> s;
            case Long n -> n.toString();
            case EdnReader.Keyword k -> k.name();
            default -> throw problem("expected a string or integer key, found " + describe(key));
        };
    }

    /** A reason is text; Jepsen writes it as a keyword ({@code :timed-out}), JSON as a string. */
    private String errorText() {
        if (error == null) {
            return null;
        }
        String name = name(error);
        return name != null ? name : Values.format(error);
    }

    private int integer(Object field, String fieldName, String expected) {
        if (field instanceof Long n && n >= 0 && n <= Integer.MAX_VALUE) {
            return n.intValue();
        }
        throw problem("expected " + expected + " in field " + fieldName + ", found " + describe(field));
    }

    private long timeNanos() {
        if (time == null) {
            return 0;
        }
        if (time instanceof Long n) {
            return n;
        }
        throw problem("expected an integer time in nanoseconds, found " + describe(time));
    }

    /**
     * Values are null, Long, String, Boolean, Double or an unmodifiable list of values (which may
     * hold nulls); keywords and symbols become their names.
     */
    private Object checkValue(Object v) {
        if (v == null || v instanceof Long || v instanceof String || v instanceof Boolean || v instanceof Double) {
            return v;
        }
        if (v instanceof EdnReader.Keyword k) {
            return k.name();
        }
        if (v instanceof EdnReader.Symbol s) {
            return s.name();
        }
        if (v instanceof List<?> items) {
            List<Object> checked = new ArrayList<>(items.size());
            for (Object item : items) {
                checked.add(checkValue(item));
            }
            return Collections.unmodifiableList(checked);
        }
        throw problem("expected a value that is nil, a number, a string, a keyword or a vector of those, found "
                + describe(v));
    }

    /** A string, or an EDN keyword's name; null for anything else. */
    static String name(Object o) {
        if (o instanceof String s) {
            return s.startsWith(":") ? s.substring(1) : s;
        }
        return o instanceof EdnReader.Keyword k ? k.name() : null;
    }

    private static String describe(Object o) {
        if (o == null) {
            return "nothing";
        }
        return o instanceof String s ? "\"" + s + "\"" : o.toString();
    }

    private MalformedHistoryException problem(String what) {
        return new MalformedHistoryException(line, what);
    }
}
