package sdlab.runtime.wire;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A {@code List}: an element count (at most {@link MessageCodec#ELEMENTS_MAX}), then the
 * elements, none of them null. Read back as an unmodifiable list.
 */
record ListPlan(ValuePlan element) implements ValuePlan {
    @Override
    public void write(Object value, WireWriter out) {
        List<?> list = (List<?>) value;
        MessageCodec.checkCount(list.size(), describe());
        out.writeInt(list.size());
        for (Object e : list) {
            if (e == null) {
                throw new IllegalArgumentException(describe() + " holds a null element, which cannot be sent");
            }
            element.write(e, out);
        }
    }

    @Override
    public Object read(WireReader in, int depth) throws WireFormatException {
        int inner = ValuePlan.deeper(in, depth, describe());
        int count = in.readCount(describe(), MessageCodec.ELEMENTS_MAX);
        // Grown as elements arrive, never sized by the peer's count alone.
        List<Object> list = new ArrayList<>(Math.min(count, 16));
        for (int i = 0; i < count; i++) {
            int at = in.offset();
            Object e = element.read(in, inner);
            if (e == null) {
                throw new WireFormatException(describe() + " holds a null element", at);
            }
            list.add(e);
        }
        return Collections.unmodifiableList(list);
    }

    @Override
    public String describe() {
        return "List<" + element.describe() + ">";
    }
}
