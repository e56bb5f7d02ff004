package org.capacitytracker.jira.testing;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.sal.api.transaction.TransactionCallback;
import java.beans.PropertyChangeListener;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import net.java.ao.Query;
import net.java.ao.RawEntity;
import org.capacitytracker.jira.storage.StoredDocument;

/**
 * Active Objects as the plugin sees it, in memory, for {@link StoredDocument} only: no
 * cache (every find reads the shared rows, as AO's queries read the database), and
 * {@link #executeInTransaction} undoes the callback's writes when it throws. The JDBC
 * implementation the host runs is tested in the host module (ActiveObjectsContract); this
 * one lets plugin tests share one "database" between several engines (nodes).
 * {@link #failAfterWrites} makes the n-th next write throw, to model a crash.
 */
public final class MemoryActiveObjects implements ActiveObjects {
    private final Map<String, Row> rows = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    /** Queries run ({@code find}), as database round trips. */
    public final AtomicInteger finds = new AtomicInteger();
    private final ThreadLocal<Deque<Runnable>> undo = new ThreadLocal<>();
    private final AtomicInteger writesUntilFailure = new AtomicInteger(-1);

    /** Makes the {@code n}-th write from now throw (0: the next one); -1 turns it off. */
    public void failAfterWrites(int n) {
        writesUntilFailure.set(n);
    }

    /** How many rows are stored. */
    public int size() {
        return rows.size();
    }

    @Override
    @SafeVarargs
    public final void migrate(Class<? extends RawEntity<?>>... entities) {
        for (Class<?> type : entities) {
            check(type);
        }
    }

    @Override
    public <T extends RawEntity<K>, K> T get(Class<T> type, K key) {
        check(type);
        return type.cast(rows.values().stream().filter(r -> key.equals(r.id)).findFirst().orElse(null));
    }

    @Override
    public <T extends RawEntity<K>, K> T create(Class<T> type, Map<String, Object> params) {
        check(type);
        write();
        String key = (String) params.get(StoredDocument.KEY_COLUMN);
        Row row = new Row(ids.incrementAndGet(), key, (String) params.get(StoredDocument.TEXT_COLUMN));
        if (rows.putIfAbsent(key, row) != null) {
            throw new IllegalStateException("unique constraint: DOC_KEY " + key + " exists");
        }
        onRollback(() -> rows.remove(key, row));
        return type.cast(row.copy());
    }

    @Override
    public void delete(RawEntity<?>... entities) {
        for (RawEntity<?> e : entities) {
            write();
            Row row = (Row) e;
            Row old = rows.remove(row.key);
            if (old != null) {
                onRollback(() -> rows.put(old.key, old));
            }
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T extends RawEntity<K>, K> T[] find(Class<T> type, Query query) {
        return find(type, query.getWhereClause(), query.getWhereParams());
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T extends RawEntity<K>, K> T[] find(Class<T> type, String criteria, Object... parameters) {
        check(type);
        finds.incrementAndGet();
        String in = StoredDocument.KEY_COLUMN + " IN (" + String.join(", ", java.util.Collections.nCopies(parameters.length, "?")) + ")";
        if (!(StoredDocument.KEY_COLUMN + " = ?").equals(criteria) && !in.equals(criteria)) {
            throw new UnsupportedOperationException("this model answers \"DOC_KEY = ?\" and \"DOC_KEY IN (?, ...)\" only, not " + criteria);
        }
        // As a database would: each matching row once, in no promised order.
        return (T[]) java.util.Arrays.stream(parameters).distinct().map(rows::get).filter(java.util.Objects::nonNull)
                .map(Row::copy).toArray(StoredDocument[]::new);
    }

    @Override
    public <K> int count(Class<? extends RawEntity<K>> type, Query query) {
        check(type);
        return rows.size();
    }

    @Override
    public <T> T executeInTransaction(TransactionCallback<T> callback) {
        if (undo.get() != null) {
            return callback.doInTransaction();
        }
        Deque<Runnable> log = new ArrayDeque<>();
        undo.set(log);
        try {
            return callback.doInTransaction();
        } catch (RuntimeException e) {
            log.forEach(Runnable::run);
            throw e;
        } finally {
            undo.remove();
        }
    }

    private void onRollback(Runnable step) {
        Deque<Runnable> log = undo.get();
        if (log != null) {
            log.push(step);
        }
    }

    private void write() {
        if (writesUntilFailure.get() >= 0 && writesUntilFailure.getAndDecrement() == 0) {
            throw new IllegalStateException("simulated crash: the database went away");
        }
    }

    private static void check(Class<?> type) {
        if (type != StoredDocument.class) {
            throw new IllegalArgumentException(type.getName() + " is not declared in the <ao> module");
        }
    }

    private final class Row implements StoredDocument {
        final int id;
        final String key;
        String text;

        Row(int id, String key, String text) {
            this.id = id;
            this.key = key;
            this.text = text;
        }

        Row copy() {
            return new Row(id, key, text);
        }

        @Override
        public int getID() {
            return id;
        }

        @Override
        public String getDocKey() {
            return key;
        }

        @Override
        public void setDocKey(String k) {
            throw new UnsupportedOperationException("the storage adapter never renames a row");
        }

        @Override
        public String getDocText() {
            return text;
        }

        @Override
        public void setDocText(String t) {
            text = t;
        }

        @Override
        public void save() {
            write();
            Row saved = new Row(id, key, text);
            Row old = rows.put(key, saved);
            onRollback(() -> rows.put(key, old));
        }

        @Override
        public void init() {
        }

        @Override
        @SuppressWarnings("unchecked")
        public <X extends RawEntity<Integer>> Class<X> getEntityType() {
            return (Class<X>) StoredDocument.class;
        }

        @Override
        public void addPropertyChangeListener(PropertyChangeListener listener) {
        }

        @Override
        public void removePropertyChangeListener(PropertyChangeListener listener) {
        }
    }
}
