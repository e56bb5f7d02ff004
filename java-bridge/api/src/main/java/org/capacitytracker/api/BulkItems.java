package org.capacitytracker.api;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * The work items of a multi-project report in the engine's bulk form, for
 * {@link CapacityEngine#multiProjectReportBulk}: each item is written as 56 bytes into one
 * direct buffer outside the Java heap (the layout of the C ABI's {@code ct_multi_item}),
 * which the engine then reads in place, so a million items cross JNI once, with no object,
 * no JSON and no {@code String} per item.
 *
 * <p>An item names its board and iteration by position in the request's {@code boards} and
 * that board's {@code iterations}, and its assignee by the number {@link #person} gave.
 * Its parent is either a position among the items ({@link #add}) or a key
 * ({@link #addKeyed}; then every item has a key, and the engine finds each parent by key in
 * the item's board and iteration, as the JSON API does). Errors name the item by its
 * position: {@code items[3].assignee}, {@code items[3].key}, {@code people[2]}.
 *
 * <pre>{@code
 * BulkItems items = new BulkItems();
 * int alice = items.person("alice");
 * items.add(0, 0, alice, BulkItems.NO_INDEX, BulkItems.HAS_REMAINING, 7200, 0, 0, 0);
 * MultiReportArrays report = engine.multiProjectReportBulk(requestWithoutItems, items);
 * }</pre>
 *
 * <p>Not thread-safe; reusable only by building a new one.
 */
public final class BulkItems {
    /** An assignee or parent that points nowhere (unassigned, no parent). */
    public static final int NO_INDEX = -1;
    /** Flag: the item's status category is done. */
    public static final int DONE = 1;
    /** Flag: the item is a sub-task. */
    public static final int SUBTASK = 1 << 1;
    /** Flag: the remaining estimate is given. */
    public static final int HAS_REMAINING = 1 << 2;
    /** Flag: the original estimate is given. */
    public static final int HAS_ORIGINAL = 1 << 3;
    /** Flag: the story points are given. */
    public static final int HAS_STORY_POINTS = 1 << 4;
    /** Flag: the custom estimate is given. */
    public static final int HAS_CUSTOM_ESTIMATE = 1 << 5;

    /** Bytes per item, as the engine lays an item out. */
    static final int ITEM_BYTES = 56;

    private final DirectBytes items;
    private final DirectBytes people = new DirectBytes(1 << 10);
    private DirectBytes keys;
    private final PersonNumbers personOf = new PersonNumbers();
    private int count;
    private boolean keyed;
    private boolean released;

    /** An empty set of items. */
    public BulkItems() {
        this(1024);
    }

    /**
     * An empty set with room for {@code expected} items before its buffer grows.
     *
     * @param expected the items expected (a hint)
     */
    public BulkItems(int expected) {
        items = new DirectBytes((long) Math.max(1, expected) * ITEM_BYTES);
    }

    /**
     * The number of a person, the same for the same account key each time.
     *
     * @param accountKey the person's account key
     * @return its number, for an item's assignee
     */
    public int person(String accountKey) {
        Objects.requireNonNull(accountKey, "accountKey");
        live();
        int known = personOf.get(accountKey);
        if (known >= 0) {
            return known;
        }
        people.putText(accountKey);
        return personOf.add(accountKey);
    }

    /**
     * Adds an item whose parent is given by position.
     *
     * @param board the board's position in the request
     * @param iteration the iteration's position in its board
     * @param assignee a number from {@link #person}, or {@link #NO_INDEX}
     * @param parent the parent's position among the items, or {@link #NO_INDEX}
     * @param flags {@link #DONE}, {@link #SUBTASK} and the {@code HAS_*} flags of the estimates given
     * @param remainingSeconds the remaining estimate (read with {@link #HAS_REMAINING})
     * @param originalSeconds the original estimate (read with {@link #HAS_ORIGINAL})
     * @param storyPoints the story points (read with {@link #HAS_STORY_POINTS})
     * @param customEstimate the custom estimate in the board's unit (read with {@link #HAS_CUSTOM_ESTIMATE})
     * @return this
     * @throws IllegalStateException after {@link #addKeyed}
     */
    public BulkItems add(int board, int iteration, int assignee, int parent, int flags, long remainingSeconds,
            long originalSeconds, double storyPoints, double customEstimate) {
        live();
        if (keyed) {
            throw new IllegalStateException("items with keys and items without cannot be mixed");
        }
        write(board, iteration, assignee, parent, flags, remainingSeconds, originalSeconds, storyPoints, customEstimate);
        return this;
    }

    /**
     * Adds an item with its key, its parent given by key (found in the same board and
     * iteration; one not there is no parent, as in the JSON API).
     *
     * @param key the item's key (once per board and iteration)
     * @param parentKey the parent's key, or null
     * @param board the board's position in the request
     * @param iteration the iteration's position in its board
     * @param assignee a number from {@link #person}, or {@link #NO_INDEX}
     * @param flags as for {@link #add}
     * @param remainingSeconds as for {@link #add}
     * @param originalSeconds as for {@link #add}
     * @param storyPoints as for {@link #add}
     * @param customEstimate as for {@link #add}
     * @return this
     * @throws IllegalStateException after {@link #add}
     */
    public BulkItems addKeyed(String key, String parentKey, int board, int iteration, int assignee, int flags,
            long remainingSeconds, long originalSeconds, double storyPoints, double customEstimate) {
        Objects.requireNonNull(key, "key");
        live();
        if (!keyed && count > 0) {
            throw new IllegalStateException("items with keys and items without cannot be mixed");
        }
        if (keys == null) {
            keys = new DirectBytes(Math.max(1024, (long) items.capacity() / 2));
        }
        keyed = true;
        keys.putText(key);
        if (parentKey == null) {
            keys.putInt(-1);
        } else {
            keys.putText(parentKey);
        }
        write(board, iteration, assignee, NO_INDEX, flags, remainingSeconds, originalSeconds, storyPoints, customEstimate);
        return this;
    }

    /**
     * Gives this object's direct buffers back, for the next {@code BulkItems} to reuse: a
     * report's items take tens of megabytes, which a new buffer zeroes and faults in again,
     * and whose memory the JVM frees only after a garbage collection. Call it once every
     * report over these items is done; this takes and answers nothing afterwards. Up to
     * 256 MB are kept for reuse, softly (the garbage collector may free them), and they are
     * dropped when the JVM's direct memory runs out.
     */
    public void release() {
        if (!released) {
            released = true;
            items.release();
            people.release();
            if (keys != null) {
                keys.release();
            }
        }
    }

    /** @return the number of items added */
    public int size() {
        return count;
    }

    private void write(int board, int iteration, int assignee, int parent, int flags, long remainingSeconds,
            long originalSeconds, double storyPoints, double customEstimate) {
        live();
        ByteBuffer out = items.reserve(ITEM_BYTES);
        int at = items.size();
        out.putInt(at, board).putInt(at + 4, iteration).putInt(at + 8, assignee).putInt(at + 12, parent).putInt(at + 16, flags)
                .putInt(at + 20, 0).putLong(at + 24, remainingSeconds).putLong(at + 32, originalSeconds)
                .putDouble(at + 40, storyPoints).putDouble(at + 48, customEstimate);
        items.advance(ITEM_BYTES);
        count++;
    }

    /** The items as written (a view: position 0, capacity their bytes). */
    ByteBuffer itemsBuffer() {
        live();
        return items.view();
    }

    ByteBuffer peopleBuffer() {
        live();
        return people.view();
    }

    /** Null when the items carry parent positions. */
    ByteBuffer keysBuffer() {
        live();
        return keyed ? keys.view() : null;
    }

    private void live() {
        if (released) {
            throw new IllegalStateException("these items were released; fill a new BulkItems");
        }
    }
}
