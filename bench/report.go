package main

import (
	"fmt"
	"io"
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"time"

	"golang.org/x/sys/unix"
)

// report turns the runs into a markdown table, a table of the project's
// targets, and a chart.
type report struct {
	ns    []int
	works []string
	cs    []contender
	runs  int
	sums  map[cell]summary
}

// newReport summarizes the runner's results.
func newReport(r *runner, ns []int, works []string, cs []contender, runs int) *report {
	rp := &report{ns: ns, works: works, cs: cs, runs: runs, sums: map[cell]summary{}}
	for k, rs := range r.results {
		rp.sums[k] = summarize(rs)
	}
	return rp
}

// sum returns the summary of a cell and whether it has a successful run.
func (rp *report) sum(n int, work, key string) (summary, bool) {
	s, ok := rp.sums[cell{n, work, key}]
	return s, ok && s.ok > 0
}

// markdown writes the environment, the results table and the targets.
func (rp *report) markdown(w io.Writer) {
	fmt.Fprintf(w, "%s\n\n", rp.environment())
	var rows []string
	for _, work := range rp.works {
		if work == workView {
			continue // a table of its own
		}
		for _, n := range rp.ns {
			for _, c := range rp.cs {
				if row := rp.row(n, work, c); row != "" {
					rows = append(rows, row)
				}
			}
		}
	}
	if len(rows) > 0 {
		fmt.Fprintln(w, "| work | N | library | time | time/route | allocs/route | B/route | delivered | losses reported | CPU/notif | × ours | × bare |")
		fmt.Fprintln(w, "|---|--:|---|--:|--:|--:|--:|--:|---|--:|--:|--:|")
		for _, row := range rows {
			fmt.Fprintln(w, row)
		}
		fmt.Fprintf(w, "\n%s\n\n", legend)
	}
	rp.viewTable(w)
	rp.targets(w)
}

// viewTable writes the table of the view work, if it ran.
func (rp *report) viewTable(w io.Writer) {
	if !slices.Contains(rp.works, workView) {
		return
	}
	var rows []string
	for _, n := range rp.ns {
		for _, c := range rp.cs {
			if row := rp.viewRow(n, c); row != "" {
				rows = append(rows, row)
			}
		}
	}
	if len(rows) == 0 {
		return
	}
	fmt.Fprintln(w, "Route view: started on the table of N routes, then following a burst of N more:")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| N | library | start | start/route | heap/route | allocs/route | B/route | caught up | view / kernel routes | exact | resyncs | CPU/notif |")
	fmt.Fprintln(w, "|--:|---|--:|--:|--:|--:|--:|--:|--:|---|--:|--:|")
	for _, row := range rows {
		fmt.Fprintln(w, row)
	}
	fmt.Fprintf(w, "\n%s\n\n", viewLegend)
}

// viewLegend explains the view table's columns.
const viewLegend = `Medians over the runs. The view holds the IPv4 routes of every table (the burst's go to table 100): at start the main table's N and the local table's few. *start*: until the constructor returned with the first dump in; per route: divided by the routes it then held; *heap/route*: growth of runtime.MemStats.HeapInuse over the start, both read after a GC; allocations: Mallocs and TotalAlloc deltas over the start. Then ` + "`ip -batch`" + ` adds N routes as in *burst* while the view follows them. *caught up*: from the view saying it was ready, right before the batch, to its last change (to 10 ms). Once the batch ended and the view had not changed for the quiet period: *view / kernel routes*, and *exact* when the view held the very routes of a fresh dump of every table's IPv4 routes (each route whole but its CacheInfo), over the runs. *resyncs*: full reads of the tables the view made while following (after an overrun, for instance). *CPU/notif*: the child's user+system time while following, divided by the N notifications the kernel sent.`

// viewRow formats one row of the view table, or "" for a cell that was
// not run.
func (rp *report) viewRow(n int, c contender) string {
	s, ran := rp.sums[cell{n, workView, c.Key()}]
	if !ran {
		return ""
	}
	label := c.Label()
	if failed := s.runs - s.ok; failed > 0 {
		label += fmt.Sprintf(" (%d/%d runs failed: %s)", failed, s.runs, strings.Join(s.errs, "; "))
	}
	if s.ok == 0 {
		return fmt.Sprintf("| %s | %s | error |  |  |  |  |  |  |  |  |  |", count(n), label)
	}
	v := s.view
	return fmt.Sprintf("| %s | %s | %s | %s | %.0f B | %.2f | %.0f | %s | %s / %s | %s | %s | %s |",
		count(n), label, dur(s.nanos), dur(s.perItem(s.nanos, workView, n)),
		s.perItem(v.heap, workView, n), s.perItem(s.mallocs, workView, n), s.perItem(s.bytes, workView, n),
		dur(v.follow), count(int(v.viewLen)), count(int(v.kernelLen)), s.exactCell(), fmt.Sprint(v.resyncs),
		dur(s.cpu/float64(n)))
}

// exactCell says in how many runs the view ended exact, and how it
// differed or died otherwise.
func (s summary) exactCell() string {
	text := "yes"
	if s.view.exactRuns < s.ok {
		text = "**no**"
	}
	text += " " + frac(s.view.exactRuns, s.ok)
	if s.view.diff != "" {
		text += ": " + s.view.diff
	}
	if s.diedRuns > 0 {
		text += ", died " + frac(s.diedRuns, s.ok)
	}
	return text
}

// legend explains the table's columns.
const legend = `Medians over the runs. *dump*: one typed dump of the main table's IPv4 routes into the library's route values (after a warm-up dump, GC settled; allocations are runtime.MemStats Mallocs and TotalAlloc deltas); the bare loop only counts headers. *burst*: ` + "`ip -batch`" + ` adds N routes while the library is subscribed to RTMGRP_IPV4_ROUTE with its default options; the consumer is prompt (*burst*) or spends 5 µs per message (*burst5us*); time runs from the subscription being ready to the last delivery, per-route columns divide by notifications delivered, CPU is the subscriber process's user+system time. *losses reported*: what the library told its user over the runs (ENOBUFS error, overrun marker, subscription died); **silent loss** means fewer than N delivered with nothing reported. *× ours*, *× bare*: dump time, or CPU per notification, against that row.`

// row formats one table row, or "" for a cell that was not run.
func (rp *report) row(n int, work string, c contender) string {
	s, ran := rp.sums[cell{n, work, c.Key()}]
	if !ran {
		return ""
	}
	label := c.Label()
	if failed := s.runs - s.ok; failed > 0 {
		label += fmt.Sprintf(" (%d/%d runs failed: %s)", failed, s.runs, strings.Join(s.errs, "; "))
	}
	if s.ok == 0 {
		return fmt.Sprintf("| %s | %s | %s | error |  |  |  |  |  |  |  |  |", work, count(n), label)
	}
	delivered := s.delivered(n)
	if work == workDump && (s.count != float64(n) || s.minCount != float64(n)) {
		delivered = fmt.Sprintf("%.0f routes", s.count)
	}
	lost, cpu := "—", "—"
	if work != workDump {
		lost = s.lossCell()
		cpu = dur(s.perItem(s.cpu, work, n))
	}
	return fmt.Sprintf("| %s | %s | %s | %s | %s | %.2f | %.0f | %s | %s | %s | %s | %s |",
		work, count(n), label, dur(s.nanos), dur(s.perItem(s.nanos, work, n)),
		s.perItem(s.mallocs, work, n), s.perItem(s.bytes, work, n), delivered, lost, cpu,
		rp.ratio(n, work, c.Key(), "ours"), rp.ratio(n, work, c.Key(), "bare"))
}

// ratio formats key's measure against ref's at the same cell.
func (rp *report) ratio(n int, work, key, ref string) string {
	s, ok1 := rp.sum(n, work, key)
	r, ok2 := rp.sum(n, work, ref)
	if !ok1 || !ok2 || r.key(work, n) == 0 || s.key(work, n) == 0 {
		return "—"
	}
	return fmt.Sprintf("%.2f×", s.key(work, n)/r.key(work, n))
}

// targets writes the table of the project's targets for ours.
func (rp *report) targets(w io.Writer) {
	fmt.Fprintln(w, "Targets (ours):")
	fmt.Fprintln(w)
	if _, err := lookup("ours"); err != nil {
		fmt.Fprintln(w, "not evaluated: no contender `ours` is registered (see contender.go).")
		return
	}
	fmt.Fprintln(w, "| target | N | measured | status |")
	fmt.Fprintln(w, "|---|--:|--:|---|")
	line := func(what string, n int, measured string, met bool) {
		status := "missed"
		if met {
			status = "met"
		}
		fmt.Fprintf(w, "| %s | %s | %s | %s |\n", what, count(n), measured, status)
	}
	for _, n := range rp.ns {
		if v, ok := rp.sum(n, workView, "ours"); ok {
			line("burst: the route view ends exact", n, v.exactCell(), v.view.exactRuns == v.ok && v.diedRuns == 0)
		}
		ours, ok := rp.sum(n, workDump, "ours")
		if ok {
			for _, peer := range []string{"vishvananda", "rtnetlink"} {
				if p, ok := rp.sum(n, workDump, peer); ok {
					x := p.nanos / ours.nanos
					line("typed dump ≥ 5× faster than "+peer, n, fmt.Sprintf("%.1f×", x), x >= 5)
				}
			}
			if b, ok := rp.sum(n, workDump, "bare"); ok {
				x := ours.nanos / b.nanos
				line("typed dump within 2× of the bare loop", n, fmt.Sprintf("%.2f×", x), x <= 2)
			}
			a := ours.mallocs / float64(n)
			line("≤ 1 alloc per route", n, fmt.Sprintf("%.2f", a), a <= 1)
		}
		ours, ok = rp.sum(n, workBurst, "ours")
		if !ok {
			continue
		}
		lossless := ours.count >= float64(n) && ours.lossRuns == 0 && ours.diedRuns == 0 && ours.silentRuns == 0
		what := "burst, prompt consumer: zero loss"
		if n != 1_000_000 {
			what += " (the target is at 1,000,000)"
		}
		line(what, n, pct(ours.count, n)+", "+ours.lossCell(), lossless)
		if b, ok := rp.sum(n, workBurst, "bare"); ok && b.key(workBurst, n) > 0 {
			x := ours.key(workBurst, n) / b.key(workBurst, n)
			line("CPU per notification within 1.5× of the bare loop", n, fmt.Sprintf("%.2f×", x), x <= 1.5)
		}
	}
}

// environment describes the machine and the versions measured.
func (rp *report) environment() string {
	var u unix.Utsname
	unix.Uname(&u)
	vers := map[string]string{}
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, d := range bi.Deps {
			vers[d.Path] = d.Version
		}
	}
	rmem, _ := os.ReadFile("/proc/sys/net/core/rmem_default")
	return fmt.Sprintf("nlbench, %s: Linux %s, %s, %d CPUs, %s; %d runs per cell; vishvananda/netlink %s, jsimonetti/rtnetlink %s (mdlayher/netlink %s), x/sys %s; channel capacity %d; net.core.rmem_default %s.",
		time.Now().UTC().Format("2006-01-02"), unix.ByteSliceToString(u.Release[:]), cpuModel(),
		runtime.NumCPU(), runtime.Version(), rp.runs,
		vers["github.com/vishvananda/netlink"], vers["github.com/jsimonetti/rtnetlink/v2"],
		vers["github.com/mdlayher/netlink"], vers["golang.org/x/sys"], chanCap,
		strings.TrimSpace(string(rmem)))
}

// cpuModel returns the processor's model name.
func cpuModel() string {
	b, _ := os.ReadFile("/proc/cpuinfo")
	for l := range strings.Lines(string(b)) {
		if k, v, ok := strings.Cut(l, ":"); ok && strings.TrimSpace(k) == "model name" {
			return strings.TrimSpace(v)
		}
	}
	return "unknown CPU"
}

// dur formats nanoseconds with about three significant digits.
func dur(ns float64) string {
	switch {
	case ns >= 1e9:
		return sig3(ns/1e9) + " s"
	case ns >= 1e6:
		return sig3(ns/1e6) + " ms"
	case ns >= 1e3:
		return sig3(ns/1e3) + " µs"
	}
	return sig3(ns) + " ns"
}

// sig3 formats v with three significant digits, never in e-notation.
func sig3(v float64) string {
	switch {
	case v >= 100:
		return fmt.Sprintf("%.0f", v)
	case v >= 10:
		return fmt.Sprintf("%.1f", v)
	}
	return fmt.Sprintf("%.2f", v)
}

// pct formats got out of n as a percentage that reads 100% only when
// nothing is missing.
func pct(got float64, n int) string {
	if got >= float64(n) {
		return "100%"
	}
	return fmt.Sprintf("%.1f%%", math.Floor(got/float64(n)*1000)/10)
}

// count formats n with thousands separators.
func count(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// frac formats k out of n runs.
func frac(k, n int) string { return fmt.Sprintf("%d/%d", k, n) }

// environmentShort is a few words of environment for the chart's title.
func (rp *report) environmentShort() string {
	var u unix.Utsname
	unix.Uname(&u)
	return fmt.Sprintf("Linux %s, %s, %d CPUs, medians of %d runs",
		unix.ByteSliceToString(u.Release[:]), runtime.Version(), runtime.NumCPU(), rp.runs)
}
