package org.capacitytracker.host.settings;

import com.atlassian.sal.api.pluginsettings.PluginSettings;
import org.capacitytracker.host.db.Database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * One scope of SAL plugin settings, one row per key.
 *
 * <p>Jira rejects keys longer than 100 characters and string values longer than 99,000
 * characters with {@link IllegalArgumentException}; this host does the same so that a plugin
 * that works here does not fail in Jira. Values are Strings, Lists of Strings, Maps of
 * Strings or Properties, as SAL specifies; lists and maps are stored as one string with a
 * type marker on the first line, and the limit applies to that stored string.
 */
final class JdbcPluginSettings implements PluginSettings {
    static final int MAX_KEY_LENGTH = 100;
    static final int MAX_VALUE_LENGTH = 99_000;

    private static final String LIST_MARKER = "#java.util.List\n";
    private static final String MAP_MARKER = "#java.util.Map\n";
    private static final String PROPERTIES_MARKER = "#java.util.Properties\n";

    private final Database database;
    private final String scope;

    JdbcPluginSettings(Database database, String scope) {
        this.database = database;
        this.scope = scope;
    }

    @Override
    public Object get(String key) {
        checkKey(key);
        return database.inTransaction(connection -> {
            String stored = select(connection, key, false);
            return stored == null ? null : decode(stored);
        });
    }

    @Override
    public Object put(String key, Object value) {
        checkKey(key);
        if (value == null) {
            throw new IllegalArgumentException("PluginSettings value for key '" + key + "' cannot be null; use remove()");
        }
        String encoded = encode(key, value);
        if (encoded.length() > MAX_VALUE_LENGTH) {
            throw new IllegalArgumentException("PluginSettings value for key '" + key + "' is " + encoded.length()
                    + " characters long; Jira stores at most " + MAX_VALUE_LENGTH);
        }
        return database.inTransaction(connection -> {
            String previous = select(connection, key, true);
            if (previous == null) {
                insertOrUpdate(connection, key, encoded);
            } else {
                try (PreparedStatement update = connection.prepareStatement("UPDATE " + JdbcPluginSettingsFactory.TABLE
                        + " SET setting_value = ? WHERE scope = ? AND setting_key = ?")) {
                    update.setString(1, encoded);
                    update.setString(2, scope);
                    update.setString(3, key);
                    update.executeUpdate();
                }
            }
            return previous == null ? null : decode(previous);
        });
    }

    @Override
    public Object remove(String key) {
        checkKey(key);
        return database.inTransaction(connection -> {
            String previous = select(connection, key, true);
            if (previous == null) {
                return null;
            }
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + JdbcPluginSettingsFactory.TABLE
                    + " WHERE scope = ? AND setting_key = ?")) {
                delete.setString(1, scope);
                delete.setString(2, key);
                delete.executeUpdate();
            }
            return decode(previous);
        });
    }

    private static void checkKey(String key) {
        if (key == null) {
            throw new IllegalArgumentException("PluginSettings key cannot be null");
        }
        if (key.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("PluginSettings key is " + key.length()
                    + " characters long; Jira accepts keys of at most " + MAX_KEY_LENGTH + " characters");
        }
    }

    private String select(Connection connection, String key, boolean forUpdate) throws SQLException {
        String sql = "SELECT setting_value FROM " + JdbcPluginSettingsFactory.TABLE
                + " WHERE scope = ? AND setting_key = ?" + (forUpdate ? " FOR UPDATE" : "");
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, scope);
            select.setString(2, key);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** An upsert, because another transaction may insert the same absent key concurrently. */
    private void insertOrUpdate(Connection connection, String key, String value) throws SQLException {
        String sql = switch (database.dialect()) {
            case H2 -> "MERGE INTO " + JdbcPluginSettingsFactory.TABLE
                    + " (scope, setting_key, setting_value) KEY (scope, setting_key) VALUES (?, ?, ?)";
            case POSTGRESQL -> "INSERT INTO " + JdbcPluginSettingsFactory.TABLE
                    + " (scope, setting_key, setting_value) VALUES (?, ?, ?)"
                    + " ON CONFLICT (scope, setting_key) DO UPDATE SET setting_value = EXCLUDED.setting_value";
        };
        try (PreparedStatement upsert = connection.prepareStatement(sql)) {
            upsert.setString(1, scope);
            upsert.setString(2, key);
            upsert.setString(3, value);
            upsert.executeUpdate();
        }
    }

    private static String encode(String key, Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Properties properties) {
            Map<String, String> map = new LinkedHashMap<>();
            for (String name : properties.stringPropertyNames()) {
                map.put(name, properties.getProperty(name));
            }
            return PROPERTIES_MARKER + encodeMap(key, map);
        }
        if (value instanceof List<?> list) {
            StringBuilder out = new StringBuilder(LIST_MARKER);
            for (Iterator<?> it = list.iterator(); it.hasNext(); ) {
                out.append(escape(requireString(key, it.next())));
                if (it.hasNext()) {
                    out.append('\n');
                }
            }
            return out.toString();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, String> strings = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                strings.put(requireString(key, e.getKey()), requireString(key, e.getValue()));
            }
            return MAP_MARKER + encodeMap(key, strings);
        }
        throw new IllegalArgumentException("PluginSettings value for key '" + key + "' must be a String, List, Map or "
                + "Properties, got " + value.getClass().getName());
    }

    private static String requireString(String key, Object element) {
        if (element instanceof String s) {
            return s;
        }
        throw new IllegalArgumentException("PluginSettings value for key '" + key
                + "' may only hold Strings, got " + (element == null ? "null" : element.getClass().getName()));
    }

    private static String encodeMap(String key, Map<String, String> map) {
        StringBuilder out = new StringBuilder();
        for (Iterator<Map.Entry<String, String>> it = map.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, String> e = it.next();
            out.append(escape(e.getKey())).append('\n').append(escape(e.getValue()));
            if (it.hasNext()) {
                out.append('\n');
            }
        }
        return out.toString();
    }

    private static Object decode(String stored) {
        if (stored.startsWith(LIST_MARKER)) {
            return new ArrayList<>(splitLines(stored.substring(LIST_MARKER.length())));
        }
        if (stored.startsWith(MAP_MARKER)) {
            return decodeMap(stored.substring(MAP_MARKER.length()));
        }
        if (stored.startsWith(PROPERTIES_MARKER)) {
            Properties properties = new Properties();
            properties.putAll(decodeMap(stored.substring(PROPERTIES_MARKER.length())));
            return properties;
        }
        return stored;
    }

    private static Map<String, String> decodeMap(String body) {
        List<String> lines = splitLines(body);
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < lines.size(); i += 2) {
            map.put(lines.get(i), lines.get(i + 1));
        }
        return map;
    }

    private static List<String> splitLines(String body) {
        List<String> out = new ArrayList<>();
        if (body.isEmpty()) {
            return out;
        }
        for (String line : body.split("\n", -1)) {
            out.add(unescape(line));
        }
        return out;
    }

    /** Every element line starts with '|' so that an empty element still has a line. */
    private static String escape(String s) {
        return "|" + s.replace("\\", "\\\\").replace("\n", "\\n");
    }

    private static String unescape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char next = s.charAt(++i);
                out.append(next == 'n' ? '\n' : next);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
