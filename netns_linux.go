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

// netNS is a network namespace that a Connection holds open from its
// creation to its Close, so that the sockets it opens later (the request
// socket) land in the same namespace even if the name is reused.
type netNS struct {
	fd   int // -1: the caller's namespace
	name string
}

// openNetNS opens the namespace ns (see netnsPath); an empty ns is the
// caller's namespace.
func openNetNS(ns string) (netNS, error) {
	if ns == "" {
		return netNS{fd: -1}, nil
	}
	fd, err := unix.Open(netnsPath(ns), unix.O_RDONLY|unix.O_CLOEXEC, 0)
	if err != nil {
		return netNS{fd: -1}, fmt.Errorf("netlink: open network namespace %q: %w", ns, err)
	}
	return netNS{fd: fd, name: ns}, nil
}

// close releases the namespace.
func (n *netNS) close() {
	if n.fd >= 0 {
		unix.Close(n.fd)
		n.fd = -1
	}
}

// inNetNS runs fn inside the namespace named ns, as netNS.run does.
func inNetNS(ns string, fn func() error) error {
	n, err := openNetNS(ns)
	if err != nil {
		return err
	}
	defer n.close()
	return n.run(fn)
}

// run runs fn on an OS thread that has entered the namespace, or on the
// caller's goroutine for the caller's namespace. The thread returns to
// its own namespace afterwards; if it cannot, it is never reused: its
// goroutine ends still locked, so the runtime ends the thread with it.
func (n *netNS) run(fn func() error) error {
	if n.fd < 0 {
		return fn()
	}
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
		if err := unix.Setns(n.fd, unix.CLONE_NEWNET); err != nil {
			runtime.UnlockOSThread()
			done <- fmt.Errorf("netlink: enter network namespace %q: %w", n.name, err)
			return
		}
		ferr := fn()
		if err := unix.Setns(own, unix.CLONE_NEWNET); err != nil {
			// Leave the thread locked: the runtime discards it.
			done <- fmt.Errorf("netlink: return from network namespace %q: %w", n.name, err)
			return
		}
		runtime.UnlockOSThread()
		done <- ferr
	}()
	return <-done
}
