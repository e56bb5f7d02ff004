package org.capacitytracker.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The bytes {@link BulkItems} writes (the layouts {@code java-bridge/native/src/bulk.rs}
 * reads): people numbered by content whatever the {@code String} instance, texts as UTF-8
 * (ASCII written directly, anything else through {@code getBytes}), and the same bytes
 * however often the buffers grew.
 */
class BulkItemsTest {
    @Test
    void aPersonHasOneNumberWhateverTheInstance() {
        BulkItems items = new BulkItems();
        String alice = "alice";
        String again = new String("alice".toCharArray());
        assertNotSame(alice, again);
        assertEquals(0, items.person(alice));
        assertEquals(1, items.person("bob"));
        assertEquals(0, items.person(again));
        assertEquals(0, items.person(alice));
        // Once in the people buffer, however many instances came.
        assertEquals(text("alice") + text("bob"), texts(items.peopleBuffer()));
    }

    @Test
    void numbersStayAsTheTableGrows() {
        BulkItems items = new BulkItems();
        for (int p = 0; p < 5000; p++) {
            assertEquals(p, items.person("p" + p));
        }
        for (int p = 4999; p >= 0; p--) {
            assertEquals(p, items.person(new String(("p" + p).toCharArray())));
        }
        // Keys whose hashes collide ("Aa" and "BB" share String.hashCode) stay apart.
        assertEquals(5000, items.person("Aa"));
        assertEquals(5001, items.person("BB"));
        assertEquals(5000, items.person("Aa"));
    }

    @Test
    void textsAreUtf8AsGetBytesWritesThem() {
        BulkItems items = new BulkItems();
        String[] keys = {"A-1", "É-2", "日本-3", "bad\uD800", ""};
        for (String key : keys) {
            items.addKeyed(key, key.isEmpty() ? null : "P-" + key, 0, 0, BulkItems.NO_INDEX, 0, 0, 0, 0, 0);
        }
        StringBuilder expected = new StringBuilder();
        for (String key : keys) {
            expected.append(text(key)).append(key.isEmpty() ? "<none>" : text("P-" + key));
        }
        assertEquals(expected.toString(), texts(items.keysBuffer()));
    }

    @Test
    void growingGivesTheSameBytesAsSizedBuffers() {
        BulkItems grown = new BulkItems(1);
        BulkItems sized = new BulkItems(3000);
        for (BulkItems items : new BulkItems[] {grown, sized}) {
            for (int i = 0; i < 3000; i++) {
                items.addKeyed("K-" + i, i % 3 == 0 ? null : "K-" + (i - 1), i % 7, i % 5, items.person("u" + i % 40),
                        BulkItems.HAS_REMAINING | (i % 2), 60L * i, -i, i / 4.0, Double.NaN);
            }
        }
        assertEquals(sized.itemsBuffer(), grown.itemsBuffer());
        assertEquals(sized.keysBuffer(), grown.keysBuffer());
        assertEquals(sized.peopleBuffer(), grown.peopleBuffer());
        ByteBuffer item = grown.itemsBuffer().order(ByteOrder.nativeOrder());
        assertEquals(3000 * BulkItems.ITEM_BYTES, item.capacity());
        int at = 2999 * BulkItems.ITEM_BYTES;
        assertEquals(2999 % 7, item.getInt(at));
        assertEquals(2999 % 5, item.getInt(at + 4));
        assertEquals(39, item.getInt(at + 8));
        assertEquals(BulkItems.NO_INDEX, item.getInt(at + 12));
        assertEquals(BulkItems.HAS_REMAINING | 1, item.getInt(at + 16));
        assertEquals(0, item.getInt(at + 20));
        assertEquals(60L * 2999, item.getLong(at + 24));
        assertEquals(-2999L, item.getLong(at + 32));
        assertEquals(2999 / 4.0, item.getDouble(at + 40));
        assertEquals(Double.NaN, item.getDouble(at + 48));
    }

    @Test
    void releasedBuffersAreReusedWithNoOldByteShowing() {
        BufferShelf.clear();
        BulkItems first = new BulkItems(4000);
        for (int i = 0; i < 4000; i++) {
            first.addKeyed("OLD-KEY-" + i, "OLD-PARENT", 9, 9, first.person("old" + i), 63, -1, -1, -1, -1);
        }
        first.release();
        assertTrue(BufferShelf.keptBytes() >= 4000L * BulkItems.ITEM_BYTES, "the items' buffer is kept");
        assertThrows(IllegalStateException.class, () -> first.add(0, 0, 0, 0, 0, 0, 0, 0, 0));
        assertThrows(IllegalStateException.class, () -> first.addKeyed("K", null, 0, 0, 0, 0, 0, 0, 0, 0));
        assertThrows(IllegalStateException.class, () -> first.person("x"));
        assertThrows(IllegalStateException.class, first::itemsBuffer);
        first.release(); // twice is harmless

        // The next set of the same size takes those buffers: only what it writes is in its views.
        BulkItems reused = new BulkItems(4000);
        BulkItems fresh;
        BufferShelf.clear();
        fresh = new BulkItems(4000);
        for (BulkItems items : new BulkItems[] {reused, fresh}) {
            for (int i = 0; i < 10; i++) {
                items.addKeyed("K-" + i, null, 0, i, items.person("u"), BulkItems.HAS_REMAINING, i, 0, 0, 0);
            }
        }
        assertEquals(fresh.itemsBuffer(), reused.itemsBuffer());
        assertEquals(fresh.keysBuffer(), reused.keysBuffer());
        assertEquals(fresh.peopleBuffer(), reused.peopleBuffer());
        assertEquals(10 * BulkItems.ITEM_BYTES, reused.itemsBuffer().capacity());
    }

    @Test
    void theShelfKeepsLargeBuffersOnlyAndHandsOutNoneTooLarge() {
        BufferShelf.clear();
        BufferShelf.give(ByteBuffer.allocateDirect(1024));
        BufferShelf.give(ByteBuffer.allocate(1 << 20));
        assertEquals(0, BufferShelf.keptBytes(), "small and heap buffers are not kept");
        ByteBuffer large = ByteBuffer.allocateDirect(1 << 20);
        BufferShelf.give(large);
        assertEquals(null, BufferShelf.take(1 << 18), "a quarter of it would waste three quarters");
        assertEquals(null, BufferShelf.take((1 << 20) + 1));
        assertSame(large, BufferShelf.take(1 << 19));
        assertEquals(0, BufferShelf.keptBytes());
    }

    private static String text(String s) {
        return "<" + new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8) + ">";
    }

    /** The buffer's {@code (int length, bytes)} texts, each as {@code <text>}, {@code <none>} for −1. */
    private static String texts(ByteBuffer buffer) {
        ByteBuffer b = buffer.duplicate().order(ByteOrder.nativeOrder());
        StringBuilder out = new StringBuilder();
        while (b.hasRemaining()) {
            int n = b.getInt();
            if (n == -1) {
                out.append("<none>");
                continue;
            }
            byte[] bytes = new byte[n];
            b.get(bytes);
            out.append('<').append(new String(bytes, StandardCharsets.UTF_8)).append('>');
        }
        return out.toString();
    }
}
