package sdlab.sim;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
 *   <li>any other record (say, with an enum or an {@code Object} component) is hashed
 *       component by component, each by these same rules;
 *   <li>an enum by its name (its own hash code depends on a memory address), a list by its
 *       elements in order, a set or map by the sum of its elements' or entries' hashes, an
 *       array by its content;
 *   <li>anything else by its {@code toString()}.
 * </ul>
 *
 * Every hash is combined with the class name, so {@code Ping(1)} and {@code Pong(1)} differ.
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

    private record ClassInfo(Shape shape, int nameHash, Method[] accessors) {}

    private static final ClassValue<ClassInfo> INFO = new ClassValue<>() {
        @Override
        protected ClassInfo computeValue(Class<?> type) {
            return classify(type);
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
        if (value == null) {
            return 0;
        }
        ClassInfo info = INFO.get(value.getClass());
        return content(value, info, depth) * 31 + info.nameHash();
    }

    private static int content(Object value, ClassInfo info, int depth) {
        if (depth > DEPTH_MAX) {
            return value.toString().hashCode();
        }
        return switch (info.shape()) {
            case OWN_HASH_CODE -> value.hashCode();
            case RECORD -> components(value, info.accessors(), depth + 1);
            case ENUM -> ((Enum<?>) value).name().hashCode();
            case LIST -> ordered((Iterable<?>) value, depth + 1);
            case SET -> unordered((Iterable<?>) value, depth + 1);
            case MAP -> entries((Map<?, ?>) value, depth + 1);
            case OPTIONAL -> of(((Optional<?>) value).orElse(null), depth + 1);
            case ARRAY -> array(value, depth + 1);
            case RENDERING -> value.toString().hashCode();
        };
    }

    private static int components(Object record, Method[] accessors, int depth) {
        int hash = 1;
        for (Method accessor : accessors) {
            try {
                hash = hash * 31 + of(accessor.invoke(record), depth);
            } catch (ReflectiveOperationException e) {
                return record.toString().hashCode();
            }
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

    private static ClassInfo classify(Class<?> type) {
        int nameHash = type.getName().hashCode();
        if (stable(type, new HashSet<>())) {
            return new ClassInfo(Shape.OWN_HASH_CODE, nameHash, null);
        }
        if (type.isRecord()) {
            Method[] accessors = accessors(type);
            return new ClassInfo(accessors == null ? Shape.RENDERING : Shape.RECORD, nameHash, accessors);
        }
        return new ClassInfo(shapeOf(type), nameHash, null);
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

    /** The record's accessors, made callable; null if the module system does not allow it. */
    private static Method[] accessors(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        Method[] accessors = new Method[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                accessors[i] = components[i].getAccessor();
                accessors[i].setAccessible(true);
            }
        } catch (RuntimeException e) {
            return null;
        }
        return accessors;
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
