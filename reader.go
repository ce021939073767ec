package netlink

import (
	"cmp"
	"errors"
	"fmt"

	"golang.org/x/sys/unix"
)

// run is the reader goroutine: it reads datagrams from the notification
// socket and delivers their messages in kernel order until Close or a
// socket error.
func (z *Connection) run() {
	z.readerID.Store(goroutineID())
	defer func() {
		z.mu.Lock()
		z.stopped = true
		chans := append(z.retired, z.ch)
		z.retired = nil
		z.mu.Unlock()
		for _, ch := range chans {
			if ch != nil {
				closeQuietly(ch)
			}
		}
		close(z.exited)
	}()
	var br batchReader
	for {
		msgs, err := z.readBatch(&br)
		if err != nil {
			if !z.isClosed() {
				z.mu.Lock()
				z.readErr = err
				z.mu.Unlock()
			}
			return
		}
		for i := range msgs {
			if !z.deliver(&msgs[i]) {
				return
			}
		}
	}
}

// Sizes that bound the reader's work between two deliveries.
const (
	// readBufferSize is the reader's initial receive buffer: eight times
	// the 32 KiB the kernel fills a dump datagram up to, and room for a
	// link notification of a device with a thousand virtual functions.
	readBufferSize = 256 << 10
	// batchDatagrams and batchBytes bound what the reader takes from the
	// socket before it delivers: everything already queued, up to these.
	batchDatagrams = 64
	batchBytes     = 256 << 10
)

// batchReader is the reader goroutine's receive state.
type batchReader struct {
	buf   []byte // reused receive buffer
	spans []span // the current batch, reused
	peek  bool   // size each datagram first: a datagram was once cut
	err   error  // an error to report after the batch read before it
}

// span is a datagram of a batch, or an overrun marker.
type span struct {
	start, end int
	overrun    bool
}

// readBatch reads the datagrams queued in the socket, waiting for the
// first, and returns their messages in order, each owning its Data; the
// messages of one batch share one new buffer. Datagrams from senders
// other than the kernel are counted and skipped. Where the kernel reports
// that it dropped messages (ENOBUFS), or cut a datagram too large for the
// buffer, an NLMSG_OVERRUN marker takes its place in the stream.
func (z *Connection) readBatch(br *batchReader) ([]Message, error) {
	for {
		if br.err != nil {
			err := br.err
			br.err = nil
			return nil, err
		}
		var owned []byte
		br.spans = br.spans[:0]
		for i := 0; i < batchDatagrams && len(owned) < batchBytes; i++ {
			data, err := z.readDatagram(br, i == 0)
			if errors.Is(err, unix.EAGAIN) && i > 0 {
				break
			}
			if errors.Is(err, unix.ENOBUFS) {
				z.stats.overruns.Add(1)
				br.spans = append(br.spans, span{overrun: true})
				continue
			}
			if err != nil {
				if len(br.spans) == 0 {
					return nil, err
				}
				br.err = err
				break
			}
			if data == nil {
				continue // foreign, or cut and reported
			}
			if owned == nil {
				owned = make([]byte, 0, len(data))
			}
			start := len(owned)
			owned = append(owned, data...)
			br.spans = append(br.spans, span{start: start, end: len(owned)})
			if br.peek || i == 0 && !z.sock.queued() {
				// One peeked datagram at a time; and a datagram that
				// had to be waited for is alone in the socket: asking
				// for more would only cost a system call.
				break
			}
		}
		if msgs := z.splitBatch(br.spans, owned); len(msgs) > 0 {
			return msgs, nil
		}
	}
}

// readDatagram reads one datagram and returns its bytes, valid until the
// next read; nil bytes for a datagram that was skipped (a foreign sender)
// or cut (a marker was added to br.spans). It waits for a datagram when
// wait is true, else returns unix.EAGAIN when none is queued.
func (z *Connection) readDatagram(br *batchReader, wait bool) ([]byte, error) {
	if br.buf == nil {
		br.buf = make([]byte, cmp.Or(z.readBufferSize, readBufferSize))
	}
	if br.peek {
		if !wait {
			return nil, unix.EAGAIN
		}
		size, _, err := z.sock.peek()
		if err != nil {
			return nil, err
		}
		if size > len(br.buf) {
			br.buf = make([]byte, align(size))
		}
	}
	n, sender, err := z.sock.recv(br.buf, wait)
	if err != nil {
		return nil, err
	}
	if sender != 0 {
		z.stats.foreign.Add(uint64(countMessages(br.buf[:min(n, len(br.buf))])))
		return nil, nil
	}
	if n > len(br.buf) {
		// The kernel cut the datagram: report the loss, and from now on
		// size every datagram before reading it.
		z.stats.truncated.Add(1)
		br.spans = append(br.spans, span{overrun: true})
		br.buf = make([]byte, align(n))
		br.peek = true
		return nil, nil
	}
	return br.buf[:n], nil
}

// splitBatch turns a batch into messages: each datagram's messages in
// order, and a marker for each overrun span.
func (z *Connection) splitBatch(spans []span, owned []byte) []Message {
	count := 0
	for _, sp := range spans {
		if sp.overrun {
			count++
		} else {
			count += countMessages(owned[sp.start:sp.end])
		}
	}
	if count == 0 {
		return nil
	}
	msgs := make([]Message, 0, count)
	for _, sp := range spans {
		if sp.overrun {
			msgs = append(msgs, overrunMessage())
			continue
		}
		before := len(msgs)
		err := forEachMessage(owned[sp.start:sp.end], func(h Header, data []byte) bool {
			msgs = append(msgs, Message{Header: h, Data: data[:len(data):len(data)]})
			return true
		})
		z.stats.received.Add(uint64(len(msgs) - before))
		if err != nil {
			z.stats.malformed.Add(1)
		}
	}
	return msgs
}

// overrunMessage is the marker put in the stream where the kernel dropped
// messages: a bare header of type NLMSG_OVERRUN.
func overrunMessage() Message {
	return Message{Header: Header{Length: HeaderLen, Type: NLMSG_OVERRUN}}
}

// countMessages counts the well-formed messages at the start of b.
func countMessages(b []byte) int {
	n := 0
	_ = forEachMessage(b, func(Header, []byte) bool { n++; return true })
	return n
}

// deliver hands m to the registered channel, else to the handler, and
// closes the channels that Notify replaced. It returns false when the
// Connection is closing.
func (z *Connection) deliver(m *Message) bool {
	for {
		z.mu.Lock()
		ch, h, retired, changed := z.ch, z.handler, z.retired, z.changed
		z.retired = nil
		z.mu.Unlock()
		for _, r := range retired {
			closeQuietly(r)
		}
		if ch == nil {
			if z.isClosed() {
				return false
			}
			h(m)
			z.stats.delivered.Add(1)
			return !z.isClosed()
		}
		switch z.send(ch, m, changed) {
		case sent:
			return true
		case stopped:
			return false
		}
		// Notify registered another channel while ch was full: deliver
		// there instead.
	}
}

// sendResult tells how send ended.
type sendResult int

const (
	sent       sendResult = iota // the channel took the message
	stopped                      // the Connection is closing
	reregister                   // Notify registered another channel
)

// send blocks until ch takes m, the Connection closes, or Notify
// registers another channel (changed closes). A channel that the user
// closed by mistake stops delivery instead of panicking.
func (z *Connection) send(ch chan *Message, m *Message, changed <-chan struct{}) (res sendResult) {
	defer func() {
		if r := recover(); r != nil {
			z.mu.Lock()
			z.readErr = fmt.Errorf("netlink: Notify channel closed by its user: %v", r)
			z.mu.Unlock()
			res = stopped
		}
	}()
	select {
	case ch <- m:
		z.stats.delivered.Add(1)
		return sent
	case <-z.done:
		return stopped
	case <-changed:
		return reregister
	}
}
