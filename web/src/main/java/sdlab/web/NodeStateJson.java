package sdlab.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.InaccessibleObjectException;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A node's state as a JSON tree, read from its fields: what the state inspector shows. Nodes are plain objects of the
 * mechanism's own classes, so their fields are their state; records give their components, collections their items,
 * maps their entries, and the JDK's other values their text. The tree is bounded (depth, items per collection) so a
 * node with a large store stays readable and small; a cut says how much it left out. An object met a second time (a
 * coordinator's parts share its configuration) is shown once and then named by where it was shown; a record of one
 * plain value (a node id) is that value; the simulator's own plumbing (a node's context) is left out: it is not the
 * node's state.
 */
final class NodeStateJson {
    /** Levels below the node shown; deeper values are summarised by their class. */
    static final int DEPTH_MAX = 6;
    /** Items of a collection, map or array shown; the rest are counted. */
    static final int ITEMS_MAX = 40;

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final long EXACT_IN_A_DOUBLE = 1L << 53;

    /** Where each composite object was first shown. */
    private final IdentityHashMap<Object, String> shownAt = new IdentityHashMap<>();

    private NodeStateJson() {}

    /** The state of {@code node}. */
    static JsonNode of(Object node) {
        return new NodeStateJson().value(node, 0, "");
    }

    /** The paths (a.b[3].c) where {@code before} and {@code after} differ, the deepest that still differ as a whole. */
    static List<String> changes(JsonNode before, JsonNode after) {
        List<String> paths = new ArrayList<>();
        diff("", before, after, paths);
        return paths;
    }

    private JsonNode value(Object value, int depth, String path) {
        if (value == null) {
            return JSON.nullNode();
        }
        if (value instanceof String text) {
            return JSON.textNode(text);
        }
        if (value instanceof Boolean flag) {
            return JSON.booleanNode(flag);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            long number = ((Number) value).longValue();
            // A browser reads JSON numbers as doubles: a hash or a token beyond 2^53 would come out rounded.
            return Math.abs(number) <= EXACT_IN_A_DOUBLE
                    ? JSON.numberNode(number)
                    : JSON.textNode(Long.toString(number));
        }
        if (value instanceof Double || value instanceof Float) {
            return JSON.numberNode(((Number) value).doubleValue());
        }
        if (value instanceof Enum<?> || value instanceof Character || value instanceof CharSequence) {
            return JSON.textNode(value.toString());
        }
        Class<?> type = value.getClass();
        if (type.isSynthetic() || type.isHidden()) {
            return JSON.textNode("(a function)");
        }
        if (isPlumbing(type)) {
            return null;
        }
        if (depth >= DEPTH_MAX) {
            return JSON.textNode("(" + type.getSimpleName() + ", deeper than the inspector shows)");
        }
        if (type.isRecord()
                && type.getRecordComponents().length == 1
                && isPlain(type.getRecordComponents()[0].getType())) {
            return read(type.getRecordComponents()[0], value, depth - 1, path); // a node id, a key: its value says it
        }
        String shown = shownAt.get(value);
        if (shown != null) {
            return JSON.textNode(
                    "(the same " + type.getSimpleName() + " as " + (shown.isEmpty() ? "the node" : shown) + ")");
        }
        shownAt.put(value, path);
        return composite(value, type, depth, path);
    }

    private JsonNode composite(Object value, Class<?> type, int depth, String path) {
        if (value instanceof Optional<?> optional) {
            return optional.isPresent() ? value(optional.get(), depth + 1, path) : JSON.nullNode();
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = JSON.objectNode();
            int shown = 0;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (shown++ == ITEMS_MAX) {
                    object.put("…", (map.size() - ITEMS_MAX) + " more entries");
                    break;
                }
                String key = String.valueOf(entry.getKey());
                putIfShown(object, key, value(entry.getValue(), depth + 1, join(path, key)));
            }
            return object;
        }
        if (value instanceof Collection<?> collection) {
            return items(collection.iterator(), collection.size(), depth, path);
        }
        if (type.isArray()) {
            int length = Array.getLength(value);
            List<Object> items = new ArrayList<>(Math.min(length, ITEMS_MAX));
            for (int index = 0; index < Math.min(length, ITEMS_MAX); index++) {
                items.add(Array.get(value, index));
            }
            return items(items.iterator(), length, depth, path);
        }
        if (type.getPackageName().startsWith("java.") || type.getPackageName().startsWith("javax.")) {
            return JSON.textNode(value.toString()); // a Duration, a BitSet, an atomic counter: their text says it
        }
        if (type.isRecord()) {
            ObjectNode object = JSON.objectNode();
            for (RecordComponent component : type.getRecordComponents()) {
                putIfShown(object, component.getName(), read(component, value, depth, path));
            }
            return object;
        }
        return fields(value, type, depth, path);
    }

    private ArrayNode items(Iterator<?> items, int size, int depth, String path) {
        ArrayNode array = JSON.arrayNode();
        int shown = 0;
        while (items.hasNext() && shown < ITEMS_MAX) {
            JsonNode item = value(items.next(), depth + 1, path + "[" + shown + "]");
            array.add(item == null ? JSON.nullNode() : item);
            shown++;
        }
        if (size > shown) {
            array.add("… " + (size - shown) + " more");
        }
        return array;
    }

    private JsonNode fields(Object value, Class<?> type, int depth, String path) {
        ObjectNode object = JSON.objectNode();
        for (Class<?> level = type; level != null && level != Object.class; level = level.getSuperclass()) {
            for (Field field : level.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) || field.isSynthetic()) {
                    continue;
                }
                try {
                    field.setAccessible(true);
                    putIfShown(
                            object, field.getName(), value(field.get(value), depth + 1, join(path, field.getName())));
                } catch (IllegalAccessException | InaccessibleObjectException e) {
                    object.put(field.getName(), "(not readable)");
                }
            }
        }
        return object;
    }

    private JsonNode read(RecordComponent component, Object record, int depth, String path) {
        try {
            component.getAccessor().setAccessible(true);
            return value(component.getAccessor().invoke(record), depth + 1, join(path, component.getName()));
        } catch (ReflectiveOperationException | InaccessibleObjectException e) {
            return JSON.textNode("(not readable)");
        }
    }

    private static boolean isPlain(Class<?> type) {
        return type.isPrimitive()
                || type.isEnum()
                || CharSequence.class.isAssignableFrom(type)
                || Number.class.isAssignableFrom(type)
                || type == Boolean.class
                || type == Character.class;
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private static void putIfShown(ObjectNode object, String name, JsonNode value) {
        if (value != null) {
            object.set(name, value);
        }
    }

    /** The simulator's and the runtime's machinery a node holds (its context, its clock): not the node's state. */
    private static boolean isPlumbing(Class<?> type) {
        String name = type.getName();
        return name.startsWith("sdlab.sim.") || name.startsWith("sdlab.core.NodeContext");
    }

    private static void diff(String path, JsonNode before, JsonNode after, List<String> paths) {
        if (before == null || after == null || before.getNodeType() != after.getNodeType()) {
            if (!java.util.Objects.equals(before, after)) {
                paths.add(path.isEmpty() ? "(all)" : path);
            }
            return;
        }
        if (after.isObject()) {
            java.util.Set<String> names = new java.util.LinkedHashSet<>();
            before.fieldNames().forEachRemaining(names::add);
            after.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                diff(path.isEmpty() ? name : path + "." + name, before.get(name), after.get(name), paths);
            }
        } else if (after.isArray()) {
            if (before.size() != after.size()) {
                paths.add(path);
                return;
            }
            for (int index = 0; index < after.size(); index++) {
                diff(path + "[" + index + "]", before.get(index), after.get(index), paths);
            }
        } else if (!before.equals(after)) {
            paths.add(path);
        }
    }
}
