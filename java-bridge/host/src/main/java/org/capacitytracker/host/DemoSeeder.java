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
import java.util.List;

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
    record Outcome(boolean apiPresent, boolean seeded, long revision, String nativeVersion, String fullDemo) {
    }

    private DemoSeeder() {
    }

    static Outcome seedBoardSettings(ClassLoader pluginLoader, PluginSettingsFactory settingsFactory,
                                     ClusterLockService clusterLocks, String boardId) throws Exception {
        return seed(pluginLoader, settingsFactory, clusterLocks, boardId, null);
    }

    /**
     * Board {@code boardId}'s DEMO.md settings, then, with an anchor, the full demo's documents
     * ({@link DemoPlan}). Each is written only where nothing is stored yet, so a restart keeps
     * whatever people changed; a marker in the host's own settings key, written last, stops a
     * later start from bringing back documents people deleted.
     */
    static Outcome seed(ClassLoader pluginLoader, PluginSettingsFactory settingsFactory, ClusterLockService clusterLocks,
                        String boardId, java.time.LocalDate fullDemoAnchor) throws Exception {
        return seed(pluginLoader, settingsFactory, clusterLocks, boardId, fullDemoAnchor, null, null);
    }

    /**
     * As above; with {@code boardId} null no DEMO.md board is seeded, and {@code extraDocs} (a
     * generated dataset's teams and report) are written like the full demo's, once, under the
     * host's settings key {@code extraMarker}.
     */
    static Outcome seed(ClassLoader pluginLoader, PluginSettingsFactory settingsFactory, ClusterLockService clusterLocks,
                        String boardId, java.time.LocalDate fullDemoAnchor, List<DemoPlan.Doc> extraDocs,
                        String extraMarker) throws Exception {
        Class<?> engineClass;
        Class<?> storageClass;
        try {
            engineClass = Class.forName(ENGINE_CLASS, true, pluginLoader);
            storageClass = Class.forName(STORAGE_CLASS, true, pluginLoader);
        } catch (ClassNotFoundException e) {
            return new Outcome(false, false, 0, null, null);
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
            String current = boardId == null ? null
                    : (String) call(engineClass.getMethod("getBoardSettings", String.class), engine, boardId);
            long revision = current == null ? -1 : json.readTree(current).path("revision").asLong(-1);
            boolean seeded = false;
            if (revision == 0) {
                String stored = (String) call(engineClass.getMethod("putBoardSettings", String.class, String.class), engine,
                        boardId, DemoData.boardSettingsJson());
                revision = json.readTree(stored).path("revision").asLong();
                seeded = true;
            }
            String fullDemo = null;
            if (fullDemoAnchor != null && settings.get(FULL_DEMO_MARKER) == null) {
                int written = 0;
                List<DemoPlan.Doc> docs = DemoPlan.full(fullDemoAnchor);
                for (DemoPlan.Doc doc : docs) {
                    written += seedOne(engineClass, engine, json, doc) ? 1 : 0;
                }
                settings.put(FULL_DEMO_MARKER, "seeded for " + fullDemoAnchor);
                fullDemo = "full demo seeded now (" + written + " of " + docs.size() + " documents written)";
            } else if (fullDemoAnchor != null) {
                fullDemo = "full demo seeded before (" + settings.get(FULL_DEMO_MARKER) + "), kept as stored";
            }
            if (extraDocs != null && settings.get(extraMarker) == null) {
                int written = 0;
                for (DemoPlan.Doc doc : extraDocs) {
                    written += seedOne(engineClass, engine, json, doc) ? 1 : 0;
                }
                settings.put(extraMarker, "seeded");
                fullDemo = "dataset's teams and report seeded now (" + written + " of " + extraDocs.size() + " documents written)";
            } else if (extraDocs != null) {
                fullDemo = "dataset's teams and report seeded before, kept as stored";
            }
            return new Outcome(true, seeded, revision, nativeVersion, fullDemo);
        } finally {
            call(engineClass.getMethod("close"), engine);
        }
    }

    /** The host's own key (not the engine's prefix): the full demo was seeded once. */
    static final String FULL_DEMO_MARKER = "capacity-host.demo.full";

    /** Writes {@code doc} at revision 0 unless a document is stored under its id; whether it wrote. */
    private static boolean seedOne(Class<?> engineClass, Object engine, ObjectMapper json, DemoPlan.Doc doc) throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode body = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(doc.json());
        body.put("revision", 0);
        String text = json.writeValueAsString(body);
        switch (doc.kind()) {
            case CALENDAR, TEMPLATE, REPORT -> {
                String noun = switch (doc.kind()) {
                    case CALENDAR -> "Calendar";
                    case TEMPLATE -> "Template";
                    default -> "ReportDefinition";
                };
                String list = (String) call(engineClass.getMethod("list" + (noun.equals("ReportDefinition") ? "ReportDefinitions"
                        : noun + "s")), engine);
                for (JsonNode entry : json.readTree(list)) {
                    if (doc.id().equals(entry.path("id").asText())) {
                        return false;
                    }
                }
                call(engineClass.getMethod("put" + noun, String.class, String.class), engine, doc.id(), text);
                return true;
            }
            case BOARD -> {
                if (stored(json, call(engineClass.getMethod("getBoardSettings", String.class), engine, doc.id()))) {
                    return false;
                }
                call(engineClass.getMethod("putBoardSettings", String.class, String.class), engine, doc.id(), text);
                return true;
            }
            case DAYS_OFF -> {
                if (stored(json, call(engineClass.getMethod("getDaysOff", String.class), engine, doc.id()))) {
                    return false;
                }
                call(engineClass.getMethod("putDaysOff", String.class, String.class), engine, doc.id(), text);
                return true;
            }
            case ITERATION_TEAM -> {
                if (stored(json, call(engineClass.getMethod("getIterationTeam", String.class, String.class), engine,
                        doc.id(), doc.secondId()))) {
                    return false;
                }
                call(engineClass.getMethod("putIterationTeam", String.class, String.class, String.class), engine,
                        doc.id(), doc.secondId(), text);
                return true;
            }
            case PERMISSIONS -> {
                if (stored(json, call(engineClass.getMethod("getPermissions"), engine))) {
                    return false;
                }
                call(engineClass.getMethod("putPermissions", String.class), engine, text);
                return true;
            }
            default -> throw new IllegalStateException("no seeding for " + doc.kind());
        }
    }

    private static boolean stored(ObjectMapper json, Object document) throws Exception {
        return json.readTree((String) document).path("revision").asLong() != 0;
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
