package org.capacitytracker.api;

import java.lang.ref.SoftReference;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Direct buffers given back by {@link BulkItems#release()} (and left behind when one grows),
 * kept for the next {@link BulkItems}. A report's items take tens of megabytes; a fresh direct
 * buffer is zeroed and faulted in page by page, and its memory returns only after a garbage
 * collection, so a server computing report after report would touch new memory each time.
 *
 * <p>At most {@link #MAX_BYTES} are kept, each softly (the collector may take them back), and
 * {@link #clear()} drops them all when the JVM's direct memory runs out.
 */
final class BufferShelf {
    /** Enough for the buffers of a million items with their keys, grown by doubling. */
    static final long MAX_BYTES = 256L << 20;
    /** Smaller buffers are cheap to make: not worth keeping. */
    static final int MIN_BYTES = 64 << 10;

    private static final List<SoftReference<ByteBuffer>> SHELF = new ArrayList<>();

    private BufferShelf() {
    }

    /**
     * @return the smallest buffer kept that holds {@code capacity} bytes and is not more than
     *         twice as large (a small set of items takes no large buffer), taken off the shelf; or null
     */
    static synchronized ByteBuffer take(long capacity) {
        SoftReference<ByteBuffer> best = null;
        ByteBuffer found = null;
        for (SoftReference<ByteBuffer> ref : live()) {
            ByteBuffer b = ref.get();
            if (b != null && b.capacity() >= capacity && b.capacity() <= Math.max(2 * capacity, MIN_BYTES) && (found == null || b.capacity() < found.capacity())) {
                best = ref;
                found = b;
            }
        }
        SHELF.remove(best);
        return found;
    }

    /** Keeps {@code buffer}, which its owner no longer uses, if it is large enough and there is room. */
    static synchronized void give(ByteBuffer buffer) {
        if (buffer.isDirect() && buffer.capacity() >= MIN_BYTES && keptBytes() + buffer.capacity() <= MAX_BYTES) {
            SHELF.add(new SoftReference<>(buffer));
        }
    }

    /** Drops every buffer kept (the next collection frees their memory). */
    static synchronized void clear() {
        SHELF.clear();
    }

    /** @return the bytes kept now */
    static synchronized long keptBytes() {
        long sum = 0;
        for (SoftReference<ByteBuffer> ref : live()) {
            ByteBuffer b = ref.get();
            sum += b == null ? 0 : b.capacity();
        }
        return sum;
    }

    /** The shelf without the buffers the collector took back. */
    private static List<SoftReference<ByteBuffer>> live() {
        SHELF.removeIf(ref -> ref.get() == null);
        return SHELF;
    }
}
