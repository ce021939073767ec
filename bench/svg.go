package main

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"strings"
)

// A chart is panels of horizontal bars, one group of bars per N and one
// bar per contender, drawn as hand-written SVG.
type panel struct {
	title  string
	log    bool    // log10 scale; otherwise linear from 0 to max
	max    float64 // the linear scale's end
	groups []group
}

type group struct {
	title string
	bars  []bar
}

type bar struct {
	label string  // the contender
	color string  // its colour
	value float64 // the bar's length in the panel's unit
	text  string  // printed after the bar
}

// colors gives each contender a colour; ours stands out.
var colors = map[string]string{
	"ours":        "#d62728",
	"ours-stream": "#ff9896",
	"vishvananda": "#1f77b4",
	"rtnetlink":   "#2ca02c",
	"bare":        "#7f7f7f",
}

// panels builds the chart's panels from the report: dump time per route,
// burst deliveries, burst CPU per notification, and the route view's
// start time per route.
func (rp *report) panels() []panel {
	var ps []panel
	for _, work := range rp.works {
		switch work {
		case workDump:
			ps = append(ps, rp.panel("Typed dump of the main table: time per route (log scale, shorter is faster)", true, work,
				func(s summary, n int) (float64, string) {
					v := s.perItem(s.nanos, work, n)
					return v, dur(v) + fmt.Sprintf(" · %.2f allocs", s.perItem(s.mallocs, work, n))
				}))
		case workBurst, workBurst5us:
			consumer := "prompt consumer"
			if work == workBurst5us {
				consumer = "consumer busy 5 µs per message"
			}
			p := rp.panel("Burst of N route additions, "+consumer+": notifications delivered (% of N)", false, work,
				func(s summary, n int) (float64, string) {
					return 100 * s.count / float64(n), s.delivered(n) + " · losses reported: " + strings.ReplaceAll(s.lossCell(), "**", "")
				})
			p.max = 100
			ps = append(ps, p)
			if work == workBurst {
				ps = append(ps, rp.panel("Burst, prompt consumer: subscriber CPU per notification delivered (log scale, shorter is cheaper)", true, work,
					func(s summary, n int) (float64, string) {
						v := s.perItem(s.cpu, work, n)
						return v, dur(v)
					}))
			}
		case workView:
			ps = append(ps, rp.panel("Route view started on N routes: time per route (log scale, shorter is faster)", true, work,
				func(s summary, n int) (float64, string) {
					v := s.perItem(s.nanos, work, n)
					exact := "exact"
					if s.view.exactRuns < s.ok || s.diedRuns > 0 {
						exact = "NOT exact"
					}
					return v, dur(v) + fmt.Sprintf(" · heap %.0f B · %s after a burst of N, %v resyncs",
						s.perItem(s.view.heap, work, n), exact, s.view.resyncs)
				}))
		}
	}
	return ps
}

// panel builds one panel; measure gives a cell's bar length and text.
func (rp *report) panel(title string, log bool, work string, measure func(summary, int) (float64, string)) panel {
	p := panel{title: title, log: log}
	for _, n := range rp.ns {
		g := group{title: "N = " + count(n)}
		for _, c := range rp.cs {
			s, ok := rp.sum(n, work, c.Key())
			if !ok {
				continue
			}
			color, ok := colors[c.Key()]
			if !ok {
				color = "#9467bd"
			}
			v, text := measure(s, n)
			g.bars = append(g.bars, bar{label: c.Label(), color: color, value: v, text: text})
		}
		if len(g.bars) > 0 {
			p.groups = append(p.groups, g)
		}
	}
	return p
}

// Geometry of the chart, in pixels.
const (
	svgWidth  = 1060
	barLeft   = 230 // where bars start; labels sit to the left
	barWidth  = 480 // the scale's full length
	barHeight = 16
	rowHeight = 21
)

// writeSVG draws the panels under a title.
func writeSVG(w io.Writer, title string, panels []panel) error {
	var body bytes.Buffer
	y := 30
	fmt.Fprintf(&body, `<text x="10" y="20" font-size="15" font-weight="bold">%s</text>`+"\n", esc(title))
	for _, p := range panels {
		if len(p.groups) == 0 {
			continue
		}
		y += 16
		fmt.Fprintf(&body, `<text x="10" y="%d" font-size="13" font-weight="bold">%s</text>`+"\n", y, esc(p.title))
		y += 8
		scale, ticks := p.scale()
		top := y + 14
		for _, g := range p.groups {
			y += 14
			fmt.Fprintf(&body, `<text x="10" y="%d" font-style="italic">%s</text>`+"\n", y+12, esc(g.title))
			y += 14
			for _, b := range g.bars {
				l := scale(b.value)
				fmt.Fprintf(&body, `<text x="%d" y="%d" text-anchor="end">%s</text>`+"\n", barLeft-6, y+12, esc(b.label))
				fmt.Fprintf(&body, `<rect x="%d" y="%d" width="%.1f" height="%d" fill="%s"/>`+"\n", barLeft, y, l, barHeight, b.color)
				fmt.Fprintf(&body, `<text x="%.1f" y="%d">%s</text>`+"\n", float64(barLeft)+l+5, y+12, esc(b.text))
				y += rowHeight
			}
		}
		for _, t := range ticks {
			x := float64(barLeft) + scale(t.value)
			fmt.Fprintf(&body, `<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="#ccc" stroke-dasharray="2,3"/>`+"\n", x, top, x, y)
			fmt.Fprintf(&body, `<text x="%.1f" y="%d" text-anchor="middle" font-size="10" fill="#555">%s</text>`+"\n", x, top-2, esc(t.text))
		}
		y += 6
	}
	_, err := fmt.Fprintf(w, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" font-family="sans-serif" font-size="12">
<rect width="100%%" height="100%%" fill="white"/>
%s</svg>
`, svgWidth, y+10, svgWidth, y+10, body.String())
	return err
}

// tick is a mark on a panel's scale.
type tick struct {
	value float64
	text  string
}

// scale returns the function from a value to a bar length, and the ticks.
// A log scale spans whole decades around the values.
func (p panel) scale() (func(float64) float64, []tick) {
	if !p.log {
		max := p.max
		if max <= 0 {
			max = 1
		}
		var ticks []tick
		for i := 0; i <= 4; i++ {
			v := max * float64(i) / 4
			ticks = append(ticks, tick{v, fmt.Sprintf("%g%%", v)})
		}
		return func(v float64) float64 { return barWidth * math.Min(math.Max(v, 0), max) / max }, ticks
	}
	lo, hi := math.Inf(1), 0.0
	for _, g := range p.groups {
		for _, b := range g.bars {
			if b.value > 0 {
				lo, hi = math.Min(lo, b.value), math.Max(hi, b.value)
			}
		}
	}
	if hi == 0 {
		lo, hi = 1, 10
	}
	a, z := math.Floor(math.Log10(lo)), math.Ceil(math.Log10(hi))
	if math.Log10(lo)-a < 0.15 { // keep the shortest bar visible
		a--
	}
	if z <= a {
		z = a + 1
	}
	var ticks []tick
	for e := a; e <= z; e++ {
		ticks = append(ticks, tick{math.Pow(10, e), dur(math.Pow(10, e))})
	}
	return func(v float64) float64 {
		if v <= 0 {
			return 0
		}
		return barWidth * math.Max(0, math.Log10(v)-a) / (z - a)
	}, ticks
}

// esc escapes s for SVG text.
func esc(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}
