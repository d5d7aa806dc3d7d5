package sdlab.runtime.wire;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@code Map}: an entry count (at most {@link MessageCodec#ELEMENTS_MAX}), then key and value
 * of each entry in the map's iteration order; no null keys or values, no repeated keys. Read
 * back as an unmodifiable map that iterates in the order sent.
 */
record MapPlan(ValuePlan key, ValuePlan value) implements ValuePlan {
    @Override
    public void write(Object map, WireWriter out) {
        Map<?, ?> entries = (Map<?, ?>) map;
        MessageCodec.checkCount(entries.size(), describe());
        out.writeInt(entries.size());
        for (Map.Entry<?, ?> entry : entries.entrySet()) {
            if (entry.getKey() == null || entry.getValue() == null) {
                throw new IllegalArgumentException(describe() + " holds a null key or value, which cannot be sent");
            }
            key.write(entry.getKey(), out);
            value.write(entry.getValue(), out);
        }
    }

    @Override
    public Object read(WireReader in, int depth) throws WireFormatException {
        int inner = ValuePlan.deeper(in, depth, describe());
        int count = in.readCount(describe(), MessageCodec.ELEMENTS_MAX);
        Map<Object, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            int at = in.offset();
            Object k = key.read(in, inner);
            Object v = value.read(in, inner);
            if (k == null || v == null) {
                throw new WireFormatException(describe() + " holds a null key or value", at);
            }
            if (map.putIfAbsent(k, v) != null) {
                throw new WireFormatException(describe() + " repeats the key " + k, at);
            }
        }
        return Collections.unmodifiableMap(map);
    }

    @Override
    public String describe() {
        return "Map<" + key.describe() + ", " + value.describe() + ">";
    }
}
