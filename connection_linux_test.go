//go:build linux

package netlink

import (
	"encoding/binary"
	"errors"
	"fmt"
	"net"
	"os"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// recvTimeout is how long a test waits for an expected message.
const recvTimeout = 10 * time.Second

// nextMatching reads ch until a message satisfies ok, failing the test
// after recvTimeout or when ch closes.
func nextMatching(t *testing.T, ch <-chan *Message, ok func(*Message) bool) *Message {
	t.Helper()
	timer := time.NewTimer(recvTimeout)
	defer timer.Stop()
	for {
		select {
		case m, open := <-ch:
			if !open {
				t.Fatal("channel closed while waiting for a message")
			}
			if ok(m) {
				return m
			}
		case <-timer.C:
			t.Fatal("timed out waiting for a message")
		}
	}
}

// isRoute matches a route message of type typ with destination dst.
func isRoute(t *testing.T, typ uint16, dst string) func(*Message) bool {
	return func(m *Message) bool {
		return m.Type == typ && routeDst(t, m) == dst
	}
}

func TestNewDeliversIPv4RouteAddAndDelete(t *testing.T) {
	ns := newTestNS(t)
	c := ns.new()
	ch := make(chan *Message, 16)
	c.Notify(ch)

	ns.ip("route add 10.1.0.0/16 via 10.0.0.2")
	m := nextMatching(t, ch, isRoute(t, RTM_NEWROUTE, "10.1.0.0/16"))
	// The kernel copies the seq and port of the request that made the
	// change (here ip's) into the notification's header.
	if m.Pid == 0 || m.Pid == c.Port() {
		t.Errorf("notification header %v: want the port of ip's request", m.Header)
	}
	if int(m.Length) != HeaderLen+len(m.Data) {
		t.Errorf("Length %d, want %d", m.Length, HeaderLen+len(m.Data))
	}
	ns.ip("route del 10.1.0.0/16")
	nextMatching(t, ch, isRoute(t, RTM_DELROUTE, "10.1.0.0/16"))
}

func TestNewIgnoresIPv6AndAddressEvents(t *testing.T) {
	ns := newTestNS(t)
	c := ns.new()
	ch := make(chan *Message, 64)
	c.Notify(ch)

	ns.ip("-6 route add 2001:db8:1::/48 dev veth0")
	ns.ip("addr add 10.9.9.9/32 dev veth0")
	ns.ip("-6 addr add 2001:db8:9::9/128 dev veth0 nodad")
	ns.ip("route add 10.2.0.0/16 dev veth0") // the sentinel
	m := nextMatching(t, ch, func(*Message) bool { return true })
	if m.Type != RTM_NEWROUTE || m.Data[0] != unix.AF_INET {
		t.Fatalf("first message %v (family %d): want the IPv4 sentinel route", m, m.Data[0])
	}
	for m.Type == RTM_NEWROUTE && routeDst(t, m) != "10.2.0.0/16" {
		// The IPv4 address added local and broadcast routes: IPv4,
		// so expected; anything else is not.
		if m.Data[0] != unix.AF_INET {
			t.Fatalf("got non-IPv4 route message %v", m)
		}
		m = nextMatching(t, ch, func(*Message) bool { return true })
	}
	if m.Type != RTM_NEWROUTE {
		t.Fatalf("got %v, want only IPv4 route messages", m)
	}
}

func TestNewWithOptsIPv6Routes(t *testing.T) {
	ns := newTestNS(t)
	c := ns.dial(RTMGRP_IPV6_ROUTE)
	ch := make(chan *Message, 16)
	c.Notify(ch)
	ns.ip("-6 route add 2001:db8:1::/48 dev veth0")
	m := nextMatching(t, ch, isRoute(t, RTM_NEWROUTE, "2001:db8:1::/48"))
	if m.Data[0] != unix.AF_INET6 {
		t.Errorf("family %d, want AF_INET6", m.Data[0])
	}
}

func TestNewWithOptsJoinGroups(t *testing.T) {
	ns := newTestNS(t)
	opts := ns.opts(0)
	opts.JoinGroups = []uint32{RTNLGRP_IPV4_IFADDR}
	c, err := NewWithOpts(opts)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	ch := make(chan *Message, 16)
	c.Notify(ch)
	ns.ip("addr add 10.7.7.7/32 dev veth0")
	nextMatching(t, ch, func(m *Message) bool { return m.Type == RTM_NEWADDR })
}

func TestNewWithOptsErrors(t *testing.T) {
	if _, err := NewWithOpts(nil); !errors.Is(err, ErrInvalidOptions) {
		t.Errorf("NewWithOpts(nil) = %v, want ErrInvalidOptions", err)
	}
	if _, err := NewWithOpts(&ConnectionOptions{Family: 40}); !errors.Is(err, ErrInvalidOptions) {
		t.Errorf("family 40: %v, want ErrInvalidOptions", err)
	}
	// Family 1 is unused (NETLINK_UNUSED): the kernel refuses it.
	if _, err := NewWithOpts(&ConnectionOptions{Family: 1}); !errors.Is(err, unix.EPROTONOSUPPORT) {
		t.Errorf("family 1: %v, want EPROTONOSUPPORT", err)
	}
	if _, err := NewWithOpts(&ConnectionOptions{Family: NETLINK_ROUTE, NetNS: "nltest-does-not-exist"}); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing namespace: %v, want ErrNotExist", err)
	}
}

func TestReceiveBufferDefaultIsLarge(t *testing.T) {
	ns := newTestNS(t)
	c := ns.dial(0)
	n, err := c.ReceiveBuffer()
	if err != nil {
		t.Fatal(err)
	}
	// Root may force the size; the kernel reports twice what was set.
	if n < 2*DefaultReceiveBuffer {
		t.Errorf("receive buffer %d, want at least %d", n, 2*DefaultReceiveBuffer)
	}
	opts := ns.opts(0)
	opts.ReceiveBuffer = 1 << 20
	c2, err := NewWithOpts(opts)
	if err != nil {
		t.Fatal(err)
	}
	defer c2.Close()
	if n, _ := c2.ReceiveBuffer(); n != 2<<20 {
		t.Errorf("receive buffer %d, want %d", n, 2<<20)
	}
}

func TestNotifyTakesPrecedenceOverHandle(t *testing.T) {
	for _, order := range []string{"handle-then-notify", "notify-then-handle"} {
		t.Run(order, func(t *testing.T) {
			ns := newTestNS(t)
			c := ns.new()
			var handled atomic.Int64
			h := func(*Message) { handled.Add(1) }
			ch := make(chan *Message, 16)
			if order == "handle-then-notify" {
				c.Handle(h)
				c.Notify(ch)
			} else {
				c.Notify(ch)
				c.Handle(h)
			}
			ns.ip("route add 10.3.0.0/16 dev veth0")
			nextMatching(t, ch, isRoute(t, RTM_NEWROUTE, "10.3.0.0/16"))
			if n := handled.Load(); n != 0 {
				t.Errorf("handler called %d times after Notify", n)
			}
		})
	}
}

func TestHandleReceivesRoutes(t *testing.T) {
	ns := newTestNS(t)
	c := ns.new()
	ch := make(chan *Message, 16)
	c.Handle(func(m *Message) { ch <- m })
	ns.ip("route add 10.4.0.0/16 dev veth0")
	nextMatching(t, ch, isRoute(t, RTM_NEWROUTE, "10.4.0.0/16"))
}

func TestChangeBeforeNotifyIsDelivered(t *testing.T) {
	ns := newTestNS(t)
	c := ns.new()
	ns.ip("route add 10.5.0.0/16 dev veth0") // before anyone listens
	ch := make(chan *Message, 16)
	c.Notify(ch)
	nextMatching(t, ch, isRoute(t, RTM_NEWROUTE, "10.5.0.0/16"))
}

func TestCloseEndsRange(t *testing.T) {
	ns := newTestNS(t)
	c := ns.new()
	ch := make(chan *Message)
	c.Notify(ch)
	ended := make(chan struct{})
	go func() {
		for range ch {
		}
		close(ended)
	}()
	ns.ip("route add 10.6.0.0/16 dev veth0")
	time.Sleep(50 * time.Millisecond)
	if err := c.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	select {
	case <-ended:
	case <-time.After(recvTimeout):
		t.Fatal("range over the Notify channel did not end after Close")
	}
	if err := c.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
	checkNoReader(t)
}

func TestCloseUnblocksReaderOnFullChannel(t *testing.T) {
	ns := newTestNS(t)
	c := ns.new()
	ch := make(chan *Message) // nobody reads: the reader blocks on send
	c.Notify(ch)
	ns.ip("route add 10.6.0.0/16 dev veth0")
	deadline := time.Now().Add(recvTimeout)
	for c.Stats().Received == 0 && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	done := make(chan error, 1)
	go func() { done <- c.Close() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("Close: %v", err)
		}
	case <-time.After(recvTimeout):
		t.Fatal("Close blocked behind a reader stuck on a full channel")
	}
	if _, open := <-ch; open {
		// One message may have been in flight; the channel must then
		// be closed right after it.
		if _, open := <-ch; open {
			t.Fatal("channel still open after Close")
		}
	}
	checkNoReader(t)
}

func TestCloseUnblocksIdleReader(t *testing.T) {
	ns := newTestNS(t)
	c := ns.dial(RTMGRP_IPV4_ROUTE)
	c.Handle(func(*Message) {})
	time.Sleep(20 * time.Millisecond) // let the reader block in the poller
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	checkNoReader(t)
}

func TestHandlerNotCalledAfterClose(t *testing.T) {
	ns := newTestNS(t)
	c := ns.new()
	var closed atomic.Bool
	var late atomic.Int64
	c.Handle(func(*Message) {
		if closed.Load() {
			late.Add(1)
		}
	})
	lines := make([]string, 2000)
	for i := range lines {
		lines[i] = fmt.Sprintf("route add 10.20.%d.%d/32 dev veth0", i/250, i%250)
	}
	batched := make(chan error, 1)
	go func() { batched <- ns.tryBatch(lines) }()
	time.Sleep(20 * time.Millisecond)
	c.Close()
	closed.Store(true)
	if err := <-batched; err != nil {
		t.Fatal(err)
	}
	time.Sleep(100 * time.Millisecond)
	if n := late.Load(); n != 0 {
		t.Errorf("handler called %d times after Close returned", n)
	}
	checkNoReader(t)
}

func TestHandlerMayCallClose(t *testing.T) {
	ns := newTestNS(t)
	c := ns.new()
	returned := make(chan error, 1)
	var once sync.Once
	c.Handle(func(*Message) { once.Do(func() { returned <- c.Close() }) })
	ns.ip("route add 10.8.0.0/16 dev veth0")
	select {
	case err := <-returned:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(recvTimeout):
		t.Fatal("Close called from the handler deadlocked")
	}
	checkNoReader(t)
}

func TestNotifyAfterClose(t *testing.T) {
	ns := newTestNS(t)
	c := ns.new()
	c.Close()
	ch := make(chan *Message, 1)
	c.Notify(ch)
	if _, open := <-ch; open {
		t.Fatal("Notify after Close: channel not closed")
	}
	c.Handle(func(*Message) { t.Error("handler called on a closed connection") })
	if err := c.SendMessage(&Message{Header: Header{Type: RTM_GETROUTE}}); !errors.Is(err, ErrClosed) || !errors.Is(err, net.ErrClosed) {
		t.Errorf("SendMessage after Close = %v, want ErrClosed", err)
	}
}

// rtgenmsg returns the payload of a dump request for family.
func rtmsgFor(family uint8) []byte {
	b := make([]byte, 12)
	b[0] = family
	return b
}

func TestSendMessageDump(t *testing.T) {
	ns := newTestNS(t)
	want := map[string]bool{}
	var lines []string
	for i := 0; i < 600; i++ {
		dst := fmt.Sprintf("10.30.%d.%d/32", i/200, i%200)
		want[dst] = true
		lines = append(lines, "route add "+dst+" dev veth0")
	}
	ns.batch(lines)
	c := ns.dial(0)
	ch := make(chan *Message, 64)
	c.Notify(ch)
	m := &Message{Header: Header{Type: RTM_GETROUTE, Flags: NLM_F_DUMP}, Data: rtmsgFor(unix.AF_INET)}
	if err := c.SendMessage(m); err != nil {
		t.Fatal(err)
	}
	if m.Seq == 0 || m.Length != uint32(HeaderLen+12) || m.Flags&NLM_F_REQUEST == 0 {
		t.Fatalf("SendMessage did not write back the header it sent: %v", m.Header)
	}
	got := map[string]bool{}
	for {
		r := nextMatching(t, ch, func(*Message) bool { return true })
		if r.Seq != m.Seq {
			t.Fatalf("reply %v: seq %d, want %d", r, r.Seq, m.Seq)
		}
		if r.Pid != c.Port() {
			t.Fatalf("reply %v: pid %d, want port %d", r, r.Pid, c.Port())
		}
		if r.Type == NLMSG_DONE {
			break
		}
		if r.Type != RTM_NEWROUTE {
			t.Fatalf("unexpected reply %v", r)
		}
		got[routeDst(t, r)] = true
	}
	for dst := range want {
		if !got[dst] {
			t.Errorf("dump lacks %s", dst)
		}
	}
	// A second message gets the next sequence number.
	m2 := &Message{Header: Header{Type: RTM_GETROUTE, Flags: NLM_F_DUMP}, Data: rtmsgFor(unix.AF_INET)}
	if err := c.SendMessage(m2); err != nil {
		t.Fatal(err)
	}
	if m2.Seq != m.Seq+1 {
		t.Errorf("second seq %d, want %d", m2.Seq, m.Seq+1)
	}
}

func TestSendMessageKernelError(t *testing.T) {
	ns := newTestNS(t)
	c := ns.dial(0)
	ch := make(chan *Message, 4)
	c.Notify(ch)
	// Deleting a route that does not exist: ESRCH.
	data := rtmsgFor(unix.AF_INET)
	data[1] = 32 // dst_len
	data[4] = 254
	ae := NewAttributeEncoder(data)
	ae.Uint32(RTA_DST, 0x0a0b0c0d)
	m := &Message{Header: Header{Type: RTM_DELROUTE, Flags: NLM_F_ACK}, Data: ae.Bytes()}
	if err := c.SendMessage(m); err != nil {
		t.Fatal(err)
	}
	r := nextMatching(t, ch, func(*Message) bool { return true })
	if r.Type != NLMSG_ERROR || r.Seq != m.Seq {
		t.Fatalf("reply %v, want NLMSG_ERROR with seq %d", r, m.Seq)
	}
	if code := int32(binary.NativeEndian.Uint32(r.Data)); unix.Errno(-code) != unix.ESRCH {
		t.Errorf("error code %d, want -ESRCH", code)
	}
}

func TestSendMessageBadInput(t *testing.T) {
	ns := newTestNS(t)
	c := ns.dial(0)
	if err := c.SendMessage(nil); !errors.Is(err, ErrInvalidOptions) {
		t.Errorf("nil message: %v", err)
	}
	m := &Message{Header: Header{Type: RTM_GETROUTE, Length: 99}, Data: make([]byte, 12)}
	if err := c.SendMessage(m); !errors.Is(err, ErrMalformed) {
		t.Errorf("Length disagreeing with Data: %v, want ErrMalformed", err)
	}
}

func TestForgedBroadcastIsDropped(t *testing.T) {
	ns := newTestNS(t)
	c := ns.new()
	ch := make(chan *Message, 16)
	c.Notify(ch)

	// A user-space process with CAP_NET_ADMIN broadcasts a fake route.
	var fd int
	err := inNetNS(ns.name, func() error {
		var err error
		fd, err = unix.Socket(unix.AF_NETLINK, unix.SOCK_RAW|unix.SOCK_CLOEXEC, unix.NETLINK_ROUTE)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	defer unix.Close(fd)
	if err := unix.Bind(fd, &unix.SockaddrNetlink{Family: unix.AF_NETLINK}); err != nil {
		t.Fatal(err)
	}
	data := rtmsgFor(unix.AF_INET)
	data[1] = 32
	ae := NewAttributeEncoder(data)
	ae.Attr(RTA_DST, []byte{10, 66, 66, 66})
	forged := Message{Header: Header{Type: RTM_NEWROUTE, Pid: 0}, Data: ae.Bytes()}
	b, err := forged.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	if err := unix.Sendto(fd, b, 0, &unix.SockaddrNetlink{Family: unix.AF_NETLINK, Groups: RTMGRP_IPV4_ROUTE}); err != nil {
		t.Fatalf("forged broadcast: %v", err)
	}
	ns.ip("route add 10.9.0.0/16 dev veth0") // the sentinel
	for {
		m := nextMatching(t, ch, func(m *Message) bool { return m.Type == RTM_NEWROUTE })
		dst := routeDst(t, m)
		if dst == "10.66.66.66/32" {
			t.Fatal("forged broadcast was delivered")
		}
		if dst == "10.9.0.0/16" {
			break
		}
	}
	if n := c.Stats().ForeignDropped; n != 1 {
		t.Errorf("ForeignDropped = %d, want 1", n)
	}
}

func TestMessagesOwnTheirData(t *testing.T) {
	ns := newTestNS(t)
	c := ns.new()
	ch := make(chan *Message, 4096)
	c.Notify(ch)
	const n = 3000
	lines := make([]string, n)
	for i := range lines {
		lines[i] = fmt.Sprintf("route add 10.40.%d.%d/32 dev veth0", i/250, i%250)
	}
	ns.batch(lines)
	var got []*Message
	for len(got) < n {
		got = append(got, nextMatching(t, ch, func(m *Message) bool { return m.Type == RTM_NEWROUTE }))
	}
	seen := map[string]bool{}
	for i, m := range got {
		dst := routeDst(t, m)
		want := fmt.Sprintf("10.40.%d.%d/32", i/250, i%250)
		if dst != want {
			t.Fatalf("message %d: dst %s, want %s (in kernel order)", i, dst, want)
		}
		seen[dst] = true
	}
	if len(seen) != n {
		t.Errorf("%d distinct destinations, want %d", len(seen), n)
	}
}

func TestCloseWaitsForARunningHandler(t *testing.T) {
	ns := newTestNS(t)
	c := ns.new()
	entered := make(chan struct{})
	release := make(chan struct{})
	var calls atomic.Int64
	c.Handle(func(*Message) {
		if calls.Add(1) == 1 {
			close(entered)
			<-release
		}
	})
	ns.ip("route add 10.8.0.0/16 dev veth0")
	ns.ip("route add 10.9.0.0/16 dev veth0")
	<-entered
	closed := make(chan struct{})
	go func() {
		c.Close()
		close(closed)
	}()
	select {
	case <-closed:
		t.Fatal("Close returned while the handler was still running")
	case <-time.After(100 * time.Millisecond):
	}
	close(release)
	select {
	case <-closed:
	case <-time.After(recvTimeout):
		t.Fatal("Close did not return after the handler did")
	}
	n := calls.Load()
	time.Sleep(50 * time.Millisecond)
	if calls.Load() != n || n != 1 {
		t.Errorf("handler called %d times, then %d: want once, never after Close", n, calls.Load())
	}
}

func TestNotifyClosesReplacedChannels(t *testing.T) {
	ns := newTestNS(t)
	c := ns.new()
	c1, c2, c3 := make(chan *Message, 1), make(chan *Message, 16), make(chan *Message, 16)
	c.Notify(c1)
	c.Notify(c2)
	c.Notify(c3)
	c.Notify(c2) // back to c2: c3 retires, c2 does not
	ns.ip("route add 10.8.0.0/16 dev veth0")
	nextMatching(t, c2, isRoute(t, RTM_NEWROUTE, "10.8.0.0/16"))
	c.Close()
	for i, ch := range []chan *Message{c1, c2, c3} {
		for range ch { // drain, then the channel must be closed
		}
		_ = i
	}
}

func TestNotifyMovesABlockedReaderToTheNewChannel(t *testing.T) {
	ns := newTestNS(t)
	c := ns.new()
	full := make(chan *Message) // nobody reads it
	c.Notify(full)
	ns.ip("route add 10.8.0.0/16 dev veth0")
	deadline := time.Now().Add(recvTimeout)
	for c.Stats().Received == 0 && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	fresh := make(chan *Message, 16)
	c.Notify(fresh)
	nextMatching(t, fresh, isRoute(t, RTM_NEWROUTE, "10.8.0.0/16"))
	if _, open := <-full; open {
		t.Error("the replaced channel got a message")
	}
}
