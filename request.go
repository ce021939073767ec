package netlink

import (
	"context"
	"errors"
	"fmt"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/sys/unix"
)

// requester owns the Connection's request socket: opened on first use,
// connected to the kernel, with extended acks and strict dump checking
// on. One request runs at a time.
type requester struct {
	conn *Connection

	sem    chan struct{} // holds a token for the whole of a request
	holder atomic.Uint64 // the goroutine that holds it
	buf    []byte        // receive buffer, reused across requests

	sockMu sync.Mutex // guards sock and closed
	sock   *socket
	closed bool
}

// requestBufferSize is the initial receive buffer for replies. The kernel
// sizes dump datagrams after the buffer a reader offers, up to 32 KiB.
const requestBufferSize = 64 << 10

// errNestedRequest reports a request made from a callback of a request
// in progress on the same connection, which would wait for itself.
var errNestedRequest = fmt.Errorf("%w: a request made from inside a RangeRoutes or RangeLinks callback on the same Connection would wait for itself; collect first, or use a second Connection", ErrInvalidOptions)

// acquire waits for the right to run a request, until ctx is done or the
// connection closes.
func (r *requester) acquire(ctx context.Context, closed <-chan struct{}) error {
	me := goroutineID()
	select {
	case r.sem <- struct{}{}:
	default:
		if r.holder.Load() == me {
			return errNestedRequest
		}
		select {
		case r.sem <- struct{}{}:
		case <-ctx.Done():
			return fmt.Errorf("netlink: request waited for another: %w", ctx.Err())
		case <-closed:
			return ErrClosed
		}
	}
	r.holder.Store(me)
	return nil
}

// release gives the right to run a request back.
func (r *requester) release() {
	r.holder.Store(0)
	<-r.sem
}

// socket returns the request socket, opening it if needed.
func (r *requester) socket() (*socket, error) {
	r.sockMu.Lock()
	defer r.sockMu.Unlock()
	if r.closed {
		return nil, ErrClosed
	}
	if r.sock != nil {
		return r.sock, nil
	}
	cfg := socketConfig{
		family:     int(r.conn.opts.Family),
		connect:    true,
		extAck:     true,
		strictDump: r.conn.opts.Family == NETLINK_ROUTE,
	}
	err := r.conn.ns.run(func() error {
		s, err := openSocket(cfg)
		r.sock = s
		return err
	})
	if err != nil {
		return nil, err
	}
	return r.sock, nil
}

// discard closes s so that the next request opens a fresh socket: used
// when a request ends early and replies may still be on their way.
func (r *requester) discard(s *socket) {
	r.sockMu.Lock()
	defer r.sockMu.Unlock()
	if r.sock == s {
		r.sock = nil
	}
	s.close()
}

// close closes the request socket for good, ending a request in flight.
func (r *requester) close() {
	r.sockMu.Lock()
	defer r.sockMu.Unlock()
	r.closed = true
	if r.sock != nil {
		r.sock.close()
		r.sock = nil
	}
}

// Execute sends m as a request on the connection's request socket and
// returns the kernel's replies: every message of a dump up to NLMSG_DONE
// (excluded), or the replies before the acknowledgement of any other
// request. It sets NLM_F_REQUEST, asks for an acknowledgement
// (NLM_F_ACK) unless m is a dump (an RTM_GET* type with NLM_F_DUMP),
// sets m.Length and a fresh m.Seq, and writes them back into m; replies
// are matched by that sequence number and the socket's port.
//
// A kernel error is an *Error (errors.Is(err, unix.EEXIST) works) with
// the kernel's extended-ack text. A dump that the kernel marked
// NLM_F_DUMP_INTR returns everything read together with an error
// wrapping ErrDumpInterrupted. Cancelling ctx or closing the Connection
// ends the request at once.
func (z *Connection) Execute(ctx context.Context, m *Message) ([]Message, error) {
	if m == nil {
		return nil, fmt.Errorf("%w: nil *Message", ErrInvalidOptions)
	}
	if err := m.checkLength(); err != nil {
		return nil, err
	}
	var out []Message
	err := z.request(ctx, &m.Header, m.Data, func(h Header, data []byte) error {
		out = append(out, Message{Header: h, Data: append([]byte(nil), data...)})
		return nil
	})
	return out, err
}

// isDump reports whether a request of type typ with flags asks for a
// dump: in NETLINK_ROUTE a GET request (RTM_GET*, whose types are 2
// modulo 4) with NLM_F_DUMP; in other families, any request with both
// bits of NLM_F_DUMP.
func isDump(family, typ, flags uint16) bool {
	if family == NETLINK_ROUTE {
		return flags&NLM_F_DUMP != 0 && typ%4 == 2
	}
	return flags&NLM_F_DUMP == NLM_F_DUMP
}

// request sends a request with header h (Seq, Length and flags are
// filled and written back) and payload data, and calls fn with each reply
// message until the dump's NLMSG_DONE or the acknowledgement. The data
// given to fn is only valid during the call. An error from fn ends the
// request with that error.
func (z *Connection) request(ctx context.Context, h *Header, data []byte, fn func(Header, []byte) error) error {
	if ctx == nil {
		ctx = context.Background()
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	r := &z.req
	if err := r.acquire(ctx, z.done); err != nil {
		return err
	}
	defer r.release()
	s, err := r.socket()
	if err != nil {
		return err
	}
	dump := isDump(z.opts.Family, h.Type, h.Flags)
	h.Flags |= NLM_F_REQUEST
	if !dump {
		h.Flags |= NLM_F_ACK
	}
	h.Seq = z.nextSeq()
	h.Length = uint32(HeaderLen + len(data))
	msg := Message{Header: *h, Data: data}
	if err := s.write(msg.appendTo(make([]byte, 0, align(int(h.Length))))); err != nil {
		return z.requestErr(ctx, err)
	}

	var timedOut atomic.Bool
	stop := context.AfterFunc(ctx, func() {
		timedOut.Store(true)
		s.f.SetReadDeadline(time.Unix(1, 0))
	})
	err = z.readReplies(s, h.Seq, fn)
	if !stop() || err != nil && !errors.Is(err, ErrDumpInterrupted) && !isKernelError(err) {
		// The reply stream was not read to its end, or the deadline
		// may be set: start afresh next time.
		r.discard(s)
	}
	if err != nil {
		return z.requestErr(ctx, err)
	}
	return nil
}

// isKernelError reports whether err is an error reply from the kernel,
// after which the request socket is clean.
func isKernelError(err error) bool {
	var ke *Error
	return errors.As(err, &ke)
}

// requestErr turns a read error caused by cancellation or Close into the
// error that explains it.
func (z *Connection) requestErr(ctx context.Context, err error) error {
	if z.isClosed() {
		return ErrClosed
	}
	if cerr := ctx.Err(); cerr != nil && errors.Is(err, os.ErrDeadlineExceeded) {
		return fmt.Errorf("netlink: request ended: %w", cerr)
	}
	return err
}

// readReplies reads the replies to the request with sequence number seq
// and calls fn with each, until NLMSG_DONE or NLMSG_ERROR.
func (z *Connection) readReplies(s *socket, seq uint32, fn func(Header, []byte) error) error {
	r := &z.req
	if len(r.buf) < requestBufferSize {
		r.buf = make([]byte, requestBufferSize)
	}
	interrupted := false
	for {
		var b []byte
		var err error
		r.buf, b, err = s.receive(r.buf)
		if errors.Is(err, unix.ENOBUFS) {
			return fmt.Errorf("netlink: reply lost: %w", ErrOverrun)
		}
		if err != nil {
			return err
		}
		finished := false
		var ferr error
		perr := forEachMessage(b, func(mh Header, data []byte) bool {
			if mh.Seq != seq || mh.Pid != s.port {
				return true // a reply to an earlier, abandoned request
			}
			if mh.Flags&NLM_F_DUMP_INTR != 0 {
				interrupted = true
			}
			switch mh.Type {
			case NLMSG_DONE, NLMSG_ERROR:
				finished = true
				ferr = decodeErrorPayload(mh, data)
				return false
			}
			ferr = fn(mh, data)
			return ferr == nil
		})
		if perr != nil {
			return perr
		}
		if ferr != nil {
			return ferr
		}
		if finished {
			if interrupted {
				return ErrDumpInterrupted
			}
			return nil
		}
	}
}
