package sdlab.runtime.wire;

/** A reference-typed record component: a presence byte (0 null, 1 present), then the value. */
record NullablePlan(ValuePlan inner) implements ValuePlan {
    @Override
    public void write(Object value, WireWriter out) {
        out.writeByte(value == null ? 0 : 1);
        if (value != null) {
            inner.write(value, out);
        }
    }

    @Override
    public Object read(WireReader in, int depth) throws WireFormatException {
        return in.readBoolean("the presence byte of " + inner.describe()) ? inner.read(in, depth) : null;
    }

    @Override
    public String describe() {
        return inner.describe();
    }
}
