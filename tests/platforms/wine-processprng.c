/*
 * bcryptprimitives.dll for Wine 8 (Debian 12), which lacks it: Rust's standard library on
 * Windows 10 and later takes its random bytes (HashMap seeds) from ProcessPrng there, so a
 * DLL built by Rust does not load under that Wine. This stands in for the one function, over
 * advapi32's RtlGenRandom (SystemFunction036), which Wine has. Only run-windows.sh uses it;
 * real Windows (10, Server 2016 and later) has bcryptprimitives.dll.
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length) {
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk)) {
            return FALSE;
        }
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
