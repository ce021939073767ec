//go:build linux

package netlink

import (
	"errors"
	"fmt"
	"os"
	"syscall"

	"golang.org/x/sys/unix"
)

// socket is a non-blocking AF_NETLINK socket read and written through the
// Go runtime poller, so that closing it unblocks a pending read at once.
type socket struct {
	f    *os.File
	rc   syscall.RawConn
	port uint32 // local port ID (nl_pid) assigned by the kernel
	rx   receiver
}

// socketConfig says how to set a socket up before it is handed out.
type socketConfig struct {
	family     int
	groups     uint32
	join       []uint32
	rcvbuf     int // 0: leave the kernel default
	connect    bool
	extAck     bool
	strictDump bool
}

// openSocket creates, configures and binds a netlink socket in the
// caller's network namespace.
func openSocket(cfg socketConfig) (*socket, error) {
	fd, err := unix.Socket(unix.AF_NETLINK, unix.SOCK_RAW|unix.SOCK_CLOEXEC|unix.SOCK_NONBLOCK, cfg.family)
	if err != nil {
		return nil, fmt.Errorf("netlink: socket(AF_NETLINK, %d): %w", cfg.family, err)
	}
	s, err := setupSocket(fd, cfg)
	if err != nil {
		unix.Close(fd)
		return nil, err
	}
	return s, nil
}

// setupSocket applies cfg to fd, binds it and wraps it for the poller.
func setupSocket(fd int, cfg socketConfig) (*socket, error) {
	if cfg.rcvbuf > 0 {
		if err := setReceiveBuffer(fd, cfg.rcvbuf); err != nil {
			return nil, err
		}
	}
	opts := []struct {
		on   bool
		opt  int
		name string
	}{
		{cfg.extAck, unix.NETLINK_EXT_ACK, "NETLINK_EXT_ACK"},
		{cfg.extAck, unix.NETLINK_CAP_ACK, "NETLINK_CAP_ACK"},
		{cfg.strictDump, unix.NETLINK_GET_STRICT_CHK, "NETLINK_GET_STRICT_CHK"},
	}
	for _, o := range opts {
		if !o.on {
			continue
		}
		if err := unix.SetsockoptInt(fd, unix.SOL_NETLINK, o.opt, 1); err != nil {
			return nil, fmt.Errorf("netlink: setsockopt %s: %w", o.name, err)
		}
	}
	if err := unix.Bind(fd, &unix.SockaddrNetlink{Family: unix.AF_NETLINK, Groups: cfg.groups}); err != nil {
		return nil, fmt.Errorf("netlink: bind to groups %#x: %w", cfg.groups, err)
	}
	for _, g := range cfg.join {
		if err := unix.SetsockoptInt(fd, unix.SOL_NETLINK, unix.NETLINK_ADD_MEMBERSHIP, int(g)); err != nil {
			return nil, fmt.Errorf("netlink: join group %d: %w", g, err)
		}
	}
	if cfg.connect {
		if err := unix.Connect(fd, &unix.SockaddrNetlink{Family: unix.AF_NETLINK}); err != nil {
			return nil, fmt.Errorf("netlink: connect to the kernel: %w", err)
		}
	}
	sa, err := unix.Getsockname(fd)
	if err != nil {
		return nil, fmt.Errorf("netlink: getsockname: %w", err)
	}
	nl, ok := sa.(*unix.SockaddrNetlink)
	if !ok {
		return nil, fmt.Errorf("netlink: getsockname returned %T", sa)
	}
	f := os.NewFile(uintptr(fd), "netlink")
	rc, err := f.SyscallConn()
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("netlink: %w", err)
	}
	s := &socket{f: f, rc: rc, port: nl.Pid}
	s.initReceiver()
	return s, nil
}

// setReceiveBuffer sets SO_RCVBUFFORCE when permitted, else SO_RCVBUF,
// which the kernel caps at net.core.rmem_max.
func setReceiveBuffer(fd, size int) error {
	if err := unix.SetsockoptInt(fd, unix.SOL_SOCKET, unix.SO_RCVBUFFORCE, size); err == nil {
		return nil
	}
	if err := unix.SetsockoptInt(fd, unix.SOL_SOCKET, unix.SO_RCVBUF, size); err != nil {
		return fmt.Errorf("netlink: setsockopt SO_RCVBUF %d: %w", size, err)
	}
	return nil
}

// receiveBuffer returns the socket's receive buffer size as the kernel
// reports it (twice what was asked, for bookkeeping).
func (s *socket) receiveBuffer() (int, error) {
	var n int
	var serr error
	err := s.rc.Control(func(fd uintptr) {
		n, serr = unix.GetsockoptInt(int(fd), unix.SOL_SOCKET, unix.SO_RCVBUF)
	})
	if err != nil {
		return 0, closedErr(err)
	}
	return n, serr
}

// receiver holds the state of one socket's reads. A socket has one
// reader at a time (the reader goroutine, or a request under its mutex),
// so the callbacks handed to the poller are made once, not per read.
type receiver struct {
	buf    []byte // where read and recv copy to
	n      int
	from   unix.Sockaddr
	err    error
	peekFn func(fd uintptr) bool
	readFn func(fd uintptr) bool
	recvFn func(fd uintptr) bool // waits for a datagram
	tryFn  func(fd uintptr) bool // returns EAGAIN at once if none
	calls  int                   // recvFn's calls in the last recv
}

// initReceiver makes the socket's poller callbacks.
func (s *socket) initReceiver() {
	rx := &s.rx
	retry := func() bool { return rx.err != unix.EAGAIN && rx.err != unix.EINTR }
	rx.peekFn = func(fd uintptr) bool {
		rx.n, rx.from, rx.err = unix.Recvfrom(int(fd), nil, unix.MSG_PEEK|unix.MSG_TRUNC)
		return retry()
	}
	rx.readFn = func(fd uintptr) bool {
		rx.n, rx.err = unix.Read(int(fd), rx.buf)
		return retry()
	}
	rx.recvFn = func(fd uintptr) bool {
		rx.calls++
		rx.n, rx.from, rx.err = unix.Recvfrom(int(fd), rx.buf, unix.MSG_TRUNC)
		return retry()
	}
	rx.tryFn = func(fd uintptr) bool {
		rx.n, rx.from, rx.err = unix.Recvfrom(int(fd), rx.buf, unix.MSG_TRUNC)
		return rx.err != unix.EINTR
	}
}

// recv consumes the next datagram into b with one system call and
// returns its full size (more than len(b) if the kernel cut it to fit)
// and its sender's port. With wait false it returns unix.EAGAIN at once
// when no datagram is queued.
func (s *socket) recv(b []byte, wait bool) (n int, sender uint32, err error) {
	rx := &s.rx
	rx.buf = b
	rx.calls = 0
	fn := rx.recvFn
	if !wait {
		fn = rx.tryFn
	}
	defer func() { rx.buf = nil }()
	return s.readFrom(fn)
}

// peek waits for the next datagram and returns its full size and its
// sender's port without consuming it.
func (s *socket) peek() (size int, sender uint32, err error) {
	return s.readFrom(s.rx.peekFn)
}

// readFrom runs fn, one of the receiver's callbacks that fill n, from
// and err, through the poller, and returns the size and sender port.
func (s *socket) readFrom(fn func(fd uintptr) bool) (n int, sender uint32, err error) {
	rx := &s.rx
	if rerr := s.rc.Read(fn); rerr != nil {
		return 0, 0, closedErr(rerr)
	}
	if rx.err != nil {
		return 0, 0, rx.err
	}
	if nl, ok := rx.from.(*unix.SockaddrNetlink); ok {
		sender = nl.Pid
	}
	return rx.n, sender, nil
}

// read consumes the next datagram into b, which the caller sized after
// peek, and returns how many bytes were copied.
func (s *socket) read(b []byte) (int, error) {
	rx := &s.rx
	rx.buf = b
	rerr := s.rc.Read(rx.readFn)
	rx.buf = nil
	if rerr != nil {
		return 0, closedErr(rerr)
	}
	return rx.n, rx.err
}

// queued reports whether the last waiting recv found its datagram
// already queued, without waiting: a sign that more may be queued.
func (s *socket) queued() bool { return s.rx.calls == 1 }

// write sends b to the kernel.
func (s *socket) write(b []byte) error {
	var err error
	werr := s.rc.Write(func(fd uintptr) bool {
		err = unix.Sendto(int(fd), b, 0, &unix.SockaddrNetlink{Family: unix.AF_NETLINK})
		return err != unix.EAGAIN && err != unix.EINTR
	})
	if werr != nil {
		return closedErr(werr)
	}
	if err != nil {
		return fmt.Errorf("netlink: sendto: %w", err)
	}
	return nil
}

// close closes the socket, unblocking a pending read or write.
func (s *socket) close() error {
	return s.f.Close()
}

// closedErr maps the poller's errors for a closed file to ErrClosed.
func closedErr(err error) error {
	if errors.Is(err, os.ErrClosed) {
		return ErrClosed
	}
	return err
}

// receive reads the next datagram into buf, growing buf first if the
// datagram is larger, and returns the (possibly new) buffer and the
// datagram's bytes within it. Datagrams from senders other than the
// kernel are consumed and skipped.
func (s *socket) receive(buf []byte) (newBuf, data []byte, err error) {
	for {
		size, sender, err := s.peek()
		if err != nil {
			return buf, nil, err
		}
		if size > len(buf) {
			buf = make([]byte, align(size))
		}
		n, err := s.read(buf)
		if err != nil {
			return buf, nil, err
		}
		if n != size {
			return buf, nil, fmt.Errorf("%w: read %d bytes of a datagram peeked at %d", ErrMalformed, n, size)
		}
		if sender == 0 {
			return buf, buf[:n], nil
		}
	}
}
