package org.capacitytracker.bench.baseline;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.capacitytracker.api.HostStorage;

/** The benchmark's host storage: a map in memory (the engine's documents for W2 and the vectors). */
public final class MapStorage implements HostStorage {
    private final Map<String, String> map = new ConcurrentHashMap<>();

    @Override
    public String get(String key) {
        return map.get(key);
    }

    @Override
    public void put(String key, String value) {
        map.put(key, value);
    }

    @Override
    public void remove(String key) {
        map.remove(key);
    }
}
