package sdlab.runtime.wire;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A component declared as {@code Object}, such as the quorum store's opaque client value: a tag
 * byte, then the value. The tags are 0 null, 1 Long, 2 Integer, 3 String, 4 Boolean and 5 a
 * List of such values (count, then tagged elements, nulls allowed). Anything else cannot be sent.
 */
enum DynamicPlan implements ValuePlan {
    INSTANCE;

    private static final int NULL = 0;
    private static final int LONG = 1;
    private static final int INT = 2;
    private static final int STRING = 3;
    private static final int BOOLEAN = 4;
    private static final int LIST = 5;

    @Override
    public void write(Object value, WireWriter out) {
        switch (value) {
            case null -> out.writeByte(NULL);
            case Long l -> {
                out.writeByte(LONG);
                out.writeLong(l);
            }
            case Integer i -> {
                out.writeByte(INT);
                out.writeInt(i);
            }
            case String s -> {
                out.writeByte(STRING);
                out.writeString(s);
            }
            case Boolean b -> {
                out.writeByte(BOOLEAN);
                out.writeByte(b ? 1 : 0);
            }
            case List<?> list -> {
                MessageCodec.checkCount(list.size(), "a List in an Object component");
                out.writeByte(LIST);
                out.writeInt(list.size());
                list.forEach(e -> write(e, out));
            }
            default ->
                throw new IllegalArgumentException("an Object component carries only null, Long, Integer, String,"
                        + " Boolean or a List of them, not " + value.getClass().getName());
        }
    }

    @Override
    public Object read(WireReader in, int depth) throws WireFormatException {
        int at = in.offset();
        int tag = in.readByte("the tag of an Object value");
        return switch (tag) {
            case NULL -> null;
            case LONG -> in.readLong("a long");
            case INT -> in.readInt("an int");
            case STRING -> in.readString("a string");
            case BOOLEAN -> in.readBoolean("a boolean");
            case LIST -> readList(in, ValuePlan.deeper(in, depth, "a List in an Object value"));
            default -> throw new WireFormatException("unknown tag " + tag + " of an Object value", at);
        };
    }

    private Object readList(WireReader in, int depth) throws WireFormatException {
        int count = in.readCount("a List in an Object value", MessageCodec.ELEMENTS_MAX);
        List<Object> list = new ArrayList<>(Math.min(count, 16));
        for (int i = 0; i < count; i++) {
            list.add(read(in, depth));
        }
        return Collections.unmodifiableList(list);
    }

    @Override
    public String describe() {
        return "Object";
    }
}
