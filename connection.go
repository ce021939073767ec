package netlink

import (
	"fmt"
	"slices"
	"sync"
	"sync/atomic"
)

// MessageHandler is a function type that defines a basic callback type.
// It is called from the Connection's reader goroutine, one message at a
// time, in the order the kernel sent them.
type MessageHandler func(*Message)

// Connection is a netlink socket bound to multicast groups, with a reader
// goroutine that delivers every message it receives to a channel
// (Notify) or a callback (Handle), and a second socket, opened on first
// use, for synchronous requests (Execute and the typed operations).
//
// A Connection is safe for concurrent use by multiple goroutines.
type Connection struct {
	opts ConnectionOptions
	ns   netNS // the namespace the sockets are opened in
	sock *socket

	mu        sync.Mutex
	ch        chan *Message   // registered by Notify; takes precedence
	retired   []chan *Message // replaced by a later Notify, to be closed
	changed   chan struct{}   // closed and replaced by every Notify
	handler   MessageHandler  // registered by Handle
	started   bool            // the reader goroutine was started
	stopped   bool            // the reader goroutine has stopped
	closed    bool
	closeOnce sync.Once
	done      chan struct{} // closed by Close
	exited    chan struct{} // closed when the reader goroutine returns
	readErr   error         // why the reader stopped, if not Close

	readerID atomic.Uint64 // the reader goroutine's id, once it runs
	seq      atomic.Uint32 // last sequence number used
	stats    counters

	req requester

	readBufferSize int // the reader's initial buffer; 0: readBufferSize
}

// New returns a new Connection instance that will bind to the kernel
// socket using the AF_NETLINK and RTMGRP_IPV4_ROUTE flags: it receives
// IPv4 route notifications (RTM_NEWROUTE, RTM_DELROUTE) from the
// NETLINK_ROUTE family. Receiving them needs no privileges.
func New() (*Connection, error) {
	return NewWithOpts(defaultOptions())
}

// NewWithOpts returns a new Connection instance that will bind to the
// kernel socket using the specified parameter flags. It returns once the
// socket is bound to opts.Groups and has joined opts.JoinGroups, so a
// change made after it returns is never missed: messages wait in the
// socket until Notify or Handle starts their delivery.
//
// A nil opts or a Family beyond the kernel's netlink protocols are errors
// wrapping ErrInvalidOptions; a family the kernel lacks is an error
// wrapping unix.EPROTONOSUPPORT, and a group the kernel refuses to join
// one wrapping its errno.
func NewWithOpts(opts *ConnectionOptions) (*Connection, error) {
	if opts == nil {
		return nil, fmt.Errorf("%w: nil *ConnectionOptions", ErrInvalidOptions)
	}
	if opts.Family >= maxFamily {
		return nil, fmt.Errorf("%w: netlink family %d is not below %d", ErrInvalidOptions, opts.Family, maxFamily)
	}
	c := &Connection{
		opts:    *opts,
		done:    make(chan struct{}),
		exited:  make(chan struct{}),
		changed: make(chan struct{}),
	}
	c.opts.JoinGroups = append([]uint32(nil), opts.JoinGroups...)
	cfg := socketConfig{
		family: int(opts.Family),
		groups: opts.Groups,
		join:   c.opts.JoinGroups,
		rcvbuf: opts.ReceiveBuffer,
	}
	if cfg.rcvbuf == 0 {
		cfg.rcvbuf = DefaultReceiveBuffer
	}
	ns, err := openNetNS(opts.NetNS)
	if err != nil {
		return nil, err
	}
	c.ns = ns
	err = c.ns.run(func() error {
		s, err := openSocket(cfg)
		c.sock = s
		return err
	})
	if err != nil {
		c.ns.close()
		return nil, err
	}
	c.req.conn = c
	c.req.sem = make(chan struct{}, 1)
	return c, nil
}

// maxFamily is one past the highest netlink protocol number (MAX_LINKS).
const maxFamily = 32

// Notify registers a provided chan *Message that the connection will
// write all incoming requests to. Notify takes precedence over Handle:
// once a channel is registered, the handler is never called again.
//
// Delivery blocks while the channel is full (nothing is dropped in user
// space); the kernel keeps queueing in the socket's receive buffer, and if
// that overflows, a Message of type NLMSG_OVERRUN marks the place in the
// stream where the kernel dropped messages.
//
// The Connection owns the channel: Close closes it after the last
// message, so `for m := range c` ends. Calling Notify again with another
// channel moves delivery there and closes the previous channel. A nil
// channel is ignored. Notify on a closed Connection, or one whose reader
// stopped on a socket error (see Err), closes c at once. The channel
// must not be closed by its user, nor shared with another Connection.
func (z *Connection) Notify(c chan *Message) {
	if c == nil {
		return
	}
	z.mu.Lock()
	defer z.mu.Unlock()
	if z.closed || z.stopped {
		if c != z.ch {
			closeQuietly(c)
		}
		return
	}
	if z.ch != nil && z.ch != c {
		z.retired = append(z.retired, z.ch)
	}
	close(z.changed) // a reader blocked on the old channel moves on
	z.changed = make(chan struct{})
	z.retired = slices.DeleteFunc(z.retired, func(r chan *Message) bool { return r == c })
	z.ch = c
	z.startLocked()
}

// Handle registers a function callback that all incoming messages will be
// passed to. Notify takes precedence over handle, and this method will not
// be called if a notify channel has been registered (and will also stop
// being called after a notify channel has been registered).
//
// The handler runs on the reader goroutine: while it runs, no other
// message is read. A nil handler is ignored.
func (z *Connection) Handle(h MessageHandler) {
	if h == nil {
		return
	}
	z.mu.Lock()
	defer z.mu.Unlock()
	if z.closed {
		return
	}
	z.handler = h
	z.startLocked()
}

// startLocked starts the reader goroutine once. z.mu must be held.
func (z *Connection) startLocked() {
	if z.started {
		return
	}
	z.started = true
	go z.run()
}

// Close instructs the running routines to terminate. It unblocks the
// reader goroutine, whether it waits on the socket or on a full channel,
// waits for it to return, closes the channel registered with Notify, and
// closes the sockets. After Close returns the handler is not called
// again. A handler may call Close itself: Close then returns without
// waiting for that handler, and the reader stops when it returns. Close
// is safe to call more than once; later calls return nil.
func (z *Connection) Close() error {
	var err error
	first := false
	z.closeOnce.Do(func() {
		first = true
		z.mu.Lock()
		z.closed = true
		started := z.started
		z.mu.Unlock()
		close(z.done)
		err = z.sock.close()
		z.req.close()
		z.ns.close()
		if !started {
			close(z.exited)
		}
	})
	if id := z.readerID.Load(); id == 0 || id != goroutineID() {
		<-z.exited // unless the handler itself called Close
	}
	if !first {
		return nil
	}
	if err != nil {
		return fmt.Errorf("netlink: close: %w", err)
	}
	return nil
}

// Err returns the error that stopped the reader goroutine when it was not
// Close, such as a socket error, or nil. The Notify channel is closed when
// that happens.
func (z *Connection) Err() error {
	z.mu.Lock()
	defer z.mu.Unlock()
	if !z.stopped {
		return nil
	}
	return z.readErr
}

// Port returns the notification socket's netlink port ID (nl_pid), the
// address the kernel sends replies to SendMessage to.
func (z *Connection) Port() uint32 { return z.sock.port }

// ReceiveBuffer returns the notification socket's receive buffer size in
// bytes as the kernel reports it (SO_RCVBUF, which is twice what was
// asked).
func (z *Connection) ReceiveBuffer() (int, error) { return z.sock.receiveBuffer() }

// SendMessage marshals a payload and delivers it to the kernel socket.
//
// It sets NLM_F_REQUEST in m.Flags, fills m.Length when it is zero and
// m.Seq when it is zero (from a per-connection counter that starts at 1),
// and writes those values back into m before sending. The kernel's replies,
// including NLMSG_DONE and NLMSG_ERROR, arrive through the same Notify or
// Handle stream with that Seq and Pid equal to Port. A nil m, or a Length
// that disagrees with len(m.Data), is an error wrapping ErrInvalidOptions
// or ErrMalformed; after Close the error wraps ErrClosed.
func (z *Connection) SendMessage(m *Message) error {
	if m == nil {
		return fmt.Errorf("%w: nil *Message", ErrInvalidOptions)
	}
	if z.isClosed() {
		return ErrClosed
	}
	if err := m.checkLength(); err != nil {
		return err
	}
	m.Flags |= NLM_F_REQUEST
	m.Length = uint32(HeaderLen + len(m.Data))
	if m.Seq == 0 {
		m.Seq = z.nextSeq()
	}
	return z.sock.write(m.appendTo(make([]byte, 0, align(int(m.Length)))))
}

// nextSeq returns a fresh, non-zero sequence number.
func (z *Connection) nextSeq() uint32 {
	for {
		if s := z.seq.Add(1); s != 0 {
			return s
		}
	}
}

// isClosed reports whether Close was called.
func (z *Connection) isClosed() bool {
	select {
	case <-z.done:
		return true
	default:
		return false
	}
}

// closeQuietly closes c unless it is closed already.
func closeQuietly(c chan *Message) {
	defer func() { _ = recover() }()
	close(c)
}
