package org.capacitytracker.api;

import java.lang.ref.Cleaner;
import java.lang.ref.Reference;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The Capacity Tracker engine, running in-process as a native library, storing everything
 * through the caller's {@link HostStorage}.
 *
 * <p>All documents cross as JSON strings in the format of {@code docs/json-api.md}; the
 * engine parses, validates, stores and computes them, and this class only carries them.
 *
 * <p>Thread-safe: any number of threads may call one engine at the same time (the
 * {@code HostStorage} is then called from those threads too). {@link #close()} waits for
 * calls in progress to finish; afterwards every call throws {@link IllegalStateException}.
 * An engine that is never closed is freed once it becomes unreachable, but closing it
 * (try-with-resources) frees the native memory promptly.
 *
 * <pre>{@code
 * try (CapacityEngine engine = CapacityEngine.open(storage)) {
 *     String settings = engine.getBoardSettings("42");      // defaults, revision 0
 *     String stored = engine.putBoardSettings("42", edited); // revision 1
 *     String report = engine.iterationReport(requestJson);
 * }
 * }</pre>
 */
public final class CapacityEngine implements AutoCloseable {
    // One cleaner for the class: its thread ends by itself once this class (and so the
    // plugin's class loader) is unreachable and every engine is cleaned.
    private static final Cleaner CLEANER = Cleaner.create();

    private final HostStorage storage;
    private final Handle handle;
    private final Cleaner.Cleanable cleanable;

    private CapacityEngine(HostStorage storage, long pointer) {
        this.storage = storage;
        this.handle = new Handle(pointer);
        this.cleanable = CLEANER.register(this, handle);
    }

    /**
     * Opens an engine over the host's storage, loading the native library on first use.
     *
     * <pre>{@code CapacityEngine engine = CapacityEngine.open(new PluginSettingsStorage(settings));}</pre>
     *
     * @param storage where the engine reads and writes its documents; called on the
     *                caller's thread during each call
     * @return an open engine; close it when done
     * @throws CapacityNativeException when the platform is unsupported or the library cannot load
     */
    public static CapacityEngine open(HostStorage storage) {
        Objects.requireNonNull(storage, "storage");
        NativeLoader.ensureLoaded();
        return new CapacityEngine(storage, Native.engineNew());
    }

    /**
     * Returns the board's settings document; a board never stored gets the defaults with
     * {@code revision} 0.
     *
     * <pre>{@code
     * String json = engine.getBoardSettings("42");
     * // {"schema":1,"revision":0,"unit":"hours",...,"members":[]}
     * }</pre>
     *
     * @param boardId 1–40 characters of {@code A-Z a-z 0-9 _ -}
     * @return the stored (or default) settings as JSON
     * @throws CapacityValidationException when the board id is malformed
     * @throws CapacityStorageException when the host storage fails
     */
    public String getBoardSettings(String boardId) {
        Objects.requireNonNull(boardId, "boardId");
        handle.lock.readLock().lock();
        try {
            return Native.engineGetBoardSettings(handle.live(), storage, boardId);
        } finally {
            handle.lock.readLock().unlock();
            Reference.reachabilityFence(this);
        }
    }

    /**
     * Validates and stores the board's settings. The document carries the {@code revision}
     * it was read at; the stored document (normalised, every field present, revision + 1)
     * is returned.
     *
     * <pre>{@code
     * String stored = engine.putBoardSettings("42",
     *     "{\"schema\":1,\"revision\":0,\"members\":[{\"accountKey\":\"alice\","
     *     + "\"role\":\"Developer\",\"dailyCapacity\":6}]}");
     * // stored has "revision":1
     * }</pre>
     *
     * @param boardId 1–40 characters of {@code A-Z a-z 0-9 _ -}
     * @param settingsJson the board settings document
     * @return the stored settings as JSON
     * @throws CapacityValidationException when the document is invalid (names the field)
     * @throws CapacityConflictException when the revision is stale
     * @throws CapacityTooLargeException when the document exceeds the storage limit
     * @throws CapacityStorageException when the host storage fails
     */
    public String putBoardSettings(String boardId, String settingsJson) {
        Objects.requireNonNull(boardId, "boardId");
        Objects.requireNonNull(settingsJson, "settingsJson");
        handle.lock.readLock().lock();
        try {
            return Native.enginePutBoardSettings(handle.live(), storage, boardId, settingsJson);
        } finally {
            handle.lock.readLock().unlock();
            Reference.reachabilityFence(this);
        }
    }

    /**
     * Returns a person's days off (shared by every board); a person never stored gets an
     * empty document with {@code revision} 0.
     *
     * <pre>{@code
     * String json = engine.getDaysOff("alice");
     * // {"schema":1,"revision":0,"accountKey":"alice","ranges":[]}
     * }</pre>
     *
     * @param accountKey the person's account key (1–72 characters)
     * @return the stored (or empty) days-off document as JSON
     * @throws CapacityValidationException when the account key is malformed
     * @throws CapacityStorageException when the host storage fails
     */
    public String getDaysOff(String accountKey) {
        Objects.requireNonNull(accountKey, "accountKey");
        handle.lock.readLock().lock();
        try {
            return Native.engineGetDaysOff(handle.live(), storage, accountKey);
        } finally {
            handle.lock.readLock().unlock();
            Reference.reachabilityFence(this);
        }
    }

    /**
     * Validates and stores a person's days off, checking the {@code revision} like
     * {@link #putBoardSettings}.
     *
     * <pre>{@code
     * String stored = engine.putDaysOff("alice",
     *     "{\"schema\":1,\"revision\":0,\"accountKey\":\"alice\",\"ranges\":"
     *     + "[{\"start\":\"2026-12-07\",\"end\":\"2026-12-08\",\"reason\":\"Vacation\"}]}");
     * }</pre>
     *
     * @param accountKey the person's account key; must match the document's {@code accountKey}
     * @param daysOffJson the days-off document
     * @return the stored days-off document as JSON
     * @throws CapacityValidationException when the document is invalid (names the field)
     * @throws CapacityConflictException when the revision is stale
     * @throws CapacityTooLargeException when the document exceeds the storage limit
     * @throws CapacityStorageException when the host storage fails
     */
    public String putDaysOff(String accountKey, String daysOffJson) {
        Objects.requireNonNull(accountKey, "accountKey");
        Objects.requireNonNull(daysOffJson, "daysOffJson");
        handle.lock.readLock().lock();
        try {
            return Native.enginePutDaysOff(handle.live(), storage, accountKey, daysOffJson);
        } finally {
            handle.lock.readLock().unlock();
            Reference.reachabilityFence(this);
        }
    }

    /**
     * Computes an iteration's capacity report from the stored board settings and days off
     * and the iteration and work items given in the request. Reads only; stores nothing.
     *
     * <pre>{@code
     * String report = engine.iterationReport("{\"boardId\":\"42\",\"iteration\":{\"id\":\"3\","
     *     + "\"name\":\"Sprint 3\",\"start\":\"2026-11-30\",\"end\":\"2026-12-11\"},\"items\":[]}");
     * // {"schema":1,"boardId":"42","unit":"hours","baseUnit":"minute","team":{...},...}
     * }</pre>
     *
     * @param requestJson the iteration report request
     * @return the report as JSON
     * @throws CapacityValidationException when the request is invalid (names the field)
     * @throws CapacityStorageException when the host storage fails
     */
    public String iterationReport(String requestJson) {
        Objects.requireNonNull(requestJson, "requestJson");
        handle.lock.readLock().lock();
        try {
            return Native.engineIterationReport(handle.live(), storage, requestJson);
        } finally {
            handle.lock.readLock().unlock();
            Reference.reachabilityFence(this);
        }
    }

    /**
     * The version of the native engine (the {@code capacity-core} version), loading the
     * library if needed.
     *
     * <pre>{@code log.info("Capacity Tracker engine " + CapacityEngine.nativeVersion());}</pre>
     *
     * @return a version such as {@code 0.1.0}
     * @throws CapacityNativeException when the platform is unsupported or the library cannot load
     */
    public static String nativeVersion() {
        NativeLoader.ensureLoaded();
        return Native.version();
    }

    /**
     * The platform this JVM runs on, in the form the jar's native libraries are named by;
     * does not load the library.
     *
     * <pre>{@code CapacityEngine.platform(); // "linux-x86_64"}</pre>
     *
     * @return {@code <os>-<arch>}, such as {@code linux-x86_64} or {@code macos-aarch64}
     */
    public static String platform() {
        return NativeLoader.platform();
    }

    /**
     * Frees the native engine after waiting for calls in progress on other threads.
     * Closing twice is harmless; any later call throws {@link IllegalStateException}.
     *
     * <pre>{@code
     * CapacityEngine engine = CapacityEngine.open(storage);
     * try { ... } finally { engine.close(); }
     * }</pre>
     *
     * @throws IllegalStateException when called from inside a {@link HostStorage} callback
     *         of this engine (the call in progress still needs the engine)
     */
    @Override
    public void close() {
        if (handle.lock.getReadHoldCount() > 0) {
            // Waiting for the write lock here would wait for ourselves forever.
            throw new IllegalStateException("CapacityEngine.close() called from inside a call of the same engine");
        }
        cleanable.clean();
    }

    /**
     * The native pointer and the lock that guards it. Kept apart from the engine so the
     * cleaner can free the pointer without keeping the engine reachable.
     */
    private static final class Handle implements Runnable {
        // Calls hold the read lock while they use the pointer, so calls run in parallel and
        // freeing (write lock) waits for them; a freed pointer is never passed to native code.
        final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
        private long pointer;

        Handle(long pointer) {
            this.pointer = pointer;
        }

        /** The pointer; the caller holds the read lock. */
        long live() {
            if (pointer == 0) {
                throw new IllegalStateException("CapacityEngine is closed");
            }
            return pointer;
        }

        /** Frees the pointer; run once, by {@link #close()} or by the cleaner. */
        @Override
        public void run() {
            lock.writeLock().lock();
            try {
                long p = pointer;
                pointer = 0;
                Native.engineFree(p);
            } finally {
                lock.writeLock().unlock();
            }
        }
    }
}
