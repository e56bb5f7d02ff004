package org.capacitytracker.host.ao;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.sal.api.transaction.TransactionCallback;
import java.lang.reflect.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.java.ao.Query;
import net.java.ao.RawEntity;
import org.capacitytracker.host.db.Database;

/**
 * The subset of Active Objects a plugin uses, over the host's JDBC database (H2 or
 * PostgreSQL), for one plugin: the entities its {@code <ao>} module declares, in tables
 * {@code AO_<hash>_<NAME>} ({@link EntityTable}).
 *
 * <p>Why this is safe across Data Center nodes where plugin settings are not: every read is
 * a query on the database, in a transaction, with no cache in front of it — AO has none that
 * spans nodes. Isolation is the database's READ COMMITTED (PostgreSQL's and H2's default, as
 * in Jira): each statement sees every transaction committed before it started, so a writer
 * that holds a cluster lock reads what the lock's previous holder committed before releasing
 * it. {@link #executeInTransaction} binds one connection to the calling thread: everything the
 * callback does commits together or not at all, and calls outside it run one statement per
 * transaction.
 *
 * <p>Entities are proxies of the plugin's interfaces, loaded with all their columns (as
 * {@code @Preload} would); setters change the proxy and {@code save()} writes the changed
 * columns. An entity class the {@code <ao>} module does not declare is refused.
 *
 * <pre>{@code
 * ActiveObjects ao = new JdbcActiveObjects(database, "org.capacitytracker.jira", Set.of(StoredDocument.class));
 * ao.executeInTransaction(() -> ao.create(StoredDocument.class, Map.of("DOC_KEY", "k", "DOC_VALUE", "v")));
 * }</pre>
 */
public final class JdbcActiveObjects implements ActiveObjects {
    private final Database database;
    private final String prefix;
    private final Set<Class<?>> declared;
    private final Map<Class<?>, EntityTable> tables = new ConcurrentHashMap<>();
    private final ThreadLocal<Connection> current = new ThreadLocal<>();

    /**
     * @param database the host's database
     * @param namespace the {@code <ao namespace=…>} attribute, or the plugin key without one
     * @param declaredEntities the entity interfaces the plugin's {@code <ao>} module lists
     */
    public JdbcActiveObjects(Database database, String namespace, Set<Class<?>> declaredEntities) {
        this.database = Objects.requireNonNull(database, "database");
        this.prefix = EntityTable.prefix(Objects.requireNonNull(namespace, "namespace"));
        this.declared = Set.copyOf(declaredEntities);
    }

    /** The table name an entity is stored in (for tests and diagnostics). */
    public String tableName(Class<? extends RawEntity<?>> type) {
        return table(type).name;
    }

    @Override
    @SafeVarargs
    public final void migrate(Class<? extends RawEntity<?>>... entities) {
        for (Class<? extends RawEntity<?>> type : entities) {
            table(type);
        }
    }

    @Override
    public <T extends RawEntity<K>, K> T get(Class<T> type, K key) {
        T[] found = select(type, "ID = ?", new Object[] {key}, null, 1);
        return found.length == 0 ? null : found[0];
    }

    @Override
    public <T extends RawEntity<K>, K> T create(Class<T> type, Map<String, Object> params) {
        EntityTable table = table(type);
        Map<String, Object> values = new LinkedHashMap<>();
        params.forEach((column, value) -> values.put(column.toUpperCase(java.util.Locale.ROOT), value));
        values.forEach(table::check);
        for (EntityTable.Column c : table.columns.values()) {
            if (c.notNull() && !values.containsKey(c.name())) {
                throw new IllegalArgumentException("column " + table.name + "." + c.name()
                        + " is @NotNull; create(" + type.getSimpleName() + ") must give it a value");
            }
        }
        int id = work(connection -> {
            String sql = values.isEmpty() ? "INSERT INTO " + table.name + " DEFAULT VALUES"
                    : "INSERT INTO " + table.name + " (" + String.join(", ", values.keySet()) + ") VALUES ("
                            + String.join(", ", java.util.Collections.nCopies(values.size(), "?")) + ")";
            // Not by column name: PostgreSQL's driver would quote "ID", which an unquoted (folded) column is not.
            try (PreparedStatement insert = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
                bind(insert, values.values().toArray());
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    return keys.getInt("ID");
                }
            }
        });
        Map<String, Object> row = new HashMap<>();
        table.columns.keySet().forEach(c -> row.put(c, values.get(c)));
        return EntityProxy.create(this, table, id, row);
    }

    @Override
    public void delete(RawEntity<?>... entities) {
        for (RawEntity<?> entity : entities) {
            EntityProxy handler = EntityProxy.of(entity);
            EntityTable table = table(handler.table.type);
            work(connection -> {
                try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table.name + " WHERE ID = ?")) {
                    delete.setInt(1, handler.id);
                    return delete.executeUpdate();
                }
            });
        }
    }

    @Override
    public <T extends RawEntity<K>, K> T[] find(Class<T> type, Query query) {
        return select(type, query.getWhereClause(), query.getWhereParams(), query.getOrderClause(), query.getLimit());
    }

    @Override
    public <T extends RawEntity<K>, K> T[] find(Class<T> type, String criteria, Object... parameters) {
        return select(type, criteria, parameters, null, -1);
    }

    @Override
    public <K> int count(Class<? extends RawEntity<K>> type, Query query) {
        EntityTable table = table(type);
        String where = query.getWhereClause();
        return work(connection -> {
            try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM " + table.name
                    + (where == null ? "" : " WHERE " + where))) {
                bind(count, query.getWhereParams());
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    /**
     * Runs {@code callback} in one database transaction on this thread: committed when it
     * returns, rolled back when it throws (the exception goes on to the caller). A nested
     * call joins the outer transaction, as AO's does.
     */
    @Override
    public <T> T executeInTransaction(TransactionCallback<T> callback) {
        if (current.get() != null) {
            return callback.doInTransaction();
        }
        return database.inTransaction(connection -> {
            current.set(connection);
            try {
                return callback.doInTransaction();
            } finally {
                current.remove();
            }
        });
    }

    void update(EntityTable table, int id, Map<String, Object> changed) {
        if (changed.isEmpty()) {
            return;
        }
        changed.forEach(table::check);
        List<String> sets = new ArrayList<>();
        changed.keySet().forEach(c -> sets.add(c + " = ?"));
        work(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE " + table.name + " SET "
                    + String.join(", ", sets) + " WHERE ID = ?")) {
                Object[] args = new ArrayList<>(changed.values()).toArray(new Object[changed.size() + 1]);
                args[changed.size()] = id;
                bind(update, args);
                return update.executeUpdate();
            }
        });
    }

    @SuppressWarnings("unchecked")
    private <T extends RawEntity<K>, K> T[] select(Class<T> type, String where, Object[] params, String order, int limit) {
        EntityTable table = table(type);
        List<T> found = work(connection -> {
            String sql = "SELECT * FROM " + table.name + (where == null ? "" : " WHERE " + where)
                    + (order == null ? "" : " ORDER BY " + order) + (limit >= 0 ? " LIMIT " + limit : "");
            List<T> rows = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                bind(select, params);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        Map<String, Object> row = new HashMap<>();
                        for (EntityTable.Column c : table.columns.values()) {
                            row.put(c.name(), read(rs, c));
                        }
                        rows.add(EntityProxy.create(this, table, rs.getInt("ID"), row));
                    }
                }
            }
            return rows;
        });
        return found.toArray((T[]) Array.newInstance(type, found.size()));
    }

    private static Object read(ResultSet rs, EntityTable.Column c) throws SQLException {
        Class<?> t = c.type();
        if (t == String.class) {
            return rs.getString(c.name());
        }
        Object value = t == int.class || t == Integer.class ? (Object) rs.getInt(c.name())
                : t == long.class || t == Long.class ? (Object) rs.getLong(c.name()) : (Object) rs.getBoolean(c.name());
        return rs.wasNull() ? null : value;
    }

    private static void bind(PreparedStatement statement, Object[] params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            statement.setObject(i + 1, params[i]);
        }
    }

    /** Runs {@code work} in this thread's transaction, or in one of its own. */
    private <T> T work(Database.Work<T> work) {
        Connection connection = current.get();
        if (connection == null) {
            return database.inTransaction(work);
        }
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw new org.capacitytracker.host.db.DatabaseException("Database error: " + e.getMessage(), e);
        }
    }

    /** The entity's table, created on first use; refused when the {@code <ao>} module does not declare it. */
    private EntityTable table(Class<?> type) {
        if (!declared.contains(type)) {
            throw new IllegalArgumentException("entity " + type.getName() + " is not declared in the plugin's <ao> module"
                    + " (declared: " + declared.stream().map(Class::getName).sorted().toList() + ")");
        }
        return tables.computeIfAbsent(type, t -> {
            @SuppressWarnings("unchecked")
            EntityTable table = EntityTable.of((Class<? extends RawEntity<?>>) t, prefix);
            database.inTransaction(connection -> {
                try (Statement ddl = connection.createStatement()) {
                    ddl.execute(table.createSql(database.dialect()));
                }
                return null;
            });
            return table;
        });
    }
}
