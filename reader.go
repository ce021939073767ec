package netlink

import (
	"errors"
	"fmt"

	"golang.org/x/sys/unix"
)

// run is the reader goroutine: it reads datagrams from the notification
// socket and delivers their messages in kernel order until Close or a
// socket error.
func (z *Connection) run() {
	var last chan *Message // the channel delivered to most recently
	defer func() {
		z.mu.Lock()
		ch := z.ch
		z.mu.Unlock()
		if last != nil && last != ch {
			closeQuietly(last)
		}
		if ch != nil {
			closeQuietly(ch)
		}
		close(z.exited)
	}()
	for {
		msgs, err := z.readDatagram()
		if err != nil {
			if !z.isClosed() {
				z.mu.Lock()
				z.readErr = err
				z.mu.Unlock()
			}
			return
		}
		for i := range msgs {
			if !z.deliver(&msgs[i], &last) {
				return
			}
		}
	}
}

// readDatagram reads one datagram and returns its messages, each owning
// its Data. A datagram from a sender other than the kernel is consumed,
// counted and skipped. When the kernel reports that it dropped messages
// (ENOBUFS), it returns a single NLMSG_OVERRUN marker.
func (z *Connection) readDatagram() ([]Message, error) {
	for {
		size, sender, err := z.sock.peek()
		if errors.Is(err, unix.ENOBUFS) {
			z.stats.overruns.Add(1)
			return []Message{overrunMessage()}, nil
		}
		if err != nil {
			return nil, err
		}
		b := make([]byte, size)
		n, err := z.sock.read(b)
		if errors.Is(err, unix.ENOBUFS) {
			z.stats.overruns.Add(1)
			return []Message{overrunMessage()}, nil
		}
		if err != nil {
			return nil, err
		}
		if n != size {
			// Cannot happen: the datagram peeked is the one read.
			return nil, fmt.Errorf("%w: datagram of %d bytes, peeked %d", ErrMalformed, n, size)
		}
		if sender != 0 {
			z.stats.foreign.Add(uint64(countMessages(b)))
			continue
		}
		msgs := make([]Message, 0, countMessages(b))
		err = forEachMessage(b, func(h Header, data []byte) bool {
			msgs = append(msgs, Message{Header: h, Data: data[:len(data):len(data)]})
			return true
		})
		z.stats.received.Add(uint64(len(msgs)))
		if err != nil {
			z.stats.malformed.Add(1)
		}
		if len(msgs) > 0 {
			return msgs, nil
		}
	}
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

// deliver hands m to the registered channel, else to the handler. It
// returns false when the Connection is closing. last tracks the channel
// used before, which is closed when Notify replaces it.
func (z *Connection) deliver(m *Message, last *chan *Message) bool {
	z.mu.Lock()
	ch, h := z.ch, z.handler
	z.mu.Unlock()
	if ch != nil {
		if *last != ch {
			if *last != nil {
				closeQuietly(*last)
			}
			*last = ch
		}
		return z.send(ch, m)
	}
	z.inHandler.Store(true)
	defer z.inHandler.Store(false)
	if z.isClosed() {
		return false
	}
	h(m)
	z.stats.delivered.Add(1)
	return !z.isClosed()
}

// send blocks until ch takes m or the Connection closes. A channel that
// the user closed by mistake stops delivery instead of panicking.
func (z *Connection) send(ch chan *Message, m *Message) (ok bool) {
	defer func() {
		if r := recover(); r != nil {
			z.mu.Lock()
			z.readErr = fmt.Errorf("netlink: Notify channel closed by its user: %v", r)
			z.mu.Unlock()
			ok = false
		}
	}()
	select {
	case ch <- m:
		z.stats.delivered.Add(1)
		return true
	case <-z.done:
		return false
	}
}
