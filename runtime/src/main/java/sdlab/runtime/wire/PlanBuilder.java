package sdlab.runtime.wire;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import sdlab.core.NodeId;

/**
 * Works out, once, the plan for every type reachable from a message root: the only place that
 * uses reflection. A type the format does not carry is refused here, when the codec is built,
 * with the path to it, and never while a message is in flight.
 */
final class PlanBuilder {
    private final Map<Class<?>, RecordPlan> records = new HashMap<>();
    private final Map<Class<?>, SealedPlan> sealed = new HashMap<>();

    /** The plan of a sealed interface of records, the root of a message family. */
    SealedPlan sealedPlan(Class<?> type) {
        if (!type.isInterface() || !type.isSealed()) {
            throw new IllegalArgumentException(type.getName() + " is not a sealed interface");
        }
        SealedPlan known = sealed.get(type);
        if (known != null) {
            return known;
        }
        SealedPlan plan = new SealedPlan(type);
        sealed.put(type, plan);
        addPermitted(plan, type);
        return plan;
    }

    /** The name a type is numbered and reported by: its binary name without the package, '.' for '$'. */
    static String wireName(Class<?> type) {
        String name = type.getName();
        String packageName = type.getPackageName();
        String local = packageName.isEmpty() ? name : name.substring(packageName.length() + 1);
        return local.replace('$', '.');
    }

    private void addPermitted(SealedPlan plan, Class<?> type) {
        for (Class<?> sub : type.getPermittedSubclasses()) {
            if (sub.isRecord()) {
                plan.add(recordPlan(sub));
            } else if (sub.isInterface() && sub.isSealed()) {
                addPermitted(plan, sub);
            } else {
                throw new IllegalArgumentException(sub.getName() + ", permitted by " + type.getName()
                        + ", is neither a record nor a sealed interface; the wire format carries only those");
            }
        }
    }

    private ValuePlan plan(Type type, String path) {
        if (type instanceof WildcardType wildcard) {
            return plan(wildcard.getUpperBounds()[0], path);
        }
        if (type instanceof ParameterizedType parameterized) {
            return containerPlan(parameterized, path);
        }
        if (!(type instanceof Class<?> cls)) {
            throw new IllegalArgumentException(path + " has type " + type + ", which the wire format does not carry");
        }
        if (cls == boolean.class || cls == Boolean.class) {
            return Scalar.BOOLEAN;
        } else if (cls == short.class || cls == Short.class) {
            return Scalar.SHORT;
        } else if (cls == int.class || cls == Integer.class) {
            return Scalar.INT;
        } else if (cls == long.class || cls == Long.class) {
            return Scalar.LONG;
        } else if (cls == double.class || cls == Double.class) {
            return Scalar.DOUBLE;
        } else if (cls == String.class) {
            return Scalar.STRING;
        } else if (cls == byte[].class) {
            return Scalar.BYTES;
        } else if (cls == NodeId.class) {
            return Scalar.NODE_ID;
        } else if (cls == Object.class) {
            return DynamicPlan.INSTANCE;
        } else if (cls.isEnum()) {
            return new EnumPlan(cls);
        } else if (cls.isRecord()) {
            return recordPlan(cls);
        } else if (cls.isInterface() && cls.isSealed()) {
            return sealedPlan(cls);
        }
        throw new IllegalArgumentException(path + " has type " + cls.getName()
                + ", which the wire format does not carry (see the package documentation)");
    }

    private ValuePlan containerPlan(ParameterizedType type, String path) {
        Type raw = type.getRawType();
        Type[] arguments = type.getActualTypeArguments();
        if (raw == Optional.class) {
            return new OptionalPlan(plan(arguments[0], path + "<>"));
        } else if (raw == List.class) {
            return new ListPlan(plan(arguments[0], path + "<>"));
        } else if (raw == Map.class) {
            return new MapPlan(plan(arguments[0], path + "<key>"), plan(arguments[1], path + "<value>"));
        }
        throw new IllegalArgumentException(
                path + " has type " + type + "; of generic types the wire format carries Optional, List and Map");
    }

    private RecordPlan recordPlan(Class<?> type) {
        RecordPlan known = records.get(type);
        if (known != null) {
            return known;
        }
        RecordComponent[] components = type.getRecordComponents();
        RecordPlan plan = new RecordPlan(type, constructor(type, components));
        records.put(type, plan);
        List<RecordPlan.Component> planned = new ArrayList<>();
        for (RecordComponent component : components) {
            String path = wireName(type) + "." + component.getName();
            ValuePlan value = plan(component.getGenericType(), path);
            planned.add(new RecordPlan.Component(component.getName(), accessor(component), nullable(component, value)));
        }
        plan.setComponents(planned);
        return plan;
    }

    /** Reference-typed components get a presence byte; an Optional and an Object value say "absent" themselves. */
    private static ValuePlan nullable(RecordComponent component, ValuePlan value) {
        boolean selfDescribing = value instanceof OptionalPlan || value == DynamicPlan.INSTANCE;
        return component.getType().isPrimitive() || selfDescribing ? value : new NullablePlan(value);
    }

    private static MethodHandle constructor(Class<?> type, RecordComponent[] components) {
        Class<?>[] parameters = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            parameters[i] = components[i].getType();
        }
        try {
            Constructor<?> canonical = type.getDeclaredConstructor(parameters);
            canonical.setAccessible(true);
            return MethodHandles.lookup()
                    .unreflectConstructor(canonical)
                    .asSpreader(Object[].class, components.length)
                    .asType(MethodType.methodType(Object.class, Object[].class));
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalArgumentException("cannot reach the canonical constructor of " + type.getName(), e);
        }
    }

    private static MethodHandle accessor(RecordComponent component) {
        try {
            Method method = component.getAccessor();
            method.setAccessible(true);
            return MethodHandles.lookup().unreflect(method).asType(MethodType.methodType(Object.class, Object.class));
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalArgumentException("cannot reach the accessor of " + component, e);
        }
    }
}
