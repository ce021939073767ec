package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"net/netip"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// Names inside the benchmark's namespace.
const (
	// routeLink carries the dumped routes, /32s in the main table.
	routeLink = "nlr0"
	// burstLink carries a burst's routes, in burstTable. It is made
	// afresh for every burst and deleted after it, which removes its
	// routes without a notification.
	burstLink  = "nlb0"
	burstTable = "100"
	// maxRoutes is how many /32s fit in routeBase's /10.
	maxRoutes = 1 << 22
)

// routeBase is the first route's destination: 100.64.0.0/10 (RFC 6598)
// has room for maxRoutes /32s. Nothing is ever sent to these addresses:
// the routes only sit in the namespace's tables.
var routeBase = netip.MustParseAddr("100.64.0.0")

// namespace is the benchmark's network namespace, named nltest-bench-PID.
// Every change the benchmark makes is made inside it, and Close removes
// it with all it holds.
type namespace struct {
	name   string
	dir    string // temporary directory for batch files
	routes int    // routes in the main table so far
}

// newNamespace creates the namespace with lo up, IPv6 off (so that no
// IPv6 route noise reaches subscribers) and the veth pair that carries
// the dumped routes.
func newNamespace(ctx context.Context) (*namespace, error) {
	dir, err := os.MkdirTemp("", "nlbench-")
	if err != nil {
		return nil, err
	}
	ns := &namespace{name: fmt.Sprintf("nltest-bench-%d", os.Getpid()), dir: dir}
	if err := command(ctx, "ip", "netns", "add", ns.name); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	err = command(ctx, "ip", "netns", "exec", ns.name, "sysctl", "-q", "-w",
		"net.ipv6.conf.all.disable_ipv6=1", "net.ipv6.conf.default.disable_ipv6=1")
	if err == nil {
		err = ns.ipBatch(ctx, "link set lo up",
			"link add "+routeLink+" type veth peer name nlr1",
			"link set "+routeLink+" up",
			"link set nlr1 up")
	}
	if err != nil {
		ns.Close()
		return nil, err
	}
	return ns, nil
}

// Close deletes the namespace and the temporary files. It works even when
// the benchmark's context is cancelled.
func (ns *namespace) Close() error {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	err := command(ctx, "ip", "netns", "del", ns.name)
	os.RemoveAll(ns.dir)
	return err
}

// fill adds /32 routes via routeLink to the main table until it holds n.
func (ns *namespace) fill(ctx context.Context, n int) error {
	if n < ns.routes {
		return fmt.Errorf("namespace holds %d routes, cannot shrink to %d", ns.routes, n)
	}
	if n == ns.routes {
		return nil
	}
	path := filepath.Join(ns.dir, fmt.Sprintf("fill-%d.batch", n))
	if err := writeRoutes(path, ns.routes, n, "dev "+routeLink); err != nil {
		return err
	}
	defer os.Remove(path)
	if err := ns.ipBatchFile(ctx, path); err != nil {
		return err
	}
	ns.routes = n
	return nil
}

// burstFile writes, once per n, the batch file of a burst: n /32 routes
// via burstLink in burstTable. It returns its path.
func (ns *namespace) burstFile(n int) (string, error) {
	path := filepath.Join(ns.dir, fmt.Sprintf("burst-%d.batch", n))
	if _, err := os.Stat(path); err == nil {
		return path, nil
	}
	return path, writeRoutes(path, 0, n, "dev "+burstLink+" table "+burstTable)
}

// addBurstLink makes the veth pair that a burst's routes go through.
func (ns *namespace) addBurstLink(ctx context.Context) error {
	return ns.ipBatch(ctx, "link add "+burstLink+" type veth peer name nlb1",
		"link set "+burstLink+" up", "link set nlb1 up")
}

// delBurstLink deletes the burst's veth pair and so its routes.
func (ns *namespace) delBurstLink(ctx context.Context) error {
	return command(ctx, "ip", "-n", ns.name, "link", "del", burstLink)
}

// ipBatch runs ip commands (without the leading "ip") in the namespace.
func (ns *namespace) ipBatch(ctx context.Context, cmds ...string) error {
	cmd := exec.CommandContext(ctx, "ip", "-n", ns.name, "-batch", "-")
	cmd.Stdin = strings.NewReader(strings.Join(cmds, "\n") + "\n")
	return check(cmd)
}

// ipBatchFile runs the ip batch file at path in the namespace.
func (ns *namespace) ipBatchFile(ctx context.Context, path string) error {
	return check(exec.CommandContext(ctx, "ip", "-n", ns.name, "-batch", path))
}

// writeRoutes writes an ip batch file adding the /32 routes from..to-1,
// each followed by via.
func writeRoutes(path string, from, to int, via string) error {
	if to > maxRoutes {
		return fmt.Errorf("%d routes asked, at most %d fit in %s/10", to, maxRoutes, routeBase)
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	for i := from; i < to; i++ {
		fmt.Fprintf(w, "route add %s/32 %s\n", routeAddr(i), via)
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// routeAddr returns the destination of route i.
func routeAddr(i int) netip.Addr {
	b := routeBase.As4()
	v := uint32(b[0])<<24 | uint32(b[1])<<16 | uint32(b[2])<<8 | uint32(b[3])
	v += uint32(i)
	return netip.AddrFrom4([4]byte{byte(v >> 24), byte(v >> 16), byte(v >> 8), byte(v)})
}

// command runs a command and reports its output on failure.
func command(ctx context.Context, name string, args ...string) error {
	return check(exec.CommandContext(ctx, name, args...))
}

// check runs cmd and turns a failure into an error that quotes the
// command and what it printed.
func check(cmd *exec.Cmd) error {
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("%s: %w: %s", strings.Join(cmd.Args, " "), err, bytes.TrimSpace(out.Bytes()))
	}
	return nil
}
