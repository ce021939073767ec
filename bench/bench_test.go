package main

import (
	"bytes"
	"encoding/xml"
	"io"
	"slices"
	"testing"
)

func TestParseCounts(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want []int
		bad  bool
	}{
		{in: "10000,100000", want: []int{10000, 100000}},
		{in: "1M,10k, 100_000,10k", want: []int{10000, 100000, 1000000}},
		{in: "0", bad: true},
		{in: "5M", bad: true},
		{in: "ten", bad: true},
	} {
		got, err := parseCounts(tt.in)
		if (err != nil) != tt.bad || !tt.bad && !slices.Equal(got, tt.want) {
			t.Errorf("parseCounts(%q) = %v, %v; want %v (error %v)", tt.in, got, err, tt.want, tt.bad)
		}
	}
}

func TestMedian(t *testing.T) {
	for _, tt := range []struct {
		in   []float64
		want float64
	}{
		{nil, 0}, {[]float64{3}, 3}, {[]float64{9, 1, 5}, 5}, {[]float64{4, 1, 3, 2}, 2.5},
	} {
		if got := median(tt.in); got != tt.want {
			t.Errorf("median(%v) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestFormats(t *testing.T) {
	for _, tt := range []struct{ got, want string }{
		{pct(9999, 10000), "99.9%"},
		{pct(10000, 10000), "100%"},
		{dur(999.96e6), "1000 ms"},
		{dur(286), "286 ns"},
		{dur(1.49e3), "1.49 µs"},
		{count(1000000), "1,000,000"},
		{routeAddr(0).String(), "100.64.0.0"},
		{routeAddr(65536 + 257).String(), "100.65.1.1"},
		{routeAddr(maxRoutes - 1).String(), "100.127.255.255"},
	} {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
}

func TestLossCell(t *testing.T) {
	rs := []result{
		{Work: workBurst, N: 10, Count: 10},
		{Work: workBurst, N: 10, Count: 4, Losses: 1, LossText: "recvfrom: ENOBUFS", Died: true},
		{Work: workBurst, N: 10, Count: 7},
	}
	s := summarize(rs)
	if got, want := s.lossCell(), "ENOBUFS 1/3, died 1/3, **silent loss** 1/3"; got != want {
		t.Errorf("lossCell = %q, want %q", got, want)
	}
	if got, want := s.delivered(10), "70.0% (worst 40.0%)"; got != want {
		t.Errorf("delivered = %q, want %q", got, want)
	}
}

func TestSVGWellFormed(t *testing.T) {
	p := panel{title: "a <b> & c", log: true, groups: []group{{title: "N = 10", bars: []bar{
		{label: "x", color: "#000", value: 286, text: "286 ns"},
		{label: "y", color: "#111", value: 8610, text: "8.61 µs"},
	}}}}
	var b bytes.Buffer
	if err := writeSVG(&b, "t", []panel{p, {title: "lin", max: 100, groups: p.groups}}); err != nil {
		t.Fatal(err)
	}
	d := xml.NewDecoder(&b)
	for {
		if _, err := d.Token(); err == io.EOF {
			break
		} else if err != nil {
			t.Fatalf("SVG is not well-formed XML: %v", err)
		}
	}
}

func TestViewSummary(t *testing.T) {
	rs := []result{
		{Work: workView, N: 10, Count: 13, Nanos: 1300, View: &viewResult{HeapInuse: 2600, ViewLen: 23, KernelLen: 23, Exact: true, Resyncs: 1}},
		{Work: workView, N: 10, Count: 13, Nanos: 2600, View: &viewResult{HeapInuse: 1300, ViewLen: 22, KernelLen: 23, Diff: "1 missing from the view (first: x)", Resyncs: 3}},
		{Work: workView, N: 10, Err: "boom"},
	}
	s := summarize(rs)
	if s.ok != 2 || s.silentRuns != 0 || s.lossRuns != 0 {
		t.Fatalf("ok %d, silent %d, losses %d; want 2, 0, 0", s.ok, s.silentRuns, s.lossRuns)
	}
	if got, want := s.exactCell(), "**no** 1/2: 1 missing from the view (first: x)"; got != want {
		t.Errorf("exactCell = %q, want %q", got, want)
	}
	if got := s.perItem(s.view.heap, workView, 10); got != 150 {
		t.Errorf("heap per route = %v, want 150 (median 1950 over 13 routes)", got)
	}
	if s.view.resyncs != 2 || s.view.kernelLen != 23 {
		t.Errorf("resyncs %v, kernel %v; want 2, 23", s.view.resyncs, s.view.kernelLen)
	}
}

func TestTakingPart(t *testing.T) {
	cs := []contender{ours{}, oursStream{}}
	if got := keys(takingPart(workView, cs)); !slices.Equal(got, []string{"ours"}) {
		t.Errorf("view contenders = %v, want [ours]", got)
	}
	if got := takingPart(workBurst, cs); len(got) != 2 {
		t.Errorf("burst contenders = %v, want both", keys(got))
	}
}

func TestDescribeDiff(t *testing.T) {
	if got := describeDiff(nil, nil); got != "" {
		t.Errorf("describeDiff(nil, nil) = %q, want \"\"", got)
	}
	got := describeDiff([]string{"b", "a"}, []string{"c"})
	if want := "2 missing from the view (first: a); 1 only in the view (first: c)"; got != want {
		t.Errorf("describeDiff = %q, want %q", got, want)
	}
}
