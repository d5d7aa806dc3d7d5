package sdlab.runtime.wire;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A sealed interface of records: the chosen record's type number (4 bytes), then the record.
 * Every record below the interface, through nested sealed interfaces, has its own number.
 */
final class SealedPlan implements ValuePlan {
    private final Class<?> type;
    private final Map<Integer, RecordPlan> byNumber = new HashMap<>();
    private final Map<Class<?>, Integer> numbers = new LinkedHashMap<>();

    SealedPlan(Class<?> type) {
        this.type = type;
    }

    /** Adds a record below this interface; two records with one number are a programmer error. */
    void add(RecordPlan record) {
        int number = MessageCodec.typeNumber(record.type());
        RecordPlan previous = byNumber.putIfAbsent(number, record);
        if (previous != null && previous != record) {
            throw new IllegalArgumentException("records " + previous.describe() + " and " + record.describe()
                    + " have the same type number " + number + " under " + describe() + "; rename one");
        }
        numbers.put(record.type(), number);
    }

    Map<Class<?>, Integer> numbers() {
        return Collections.unmodifiableMap(numbers);
    }

    @Override
    public void write(Object value, WireWriter out) {
        Integer number = numbers.get(value.getClass());
        if (number == null) {
            throw new IllegalArgumentException(value.getClass().getName() + " is not a record of " + describe());
        }
        out.writeInt(number);
        byNumber.get(number).write(value, out);
    }

    @Override
    public Object read(WireReader in, int depth) throws WireFormatException {
        int at = in.offset();
        int number = in.readInt("a type number");
        RecordPlan record = byNumber.get(number);
        if (record == null) {
            throw new WireFormatException("unknown type number " + number + " for " + describe(), at);
        }
        return record.read(in, depth);
    }

    @Override
    public String describe() {
        return PlanBuilder.wireName(type);
    }
}
