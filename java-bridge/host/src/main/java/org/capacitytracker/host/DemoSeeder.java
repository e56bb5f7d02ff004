package org.capacitytracker.host;

import com.atlassian.beehive.ClusterLockService;
import com.atlassian.sal.api.pluginsettings.PluginSettings;
import com.atlassian.sal.api.pluginsettings.PluginSettingsFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.capacitytracker.host.jira.DemoData;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * Writes the demo board's settings through the plugin's own engine (its Java API, loaded by
 * the plugin's class loader), over a {@code HostStorage} on the same global plugin settings
 * the plugin uses. The engine validates and stores them exactly as a REST PUT would, so the
 * seed can never be something the product itself would refuse.
 */
final class DemoSeeder {
    static final String ENGINE_CLASS = "org.capacitytracker.api.CapacityEngine";
    static final String STORAGE_CLASS = "org.capacitytracker.api.HostStorage";

    /** What happened, for the start-up lines. */
    record Outcome(boolean apiPresent, boolean seeded, long revision, String nativeVersion) {
    }

    private DemoSeeder() {
    }

    static Outcome seedBoardSettings(ClassLoader pluginLoader, PluginSettingsFactory settingsFactory,
                                     ClusterLockService clusterLocks, String boardId) throws Exception {
        Class<?> engineClass;
        Class<?> storageClass;
        try {
            engineClass = Class.forName(ENGINE_CLASS, true, pluginLoader);
            storageClass = Class.forName(STORAGE_CLASS, true, pluginLoader);
        } catch (ClassNotFoundException e) {
            return new Outcome(false, false, 0, null);
        }
        if (engineClass.getClassLoader() != pluginLoader) {
            throw new IllegalStateException(ENGINE_CLASS + " was loaded by " + engineClass.getClassLoader()
                    + " instead of the plugin's class loader");
        }
        PluginSettings settings = settingsFactory.createGlobalSettings();
        Object storage = Proxy.newProxyInstance(pluginLoader, new Class<?>[] {storageClass}, (proxy, method, args) ->
                switch (method.getName()) {
                    case "get" -> (String) settings.get((String) args[0]);
                    case "put" -> {
                        settings.put((String) args[0], args[1]);
                        yield null;
                    }
                    case "remove" -> {
                        settings.remove((String) args[0]);
                        yield null;
                    }
                    // The same named locks the plugin gets from the host, so a seed and a plugin
                    // write of one document exclude each other.
                    case "lock" -> {
                        clusterLocks.getLockForName((String) args[0]).lock();
                        yield null;
                    }
                    case "unlock" -> {
                        clusterLocks.getLockForName((String) args[0]).unlock();
                        yield null;
                    }
                    case "toString" -> "capacity-host seeding storage";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    // Callbacks the API adds later with a default behave as their default says.
                    default -> {
                        if (method.isDefault()) {
                            yield InvocationHandler.invokeDefault(proxy, method, args);
                        }
                        throw new UnsupportedOperationException("HostStorage." + method.getName()
                                + " is not implemented by the host's seeding storage");
                    }
                });
        String nativeVersion = (String) call(engineClass.getMethod("nativeVersion"), null);
        Object engine = call(engineClass.getMethod("open", storageClass), null, storage);
        try {
            ObjectMapper json = new ObjectMapper();
            String current = (String) call(engineClass.getMethod("getBoardSettings", String.class), engine, boardId);
            long revision = json.readTree(current).path("revision").asLong(-1);
            if (revision != 0) {
                return new Outcome(true, false, revision, nativeVersion);
            }
            String stored = (String) call(engineClass.getMethod("putBoardSettings", String.class, String.class), engine,
                    boardId, DemoData.boardSettingsJson());
            JsonNode doc = json.readTree(stored);
            return new Outcome(true, true, doc.path("revision").asLong(), nativeVersion);
        } finally {
            call(engineClass.getMethod("close"), engine);
        }
    }

    private static Object call(Method method, Object target, Object... args) throws Exception {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception ex) {
                throw new IllegalStateException("Seeding the demo board through the engine failed in "
                        + method.getName() + ": " + ex.getClass().getSimpleName() + ": " + ex.getMessage(), ex);
            }
            throw (Error) cause;
        }
    }
}
