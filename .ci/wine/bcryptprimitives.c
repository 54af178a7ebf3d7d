/* Test-only stand-in for bcryptprimitives.dll, used by .ci/test-windows.
 * Go >= 1.22 asks this DLL for ProcessPrng at start-up; Wine 8.0 (Debian 12)
 * has no such DLL, so a Go program dies before main. This forwards to
 * RtlGenRandom (advapi32's SystemFunction036), which Wine has. It lives only
 * in the test's private Wine prefix and never ships. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
	while (length > 0) {
		ULONG n = length > 0x10000000 ? 0x10000000 : (ULONG)length;
		if (!SystemFunction036(data, n))
			return FALSE;
		data += n;
		length -= n;
	}
	return TRUE;
}
