package netlink

import (
	"encoding/binary"
	"errors"
	"fmt"
	"net"

	"golang.org/x/sys/unix"
)

// Sentinel errors. Match them with errors.Is; the errors returned by this
// package wrap them with detail.
var (
	// ErrClosed is returned by operations on a closed Connection. It wraps
	// net.ErrClosed.
	ErrClosed = fmt.Errorf("netlink: connection closed: %w", net.ErrClosed)

	// ErrMalformed reports a message or attribute that is truncated or
	// whose lengths disagree with its bytes, whether received or about to
	// be sent.
	ErrMalformed = errors.New("netlink: malformed message")

	// ErrDumpInterrupted reports a dump during which the kernel's table
	// changed (NLM_F_DUMP_INTR): what was read may be inconsistent. It is
	// returned together with the messages read.
	ErrDumpInterrupted = errors.New("netlink: dump interrupted by a concurrent change (NLM_F_DUMP_INTR)")

	// ErrOverrun reports that the kernel dropped messages because the
	// socket's receive buffer was full. It wraps unix.ENOBUFS.
	ErrOverrun = fmt.Errorf("netlink: kernel dropped messages, receive buffer overrun: %w", unix.ENOBUFS)

	// ErrInvalidOptions reports options or arguments that cannot work,
	// found before anything is sent to the kernel.
	ErrInvalidOptions = errors.New("netlink: invalid options")
)

// Error is an error reply from the kernel: an NLMSG_ERROR message with a
// non-zero code, or an NLMSG_DONE that ends a dump with one. It unwraps
// to its Errno, so errors.Is(err, unix.EEXIST) works.
type Error struct {
	// Errno is the kernel's error number, positive.
	Errno unix.Errno
	// Message is the extended acknowledgement text
	// (NLMSGERR_ATTR_MSG), if the kernel sent one.
	Message string
	// Offset is the byte offset in the request of the attribute the
	// kernel complained about (NLMSGERR_ATTR_OFFS), or 0.
	Offset uint32
	// Request is the header of the request that failed, as the kernel
	// echoed it.
	Request Header
}

// Error describes the kernel's error with its extended ack text.
func (e *Error) Error() string {
	s := "netlink: kernel error: " + e.Errno.Error()
	if e.Message != "" {
		s += ": " + e.Message
	}
	if e.Offset != 0 {
		s += fmt.Sprintf(" (at offset %d)", e.Offset)
	}
	return s
}

// Unwrap returns the kernel's errno.
func (e *Error) Unwrap() error { return e.Errno }

// Extended ack attribute types (enum nlmsgerr_attrs) and the flags that
// announce them in an NLMSG_ERROR or NLMSG_DONE header.
const (
	NLMSGERR_ATTR_UNUSED    = 0x0
	NLMSGERR_ATTR_MSG       = 0x1
	NLMSGERR_ATTR_OFFS      = 0x2
	NLMSGERR_ATTR_COOKIE    = 0x3
	NLMSGERR_ATTR_POLICY    = 0x4
	NLMSGERR_ATTR_MISS_TYPE = 0x5
	NLMSGERR_ATTR_MISS_NEST = 0x6
)

// decodeErrorPayload interprets the payload of an NLMSG_ERROR or
// NLMSG_DONE message. It returns nil for an acknowledgement (code 0), an
// *Error for a kernel error, and an error wrapping ErrMalformed when the
// payload is too short.
func decodeErrorPayload(h Header, data []byte) error {
	if h.Type == NLMSG_DONE && len(data) < 4 {
		return nil // a DONE without a code ends a dump successfully
	}
	if len(data) < 4 {
		return fmt.Errorf("%w: %s payload of %d bytes, want 4 or more", ErrMalformed, MessageTypeString(h.Type), len(data))
	}
	code := int32(binary.NativeEndian.Uint32(data))
	if code == 0 {
		return nil
	}
	e := &Error{Errno: unix.Errno(-code)}
	if code > 0 {
		e.Errno = unix.Errno(code)
	}
	rest := data[4:]
	// NLMSG_ERROR echoes the request's header (and, unless
	// NLM_F_CAPPED, its payload) before the TLVs; NLMSG_DONE does not.
	if h.Type == NLMSG_ERROR && len(rest) >= HeaderLen {
		e.Request = decodeHeader(rest)
		skip := HeaderLen
		if h.Flags&NLM_F_CAPPED == 0 && e.Request.Length > HeaderLen {
			skip = len(rest)
			if uint64(e.Request.Length) < uint64(len(rest)) {
				skip = align(int(e.Request.Length))
			}
		}
		if skip > len(rest) {
			skip = len(rest)
		}
		rest = rest[skip:]
	}
	if h.Flags&NLM_F_ACK_TLVS != 0 {
		ad := NewAttributeDecoder(rest)
		for ad.Next() {
			switch ad.Type() {
			case NLMSGERR_ATTR_MSG:
				e.Message = ad.String()
			case NLMSGERR_ATTR_OFFS:
				e.Offset = ad.Uint32()
			}
		}
	}
	return e
}
