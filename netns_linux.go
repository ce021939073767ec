//go:build linux

package netlink

import (
	"fmt"
	"runtime"
	"strings"

	"golang.org/x/sys/unix"
)

// netnsPath turns a namespace name as made by `ip netns add` into its
// path under /run/netns; a name with a slash is taken as a path.
func netnsPath(name string) string {
	if strings.ContainsRune(name, '/') {
		return name
	}
	return "/run/netns/" + name
}

// inNetNS runs fn on an OS thread that has entered the network namespace
// ns (see netnsPath), or on the caller's goroutine when ns is empty. The
// thread returns to its own namespace afterwards; if it cannot, it is
// never reused: its goroutine ends still locked, so the runtime ends the
// thread with it.
func inNetNS(ns string, fn func() error) error {
	if ns == "" {
		return fn()
	}
	target, err := unix.Open(netnsPath(ns), unix.O_RDONLY|unix.O_CLOEXEC, 0)
	if err != nil {
		return fmt.Errorf("netlink: open network namespace %q: %w", ns, err)
	}
	defer unix.Close(target)

	done := make(chan error, 1)
	go func() {
		runtime.LockOSThread()
		own, err := unix.Open("/proc/thread-self/ns/net", unix.O_RDONLY|unix.O_CLOEXEC, 0)
		if err != nil {
			runtime.UnlockOSThread()
			done <- fmt.Errorf("netlink: open own network namespace: %w", err)
			return
		}
		defer unix.Close(own)
		if err := unix.Setns(target, unix.CLONE_NEWNET); err != nil {
			runtime.UnlockOSThread()
			done <- fmt.Errorf("netlink: enter network namespace %q: %w", ns, err)
			return
		}
		ferr := fn()
		if err := unix.Setns(own, unix.CLONE_NEWNET); err != nil {
			// Leave the thread locked: the runtime discards it.
			done <- fmt.Errorf("netlink: return from network namespace %q: %w", ns, err)
			return
		}
		runtime.UnlockOSThread()
		done <- ferr
	}()
	return <-done
}
