package sdlab.runtime.wire;

import java.util.HashMap;
import java.util.Map;

/**
 * An enum constant, written by name: reordering or adding constants keeps old frames readable,
 * and renaming one is a wire change that the reader reports instead of misreading.
 */
final class EnumPlan implements ValuePlan {
    private final Class<?> type;
    private final Map<String, Object> byName = new HashMap<>();

    EnumPlan(Class<?> type) {
        this.type = type;
        for (Object constant : type.getEnumConstants()) {
            byName.put(((Enum<?>) constant).name(), constant);
        }
    }

    @Override
    public void write(Object value, WireWriter out) {
        out.writeString(((Enum<?>) value).name());
    }

    @Override
    public Object read(WireReader in, int depth) throws WireFormatException {
        int at = in.offset();
        String name = in.readString("an enum name");
        Object constant = byName.get(name);
        if (constant == null) {
            throw new WireFormatException(describe() + " has no constant named '" + name + "'", at);
        }
        return constant;
    }

    @Override
    public String describe() {
        return PlanBuilder.wireName(type);
    }
}
