package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"runtime"
	"time"

	"golang.org/x/sys/unix"
)

// The parent runs every measurement in a child process, a re-execution of
// itself as "nlbench child ..." under "ip netns exec", so that the child's
// every thread is in the benchmark's namespace and its memory statistics
// and CPU time are its own.
//
// Protocol on the child's standard streams: a burst or view child prints
// "ready" once subscribed (the view once started), the parent writes a
// line (or closes stdin) when the burst command has ended; every child
// ends by printing one JSON result.

// chanCap is the capacity of the channel a channel-based library delivers
// into, the same for every such library.
const chanCap = 1024

// burstBusy is the consumer's work per message in the burst5us work.
const burstBusy = 5 * time.Microsecond

// Works are the kinds of measurement.
const (
	workDump     = "dump"
	workBurst    = "burst"
	workBurst5us = "burst5us"
	workView     = "view"
)

// allWorks lists the works in the order of -work's default.
var allWorks = []string{workDump, workBurst, workBurst5us, workView}

// result is one measurement, reported by a child as JSON.
type result struct {
	Contender string `json:"contender"`
	Work      string `json:"work"`
	N         int    `json:"n"`
	// Count is the number of routes a dump returned, of IPv4
	// RTM_NEWROUTE notifications a burst delivered, or of routes in a
	// route view once started.
	Count int `json:"count"`
	// Nanos is the dump's wall time, for a burst the time from the
	// subscription being ready to the last delivery, for a view the
	// time its start took.
	Nanos int64 `json:"nanos"`
	// Mallocs and Bytes are runtime.MemStats deltas (Mallocs,
	// TotalAlloc) over the dump, the burst or the view's start.
	Mallocs uint64 `json:"mallocs"`
	Bytes   uint64 `json:"bytes"`
	// CPUNanos is user+system time of the child (getrusage RUSAGE_SELF)
	// over the burst, for a view while it followed the burst.
	CPUNanos int64 `json:"cpu_nanos"`
	// Losses counts losses the library reported; LossText is the first.
	Losses   int    `json:"losses"`
	LossText string `json:"loss_text,omitempty"`
	// Died is set when the subscription ended by itself; End says why.
	Died bool   `json:"died"`
	End  string `json:"end,omitempty"`
	// BatchNanos is the wall time of the burst's ip -batch, measured by
	// the parent.
	BatchNanos int64 `json:"batch_nanos,omitempty"`
	// View holds what the view work measures besides the above.
	View *viewResult `json:"view,omitempty"`
	// Err is set when the measurement failed.
	Err string `json:"err,omitempty"`
}

// viewResult is what the view work measures beyond its start's time and
// allocations (result's Nanos, Mallocs, Bytes) and its CPU while it
// followed the burst (result's CPUNanos).
type viewResult struct {
	// HeapInuse is the growth of runtime.MemStats.HeapInuse over the
	// view's start, both read after a GC: what holding the view costs.
	HeapInuse int64 `json:"heap_inuse"`
	// FollowNanos is the time from "ready" to the view's last change,
	// to the 10 ms the child polls at.
	FollowNanos int64 `json:"follow_nanos"`
	// ViewLen and KernelLen are the routes in the view and in a fresh
	// dump of the same routes once the burst was over.
	ViewLen   int `json:"view_len"`
	KernelLen int `json:"kernel_len"`
	// Exact tells whether the view then held the very routes of the
	// dump; Diff describes how they differed otherwise.
	Exact bool   `json:"exact"`
	Diff  string `json:"diff,omitempty"`
	// Resyncs is how many times the view read the tables again while
	// following the burst.
	Resyncs uint64 `json:"resyncs"`
}

// childMain runs one measurement as asked by args and prints its result.
func childMain(args []string) {
	fs := flag.NewFlagSet("child", flag.ExitOnError)
	work := fs.String("work", "", "dump, burst, burst5us or view")
	key := fs.String("contender", "", "contender key")
	n := fs.Int("n", 0, "routes expected")
	quiet := fs.Duration("quiet", 1500*time.Millisecond, "quiet period that ends a burst")
	fs.Parse(args)

	r := result{Contender: *key, Work: *work, N: *n}
	c, err := lookup(*key)
	switch {
	case err != nil:
	case *work == workDump:
		err = measureDump(c, &r)
	case *work == workBurst:
		err = measureBurst(c, *n, 0, *quiet, &r)
	case *work == workBurst5us:
		err = measureBurst(c, *n, burstBusy, *quiet, &r)
	case *work == workView:
		err = measureView(c, *n, *quiet, &r)
	default:
		err = fmt.Errorf("unknown work %q", *work)
	}
	if err != nil {
		r.Err = err.Error()
	}
	json.NewEncoder(os.Stdout).Encode(r)
	os.Exit(0)
}

// measureDump times one dump after a warm-up dump, with the GC settled
// before, and takes the allocation deltas around it.
func measureDump(c contender, r *result) error {
	d, err := c.OpenDumper()
	if err != nil {
		return err
	}
	defer d.Close()
	if _, err := d.Dump(); err != nil {
		return fmt.Errorf("warm-up dump: %w", err)
	}
	var m0, m1 runtime.MemStats
	runtime.GC()
	runtime.GC()
	runtime.ReadMemStats(&m0)
	start := time.Now()
	n, err := d.Dump()
	r.Nanos = int64(time.Since(start))
	runtime.ReadMemStats(&m1)
	r.Count = n
	r.Mallocs = m1.Mallocs - m0.Mallocs
	r.Bytes = m1.TotalAlloc - m0.TotalAlloc
	return err
}

// measureBurst subscribes, says "ready", and consumes until n
// notifications arrived, the subscription died, or the parent said the
// burst is over and nothing arrived for quiet.
func measureBurst(c contender, n int, busy, quiet time.Duration, r *result) error {
	sub, err := c.Subscribe()
	if err != nil {
		return err
	}
	s := &sink{busy: busy}
	ended := make(chan error, 1)
	burstOver := waitBurstOver()

	var m0, m1 runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&m0)
	cpu0 := cpuTime()
	start := time.Now()
	fmt.Println("ready")
	go func() { ended <- sub.Run(s) }()

	tick := time.NewTicker(10 * time.Millisecond)
	defer tick.Stop()
	var overAt time.Time
wait:
	for int(s.count.Load()) < n {
		select {
		case err := <-ended:
			r.Died, r.End = true, err.Error()
			break wait
		case overAt = <-burstOver:
		case <-tick.C:
			if overAt.IsZero() {
				continue
			}
			last := time.Unix(0, s.last.Load())
			if time.Since(overAt) > quiet && time.Since(last) > quiet {
				r.End = "quiet"
				break wait
			}
		}
	}
	cpu := cpuTime() - cpu0
	if r.End == "" {
		r.End = "all delivered"
	}
	runtime.ReadMemStats(&m1)
	r.Count = int(s.count.Load())
	if last := s.last.Load(); last != 0 {
		r.Nanos = last - start.UnixNano()
	}
	r.CPUNanos = int64(cpu)
	r.Mallocs = m1.Mallocs - m0.Mallocs
	r.Bytes = m1.TotalAlloc - m0.TotalAlloc
	r.Losses, r.LossText = s.reported()
	return nil
}

// waitBurstOver returns a channel that receives the time at which the
// parent said that the burst command ended: a line on standard input,
// or its end.
func waitBurstOver() <-chan time.Time {
	over := make(chan time.Time, 1)
	go func() {
		bufio.NewReader(os.Stdin).ReadString('\n') // a line or EOF
		over <- time.Now()
	}()
	return over
}

// measureView starts c's route view on the table of n routes and
// measures the start: time, allocations, and the heap the view holds
// after a GC. Then it says "ready" and lets the view follow the parent's
// burst of n more routes until the burst is over and the view has not
// changed for quiet, takes the child's CPU over that, and compares the
// view with a fresh dump.
func measureView(c contender, n int, quiet time.Duration, r *result) error {
	vc, ok := c.(viewer)
	if !ok {
		return fmt.Errorf("contender %s has no route view", c.Key())
	}
	burstOver := waitBurstOver()

	var m0, m1, m2 runtime.MemStats
	runtime.GC()
	runtime.GC()
	runtime.ReadMemStats(&m0)
	start := time.Now()
	v, err := vc.StartView()
	r.Nanos = int64(time.Since(start))
	runtime.ReadMemStats(&m1)
	if err != nil {
		return fmt.Errorf("starting the view: %w", err)
	}
	defer v.Close()
	runtime.GC()
	runtime.GC()
	runtime.ReadMemStats(&m2)
	r.Count = v.Len()
	r.Mallocs = m1.Mallocs - m0.Mallocs
	r.Bytes = m1.TotalAlloc - m0.TotalAlloc
	vr := &viewResult{HeapInuse: int64(m2.HeapInuse) - int64(m0.HeapInuse)}
	r.View = vr
	resyncs0 := v.Resyncs()

	cpu0 := cpuTime()
	start = time.Now()
	fmt.Println("ready")
	version, changed := v.Version(), start
	tick := time.NewTicker(10 * time.Millisecond)
	defer tick.Stop()
	var overAt time.Time
	for {
		select {
		case overAt = <-burstOver:
		case <-tick.C:
		}
		if now := v.Version(); now != version {
			version, changed = now, time.Now()
		}
		if err := v.Err(); err != nil {
			r.Died, r.End = true, err.Error()
			break
		}
		if !overAt.IsZero() && time.Since(overAt) > quiet && time.Since(changed) > quiet {
			r.End = "quiet"
			break
		}
	}
	r.CPUNanos = int64(cpuTime() - cpu0)
	vr.FollowNanos = int64(changed.Sub(start))
	vr.Resyncs = v.Resyncs() - resyncs0

	vr.ViewLen = v.Len()
	vr.KernelLen, vr.Diff, err = v.Check()
	if err != nil {
		return fmt.Errorf("checking the view: %w", err)
	}
	vr.Exact = vr.Diff == ""
	return nil
}

// cpuTime returns the user plus system time of this process.
func cpuTime() time.Duration {
	var ru unix.Rusage
	if err := unix.Getrusage(unix.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
