// Command nlbench compares github.com/netlink-go/netlink ("ours") with
// github.com/vishvananda/netlink, github.com/jsimonetti/rtnetlink/v2 and a
// bare golang.org/x/sys/unix loop on a kernel routing table of N routes.
//
// It must run as root. It creates a network namespace of its own
// (nltest-bench-PID), fills its main table with N /32 routes through a
// veth pair using ip -batch, runs every measurement in a child process
// inside that namespace, and deletes the namespace when done, on error
// or on Ctrl-C. It never changes the machine's own namespace.
//
// Usage, from the repository root:
//
//	cd bench && go run . [flags]
//
// for example
//
//	cd bench && go run . -n 10k,100k,1M -runs 5 -svg ../benchmarks.svg
//
// The works (-work) are:
//
//	dump      one typed dump of the main table's IPv4 routes into each
//	          library's route values: time, allocations, bytes
//	burst     ip -batch adds N routes while each library is subscribed to
//	          RTMGRP_IPV4_ROUTE with default options and a prompt
//	          consumer: delivered/N, losses reported, CPU per notification
//	burst5us  the same with a consumer that spends 5 µs per message
//	view      only for contenders with a typed route view (ours): the
//	          view's start on the N routes (time, heap held,
//	          allocations), then whether it ends exact after following
//	          a burst of N more (resyncs, CPU per notification)
//
// Contenders run in alternation, several runs each; the medians go to a
// markdown table on standard output (also to -md) and a chart to -svg.
// Progress goes to standard error.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"
)

func main() {
	if len(os.Args) > 1 && os.Args[1] == "child" {
		childMain(os.Args[2:])
		return
	}
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "nlbench:", err)
		os.Exit(1)
	}
}

// run parses the flags, sets up the namespace and runs the benchmark.
func run() error {
	nFlag := flag.String("n", "10000,100000", "comma-separated route counts; k and M suffixes allowed (10k,100k,1M)")
	runs := flag.Int("runs", 3, "runs per contender, work and N")
	workFlag := flag.String("work", strings.Join(allWorks, ","), "comma-separated works: "+strings.Join(allWorks, ", "))
	svgPath := flag.String("svg", "nlbench.svg", "where to write the chart (empty: nowhere)")
	mdPath := flag.String("md", "", "also write the markdown report here")
	only := flag.String("contenders", "", "comma-separated contenders to run (default: all registered: "+strings.Join(keys(registered), ",")+")")
	quiet := flag.Duration("quiet", 1500*time.Millisecond, "a burst is over once nothing arrived for this long after ip -batch ended")
	flag.Parse()

	ns, err := parseCounts(*nFlag)
	if err != nil {
		return err
	}
	works, err := parseWorks(*workFlag)
	if err != nil {
		return err
	}
	cs, err := pickContenders(*only)
	if err != nil {
		return err
	}
	if *runs < 1 {
		return errors.New("-runs must be at least 1")
	}
	if os.Geteuid() != 0 {
		return errors.New("must run as root: it creates a network namespace")
	}
	if _, err := exec.LookPath("ip"); err != nil {
		return fmt.Errorf("iproute2's ip is needed: %w", err)
	}
	exe, err := os.Executable()
	if err != nil {
		return err
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	netns, err := newNamespace(ctx)
	if err != nil {
		return err
	}
	defer func() {
		if err := netns.Close(); err != nil {
			logf("removing namespace %s: %v", netns.name, err)
		}
	}()
	logf("namespace %s; contenders %s", netns.name, strings.Join(keys(cs), ", "))

	r := &runner{ns: netns, exe: exe, quiet: *quiet, results: map[cell][]result{}}
	if err := r.runAll(ctx, ns, works, cs, *runs); err != nil {
		if ctx.Err() != nil {
			return fmt.Errorf("interrupted: %w", err)
		}
		return err
	}

	rp := newReport(r, ns, works, cs, *runs)
	var md strings.Builder
	rp.markdown(&md)
	fmt.Print(md.String())
	if *mdPath != "" {
		if err := os.WriteFile(*mdPath, []byte(md.String()), 0o644); err != nil {
			return err
		}
	}
	if *svgPath != "" {
		f, err := os.Create(*svgPath)
		if err != nil {
			return err
		}
		title := "netlink libraries on Linux routing tables (" + rp.environmentShort() + ")"
		if err := writeSVG(f, title, rp.panels()); err != nil {
			f.Close()
			return err
		}
		if err := f.Close(); err != nil {
			return err
		}
		logf("chart written to %s", *svgPath)
	}
	return nil
}

// parseCounts parses the -n list, sorted ascending: the namespace only
// ever gains routes.
func parseCounts(s string) ([]int, error) {
	var ns []int
	for f := range strings.SplitSeq(s, ",") {
		f = strings.ReplaceAll(strings.TrimSpace(f), "_", "")
		mult := 1
		switch {
		case strings.HasSuffix(f, "k"), strings.HasSuffix(f, "K"):
			mult, f = 1_000, f[:len(f)-1]
		case strings.HasSuffix(f, "M"), strings.HasSuffix(f, "m"):
			mult, f = 1_000_000, f[:len(f)-1]
		}
		n, err := strconv.Atoi(f)
		if err != nil || n < 1 || n*mult > maxRoutes {
			return nil, fmt.Errorf("-n: bad count %q (1..%d)", f, maxRoutes)
		}
		if !slices.Contains(ns, n*mult) {
			ns = append(ns, n*mult)
		}
	}
	slices.Sort(ns)
	return ns, nil
}

// parseWorks parses the -work list.
func parseWorks(s string) ([]string, error) {
	var works []string
	for w := range strings.SplitSeq(s, ",") {
		w = strings.TrimSpace(w)
		if !slices.Contains(allWorks, w) {
			return nil, fmt.Errorf("-work: unknown work %q", w)
		}
		if !slices.Contains(works, w) {
			works = append(works, w)
		}
	}
	return works, nil
}

// pickContenders returns the registered contenders named in s, all when s
// is empty, in table order.
func pickContenders(s string) ([]contender, error) {
	if s == "" {
		return registered, nil
	}
	var cs []contender
	for _, c := range registered {
		if slices.Contains(strings.Split(s, ","), c.Key()) {
			cs = append(cs, c)
		}
	}
	for k := range strings.SplitSeq(s, ",") {
		if _, err := lookup(k); err != nil {
			return nil, err
		}
	}
	return cs, nil
}
