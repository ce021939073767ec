//go:build linux

package netlink

import (
	"fmt"
	"testing"
	"time"
)

func TestStalledConsumerGetsOverrunMarker(t *testing.T) {
	ns := newTestNS(t)
	opts := ns.opts(RTMGRP_IPV4_ROUTE)
	opts.ReceiveBuffer = 16 << 10 // small, so that the kernel drops
	c, err := NewWithOpts(opts)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	ch := make(chan *Message) // unbuffered, and nobody reads yet
	c.Notify(ch)

	lines := make([]string, 3000)
	for i := range lines {
		lines[i] = fmt.Sprintf("route add 10.50.%d.%d/32 dev veth0", i/250, i%250)
	}
	ns.batch(lines)

	// Drain what the kernel kept: somewhere in it is the marker.
	sawOverrun := false
	afterOverrun := 0
	for drained := false; !drained; {
		select {
		case m := <-ch:
			switch {
			case m.Type == NLMSG_OVERRUN:
				sawOverrun = true
				if m.Length != HeaderLen || len(m.Data) != 0 {
					t.Errorf("overrun marker %v: want a bare header", m)
				}
			case sawOverrun:
				afterOverrun++
			}
		case <-time.After(300 * time.Millisecond):
			drained = true
		}
	}
	// The connection keeps reading after the overrun.
	ns.ip("route add 10.51.0.0/16 dev veth0")
	nextMatching(t, ch, isRoute(t, RTM_NEWROUTE, "10.51.0.0/16"))
	if !sawOverrun {
		t.Fatal("no NLMSG_OVERRUN marker in the stream of a stalled consumer")
	}
	if afterOverrun == 0 {
		t.Fatal("no queued message delivered after the overrun marker")
	}
	st := c.Stats()
	if st.Overruns == 0 {
		t.Errorf("Stats().Overruns = 0 after an overrun: %+v", st)
	}
	if st.Received >= 3001 {
		t.Errorf("received all %d messages: the kernel never dropped", st.Received)
	}
}

func TestCutDatagramIsReportedOnce(t *testing.T) {
	ns := newTestNS(t)
	c := ns.dial(0)
	c.readBufferSize = 256 // smaller than a link dump's datagram
	ch := make(chan *Message, 64)
	c.Notify(ch)
	req := linkDump()
	if err := c.SendMessage(req); err != nil {
		t.Fatal(err)
	}
	var types []uint16
	links := 0
	for {
		m := nextMatching(t, ch, func(*Message) bool { return true })
		types = append(types, m.Type)
		if m.Type == RTM_NEWLINK {
			links++
		}
		if m.Type == NLMSG_DONE {
			break
		}
	}
	if types[0] != NLMSG_OVERRUN {
		t.Errorf("stream %v: want the marker first, for the cut datagram", types)
	}
	if st := c.Stats(); st.Truncated != 1 {
		t.Errorf("Stats().Truncated = %d, want 1", st.Truncated)
	}
	// The next dump arrives whole: datagrams are now sized first.
	req2 := linkDump()
	if err := c.SendMessage(req2); err != nil {
		t.Fatal(err)
	}
	got := 0
	for {
		m := nextMatching(t, ch, func(*Message) bool { return true })
		if m.Type == NLMSG_OVERRUN {
			t.Fatal("a second datagram was cut")
		}
		if m.Type == RTM_NEWLINK {
			got++
		}
		if m.Type == NLMSG_DONE {
			break
		}
	}
	if got != 3 {
		t.Errorf("second dump: %d links, want 3", got)
	}
}
