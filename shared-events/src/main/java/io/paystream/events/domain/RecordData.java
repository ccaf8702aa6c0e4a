package io.paystream.events.domain;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Maps a data record to its part of {@code data} and back. The record's components are the contract: their names are
 * the JSON field names and their order the JSON order (the order the hand-made maps had before the records), a
 * {@code null} is written as JSON {@code null}, an {@link Instant} as its ISO-8601 string ({@link Instant#toString()}),
 * and a component is optional on reading exactly when it is {@code @Nullable}. So a field cannot be added on the
 * writing side and forgotten on the reading side.
 *
 * <p>Supported component types: {@code String}, {@code Long}/{@code long}, {@code Boolean}/{@code boolean},
 * {@code Instant} and {@code List<String>}.
 */
final class RecordData {

    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            return Shape.of(type);
        }
    };

    private RecordData() {}

    static Map<String, @Nullable Object> toData(Record data) {
        Shape shape = SHAPES.get(data.getClass());
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        for (int i = 0; i < shape.components.length; i++) {
            Object value = shape.get(i, data);
            map.put(shape.components[i].getName(), value instanceof Instant instant ? instant.toString() : value);
        }
        return map;
    }

    static <T> T fromData(Class<T> type, DataFields data) {
        Shape shape = SHAPES.get(type);
        Object[] values = new Object[shape.components.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = shape.read(i, data);
        }
        try {
            return type.cast(shape.constructor.newInstance(values));
        } catch (InvocationTargetException e) {
            // the record refused a value (a required list holding null, say): the event breaks the contract
            throw new MalformedDomainEventException(
                    "data does not make a " + type.getSimpleName() + ": " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(type + " cannot be built reflectively", e);
        }
    }

    /** One record class's components, accessors and canonical constructor, looked up once. */
    private static final class Shape {

        final RecordComponent[] components;
        private final Method[] accessors;
        final Constructor<?> constructor;

        private Shape(RecordComponent[] components, Method[] accessors, Constructor<?> constructor) {
            this.components = components;
            this.accessors = accessors;
            this.constructor = constructor;
        }

        static Shape of(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            if (components == null) {
                throw new IllegalArgumentException(type + " is not a record");
            }
            Method[] accessors = new Method[components.length];
            Class<?>[] parameterTypes = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                accessors[i] = components[i].getAccessor();
                parameterTypes[i] = components[i].getType();
                checkSupported(type, components[i]);
            }
            try {
                return new Shape(components, accessors, type.getDeclaredConstructor(parameterTypes));
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(type + " has no canonical constructor", e);
            }
        }

        private static void checkSupported(Class<?> type, RecordComponent component) {
            Class<?> java = component.getType();
            boolean supported = List.of(
                            String.class,
                            Long.class,
                            long.class,
                            Boolean.class,
                            boolean.class,
                            Instant.class,
                            List.class)
                    .contains(java);
            if (!supported) {
                throw new IllegalStateException(type.getSimpleName() + "." + component.getName() + " is a " + java
                        + ", which data records do not support");
            }
        }

        @Nullable
        Object get(int index, Record data) {
            try {
                return accessors[index].invoke(data);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + components[index], e);
            }
        }

        @Nullable
        Object read(int index, DataFields data) {
            RecordComponent component = components[index];
            String name = component.getName();
            boolean optional = component.getAnnotatedType().isAnnotationPresent(Nullable.class);
            Class<?> java = component.getType();
            if (java == String.class) {
                return optional ? data.optionalString(name) : data.string(name);
            }
            if (java == Long.class || java == long.class) {
                return optional ? data.optionalNumber(name) : (Object) data.number(name);
            }
            if (java == Boolean.class || java == boolean.class) {
                return optional ? data.optionalFlag(name) : (Object) data.flag(name);
            }
            if (java == Instant.class) {
                return optional ? data.optionalInstant(name) : data.instant(name);
            }
            return data.strings(name);
        }
    }
}
