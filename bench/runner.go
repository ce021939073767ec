package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"time"
)

// cell identifies the runs of one contender at one work and N.
type cell struct {
	n    int
	work string
	key  string
}

// runner runs the measurements, each in a child process in the
// namespace, and gathers their results.
type runner struct {
	ns      *namespace
	exe     string        // this program, re-executed as the child
	quiet   time.Duration // a burst ends after this long without messages
	results map[cell][]result
}

// runAll fills the namespace to each N in turn (ns ascending) and runs
// every work there: runs rounds, each going through all contenders that
// take part in the work, starting one further along each round so that
// none always goes first.
func (r *runner) runAll(ctx context.Context, ns []int, works []string, cs []contender, runs int) error {
	for _, n := range ns {
		start := time.Now()
		logf("filling the main table to %d routes", n)
		if err := r.ns.fill(ctx, n); err != nil {
			return err
		}
		logf("filled in %v", time.Since(start).Round(time.Millisecond))
		for _, w := range works {
			wcs := takingPart(w, cs)
			if len(wcs) == 0 {
				logf("N=%d %s: none of the contenders takes part", n, w)
				continue
			}
			for run := range runs {
				for i := range wcs {
					c := wcs[(i+run)%len(wcs)]
					res, err := r.once(ctx, w, c, n)
					if err != nil {
						return fmt.Errorf("N=%d %s %s: %w", n, w, c.Key(), err)
					}
					logf("N=%d %-8s run %d/%d %-12s %s", n, w, run+1, runs, c.Key(), brief(res))
					k := cell{n, w, c.Key()}
					r.results[k] = append(r.results[k], res)
				}
			}
		}
	}
	return nil
}

// once runs one measurement.
func (r *runner) once(ctx context.Context, work string, c contender, n int) (result, error) {
	if work == workDump {
		out, err := r.child(ctx, work, c, n).Output()
		if err != nil {
			return result{}, fmt.Errorf("child: %w", err)
		}
		return decodeResult(out)
	}
	return r.burst(ctx, work, c, n)
}

// burst runs one burst: a fresh burst link, a subscribed child (or one
// whose view has started), then the batch of n route additions, then the
// child's verdict.
func (r *runner) burst(ctx context.Context, work string, c contender, n int) (res result, err error) {
	path, err := r.ns.burstFile(n)
	if err != nil {
		return res, err
	}
	if err := r.ns.addBurstLink(ctx); err != nil {
		return res, err
	}
	defer func() {
		if derr := r.ns.delBurstLink(context.WithoutCancel(ctx)); err == nil {
			err = derr
		}
	}()

	cmd := r.child(ctx, work, c, n)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return res, err
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return res, err
	}
	if err := cmd.Start(); err != nil {
		return res, err
	}
	defer cmd.Wait()
	lines := make(chan string, 4)
	go func() {
		defer close(lines)
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			lines <- sc.Text()
		}
		io.Copy(io.Discard, stdout)
	}()

	select {
	case l := <-lines:
		if l != "ready" {
			return decodeResult([]byte(l)) // the child failed to subscribe
		}
	case <-time.After(30 * time.Second):
		cmd.Process.Kill()
		return res, errors.New("child not ready after 30s")
	}
	start := time.Now()
	batchErr := r.ns.ipBatchFile(ctx, path)
	batch := time.Since(start)
	io.WriteString(stdin, "over\n") // the child may have finished: ignore errors
	stdin.Close()
	l, ok := <-lines
	if !ok {
		return res, errors.New("child ended without a result")
	}
	if res, err = decodeResult([]byte(l)); err != nil {
		return res, err
	}
	res.BatchNanos = int64(batch)
	return res, batchErr
}

// child returns the command that runs one measurement in the namespace.
func (r *runner) child(ctx context.Context, work string, c contender, n int) *exec.Cmd {
	cmd := exec.CommandContext(ctx, "ip", "netns", "exec", r.ns.name, r.exe, "child",
		"-work", work, "-contender", c.Key(), "-n", strconv.Itoa(n), "-quiet", r.quiet.String())
	cmd.Stderr = os.Stderr
	cmd.WaitDelay = 5 * time.Second
	return cmd
}

// decodeResult parses the JSON result a child printed last.
func decodeResult(out []byte) (result, error) {
	var res result
	if i := lastLine(out); i >= 0 {
		out = out[i:]
	}
	if err := json.Unmarshal(out, &res); err != nil {
		return res, fmt.Errorf("child result %q: %w", out, err)
	}
	return res, nil
}

// lastLine returns where the last non-empty line of b starts, or -1.
func lastLine(b []byte) int {
	end := len(b)
	for end > 0 && (b[end-1] == '\n' || b[end-1] == '\r') {
		end--
	}
	for i := end - 1; i >= 0; i-- {
		if b[i] == '\n' {
			return i + 1
		}
	}
	return -1
}

// brief is a one-line account of a result, for progress output.
func brief(r result) string {
	if r.Err != "" {
		return "error: " + r.Err
	}
	if r.Work == workDump {
		return fmt.Sprintf("%d routes in %v, %d allocs, %d B",
			r.Count, time.Duration(r.Nanos).Round(time.Microsecond), r.Mallocs, r.Bytes)
	}
	if v := r.View; v != nil {
		s := fmt.Sprintf("started on %d routes in %v, heap +%d B, %d allocs; after the burst %d in view, %d in kernel, exact %t, %d resyncs, cpu %v, batch %v, end: %s",
			r.Count, time.Duration(r.Nanos).Round(time.Microsecond), v.HeapInuse, r.Mallocs,
			v.ViewLen, v.KernelLen, v.Exact, v.Resyncs, time.Duration(r.CPUNanos).Round(time.Millisecond),
			time.Duration(r.BatchNanos).Round(time.Millisecond), r.End)
		if v.Diff != "" {
			s += "; " + v.Diff
		}
		return s
	}
	s := fmt.Sprintf("%d/%d delivered, cpu %v, batch %v, end: %s",
		r.Count, r.N, time.Duration(r.CPUNanos).Round(time.Millisecond),
		time.Duration(r.BatchNanos).Round(time.Millisecond), r.End)
	if r.Losses > 0 {
		s += fmt.Sprintf(", %d losses reported (%s)", r.Losses, r.LossText)
	}
	return s
}

// logf prints progress to standard error.
func logf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "nlbench: "+format+"\n", args...)
}
