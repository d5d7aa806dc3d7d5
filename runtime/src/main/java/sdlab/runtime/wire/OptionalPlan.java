package sdlab.runtime.wire;

import java.util.Optional;

/** An {@code Optional}: a presence byte (0 empty, 1 present), then the value. */
record OptionalPlan(ValuePlan inner) implements ValuePlan {
    @Override
    public void write(Object value, WireWriter out) {
        if (value == null) {
            throw new IllegalArgumentException("a null Optional<" + inner.describe() + "> cannot be sent; use empty");
        }
        Optional<?> optional = (Optional<?>) value;
        out.writeByte(optional.isPresent() ? 1 : 0);
        optional.ifPresent(v -> inner.write(v, out));
    }

    @Override
    public Object read(WireReader in, int depth) throws WireFormatException {
        if (!in.readBoolean("the presence byte of " + describe())) {
            return Optional.empty();
        }
        int at = in.offset();
        Object value = inner.read(in, ValuePlan.deeper(in, depth, describe()));
        if (value == null) {
            throw new WireFormatException("a present " + describe() + " holds null", at);
        }
        return Optional.of(value);
    }

    @Override
    public String describe() {
        return "Optional<" + inner.describe() + ">";
    }
}
