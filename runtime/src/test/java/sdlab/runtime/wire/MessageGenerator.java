package sdlab.runtime.wire;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import sdlab.core.NodeId;

/**
 * Builds an instance of any record by filling its components from their types, from one seed,
 * so that a message type added to a family is covered by the round-trip tests without a line
 * changed here. Values are never the defaults (0, empty, false alone) that would hide a field
 * the codec skipped; strings mix ASCII with two-, three- and four-byte UTF-8.
 */
final class MessageGenerator {
    private static final String[] TEXT = {"k", "key-17", "é", "日本", "😀", "a b\tc", "x".repeat(300)};

    private static final int LIST_DEPTH_MAX = 6;

    private final Random random;

    MessageGenerator(long seed) {
        this.random = new Random(seed);
    }

    /** Every record below a sealed interface, found independently of the codec. */
    static List<Class<?>> recordsBelow(Class<?> sealed) {
        List<Class<?>> records = new ArrayList<>();
        for (Class<?> sub : sealed.getPermittedSubclasses()) {
            if (sub.isRecord()) {
                records.add(sub);
            } else {
                records.addAll(recordsBelow(sub));
            }
        }
        return records;
    }

    Object record(Class<?> type) {
        return record(type, 0);
    }

    private Object record(Class<?> type, int depth) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] parameters = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            parameters[i] = components[i].getType();
            values[i] = value(components[i].getGenericType(), depth + 1);
        }
        try {
            Constructor<?> constructor = type.getDeclaredConstructor(parameters);
            constructor.setAccessible(true);
            return constructor.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot build a " + type.getName() + " from " + List.of(values), e);
        }
    }

    Object value(Type type, int depth) {
        if (type instanceof WildcardType wildcard) {
            return value(wildcard.getUpperBounds()[0], depth);
        }
        if (type instanceof ParameterizedType parameterized) {
            return container(parameterized, depth);
        }
        Class<?> cls = (Class<?>) type;
        if (cls == boolean.class || cls == Boolean.class) {
            return random.nextBoolean();
        } else if (cls == short.class || cls == Short.class) {
            return (short) random.nextInt(Short.MIN_VALUE, Short.MAX_VALUE + 1);
        } else if (cls == int.class || cls == Integer.class) {
            return random.nextInt(1, Integer.MAX_VALUE) * (random.nextBoolean() ? 1 : -1);
        } else if (cls == long.class || cls == Long.class) {
            return random.nextLong(1, Long.MAX_VALUE) * (random.nextBoolean() ? 1 : -1);
        } else if (cls == double.class || cls == Double.class) {
            return random.nextDouble() * 1e9 - 5e8;
        } else if (cls == String.class) {
            return text();
        } else if (cls == byte[].class) {
            byte[] bytes = new byte[random.nextInt(1, 20)];
            random.nextBytes(bytes);
            return bytes;
        } else if (cls == NodeId.class) {
            return NodeId.of("n" + random.nextInt(1, 100));
        } else if (cls == Object.class) {
            return storable(0);
        } else if (cls.isEnum()) {
            Object[] constants = cls.getEnumConstants();
            return constants[random.nextInt(constants.length)];
        } else if (cls.isRecord()) {
            return record(cls, depth);
        } else if (cls.isSealed()) {
            List<Class<?>> records = recordsBelow(cls);
            return record(records.get(random.nextInt(records.size())), depth);
        }
        throw new AssertionError("the generator cannot fill a " + cls.getName() + "; teach it, or the codec");
    }

    private Object container(ParameterizedType type, int depth) {
        Type[] arguments = type.getActualTypeArguments();
        Type raw = type.getRawType();
        if (raw == Optional.class) {
            return Optional.of(value(arguments[0], depth + 1));
        } else if (raw == List.class) {
            List<Object> list = new ArrayList<>();
            // Deep down, lists end, so that a recursive record (a tree) stays finite.
            for (int i = depth < LIST_DEPTH_MAX ? random.nextInt(1, 4) : 0; i > 0; i--) {
                list.add(value(arguments[0], depth + 1));
            }
            return List.copyOf(list);
        } else if (raw == Map.class) {
            Map<Object, Object> map = new LinkedHashMap<>();
            for (int i = random.nextInt(1, 4); i > 0; i--) {
                map.put(value(arguments[0], depth + 1), value(arguments[1], depth + 1));
            }
            return map;
        }
        throw new AssertionError("the generator cannot fill a " + type);
    }

    /** A value the quorum store can hold: Long, Integer, String, Boolean or a List of them. */
    private Object storable(int depth) {
        return switch (random.nextInt(depth < 2 ? 5 : 4)) {
            case 0 -> random.nextLong(1, Long.MAX_VALUE);
            case 1 -> random.nextInt(1, Integer.MAX_VALUE);
            case 2 -> text();
            case 3 -> Boolean.TRUE;
            default -> {
                List<Object> list = new ArrayList<>();
                list.add(null);
                list.add(storable(depth + 1));
                list.add(storable(depth + 1));
                yield list;
            }
        };
    }

    private String text() {
        return TEXT[random.nextInt(TEXT.length)] + random.nextInt(1000);
    }
}
