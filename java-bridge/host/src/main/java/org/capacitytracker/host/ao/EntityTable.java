package org.capacitytracker.host.ao;

import java.lang.reflect.Method;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import net.java.ao.Entity;
import net.java.ao.RawEntity;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;
import net.java.ao.schema.Unique;
import org.capacitytracker.host.db.Database;

/**
 * The table of one Active Objects entity interface, derived the way AO derives it: the
 * table is {@code AO_<6 hex digits of the namespace's MD5>_<NAME>} ({@link Table} or the
 * interface's name in upper snake case), each getter a column in upper snake case, the
 * {@link Entity} id an auto-incremented {@code ID}. Only what the host supports is accepted
 * (String, int/Integer, long/Long, boolean/Boolean properties; {@link Entity} keys), so an
 * entity the host cannot store faithfully is refused when it is first used, not half-stored.
 */
final class EntityTable {
    /** A column: its name, Java type, bounded length (or {@link StringLength#UNLIMITED}) and flags. */
    record Column(String name, Class<?> type, int length, boolean notNull, boolean unique, boolean indexed) {
    }

    private static final int DEFAULT_STRING_LENGTH = 255;

    final Class<? extends RawEntity<?>> type;
    final String name;
    /** Column name → column, in declaration order; without ID. */
    final Map<String, Column> columns;
    /** Java property name (as in getDocKey → DocKey) → column name. */
    final Map<String, String> properties;

    private EntityTable(Class<? extends RawEntity<?>> type, String name, Map<String, Column> columns,
            Map<String, String> properties) {
        this.type = type;
        this.name = name;
        this.columns = columns;
        this.properties = properties;
    }

    /** AO's table prefix for a plugin's {@code <ao namespace=…>} (or plugin key). */
    static String prefix(String namespace) {
        try {
            byte[] md5 = MessageDigest.getInstance("MD5").digest(namespace.getBytes(StandardCharsets.UTF_8));
            String hex = String.format("%032x", new BigInteger(1, md5));
            return "AO_" + hex.substring(hex.length() - 6).toUpperCase(Locale.ROOT) + "_";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is missing from this JVM", e);
        }
    }

    static EntityTable of(Class<? extends RawEntity<?>> type, String prefix) {
        if (!type.isInterface() || !Entity.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException(type.getName() + " is not an Active Objects entity interface extending "
                    + "net.java.ao.Entity; the host supports integer-keyed entities only");
        }
        Table table = type.getAnnotation(Table.class);
        String tableName = prefix + upperSnake(table != null ? table.value() : type.getSimpleName());
        if (tableName.length() > 30) {
            // AO's portable limit (Oracle): longer names are refused by AO's schema check too.
            throw new IllegalArgumentException("table name " + tableName + " of " + type.getName()
                    + " is longer than 30 characters");
        }
        Map<String, Column> columns = new LinkedHashMap<>();
        Map<String, String> properties = new LinkedHashMap<>();
        for (Method m : type.getMethods()) {
            String property = propertyOf(m);
            if (property == null || m.getDeclaringClass() == RawEntity.class || m.getDeclaringClass() == Entity.class) {
                continue;
            }
            Class<?> javaType = m.getReturnType();
            if (javaType != String.class && javaType != int.class && javaType != Integer.class && javaType != long.class
                    && javaType != Long.class && javaType != boolean.class && javaType != Boolean.class) {
                throw new IllegalArgumentException(type.getName() + "." + m.getName() + " returns " + javaType.getName()
                        + "; the host's Active Objects stores String, int, long and boolean properties only");
            }
            StringLength length = m.getAnnotation(StringLength.class);
            String column = upperSnake(property);
            columns.put(column, new Column(column, javaType, length == null ? DEFAULT_STRING_LENGTH : length.value(),
                    m.isAnnotationPresent(NotNull.class), m.isAnnotationPresent(Unique.class),
                    m.isAnnotationPresent(Indexed.class)));
            properties.put(property, column);
        }
        return new EntityTable(type, tableName, columns, properties);
    }

    /** The property a getter reads ({@code getDocKey} → {@code DocKey}), or null for other methods. */
    static String propertyOf(Method m) {
        String n = m.getName();
        if (m.getParameterCount() == 0 && n.startsWith("get") && n.length() > 3 && m.getReturnType() != void.class) {
            return n.substring(3);
        }
        if (m.getParameterCount() == 0 && n.startsWith("is") && n.length() > 2
                && (m.getReturnType() == boolean.class || m.getReturnType() == Boolean.class)) {
            return n.substring(2);
        }
        return null;
    }

    /** {@code DocKey} → {@code DOC_KEY}, as AO's default name converters do. */
    static String upperSnake(String camel) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < camel.length(); i++) {
            char c = camel.charAt(i);
            if (Character.isUpperCase(c) && i > 0 && !Character.isUpperCase(camel.charAt(i - 1))) {
                out.append('_');
            }
            out.append(Character.toUpperCase(c));
        }
        return out.toString();
    }

    String createSql(Database.Dialect dialect) {
        StringBuilder sql = new StringBuilder("CREATE TABLE IF NOT EXISTS ").append(name).append(" (ID ")
                .append(dialect == Database.Dialect.H2 ? "INTEGER AUTO_INCREMENT" : "SERIAL").append(" PRIMARY KEY");
        for (Column c : columns.values()) {
            sql.append(", ").append(c.name()).append(' ').append(sqlType(c, dialect));
            if (c.notNull()) {
                sql.append(" NOT NULL");
            }
            if (c.unique()) {
                sql.append(" UNIQUE");
            }
        }
        return sql.append(')').toString();
    }

    private static String sqlType(Column c, Database.Dialect dialect) {
        Class<?> t = c.type();
        if (t == String.class) {
            return c.length() == StringLength.UNLIMITED ? dialect.largeTextType() : "VARCHAR(" + c.length() + ")";
        }
        if (t == int.class || t == Integer.class) {
            return "INTEGER";
        }
        if (t == long.class || t == Long.class) {
            return "BIGINT";
        }
        return "BOOLEAN";
    }

    /** Refuses a value the column cannot hold, naming the column, before anything is written. */
    void check(String column, Object value) {
        Column c = columns.get(column);
        if (c == null) {
            throw new IllegalArgumentException("entity " + type.getName() + " has no column " + column + " (table "
                    + name + ", columns " + columns.keySet() + ")");
        }
        if (value == null) {
            if (c.notNull()) {
                throw new IllegalArgumentException("column " + name + "." + column + " is @NotNull; refusing null");
            }
            return;
        }
        if (value instanceof String s && c.length() != StringLength.UNLIMITED && s.length() > c.length()) {
            throw new IllegalArgumentException("value for " + name + "." + column + " is " + s.length()
                    + " characters long; the column holds at most " + c.length());
        }
    }
}
