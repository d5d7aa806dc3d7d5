package sdlab.sim;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
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
 * builds a string per message and costs more than the rest of a delivery. So for a record
 * whose {@code hashCode()} is fixed by its values alone (its components are primitives,
 * strings, boxed numbers, node ids, or lists, sets, maps, optionals and records of those,
 * including sealed interfaces whose records all qualify), the record's own hash code is used,
 * combined with its class name. Anything else (enums and plain objects, whose hash codes
 * depend on memory addresses, arrays, {@code Object}-typed fields) falls back to hashing
 * {@code toString()}. The verdict is computed once per class.
 */
final class StableHash {

    private record ClassInfo(boolean hashCodeStable, int nameHash) {}

    private static final ClassValue<ClassInfo> INFO = new ClassValue<>() {
        @Override
        protected ClassInfo computeValue(Class<?> type) {
            return new ClassInfo(stable(type, new HashSet<>()), type.getName().hashCode());
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

    private StableHash() {}

    static int of(Object value) {
        if (value == null) {
            return 0;
        }
        ClassInfo info = INFO.get(value.getClass());
        int content =
                info.hashCodeStable() ? value.hashCode() : value.toString().hashCode();
        return content * 31 + info.nameHash();
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
