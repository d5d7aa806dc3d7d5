package sdlab.runtime.wire;

import java.lang.invoke.MethodHandle;
import java.util.List;

/**
 * A record: its components in declaration order, with no header of its own. Read back through
 * the canonical constructor, so that a record's own checks (a required key, a non-blank name)
 * apply to what arrives; a refusal there is bad input, reported as such.
 */
final class RecordPlan implements ValuePlan {
    /** One component: how to get it from the record and how to write it. */
    record Component(String name, MethodHandle accessor, ValuePlan plan) {}

    private final Class<?> type;
    private final MethodHandle constructor;
    // Set once by PlanBuilder after this plan is registered, so that records can refer to themselves.
    private List<Component> components = List.of();

    RecordPlan(Class<?> type, MethodHandle constructor) {
        this.type = type;
        this.constructor = constructor;
    }

    void setComponents(List<Component> components) {
        this.components = List.copyOf(components);
    }

    Class<?> type() {
        return type;
    }

    @Override
    public void write(Object value, WireWriter out) {
        for (Component component : components) {
            Object field;
            try {
                field = component.accessor().invokeExact(value);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException("the accessor of " + describe() + "." + component.name() + " threw", e);
            }
            component.plan().write(field, out);
        }
    }

    @Override
    public Object read(WireReader in, int depth) throws WireFormatException {
        int inner = ValuePlan.deeper(in, depth, describe());
        int at = in.offset();
        Object[] values = new Object[components.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = components.get(i).plan().read(in, inner);
        }
        try {
            return constructor.invokeExact(values);
        } catch (RuntimeException e) {
            throw new WireFormatException(describe() + " refused its components: " + e.getMessage(), at);
        } catch (Error e) {
            throw e;
        } catch (Throwable e) {
            throw new WireFormatException(describe() + " refused its components: " + e, at);
        }
    }

    @Override
    public String describe() {
        return PlanBuilder.wireName(type);
    }
}
