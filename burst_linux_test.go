//go:build linux && !race

// The burst test measures whether a prompt consumer keeps up with the
// kernel on default options; the race detector slows the consumer by an
// order of magnitude, so .ci/run runs this file in a separate pass
// without -race.

package netlink

import (
	"context"
	"fmt"
	"testing"

	"golang.org/x/sys/unix"
)

func TestBurstReachesPromptConsumerWithoutLoss(t *testing.T) {
	const n = 100_000
	ns := newTestNS(t)
	c := ns.new() // default options
	ch := make(chan *Message, 1024)
	c.Notify(ch)

	lines := make([]string, n)
	for i := range lines {
		lines[i] = fmt.Sprintf("route add 10.%d.%d.%d/32 dev veth0", 100+i/65536, i/256%256, i%256)
	}
	done := make(chan error, 1)
	go func() { done <- ns.tryBatch(lines) }()
	got := 0
	for got < n {
		m := nextMatching(t, ch, func(*Message) bool { return true })
		switch m.Type {
		case NLMSG_OVERRUN:
			t.Fatalf("overrun after %d of %d notifications", got, n)
		case RTM_NEWROUTE:
			got++
		}
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if st := c.Stats(); st.Overruns != 0 || st.Delivered < n {
		t.Errorf("stats %+v: want no overrun and %d delivered", st, n)
	}
}

func TestListMillionRoutes(t *testing.T) {
	const n = 1_000_000
	ns := newTestNS(t)
	fillRoutes(ns, 100, n)
	c := ns.dial(0)
	count := 0
	seen := make([]bool, n)
	err := c.RangeRoutes(context.Background(), RouteFilter{Family: unix.AF_INET, Table: RT_TABLE_MAIN}, func(r *Route) bool {
		a := r.Dst.Addr().As4()
		if a[0] != 10 || r.Dst.Bits() != 32 {
			return true // the connected routes
		}
		i := (int(a[1])-100)<<16 | int(a[2])<<8 | int(a[3])
		if i < 0 || i >= n || seen[i] {
			t.Errorf("unexpected or repeated route %v", r.Dst)
			return false
		}
		seen[i] = true
		count++
		return true
	})
	if err != nil {
		t.Fatal(err)
	}
	if count != n {
		t.Fatalf("dump returned %d of %d routes", count, n)
	}
}
