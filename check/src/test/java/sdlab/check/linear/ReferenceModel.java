package sdlab.check.linear;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Plain, slow, obviously right sequential specifications on Java objects, written apart from the
 * checker's long-encoded state machines so that the differential test checks those too. Each
 * one runs an operation on a state and says whether it succeeded and what it returned; the
 * random-history generator uses it to produce outcomes and the brute-force checker to judge
 * them.
 */
interface ReferenceModel {
    /** What running {@code f(input)} by {@code process} on {@code state} did. */
    record Execution(Object state, Object output, boolean ok) {}

    /** An operation a random workload invokes. */
    record Call(String f, String key, Object input) {}

    String name();

    Object initialState();

    Execution execute(Object state, int process, String f, Object input);

    /** True if {@code f} returns a value that a history records and a checker must match. */
    boolean returnsValue(String f);

    /** True if two outputs of {@code f} are the same answer (sets compare unordered). */
    default boolean sameOutput(String f, Object expected, Object actual) {
        return Objects.equals(expected, actual);
    }

    Call randomCall(SplittableRandom random);

    /** A wrong answer for {@code f}, to corrupt histories. */
    Object randomOutput(String f, SplittableRandom random);

    static Long small(SplittableRandom random) {
        return (long) random.nextInt(3);
    }

    static String someKey(SplittableRandom random, int keys) {
        return keys == 1 ? null : String.valueOf((char) ('a' + random.nextInt(keys)));
    }

    /** A register with compare-and-set (or without), values 0..2, over one or two keys. */
    record CasRegister(boolean withCas, int keys) implements ReferenceModel {
        @Override
        public String name() {
            return withCas ? "cas-register" : "register";
        }

        @Override
        public Object initialState() {
            return null;
        }

        @Override
        public Execution execute(Object state, int process, String f, Object input) {
            return switch (f) {
                case "read" -> new Execution(state, state, true);
                case "write" -> new Execution(input, input, true);
                case "cas" -> {
                    List<?> fromTo = (List<?>) input;
                    boolean matches = Objects.equals(state, fromTo.get(0));
                    yield new Execution(matches ? fromTo.get(1) : state, input, matches);
                }
                default -> throw new IllegalArgumentException(f);
            };
        }

        @Override
        public boolean returnsValue(String f) {
            return f.equals("read");
        }

        @Override
        public Call randomCall(SplittableRandom random) {
            String key = someKey(random, keys);
            int kind = random.nextInt(withCas ? 3 : 2);
            return switch (kind) {
                case 0 -> new Call("read", key, null);
                case 1 -> new Call("write", key, small(random));
                default -> new Call("cas", key, List.of(small(random), small(random)));
            };
        }

        @Override
        public Object randomOutput(String f, SplittableRandom random) {
            return random.nextInt(4) == 0 ? null : small(random);
        }
    }

    /** Porcupine's key-value store: get, put and append of short strings, missing keys read "". */
    record KeyValue(int keys) implements ReferenceModel {
        @Override
        public String name() {
            return "key-value";
        }

        @Override
        public Object initialState() {
            return "";
        }

        @Override
        public Execution execute(Object state, int process, String f, Object input) {
            return switch (f) {
                case "get" -> new Execution(state, state, true);
                case "put" -> new Execution(input, input, true);
                case "append" -> new Execution(state + (String) input, input, true);
                default -> throw new IllegalArgumentException(f);
            };
        }

        @Override
        public boolean returnsValue(String f) {
            return f.equals("get");
        }

        @Override
        public Call randomCall(SplittableRandom random) {
            String key = someKey(random, keys);
            String text = String.valueOf((char) ('x' + random.nextInt(2)));
            return switch (random.nextInt(3)) {
                case 0 -> new Call("get", key, null);
                case 1 -> new Call("put", key, text);
                default -> new Call("append", key, text);
            };
        }

        @Override
        public Object randomOutput(String f, SplittableRandom random) {
            return List.of("", "x", "y", "xy", "yx").get(random.nextInt(5));
        }
    }

    /** A lock whose holder is the process that acquired it. */
    record Mutex() implements ReferenceModel {
        @Override
        public String name() {
            return "mutex";
        }

        @Override
        public Object initialState() {
            return null;
        }

        @Override
        public Execution execute(Object state, int process, String f, Object input) {
            return switch (f) {
                case "acquire" ->
                    state == null ? new Execution(process, null, true) : new Execution(state, null, false);
                case "release" ->
                    Objects.equals(state, process)
                            ? new Execution(null, null, true)
                            : new Execution(state, null, false);
                default -> throw new IllegalArgumentException(f);
            };
        }

        @Override
        public boolean returnsValue(String f) {
            return false;
        }

        @Override
        public Call randomCall(SplittableRandom random) {
            return new Call(random.nextBoolean() ? "acquire" : "release", null, null);
        }

        @Override
        public Object randomOutput(String f, SplittableRandom random) {
            return null;
        }
    }

    /** A grow-only set of 0..2 whose reads return every element. */
    record GrowSet() implements ReferenceModel {
        @Override
        public String name() {
            return "set";
        }

        @Override
        public Object initialState() {
            return List.of();
        }

        @Override
        public Execution execute(Object state, int process, String f, Object input) {
            List<?> elements = (List<?>) state;
            return switch (f) {
                case "add" -> {
                    List<Object> grown = new ArrayList<>(elements);
                    if (!grown.contains(input)) {
                        grown.add(input);
                    }
                    yield new Execution(List.copyOf(grown), input, true);
                }
                case "read" -> new Execution(state, state, true);
                default -> throw new IllegalArgumentException(f);
            };
        }

        @Override
        public boolean returnsValue(String f) {
            return f.equals("read");
        }

        @Override
        public boolean sameOutput(String f, Object expected, Object actual) {
            return new HashSet<>((List<?>) expected).equals(new HashSet<>((List<?>) actual));
        }

        @Override
        public Call randomCall(SplittableRandom random) {
            return random.nextBoolean() ? new Call("add", null, small(random)) : new Call("read", null, null);
        }

        @Override
        public Object randomOutput(String f, SplittableRandom random) {
            List<Object> some = new ArrayList<>();
            for (long e = 0; e < 3; e++) {
                if (random.nextBoolean()) {
                    some.add(e);
                }
            }
            return List.copyOf(some);
        }
    }

    /** A FIFO queue of 0..2; dequeue of an empty queue returns nil. */
    record Fifo() implements ReferenceModel {
        @Override
        public String name() {
            return "queue";
        }

        @Override
        public Object initialState() {
            return List.of();
        }

        @Override
        public Execution execute(Object state, int process, String f, Object input) {
            List<?> queue = (List<?>) state;
            return switch (f) {
                case "enqueue" -> {
                    List<Object> longer = new ArrayList<>(queue);
                    longer.add(input);
                    yield new Execution(List.copyOf(longer), input, true);
                }
                case "dequeue" ->
                    queue.isEmpty()
                            ? new Execution(state, null, true)
                            : new Execution(List.copyOf(queue.subList(1, queue.size())), queue.get(0), true);
                default -> throw new IllegalArgumentException(f);
            };
        }

        @Override
        public boolean returnsValue(String f) {
            return f.equals("dequeue");
        }

        @Override
        public Call randomCall(SplittableRandom random) {
            return random.nextInt(5) < 3 ? new Call("enqueue", null, small(random)) : new Call("dequeue", null, null);
        }

        @Override
        public Object randomOutput(String f, SplittableRandom random) {
            return random.nextInt(4) == 0 ? null : small(random);
        }
    }
}
