// Package winres carries bothand.exe's Windows resources: the icon
// Explorer and the taskbar show, the version details of the file's
// Properties, and a manifest (per-monitor DPI awareness, modern controls).
//
// .ci/build-windows writes them here as rsrc_windows_amd64.syso with
// go-winres just before the Windows build and removes the file after it;
// Go links a .syso from any package of the program, and main imports this
// one for that alone. Other builds find nothing here and are unchanged.
package winres
