package org.capacitytracker.api;

import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;

/**
 * Benchmark-only access to the steps of {@link CapacityEngine#multiProjectReportBulk}, so the
 * bench can time each one apart (in this package, in the bench module: product code carries
 * no timers). Each step is the very call the product makes, in the same order.
 */
public final class BulkPathProbe {
    private final long engine;
    private final HostStorage storage;

    /** Reads the engine's pointer and storage (reflection: they are private, and stay so). */
    public BulkPathProbe(CapacityEngine engine) throws ReflectiveOperationException {
        Field handle = CapacityEngine.class.getDeclaredField("handle");
        handle.setAccessible(true);
        Field storageField = CapacityEngine.class.getDeclaredField("storage");
        storageField.setAccessible(true);
        this.engine = ((NativeHandle) handle.get(engine)).live();
        this.storage = (HostStorage) storageField.get(engine);
    }

    /** The JNI entry: buffers decoded, parents linked by key, the report computed; a handle. */
    public long compute(String requestJson, BulkItems items) {
        return Native.engineMultiProjectReportBulk(engine, storage, requestJson.getBytes(StandardCharsets.UTF_8), items.peopleBuffer(), items.itemsBuffer(),
                items.keysBuffer());
    }

    /** The head, runs and row keys as the product reads them (JSON text out). */
    public Object texts(long report) {
        return new Object[] {Native.multiReportHead(report), new String(Native.multiReportOverAllocations(report), StandardCharsets.UTF_8),
            Native.multiReportRowKeys(report), Native.multiReportShape(report)};
    }

    /** The cells' capacity and workload array. */
    public long[] cells(long report) {
        return Native.multiReportCells(report);
    }

    /** Statuses and utilisations (the first of the two judges every cell). */
    public Object judged(long report) {
        return new Object[] {Native.multiReportStatuses(report), Native.multiReportUtilisations(report)};
    }

    /** The report's whole arrays read, as {@link CapacityEngine#multiProjectReportBulk} does. */
    public MultiReportArrays arrays(long report) {
        long[] shape = Native.multiReportShape(report);
        return new MultiReportArrays(Native.multiReportHead(report),
                new String(Native.multiReportOverAllocations(report), StandardCharsets.UTF_8), Native.multiReportRowKeys(report),
                (int) shape[0], (int) shape[1], Native.multiReportCells(report), Native.multiReportStatuses(report),
                Native.multiReportUtilisations(report));
    }

    /** Frees a handle. */
    public void free(long report) {
        Native.multiReportFree(report);
    }
}
