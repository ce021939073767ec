//go:build linux

package netlink

import (
	"context"
	"errors"
	"fmt"
	"net/netip"
	"os/exec"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// linkDump is an RTM_GETLINK dump request (struct ifinfomsg payload).
func linkDump() *Message {
	return &Message{Header: Header{Type: RTM_GETLINK, Flags: NLM_F_DUMP}, Data: make([]byte, 16)}
}

func TestExecuteDump(t *testing.T) {
	ns := newTestNS(t)
	c := ns.dial(0)
	m := linkDump()
	msgs, err := c.Execute(context.Background(), m)
	if err != nil {
		t.Fatal(err)
	}
	if len(msgs) != 3 { // lo, veth0, veth1
		t.Fatalf("%d links, want 3: %v", len(msgs), msgs)
	}
	for _, r := range msgs {
		if r.Type != RTM_NEWLINK || r.Seq != m.Seq {
			t.Errorf("reply %v: want RTM_NEWLINK with seq %d", r, m.Seq)
		}
	}
	// The request socket is not the notification socket.
	if st := c.Stats(); st.Received != 0 {
		t.Errorf("notification socket received %d messages", st.Received)
	}
}

func TestExecuteKernelErrorWithExtendedAck(t *testing.T) {
	ns := newTestNS(t)
	c := ns.dial(0)
	// Strict checking refuses a route dump whose header sets dst_len.
	data := make([]byte, 12)
	data[0] = unix.AF_INET
	data[1] = 8
	_, err := c.Execute(context.Background(), &Message{Header: Header{Type: RTM_GETROUTE, Flags: NLM_F_DUMP}, Data: data})
	var ke *Error
	if !errors.As(err, &ke) || !errors.Is(err, unix.EINVAL) {
		t.Fatalf("err = %v, want a kernel *Error matching EINVAL", err)
	}
	if ke.Message == "" {
		t.Errorf("no extended ack text in %v", ke)
	}
	// The socket is still usable.
	if _, err := c.Execute(context.Background(), linkDump()); err != nil {
		t.Fatalf("request after an error: %v", err)
	}
}

func TestExecuteAckedChange(t *testing.T) {
	ns := newTestNS(t)
	c := ns.dial(0)
	data := make([]byte, 12)
	data[0], data[1], data[4], data[5], data[6], data[7] = unix.AF_INET, 16, RT_TABLE_MAIN, RTPROT_STATIC, RT_SCOPE_LINK, RTN_UNICAST
	ae := NewAttributeEncoder(data)
	ae.Attr(RTA_DST, []byte{10, 70, 0, 0})
	ae.Uint32(RTA_OIF, uint32(ns.ifindex("veth0")))
	req := &Message{Header: Header{Type: RTM_NEWROUTE, Flags: NLM_F_CREATE | NLM_F_EXCL}, Data: ae.Bytes()}
	msgs, err := c.Execute(context.Background(), req)
	if err != nil || len(msgs) != 0 {
		t.Fatalf("add route: %v, %v", msgs, err)
	}
	if req.Flags&NLM_F_ACK == 0 || req.Seq == 0 {
		t.Errorf("request header %v: want ACK and a sequence number", req.Header)
	}
	req.Seq, req.Length = 0, 0
	_, err = c.Execute(context.Background(), req)
	if !errors.Is(err, unix.EEXIST) {
		t.Fatalf("second add: %v, want EEXIST", err)
	}
}

func TestExecuteBadInput(t *testing.T) {
	ns := newTestNS(t)
	c := ns.dial(0)
	if _, err := c.Execute(context.Background(), nil); !errors.Is(err, ErrInvalidOptions) {
		t.Errorf("nil message: %v", err)
	}
	bad := linkDump()
	bad.Length = 3
	if _, err := c.Execute(context.Background(), bad); !errors.Is(err, ErrMalformed) {
		t.Errorf("bad length: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := c.Execute(ctx, linkDump()); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled context: %v", err)
	}
}

// fillRoutes adds n /32 routes under 10.<base>.0.0 with ip -batch.
func fillRoutes(ns *testNS, base, n int) {
	lines := make([]string, n)
	for i := range lines {
		lines[i] = fmt.Sprintf("route add 10.%d.%d.%d/32 dev veth0", base+i/65536, i/256%256, i%256)
	}
	ns.batch(lines)
}

// routeDump is an IPv4 route dump request.
func routeDump() *Message {
	data := make([]byte, 12)
	data[0] = unix.AF_INET
	return &Message{Header: Header{Type: RTM_GETROUTE, Flags: NLM_F_DUMP}, Data: data}
}

func TestExecuteCancelMidDump(t *testing.T) {
	ns := newTestNS(t)
	fillRoutes(ns, 100, 20_000)
	c := ns.dial(0)
	ctx, cancel := context.WithCancel(context.Background())
	var calls atomic.Int64
	h := Header{Type: RTM_GETROUTE, Flags: NLM_F_DUMP}
	err := c.request(ctx, &h, routeDump().Data, func(Header, []byte) error {
		if calls.Add(1) == 100 {
			cancel()
			time.Sleep(50 * time.Millisecond) // let the deadline land
		}
		return nil
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled dump: %v after %d messages", err, calls.Load())
	}
	if calls.Load() >= 20_000 {
		t.Errorf("the dump ran to its end (%d messages) despite cancellation", calls.Load())
	}
	// A new request does not see the abandoned dump's replies.
	msgs, err := c.Execute(context.Background(), linkDump())
	if err != nil || len(msgs) != 3 {
		t.Fatalf("request after cancellation: %d messages, %v", len(msgs), err)
	}
}

func TestExecuteTimeout(t *testing.T) {
	ns := newTestNS(t)
	fillRoutes(ns, 100, 20_000)
	c := ns.dial(0)
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	h := Header{Type: RTM_GETROUTE, Flags: NLM_F_DUMP}
	err := c.request(ctx, &h, routeDump().Data, func(Header, []byte) error {
		time.Sleep(time.Millisecond) // a slow consumer
		return nil
	})
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want DeadlineExceeded", err)
	}
}

func TestCloseEndsRequest(t *testing.T) {
	ns := newTestNS(t)
	fillRoutes(ns, 100, 20_000)
	c := ns.dial(0)
	started := make(chan struct{})
	done := make(chan error, 1)
	go func() {
		var once atomic.Bool
		h := Header{Type: RTM_GETROUTE, Flags: NLM_F_DUMP}
		done <- c.request(context.Background(), &h, routeDump().Data, func(Header, []byte) error {
			if once.CompareAndSwap(false, true) {
				close(started)
			}
			time.Sleep(time.Millisecond)
			return nil
		})
	}()
	<-started
	c.Close()
	select {
	case err := <-done:
		if !errors.Is(err, ErrClosed) {
			t.Errorf("request ended with %v, want ErrClosed", err)
		}
	case <-time.After(recvTimeout):
		t.Fatal("Close did not end the request")
	}
	if _, err := c.Execute(context.Background(), linkDump()); !errors.Is(err, ErrClosed) {
		t.Errorf("Execute after Close: %v, want ErrClosed", err)
	}
}

func TestExecuteDumpInterrupted(t *testing.T) {
	ns := newTestNS(t)
	lines := make([]string, 5000)
	for i := range lines {
		lines[i] = fmt.Sprintf("addr add 10.60.%d.%d/32 dev veth0", i/256, i%256)
	}
	ns.batch(lines)
	c := ns.dial(0)
	stop := make(chan struct{})
	changer := make(chan struct{})
	go func() {
		defer close(changer)
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			ns.tryIP(fmt.Sprintf("addr add 10.61.%d.%d/32 dev veth1", i/256%256, i%256))
		}
	}()
	defer func() { close(stop); <-changer }()
	for attempt := 0; attempt < 200; attempt++ {
		msgs, err := c.Execute(context.Background(), &Message{Header: Header{Type: RTM_GETADDR, Flags: NLM_F_DUMP}, Data: make([]byte, 8)})
		if errors.Is(err, ErrDumpInterrupted) {
			if len(msgs) < 5000 {
				t.Errorf("interrupted dump returned %d messages, want all of at least 5000", len(msgs))
			}
			return
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	t.Fatal("no dump was interrupted by 200 dumps during concurrent changes")
}

func TestRequestFromRangeCallbackFails(t *testing.T) {
	ns := newTestNS(t)
	ns.ip("route add 10.70.0.0/16 via 10.0.0.5")
	c := ns.dial(0)
	var inner error
	called := false
	err := c.RangeRoutes(context.Background(), RouteFilter{Family: unix.AF_INET}, func(r *Route) bool {
		called = true
		inner = c.DeleteRoute(context.Background(), r)
		return false
	})
	if err != nil || !called {
		t.Fatalf("RangeRoutes: %v (called %v)", err, called)
	}
	if !errors.Is(inner, ErrInvalidOptions) {
		t.Errorf("request from the callback: %v, want ErrInvalidOptions", inner)
	}
}

func TestRequestWaitingBehindAnotherHonoursContext(t *testing.T) {
	ns := newTestNS(t)
	c := ns.dial(0)
	started := make(chan struct{})
	release := make(chan struct{})
	go func() {
		c.RangeRoutes(context.Background(), RouteFilter{Family: unix.AF_INET}, func(*Route) bool {
			close(started)
			<-release
			return false
		})
	}()
	<-started
	defer close(release)
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	begin := time.Now()
	_, err := c.ListRoutes(ctx, RouteFilter{})
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("err = %v, want DeadlineExceeded", err)
	}
	if d := time.Since(begin); d > 2*time.Second {
		t.Errorf("the request waited %v past its deadline", d)
	}
}

func TestRequestSocketStaysInTheConnectionsNamespace(t *testing.T) {
	ns := newTestNS(t)
	ns.ip("route add 10.71.0.0/16 via 10.0.0.5")
	c := ns.dial(0) // the request socket opens lazily, below
	// The name now points to another, empty namespace.
	for _, args := range [][]string{{"netns", "del", ns.name}, {"netns", "add", ns.name}} {
		if out, err := exec.Command("ip", args...).CombinedOutput(); err != nil {
			t.Fatalf("ip %v: %v: %s", args, err, out)
		}
	}
	routes, err := c.ListRoutes(context.Background(), RouteFilter{Family: unix.AF_INET, Table: RT_TABLE_MAIN})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, r := range routes {
		found = found || r.Dst == netip.MustParsePrefix("10.71.0.0/16")
	}
	if !found {
		t.Errorf("the request socket is not in the connection's namespace: %v", routes)
	}
}
