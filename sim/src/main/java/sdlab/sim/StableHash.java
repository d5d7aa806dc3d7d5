package sdlab.sim;

import java.lang.invoke.LambdaConversionException;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import sdlab.core.NodeId;

/**
 * A hash of a message's or timer's content that is the same in every JVM, for the trace hash.
 *
 * <p>Rendering every message with {@code toString()} would be the simplest stable hash, but it
 * builds a string per message and costs more than the rest of a delivery. So the hash follows
 * the value's shape, decided once per class:
 *
 * <ul>
 *   <li>a record whose {@code hashCode()} depends on its values alone (its components are
 *       primitives, strings, boxed numbers, node ids, or lists, sets, maps, optionals and
 *       records of those, including sealed interfaces whose records all qualify) uses its own
 *       hash code;
 *   <li>a record with components whose declared type does not settle it (an {@code Object},
 *       an open interface) also uses its own hash code when the values those components hold
 *       right now are of such kinds; this is checked per value, reading only those components;
 *   <li>any other record (say, with an enum component, or an enum in its {@code Object}
 *       component) is hashed component by component, each by these same rules;
 *   <li>an enum by its name (its own hash code depends on a memory address), a list by its
 *       elements in order, a set or map by the sum of its elements' or entries' hashes, an
 *       array by its content;
 *   <li>anything else by its {@code toString()}.
 * </ul>
 *
 * Every hash is combined with the class name, so {@code Ping(1)} and {@code Pong(1)} differ.
 *
 * <p>Every message sent is hashed, so the walk is planned once per class: a record's
 * components are read through generated accessor functions, and a component whose declared type fixes its
 * class (a final class, a record, a primitive) gets that class's plan at planning time, so
 * only components of open types ({@code Object}, interfaces) look their class up per value.
 */
final class StableHash {

    private enum Shape {
        OWN_HASH_CODE,
        RECORD,
        ENUM,
        LIST,
        SET,
        MAP,
        OPTIONAL,
        ARRAY,
        RENDERING
    }

    /**
     * How values of one class are hashed. For a record, {@code parts[i]} is the plan of
     * component {@code i} when its declared type fixes its class, or null to look it up, and
     * {@code unsettled} lists the components whose declared type does not make their hash
     * code depend on content alone: those are read to decide, per value, whether the record's
     * own hash code will do.
     */
    private record Plan(
            Shape shape, int nameHash, Function<Object, Object>[] accessors, Plan[] parts, int[] unsettled) {

        Plan(Shape shape, int nameHash) {
            this(shape, nameHash, null, null, null);
        }
    }

    private static final ClassValue<Plan> PLANS = new ClassValue<>() {
        @Override
        protected Plan computeValue(Class<?> type) {
            return plan(type, new HashSet<>());
        }
    };

    private static final Set<Class<?>> VALUE_TYPES = Set.of(
            String.class,
            Boolean.class,
            Character.class,
            Byte.class,
            Short.class,
            Integer.class,
            Long.class,
            Float.class,
            Double.class,
            NodeId.class);

    /** Nesting deeper than this is hashed by rendering, which also stops cycles. */
    private static final int DEPTH_MAX = 16;

    private StableHash() {}

    static int of(Object value) {
        return of(value, 0);
    }

    private static int of(Object value, int depth) {
        return value == null ? 0 : hash(value, PLANS.get(value.getClass()), depth);
    }

    private static int hash(Object value, Plan plan, int depth) {
        return content(value, plan, depth) * 31 + plan.nameHash();
    }

    private static int content(Object value, Plan plan, int depth) {
        if (depth > DEPTH_MAX) {
            return value.toString().hashCode();
        }
        return switch (plan.shape()) {
            case OWN_HASH_CODE -> value.hashCode();
            case RECORD -> holdsOnlyValues(value, plan, depth) ? value.hashCode() : components(value, plan, depth + 1);
            case ENUM -> ((Enum<?>) value).name().hashCode();
            case LIST -> ordered((Iterable<?>) value, depth + 1);
            case SET -> unordered((Iterable<?>) value, depth + 1);
            case MAP -> entries((Map<?, ?>) value, depth + 1);
            case OPTIONAL -> of(((Optional<?>) value).orElse(null), depth + 1);
            case ARRAY -> array(value, depth + 1);
            case RENDERING -> value.toString().hashCode();
        };
    }

    /**
     * Whether {@code value}'s own hash code depends on its content alone, as far as its
     * plan leaves open: the record components its declared types did not settle, the elements
     * of a collection. Enums, arrays and rendered objects have identity hash codes.
     */
    private static boolean holdsOnlyValues(Object value, Plan plan, int depth) {
        if (depth > DEPTH_MAX) {
            return false;
        }
        return switch (plan.shape()) {
            case OWN_HASH_CODE -> true;
            case RECORD -> unsettledHoldOnlyValues(value, plan, depth + 1);
            case LIST, SET -> allHoldOnlyValues((Iterable<?>) value, depth + 1);
            case MAP ->
                allHoldOnlyValues(((Map<?, ?>) value).keySet(), depth + 1)
                        && allHoldOnlyValues(((Map<?, ?>) value).values(), depth + 1);
            case OPTIONAL -> holdsOnlyValues(((Optional<?>) value).orElse(null), depth + 1);
            case ENUM, ARRAY, RENDERING -> false;
        };
    }

    private static boolean holdsOnlyValues(Object value, int depth) {
        return value == null || holdsOnlyValues(value, PLANS.get(value.getClass()), depth);
    }

    private static boolean unsettledHoldOnlyValues(Object record, Plan plan, int depth) {
        for (int i : plan.unsettled()) {
            Object component = plan.accessors()[i].apply(record);
            Plan part = plan.parts()[i];
            if (component != null
                    && !(part == null ? holdsOnlyValues(component, depth) : holdsOnlyValues(component, part, depth))) {
                return false;
            }
        }
        return true;
    }

    private static boolean allHoldOnlyValues(Iterable<?> values, int depth) {
        for (Object value : values) {
            if (!holdsOnlyValues(value, depth)) {
                return false;
            }
        }
        return true;
    }

    private static int components(Object record, Plan plan, int depth) {
        int hash = 1;
        for (int i = 0; i < plan.accessors().length; i++) {
            Object component = plan.accessors()[i].apply(record);
            Plan part = plan.parts()[i];
            int componentHash;
            if (component == null) {
                componentHash = 0;
            } else if (part == null) {
                componentHash = of(component, depth);
            } else {
                componentHash = hash(component, part, depth);
            }
            hash = hash * 31 + componentHash;
        }
        return hash;
    }

    private static int ordered(Iterable<?> values, int depth) {
        int hash = 1;
        for (Object value : values) {
            hash = hash * 31 + of(value, depth);
        }
        return hash;
    }

    private static int unordered(Iterable<?> values, int depth) {
        int hash = 0;
        for (Object value : values) {
            hash += of(value, depth);
        }
        return hash;
    }

    private static int entries(Map<?, ?> map, int depth) {
        int hash = 0;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            hash += of(entry.getKey(), depth) ^ of(entry.getValue(), depth);
        }
        return hash;
    }

    private static int array(Object array, int depth) {
        return switch (array) {
            case byte[] bytes -> Arrays.hashCode(bytes);
            case int[] ints -> Arrays.hashCode(ints);
            case long[] longs -> Arrays.hashCode(longs);
            case double[] doubles -> Arrays.hashCode(doubles);
            case boolean[] booleans -> Arrays.hashCode(booleans);
            case char[] chars -> Arrays.hashCode(chars);
            case short[] shorts -> Arrays.hashCode(shorts);
            case float[] floats -> Arrays.hashCode(floats);
            case Object[] objects -> ordered(Arrays.asList(objects), depth);
            default -> array.toString().hashCode();
        };
    }

    /** The plan of {@code type}; {@code planning} holds the records being planned, to stop cycles. */
    private static Plan plan(Class<?> type, Set<Class<?>> planning) {
        int nameHash = type.getName().hashCode();
        if (stable(type, new HashSet<>())) {
            return new Plan(Shape.OWN_HASH_CODE, nameHash);
        }
        if (type.isRecord()) {
            Function<Object, Object>[] accessors = accessors(type);
            if (accessors == null) {
                return new Plan(Shape.RENDERING, nameHash);
            }
            planning.add(type);
            RecordComponent[] components = type.getRecordComponents();
            Plan[] parts = new Plan[components.length];
            int[] unsettled = new int[components.length];
            int unsettledCount = 0;
            for (int i = 0; i < components.length; i++) {
                Class<?> fixed = fixedClass(components[i].getType());
                parts[i] = fixed == null || planning.contains(fixed) ? null : plan(fixed, planning);
                if (!stable(components[i].getGenericType(), new HashSet<>())) {
                    unsettled[unsettledCount++] = i;
                }
            }
            planning.remove(type);
            return new Plan(Shape.RECORD, nameHash, accessors, parts, Arrays.copyOf(unsettled, unsettledCount));
        }
        return new Plan(shapeOf(type), nameHash);
    }

    /**
     * The class every non-null value of a component declared as {@code declared} has, or null if
     * it may vary. A primitive comes out of its (erased) accessor boxed.
     */
    private static Class<?> fixedClass(Class<?> declared) {
        if (declared.isPrimitive()) {
            return MethodType.methodType(declared).wrap().returnType();
        }
        boolean isFinal = Modifier.isFinal(declared.getModifiers());
        return isFinal && !declared.isArray() && !declared.isEnum() ? declared : null;
    }

    private static Shape shapeOf(Class<?> type) {
        if (type.isEnum()
                || (type.getSuperclass() != null && type.getSuperclass().isEnum())) {
            return Shape.ENUM; // the second case: an enum constant with a body
        }
        if (type.isArray()) {
            return Shape.ARRAY;
        }
        if (List.class.isAssignableFrom(type)) {
            return Shape.LIST;
        }
        if (Set.class.isAssignableFrom(type)) {
            return Shape.SET;
        }
        if (Map.class.isAssignableFrom(type)) {
            return Shape.MAP;
        }
        return type == Optional.class ? Shape.OPTIONAL : Shape.RENDERING;
    }

    /**
     * The record's accessors as functions, made once per class, or null if the module system
     * does not allow it. A method handle that is not a constant is interpreted at every call,
     * which made reading components most of a message's hashing cost; a function spun by
     * {@link LambdaMetafactory} calls the accessor directly and is compiled like any lambda.
     */
    private static Function<Object, Object>[] accessors(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        @SuppressWarnings("unchecked")
        Function<Object, Object>[] accessors = new Function[components.length];
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
            for (int i = 0; i < components.length; i++) {
                accessors[i] = function(lookup, lookup.unreflect(components[i].getAccessor()));
            }
        } catch (RuntimeException | ReflectiveOperationException | LambdaConversionException e) {
            return null;
        }
        return accessors;
    }

    @SuppressWarnings("unchecked")
    private static Function<Object, Object> function(MethodHandles.Lookup lookup, MethodHandle accessor)
            throws LambdaConversionException {
        MethodType boxed = accessor.type().wrap();
        try {
            return (Function<Object, Object>) LambdaMetafactory.metafactory(
                            lookup,
                            "apply",
                            MethodType.methodType(Function.class),
                            MethodType.methodType(Object.class, Object.class),
                            accessor,
                            boxed)
                    .getTarget()
                    .invoke();
        } catch (LambdaConversionException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("could not make an accessor function from " + accessor, e);
        }
    }

    /** Whether values of {@code type} have a hash code that depends on their content only. */
    private static boolean stable(Type type, Set<Class<?>> visiting) {
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> raw) {
            return isContainer(raw) && allStable(parameterized.getActualTypeArguments(), visiting);
        }
        if (!(type instanceof Class<?> cls)) {
            return false; // type variables and wildcards: unknown content
        }
        if (cls.isPrimitive() || VALUE_TYPES.contains(cls) || visiting.contains(cls)) {
            return true;
        }
        visiting.add(cls);
        if (cls.isRecord()) {
            for (RecordComponent component : cls.getRecordComponents()) {
                if (!stable(component.getGenericType(), visiting)) {
                    return false;
                }
            }
            return true;
        }
        if (cls.isSealed() && cls.isInterface()) {
            return allStable(cls.getPermittedSubclasses(), visiting);
        }
        return false;
    }

    private static boolean isContainer(Class<?> raw) {
        return raw == List.class || raw == Set.class || raw == Map.class || raw == Optional.class;
    }

    private static boolean allStable(Type[] types, Set<Class<?>> visiting) {
        for (Type type : types) {
            if (!stable(type, visiting)) {
                return false;
            }
        }
        return true;
    }
}
