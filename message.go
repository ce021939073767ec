package netlink

import (
	"fmt"
	"strings"
)

// Message is a netlink message: a Header and the payload that follows it.
// Data is the payload without the header and without trailing padding.
type Message struct {
	Header
	Data []byte
}

// DecodeMessge decodes the first netlink message in b. It returns an error
// wrapping ErrMalformed when b is shorter than a header, or when the
// header's Length is below HeaderLen or beyond len(b). The returned
// message's Data is a copy of exactly Length-HeaderLen bytes; b may be
// reused afterwards.
//
// The name keeps the spelling of the first published API;
// DecodeMessage is the same function.
func DecodeMessge(b []byte) (*Message, error) {
	h, data, _, err := nextMessage(b)
	if err != nil {
		return nil, err
	}
	return &Message{Header: h, Data: append([]byte(nil), data...)}, nil
}

// DecodeMessage decodes the first netlink message in b. It is
// DecodeMessge with the name spelled right.
func DecodeMessage(b []byte) (*Message, error) {
	return DecodeMessge(b)
}

// DecodeMessages decodes every netlink message in b, a buffer such as one
// datagram read from a netlink socket. Messages are padded to 4 bytes
// (NLMSG_ALIGN); padding after the last message may be missing. NLMSG_NOOP
// messages are skipped. The Data of all returned messages share one new
// copy of b. On a malformed message it returns the messages before it and
// an error wrapping ErrMalformed.
func DecodeMessages(b []byte) ([]Message, error) {
	owned := append([]byte(nil), b...)
	msgs := make([]Message, 0, countMessages(owned))
	err := forEachMessage(owned, func(h Header, data []byte) bool {
		msgs = append(msgs, Message{Header: h, Data: data[:len(data):len(data)]})
		return true
	})
	return msgs, err
}

// nextMessage splits the first message off b. It returns the header, the
// payload (a subslice of b) and what follows the message's padding.
func nextMessage(b []byte) (h Header, data, rest []byte, err error) {
	if len(b) < HeaderLen {
		return h, nil, nil, fmt.Errorf("%w: %d bytes, shorter than a %d-byte header", ErrMalformed, len(b), HeaderLen)
	}
	h = decodeHeader(b)
	if h.Length < HeaderLen || uint64(h.Length) > uint64(len(b)) {
		return h, nil, nil, fmt.Errorf("%w: header length %d outside %d..%d", ErrMalformed, h.Length, HeaderLen, len(b))
	}
	n := int(h.Length)
	next := align(n)
	if next > len(b) {
		next = len(b)
	}
	return h, b[HeaderLen:n], b[next:], nil
}

// forEachMessage calls fn with each message of b, skipping NLMSG_NOOP,
// until fn returns false. The payload passed to fn is a subslice of b.
func forEachMessage(b []byte, fn func(Header, []byte) bool) error {
	for len(b) > 0 {
		h, data, rest, err := nextMessage(b)
		if err != nil {
			return err
		}
		b = rest
		if h.Type == NLMSG_NOOP {
			continue
		}
		if !fn(h, data) {
			return nil
		}
	}
	return nil
}

// MarshalBinary encodes m as it goes on the wire: the header, the payload
// and padding to 4 bytes. Length must be zero (it is then computed) or
// equal HeaderLen+len(Data); otherwise the error wraps ErrMalformed.
func (m *Message) MarshalBinary() ([]byte, error) {
	if err := m.checkLength(); err != nil {
		return nil, err
	}
	b := make([]byte, align(HeaderLen+len(m.Data)))
	m.appendTo(b[:0])
	return b, nil
}

// checkLength verifies that Length is zero or agrees with Data.
func (m *Message) checkLength() error {
	want := uint64(HeaderLen) + uint64(len(m.Data))
	if want > 1<<32-1 {
		return fmt.Errorf("%w: payload of %d bytes is too long", ErrMalformed, len(m.Data))
	}
	if m.Length != 0 && uint64(m.Length) != want {
		return fmt.Errorf("%w: header length %d but %d bytes of header and data", ErrMalformed, m.Length, want)
	}
	return nil
}

// appendTo appends the wire form of m to b, computing the length from
// Data, and pads it to 4 bytes.
func (m *Message) appendTo(b []byte) []byte {
	h := m.Header
	h.Length = uint32(HeaderLen + len(m.Data))
	var hb [HeaderLen]byte
	h.put(hb[:])
	b = append(b, hb[:]...)
	b = append(b, m.Data...)
	for len(b)%4 != 0 {
		b = append(b, 0)
	}
	return b
}

// String prints the header with kernel names and the payload size, and
// for NLMSG_ERROR the error code; for example
// "RTM_NEWROUTE flags=MULTI seq=3 pid=0 len=60 data=44B".
func (m *Message) String() string {
	if m == nil {
		return "<nil>"
	}
	var sb strings.Builder
	sb.WriteString(m.Header.String())
	fmt.Fprintf(&sb, " data=%dB", len(m.Data))
	if m.Type == NLMSG_ERROR {
		if err := decodeErrorPayload(m.Header, m.Data); err != nil {
			fmt.Fprintf(&sb, " error=%q", err.Error())
		} else {
			sb.WriteString(" ack")
		}
	}
	return sb.String()
}
