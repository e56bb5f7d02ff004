package org.capacitytracker.api;

/**
 * Account keys to their numbers in {@link BulkItems}: an open-addressing table of strings and
 * ints. A report of a million items asks for a person's number once per item, from a few
 * thousand people: this compares the reference first (the same {@code String} instance, as
 * a reader of Jira's issues often hands over), then the content, and never boxes.
 */
final class PersonNumbers {
    private String[] keys = new String[64];
    private int[] numbers = new int[64];
    private int size;

    /** @return the key's number, or −1 when it has none yet */
    int get(String key) {
        String[] k = keys;
        int mask = k.length - 1;
        for (int i = slot(key, mask); ; i = (i + 1) & mask) {
            String at = k[i];
            if (at == null) {
                return -1;
            }
            if (at == key || at.equals(key)) {
                return numbers[i];
            }
        }
    }

    /** Gives {@code key} (not yet known) the next number, {@link #size()} before the call. */
    int add(String key) {
        if (2 * (size + 1) > keys.length) {
            rehash(keys.length * 2);
        }
        place(keys, numbers, key, size);
        return size++;
    }

    /** @return the number of keys */
    int size() {
        return size;
    }

    private void rehash(int capacity) {
        String[] k = new String[capacity];
        int[] n = new int[capacity];
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != null) {
                place(k, n, keys[i], numbers[i]);
            }
        }
        keys = k;
        numbers = n;
    }

    private static void place(String[] k, int[] n, String key, int number) {
        int mask = k.length - 1;
        int i = slot(key, mask);
        while (k[i] != null) {
            i = (i + 1) & mask;
        }
        k[i] = key;
        n[i] = number;
    }

    /** The hash spread over the table (String's hash is poor in its low bits for short keys). */
    private static int slot(String key, int mask) {
        int h = key.hashCode() * 0x9E3779B9;
        return (h ^ (h >>> 16)) & mask;
    }
}
