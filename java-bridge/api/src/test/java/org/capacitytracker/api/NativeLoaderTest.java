package org.capacitytracker.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        assertTrue(e.getMessage().contains("supported platforms: linux-x86_64"), e.getMessage());
    }

    @Test
    void theRunningPlatformIsSupportedAndTheJarCarriesItsLibrary() {
        NativeLoader.checkSupported(NativeLoader.platform());
        assertTrue(NativeLoader.class.getResource("/native/" + NativeLoader.platform() + "/" + NativeLoader.LIBRARY) != null);
        NativeLoader.ensureLoaded();
        NativeLoader.ensureLoaded(); // loading again is a no-op, not a second System.load
    }
}
