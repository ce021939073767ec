//go:build linux && !race

// The burst test measures whether a prompt consumer keeps up with the
// kernel on default options; the race detector slows the consumer by an
// order of magnitude, so .ci/run runs this file in a separate pass
// without -race.

package netlink

import (
	"fmt"
	"testing"
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
	done := make(chan struct{})
	go func() {
		defer close(done)
		ns.batch(lines)
	}()
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
	<-done
	if st := c.Stats(); st.Overruns != 0 || st.Delivered < n {
		t.Errorf("stats %+v: want no overrun and %d delivered", st, n)
	}
}
