package main

import (
	"slices"
	"strings"
)

// summary is the medians of one cell's runs.
type summary struct {
	runs int
	errs []string // distinct errors of failed runs
	ok   int      // runs without error

	count, nanos, mallocs, bytes, cpu float64 // medians over ok runs
	minCount                          float64 // the fewest routes or notifications of a run

	lossRuns   int    // runs in which the library reported a loss
	lossText   string // the first reported loss
	diedRuns   int    // runs in which the subscription died
	silentRuns int    // runs short of N with no loss reported

	view viewSummary // the view work's own measures
}

// viewSummary is the medians of the view work's own measures.
type viewSummary struct {
	heap, follow, resyncs float64 // medians over ok runs
	viewLen, kernelLen    float64 // medians over ok runs
	exactRuns             int     // runs that ended with the view exact
	diff                  string  // the first inexact run's difference
}

// summarize takes the medians of rs.
func summarize(rs []result) summary {
	s := summary{runs: len(rs)}
	var count, nanos, mallocs, bytes, cpu []float64
	var heap, follow, resyncs, viewLen, kernelLen []float64
	for _, r := range rs {
		if r.Err != "" {
			if !slices.Contains(s.errs, r.Err) {
				s.errs = append(s.errs, r.Err)
			}
			continue
		}
		s.ok++
		count = append(count, float64(r.Count))
		nanos = append(nanos, float64(r.Nanos))
		mallocs = append(mallocs, float64(r.Mallocs))
		bytes = append(bytes, float64(r.Bytes))
		cpu = append(cpu, float64(r.CPUNanos))
		if r.Died {
			s.diedRuns++
		}
		if v := r.View; v != nil {
			heap = append(heap, float64(v.HeapInuse))
			follow = append(follow, float64(v.FollowNanos))
			resyncs = append(resyncs, float64(v.Resyncs))
			viewLen = append(viewLen, float64(v.ViewLen))
			kernelLen = append(kernelLen, float64(v.KernelLen))
			if v.Exact {
				s.view.exactRuns++
			} else if s.view.diff == "" {
				s.view.diff = v.Diff
			}
		}
		if r.Work != workBurst && r.Work != workBurst5us {
			continue
		}
		if r.Losses > 0 {
			s.lossRuns++
			if s.lossText == "" {
				s.lossText = r.LossText
			}
		}
		if r.Count < r.N && r.Losses == 0 && !r.Died {
			s.silentRuns++
		}
	}
	s.count, s.nanos, s.mallocs = median(count), median(nanos), median(mallocs)
	s.bytes, s.cpu = median(bytes), median(cpu)
	s.view = viewSummary{
		heap: median(heap), follow: median(follow), resyncs: median(resyncs),
		viewLen: median(viewLen), kernelLen: median(kernelLen),
		exactRuns: s.view.exactRuns, diff: s.view.diff,
	}
	if len(count) > 0 {
		s.minCount = slices.Min(count)
	}
	return s
}

// median returns the median of xs, 0 for none.
func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	xs = slices.Clone(xs)
	slices.Sort(xs)
	m := len(xs) / 2
	if len(xs)%2 == 1 {
		return xs[m]
	}
	return (xs[m-1] + xs[m]) / 2
}

// perItem divides v by the items it was spent on: the N routes of a dump,
// the notifications a burst delivered, the routes a view started with.
func (s summary) perItem(v float64, work string, n int) float64 {
	d := float64(n)
	if work != workDump {
		d = s.count
	}
	if d == 0 {
		return 0
	}
	return v / d
}

// key is what ratios compare: a dump's time, a burst's CPU per
// notification.
func (s summary) key(work string, n int) float64 {
	if work == workDump {
		return s.nanos
	}
	return s.perItem(s.cpu, work, n)
}

// delivered formats the median count out of n, and the worst run's when
// it is lower.
func (s summary) delivered(n int) string {
	d := pct(s.count, n)
	if s.minCount < s.count {
		d += " (worst " + pct(s.minCount, n) + ")"
	}
	return d
}

// lossCell describes, for a burst, what the library reported of its
// losses over the runs.
func (s summary) lossCell() string {
	if s.ok == 0 {
		return "—"
	}
	var parts []string
	if s.lossRuns > 0 {
		text := s.lossText
		if strings.Contains(text, "no buffer space") || strings.Contains(text, "ENOBUFS") {
			text = "ENOBUFS"
		}
		parts = append(parts, text+" "+frac(s.lossRuns, s.ok))
	}
	if s.diedRuns > 0 {
		parts = append(parts, "died "+frac(s.diedRuns, s.ok))
	}
	if s.silentRuns > 0 {
		parts = append(parts, "**silent loss** "+frac(s.silentRuns, s.ok))
	}
	if len(parts) == 0 {
		return "none"
	}
	return strings.Join(parts, ", ")
}
