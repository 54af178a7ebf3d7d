/* Test-only, used by .ci/test-windows: runs a program the way cmd.exe runs
 * a GUI program on Windows, in this console but with no standard handles
 * (Wine would otherwise hand them over, which Windows does not), so that
 * bothand.exe's AttachConsole path is what makes its output appear.
 *   wine launch.exe bothand.exe version   (under a terminal: script -c) */
#include <windows.h>

int wmain(void)
{
	wchar_t *cmd = GetCommandLineW();
	int quoted = 0;
	/* Skip this program's own name, quoted or not, and the blanks after it. */
	for (; *cmd && (quoted || (*cmd != L' ' && *cmd != L'\t')); cmd++)
		if (*cmd == L'"')
			quoted = !quoted;
	while (*cmd == L' ' || *cmd == L'\t')
		cmd++;

	STARTUPINFOW si = {.cb = sizeof si, .dwFlags = STARTF_USESTDHANDLES};
	PROCESS_INFORMATION pi;
	if (!CreateProcessW(NULL, cmd, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi))
		return 127;
	WaitForSingleObject(pi.hProcess, INFINITE);
	DWORD code = 1;
	GetExitCodeProcess(pi.hProcess, &code);
	return (int)code;
}
