package org.capacitytracker.host.ao;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.ReentrantLock;
import net.java.ao.Query;
import org.capacitytracker.host.db.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The host's Active Objects subset on one database: naming, round trips, the rules it
 * enforces (undeclared entities, @NotNull, string lengths: refused with nothing written),
 * transactions, and two nodes' read-modify-writes under one lock losing nothing.
 */
abstract class ActiveObjectsContract {
    @TempDir
    Path dir;
    Database database;
    JdbcActiveObjects ao;

    abstract Database openDatabase();

    @BeforeEach
    void open() {
        database = openDatabase();
        // A fresh namespace per test: PostgreSQL tests share one database.
        ao = new JdbcActiveObjects(database, "test.plugin." + System.nanoTime(), Set.of(Note.class));
    }

    @AfterEach
    void close() {
        // Null when the subclass skipped the test before opening (no PostgreSQL given).
        if (database != null) {
            database.close();
        }
    }

    @Test
    void tablesAreNamedAsActiveObjectsNamesThem() {
        JdbcActiveObjects named = new JdbcActiveObjects(database, "org.capacitytracker.jira", Set.of(Note.class));
        assertTrue(named.tableName(Note.class).matches("AO_[0-9A-F]{6}_NOTE"), named.tableName(Note.class));
        assertEquals("NOTE_KEY", EntityTable.upperSnake("NoteKey"));
    }

    @Test
    void createFindGetSaveDelete() {
        Note created = ao.create(Note.class, Map.of("NOTE_KEY", "a", "BODY", "x".repeat(200_000)));
        assertEquals(200_000, ao.get(Note.class, created.getID()).getBody().length());
        Note[] found = ao.find(Note.class, Query.select().where("NOTE_KEY = ?", "a"));
        assertEquals(1, found.length);
        found[0].setBody("changed");
        found[0].setCounter(7);
        found[0].save();
        Note again = ao.find(Note.class, "NOTE_KEY = ?", "a")[0];
        assertEquals("changed", again.getBody());
        assertEquals(7, again.getCounter());
        assertEquals(again, found[0]);
        assertEquals(1, ao.count(Note.class, Query.select()));
        ao.delete(again);
        assertNull(ao.get(Note.class, created.getID()));
        assertEquals(0, ao.find(Note.class, Query.select()).length);
    }

    /** As the plugin's storage reads several keys in one query (HostStorage.getAll). */
    @Test
    void findsRowsOfSeveralKeysInOneQuery() {
        ao.create(Note.class, Map.of("NOTE_KEY", "a", "BODY", "one"));
        ao.create(Note.class, Map.of("NOTE_KEY", "c", "BODY", "three"));
        Note[] found = ao.find(Note.class, Query.select().where("NOTE_KEY IN (?, ?, ?)", "c", "b", "a"));
        assertEquals(java.util.Set.of("one", "three"),
                java.util.Arrays.stream(found).map(Note::getBody).collect(java.util.stream.Collectors.toSet()));
    }

    @Test
    void anEntityTheAoModuleDoesNotDeclareIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ao.create(Undeclared.class, Map.of("NAME", "x")));
        assertTrue(e.getMessage().contains("not declared in the plugin's <ao> module"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ao.find(Undeclared.class, Query.select()));
        assertThrows(IllegalArgumentException.class, () -> ao.migrate(Undeclared.class));
    }

    @Test
    void badValuesAreRefusedNamingTheColumnAndNothingIsWritten() {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> ao.create(Note.class, Map.of("BODY", "x")));
        assertTrue(missing.getMessage().contains("NOTE_KEY"), missing.getMessage());
        IllegalArgumentException tooLong = assertThrows(IllegalArgumentException.class,
                () -> ao.create(Note.class, Map.of("NOTE_KEY", "k".repeat(101))));
        assertTrue(tooLong.getMessage().contains("at most 100"), tooLong.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> ao.create(Note.class, Map.of("NOTE_KEY", "k", "NOPE", "x")));
        assertTrue(unknown.getMessage().contains("NOPE"), unknown.getMessage());
        Note note = ao.create(Note.class, Map.of("NOTE_KEY", "k"));
        assertThrows(IllegalArgumentException.class, () -> note.setNoteKey(null));
        assertEquals(1, ao.count(Note.class, Query.select()));
    }

    @Test
    void aTransactionThatThrowsLeavesNothing() {
        assertThrows(IllegalStateException.class, () -> ao.executeInTransaction(() -> {
            ao.create(Note.class, Map.of("NOTE_KEY", "one"));
            ao.create(Note.class, Map.of("NOTE_KEY", "two"));
            throw new IllegalStateException("crash between two writes");
        }));
        assertEquals(0, ao.count(Note.class, Query.select()));
        String result = ao.executeInTransaction(() -> {
            ao.create(Note.class, Map.of("NOTE_KEY", "one"));
            return ao.executeInTransaction(() -> ao.find(Note.class, "NOTE_KEY = ?", "one")[0].getNoteKey());
        });
        assertEquals("one", result);
    }

    @Test
    void aDuplicateUniqueKeyIsRefused() {
        ao.create(Note.class, Map.of("NOTE_KEY", "same"));
        assertThrows(RuntimeException.class, () -> ao.create(Note.class, Map.of("NOTE_KEY", "same")));
        assertEquals(1, ao.count(Note.class, Query.select()));
    }

    /**
     * Two nodes (two instances over one database) increment one row under one lock: each
     * read is a query, so the holder of the lock always reads what the previous holder
     * committed. (The same loop over Jira's cached plugin settings loses updates:
     * ClusterCacheHazardTest in the plugin module.)
     */
    @Test
    void twoNodesReadModifyWriteUnderOneLockLoseNothing() throws Exception {
        String namespace = "test.plugin.rmw." + System.nanoTime();
        JdbcActiveObjects node1 = new JdbcActiveObjects(database, namespace, Set.of(Note.class));
        JdbcActiveObjects node2 = new JdbcActiveObjects(database, namespace, Set.of(Note.class));
        node1.create(Note.class, Map.of("NOTE_KEY", "counter", "COUNTER", 0));
        ReentrantLock clusterLock = new ReentrantLock();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            JdbcActiveObjects node = t % 2 == 0 ? node1 : node2;
            work.add(pool.submit(() -> {
                for (int i = 0; i < 50; i++) {
                    clusterLock.lock();
                    try {
                        node.executeInTransaction(() -> {
                            Note n = node.find(Note.class, "NOTE_KEY = ?", "counter")[0];
                            n.setCounter(n.getCounter() + 1);
                            n.save();
                            return null;
                        });
                    } finally {
                        clusterLock.unlock();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
        assertEquals(200, node2.find(Note.class, "NOTE_KEY = ?", "counter")[0].getCounter());
    }
}
