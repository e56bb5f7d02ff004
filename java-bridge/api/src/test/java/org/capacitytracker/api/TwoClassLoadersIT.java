package org.capacitytracker.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A plugin upgrade in one JVM: the packaged jar loaded by two class loaders at once, each
 * with its own copy of the native library, each fully working and throwing its own
 * exception classes; and no extracted library left on disk.
 */
class TwoClassLoadersIT {
    @Test
    void theJarWorksInTwoClassLoadersAtOnce() throws Exception {
        Path jar = Path.of(System.getProperty("capacity.api.jar"));
        assertTrue(Files.isRegularFile(jar), "no jar at " + jar);
        URL[] path = {jar.toUri().toURL()};
        // The platform loader as parent: neither loader can see this test's own copy of the API.
        try (URLClassLoader first = new URLClassLoader("plugin-v1", path, ClassLoader.getPlatformClassLoader());
             URLClassLoader second = new URLClassLoader("plugin-v2", path, ClassLoader.getPlatformClassLoader())) {
            Api v1 = new Api(first);
            Api v2 = new Api(second);
            assertNotSame(v1.engineClass, v2.engineClass);

            Object e1 = v1.open();
            Object e2 = v2.open();
            assertEquals(1L, revision(v1.call(e1, "putBoardSettings", "42", "{\"schema\":1,\"revision\":0}")));
            assertEquals(1L, revision(v2.call(e2, "putBoardSettings", "42", "{\"schema\":1,\"revision\":0}")));
            assertEquals(2L, revision(v1.call(e1, "putBoardSettings", "42", "{\"schema\":1,\"revision\":1}")));
            assertEquals(1L, revision(v2.call(e2, "getBoardSettings", "42")), "separate storages");
            assertTrue(v1.locksTaken.get() > 0 && v2.locksTaken.get() > 0, "writes lock through each loader's HostStorage");
            assertEquals(v1.nativeVersion(), v2.nativeVersion());

            // Each library throws the exception classes of its own class loader.
            Throwable t1 = v1.failure(e1, "getBoardSettings", "not a board id");
            Throwable t2 = v2.failure(e2, "getBoardSettings", "not a board id");
            assertEquals("org.capacitytracker.api.CapacityValidationException", t1.getClass().getName());
            assertSame(first, t1.getClass().getClassLoader());
            assertSame(second, t2.getClass().getClassLoader());

            v1.close(e1);
            // The second keeps working after the first is closed (the old plugin stopping).
            assertEquals(1L, revision(v2.call(e2, "getBoardSettings", "42")));
            v2.close(e2);
        }
        // And the test's own class loader: a third copy, loaded the ordinary way.
        try (CapacityEngine third = CapacityEngine.open(new MemoryHostStorage())) {
            assertEquals(0L, revision(third.getBoardSettings("42")));
        }
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        assertTrue(tmp.endsWith("it-tmp"), "the pom gives this test a temp directory of its own: " + tmp);
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(0, left.filter(p -> p.getFileName().toString().startsWith("capacity_jni-")).count(),
                    "extracted libraries are deleted once loaded");
        }
    }

    static long revision(Object json) {
        return Json.parse((String) json).get("revision").asLong();
    }

    /** The API as seen through one class loader, by reflection. */
    static final class Api {
        final ClassLoader loader;
        final Class<?> engineClass;
        final Class<?> storageInterface;
        /** Locks the engine took through this loader's HostStorage. */
        final AtomicInteger locksTaken = new AtomicInteger();

        Api(ClassLoader loader) throws ClassNotFoundException {
            this.loader = loader;
            this.engineClass = Class.forName("org.capacitytracker.api.CapacityEngine", true, loader);
            this.storageInterface = Class.forName("org.capacitytracker.api.HostStorage", true, loader);
        }

        Object open() throws Exception {
            Map<String, String> map = new HashMap<>();
            Object storage = Proxy.newProxyInstance(loader, new Class<?>[] {storageInterface}, (proxy, method, args) -> {
                switch (method.getName()) {
                    case "get":
                        return map.get((String) args[0]);
                    case "put":
                        map.put((String) args[0], (String) args[1]);
                        return null;
                    case "remove":
                        map.remove((String) args[0]);
                        return null;
                    case "lock":
                        locksTaken.incrementAndGet();
                        return null;
                    case "unlock":
                        return null;
                    default:
                        throw new UnsupportedOperationException(method.toString());
                }
            });
            return engineClass.getMethod("open", storageInterface).invoke(null, storage);
        }

        String nativeVersion() throws Exception {
            return (String) engineClass.getMethod("nativeVersion").invoke(null);
        }

        Object call(Object engine, String name, String... args) throws Exception {
            Class<?>[] types = new Class<?>[args.length];
            java.util.Arrays.fill(types, String.class);
            Method m = engineClass.getMethod(name, types);
            return m.invoke(engine, (Object[]) args);
        }

        Throwable failure(Object engine, String name, String... args) throws Exception {
            try {
                call(engine, name, args);
            } catch (InvocationTargetException e) {
                return e.getCause();
            }
            throw new AssertionError(name + " did not fail");
        }

        void close(Object engine) throws Exception {
            engineClass.getMethod("close").invoke(engine);
        }
    }
}
