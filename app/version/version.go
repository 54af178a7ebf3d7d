// Package version holds the app's version, shared by the window and the
// command line. It must match [Details] Version in FyneApp.toml.
package version

// Version is the released version of Both/And.
const Version = "0.1.0"
