package org.capacitytracker.api.typed;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Maps the typed API's records to the engine's JSON documents and back, by component name:
 * a record component is the JSON field of the same name (the names in
 * {@code docs/json-api.md}). Only shape is converted here; every rule stays in the engine.
 *
 * <p>Writing leaves out null components, so the engine applies its defaults. Reading ignores
 * fields the records do not have, so a newer engine that adds a field to a report does not
 * break callers compiled against this API (the conformance test checks that no field is
 * dropped today).
 */
final class RecordJson {
    private RecordJson() {
    }

    /**
     * A record class's components, accessors and canonical constructor, looked up once per
     * class: a million-item report has a million records, and the reflective look-ups
     * ({@code getRecordComponents} copies its array on every call) cost far more than the
     * engine's whole computation when repeated per instance.
     */
    private record Shape(String[] names, String[] fields, java.lang.invoke.MethodHandle[] accessors, Type[] types,
                         Constructor<?> constructor) {
        static final ClassValue<Shape> OF = new ClassValue<>() {
            @Override
            protected Shape computeValue(Class<?> type) {
                RecordComponent[] components = type.getRecordComponents();
                String[] names = new String[components.length];
                java.lang.invoke.MethodHandle[] accessors = new java.lang.invoke.MethodHandle[components.length];
                Type[] types = new Type[components.length];
                Class<?>[] raw = new Class<?>[components.length];
                try {
                    for (int i = 0; i < components.length; i++) {
                        names[i] = components[i].getName();
                        accessors[i] = java.lang.invoke.MethodHandles.lookup()
                                .unreflect(components[i].getAccessor())
                                .asType(java.lang.invoke.MethodType.methodType(Object.class, Object.class));
                        types[i] = components[i].getGenericType();
                        raw[i] = components[i].getType();
                    }
                    String[] fields = new String[names.length];
                    for (int i = 0; i < names.length; i++) {
                        StringBuilder field = new StringBuilder();
                        JsonText.writeString(field, names[i]);
                        fields[i] = field.append(':').toString();
                    }
                    return new Shape(names, fields, accessors, types, type.getDeclaredConstructor(raw));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot map " + type.getName(), e);
                }
            }
        };
    }

    /** Each enum class's constants as JSON strings ({@code "indeterminate"}), by ordinal. */
    private static final ClassValue<String[]> ENUM_NAMES = new ClassValue<>() {
        @Override
        protected String[] computeValue(Class<?> type) {
            Object[] constants = type.getEnumConstants();
            String[] out = new String[constants.length];
            for (int i = 0; i < constants.length; i++) {
                StringBuilder name = new StringBuilder();
                JsonText.writeString(name, (String) tree(constants[i]));
                out[i] = name.toString();
            }
            return out;
        }
    };

    /** The record as JSON text. */
    static String write(Record record) {
        StringBuilder out = new StringBuilder(256);
        write(out, record, false);
        return out.toString();
    }

    /**
     * The record as JSON text with its null components written as {@code null}: for answers
     * handed on (a report), where the engine writes null rather than leaving a field out.
     */
    static String writeWithNulls(Record record) {
        StringBuilder out = new StringBuilder(256);
        write(out, record, true);
        return out.toString();
    }

    /**
     * Writes a value as {@link #tree} would map it and {@link JsonText#write} write it, straight
     * to the text: no map per record (W1's 2,000 items made the tree half the typed call).
     */
    private static void write(StringBuilder out, Object value, boolean nulls) {
        if (value instanceof Record record) {
            Shape shape = Shape.OF.get(record.getClass());
            out.append('{');
            boolean first = true;
            for (int i = 0; i < shape.names().length; i++) {
                Object v = get(shape, i, record);
                if (v != null || nulls) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    out.append(shape.fields()[i]);
                    write(out, v, nulls);
                }
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(out, list.get(i), nulls);
            }
            out.append(']');
        } else if (value instanceof Enum<?> e) {
            out.append(ENUM_NAMES.get(e.getDeclaringClass())[e.ordinal()]);
        } else if (value instanceof LocalDate || value instanceof Float) {
            JsonText.write(out, tree(value, nulls));
        } else {
            JsonText.write(out, value);
        }
    }

    /** Reads the engine's JSON answer into a record of the given type. */
    static <R extends Record> R read(String json, Class<R> type) {
        return type.cast(value(JsonText.parse(json), type, type.getSimpleName()));
    }

    static Object tree(Object value) {
        return tree(value, false);
    }

    private static Object tree(Object value, boolean nulls) {
        if (value instanceof Record record) {
            Shape shape = Shape.OF.get(record.getClass());
            Map<String, Object> map = new LinkedHashMap<>();
            for (int i = 0; i < shape.names().length; i++) {
                Object v = get(shape, i, record);
                if (v != null || nulls) {
                    map.put(shape.names()[i], tree(v, nulls));
                }
            }
            return map;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object v : list) {
                out.add(tree(v, nulls));
            }
            return out;
        }
        if (value instanceof Enum<?> e) {
            return e.name().toLowerCase(Locale.ROOT);
        }
        if (value instanceof LocalDate date) {
            return date.toString();
        }
        if (value instanceof Float f) {
            return f.doubleValue();
        }
        return value;
    }

    private static Object get(Shape shape, int component, Record record) {
        try {
            return shape.accessors()[component].invokeExact((Object) record);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("cannot read " + shape.names()[component], e);
        }
    }

    private static Object value(Object json, Type type, String path) {
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        if (json == null) {
            if (raw == List.class) {
                return List.of();
            }
            if (raw.isPrimitive()) {
                throw shape(path, "a value", null);
            }
            return null;
        }
        if (raw.isRecord()) {
            if (!(json instanceof Map<?, ?> map)) {
                throw shape(path, "an object", json);
            }
            Shape shape = Shape.OF.get(raw);
            Object[] args = new Object[shape.names().length];
            for (int i = 0; i < args.length; i++) {
                args[i] = value(map.get(shape.names()[i]), shape.types()[i], path + "." + shape.names()[i]);
            }
            try {
                return shape.constructor().newInstance(args);
            } catch (InvocationTargetException e) {
                throw new IllegalArgumentException(path + ": " + e.getCause().getMessage(), e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot build " + raw.getName(), e);
            }
        }
        if (raw == List.class) {
            if (!(json instanceof List<?> list)) {
                throw shape(path, "an array", json);
            }
            Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
            List<Object> out = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                out.add(value(list.get(i), element, path + "[" + i + "]"));
            }
            return List.copyOf(out);
        }
        if (raw == String.class) {
            if (json instanceof String s) {
                return s;
            }
            throw shape(path, "a string", json);
        }
        if (raw == LocalDate.class) {
            if (json instanceof String s) {
                return LocalDate.parse(s);
            }
            throw shape(path, "a date", json);
        }
        if (raw == boolean.class || raw == Boolean.class) {
            if (json instanceof Boolean b) {
                return b;
            }
            throw shape(path, "a boolean", json);
        }
        if (raw.isEnum()) {
            if (json instanceof String s) {
                for (Object constant : raw.getEnumConstants()) {
                    if (((Enum<?>) constant).name().equalsIgnoreCase(s)) {
                        return constant;
                    }
                }
            }
            throw shape(path, "one of the " + raw.getSimpleName() + " values", json);
        }
        if (json instanceof Number n) {
            if (raw == long.class || raw == Long.class) {
                return n.longValue();
            }
            if (raw == int.class || raw == Integer.class) {
                return Math.toIntExact(n.longValue());
            }
            if (raw == double.class || raw == Double.class) {
                return n.doubleValue();
            }
        }
        throw shape(path, raw.getSimpleName(), json);
    }

    private static IllegalArgumentException shape(String path, String expected, Object got) {
        return new IllegalArgumentException(path + ": expected " + expected + " in the engine's answer, got " + got);
    }
}
