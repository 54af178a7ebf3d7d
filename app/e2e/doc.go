// Package e2e starts the real bothand binary in a real X window (Xvfb) and
// drives it as a person would. It holds only tests.
package e2e
