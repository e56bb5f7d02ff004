package org.capacitytracker.api;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A growable direct buffer in the platform's byte order, written at absolute positions (one
 * bounds check per value, no position bookkeeping per put), for {@link BulkItems}' three
 * buffers. It doubles when full (a sink does not know how many items will come), taking its
 * buffers from the {@link BufferShelf} when one there is large enough and giving the ones it
 * outgrew back.
 */
final class DirectBytes {
    private ByteBuffer buffer;
    private int size;

    DirectBytes(long capacity) {
        buffer = allocate(capacity);
    }

    /** @return the bytes written */
    int size() {
        return size;
    }

    /** @return the bytes it holds before it grows */
    int capacity() {
        return buffer.capacity();
    }

    /** @return the bytes written as a view at the buffer's start (its address unchanged: aligned as allocated) */
    ByteBuffer view() {
        return buffer.slice(0, size);
    }

    /** @return the buffer, for writes of {@code bytes} at {@link #size()} after {@link #reserve} */
    ByteBuffer reserve(int bytes) {
        if (buffer.capacity() - size < bytes) {
            grow(bytes);
        }
        return buffer;
    }

    /** Counts {@code bytes} written after {@link #reserve}. */
    void advance(int bytes) {
        size += bytes;
    }

    void putInt(int value) {
        reserve(4).putInt(size, value);
        size += 4;
    }

    /**
     * Writes an {@code int} byte length, then the text's UTF-8 bytes. ASCII text (issue keys,
     * account keys) is written char by char straight into the buffer: no {@code byte[]} per
     * text. Anything else goes through {@code getBytes} (a lone surrogate becomes {@code ?}).
     */
    void putText(String s) {
        int n = s.length();
        ByteBuffer out = reserve(4 + n);
        int at = size + 4;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                putUtf8(s);
                return;
            }
            out.put(at + i, (byte) c);
        }
        out.putInt(size, n);
        size = at + n;
    }

    private void putUtf8(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        ByteBuffer out = reserve(4 + bytes.length);
        out.putInt(size, bytes.length).put(size + 4, bytes);
        size += 4 + bytes.length;
    }

    /** A buffer twice as large (or as large as needed), with what was written copied over. */
    private void grow(int bytes) {
        long needed = (long) size + bytes;
        ByteBuffer grown = allocate(Math.max(needed, Math.min((long) buffer.capacity() * 2, Integer.MAX_VALUE)));
        grown.put(0, buffer, 0, size);
        BufferShelf.give(buffer);
        buffer = grown;
    }

    /**
     * Gives the buffer back to the {@link BufferShelf} for the next one; this takes nothing
     * more afterwards (a view handed out before must no longer be used either).
     */
    void release() {
        if (buffer != null) {
            BufferShelf.give(buffer);
            buffer = null;
        }
    }

    /**
     * A buffer of at least {@code bytes}: one from the shelf (its old bytes are never read:
     * only bytes written are ever in a {@link #view()}), else a new one. When the JVM's
     * direct memory is used up, the shelf is emptied and the allocation tried once more (the
     * JDK then collects, which frees the buffers dropped).
     */
    private static ByteBuffer allocate(long bytes) {
        if (bytes > Integer.MAX_VALUE) {
            throw new IllegalStateException("more items than one buffer holds (2 GiB)");
        }
        ByteBuffer kept = BufferShelf.take(bytes);
        if (kept != null) {
            return kept.order(ByteOrder.nativeOrder());
        }
        int size = (int) Math.max(bytes, 8);
        try {
            return ByteBuffer.allocateDirect(size).order(ByteOrder.nativeOrder());
        } catch (OutOfMemoryError e) {
            BufferShelf.clear();
            return ByteBuffer.allocateDirect(size).order(ByteOrder.nativeOrder());
        }
    }
}
