package org.capacitytracker.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileLockInterruptionException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

class NativeLoaderTest {
    @Test
    void platformNamesAreNormalised() {
        assertEquals("linux", NativeLoader.os("Linux"));
        assertEquals("macos", NativeLoader.os("Mac OS X"));
        assertEquals("windows", NativeLoader.os("Windows 11"));
        assertEquals("freebsd", NativeLoader.os("FreeBSD"));
        assertEquals("x86_64", NativeLoader.arch("amd64"));
        assertEquals("x86_64", NativeLoader.arch("x86_64"));
        assertEquals("aarch64", NativeLoader.arch("arm64"));
        assertEquals("x86", NativeLoader.arch("i386"));
        assertEquals("ppc64le", NativeLoader.arch("ppc64le"));
    }

    @Test
    void anUnsupportedPlatformIsNamedWithTheSupportedList() {
        CapacityNativeException e = assertThrows(CapacityNativeException.class,
                () -> NativeLoader.checkSupported("windows-aarch64"));
        assertEquals(CapacityException.PANIC, e.code());
        assertTrue(e.getMessage().contains("windows-aarch64"), e.getMessage());
        assertTrue(e.getMessage().contains("supported platforms: linux-x86_64, linux-aarch64, windows-x86_64"),
                e.getMessage());
    }

    @Test
    void everySupportedPlatformHasItsLibraryAndRecordInTheJar() {
        for (String platform : NativeLoader.SUPPORTED) {
            String dir = "/native/" + platform + "/";
            assertTrue(NativeLoader.class.getResource(dir + NativeLoader.libraryName(platform)) != null, platform);
            assertTrue(NativeLoader.class.getResource(dir + "library.properties") != null, platform);
        }
        assertEquals("capacity_jni.dll", NativeLoader.libraryName("windows-x86_64"));
        assertEquals("libcapacity_jni.so", NativeLoader.libraryName("linux-aarch64"));
    }

    @Test
    void theLinuxLibrariesRecordTheirGlibcFloorAndWindowsNone() {
        assertEquals(java.util.Optional.of("2.17"), LibraryInfo.read("linux-x86_64").glibcFloor());
        assertEquals(java.util.Optional.of("2.17"), LibraryInfo.read("linux-aarch64").glibcFloor());
        assertEquals(java.util.Optional.empty(), LibraryInfo.read("windows-x86_64").glibcFloor());
        assertEquals(java.util.Optional.empty(), LibraryInfo.read("freebsd-x86_64").glibcFloor());
    }

    @Test
    void theRunningPlatformIsSupportedAndTheJarCarriesItsLibrary() {
        NativeLoader.checkSupported(NativeLoader.platform());
        assertTrue(NativeLoader.class.getResource("/native/" + NativeLoader.platform() + "/"
                + NativeLoader.libraryName(NativeLoader.platform())) != null);
        NativeLoader.ensureLoaded();
        NativeLoader.ensureLoaded(); // loading again is a no-op, not a second System.load
    }

    /**
     * A thread interrupted before the first load (a cancelled report job's) still loads the
     * library, and keeps its interrupt. In a fresh class loader, so that this JVM's library
     * is not already loaded; the copy it extracts is its own.
     */
    @Test
    void anInterruptedThreadLoadsTheLibraryAndKeepsItsInterrupt() throws Exception {
        String platform = NativeLoader.platform();
        String resource = "native/" + platform + "/" + NativeLoader.libraryName(platform);
        URL library = NativeLoaderTest.class.getClassLoader().getResource(resource);
        URL resources = new URL(library.toString().substring(0, library.toString().length() - resource.length()));
        URL classes = NativeLoader.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader fresh = new URLClassLoader(new URL[] {classes, resources}, ClassLoader.getPlatformClassLoader())) {
            Method ensureLoaded = Class.forName(NativeLoader.class.getName(), true, fresh).getDeclaredMethod("ensureLoaded");
            ensureLoaded.setAccessible(true);
            Thread.currentThread().interrupt();
            try {
                ensureLoaded.invoke(null);
                assertTrue(Thread.currentThread().isInterrupted(), "the caller's interrupt is put back");
            } finally {
                Thread.interrupted();
            }
        }
    }

    @Test
    void onlyAnInterruptedLoadIsTriedAgain() {
        assertTrue(NativeLoader.byInterrupt(new CapacityNativeException("copy", new FileLockInterruptionException())));
        assertTrue(NativeLoader.byInterrupt(new CapacityNativeException("copy", new IOException(new ClosedByInterruptException()))));
        assertFalse(NativeLoader.byInterrupt(new CapacityNativeException("copy", new NoSuchFileException("/x"))));
        assertFalse(NativeLoader.byInterrupt(new CapacityNativeException("unsupported", null)));
    }
}
