package netlink

import (
	"encoding/binary"
	"fmt"
)

// HeaderLen is the size in bytes of a netlink message header on the wire
// (NLMSG_HDRLEN, the aligned size of struct nlmsghdr).
const HeaderLen = 16

// Header is a netlink message header (struct nlmsghdr). Its fields are in
// the order the kernel lays them out; Seq sits between Flags and Pid.
type Header struct {
	// Length is the length of the message including this header
	// (nlmsg_len).
	Length uint32
	// Type is the message type (nlmsg_type), such as RTM_NEWROUTE,
	// NLMSG_ERROR or NLMSG_DONE.
	Type uint16
	// Flags are the NLM_F_* flags (nlmsg_flags).
	Flags uint16
	// Seq is the sequence number (nlmsg_seq) that ties a reply to its
	// request. Notifications carry 0.
	Seq uint32
	// Pid is the port ID (nlmsg_pid) of the sender; 0 for the kernel.
	Pid uint32
}

// decodeHeader reads a header from the first HeaderLen bytes of b, which
// must hold at least that many.
func decodeHeader(b []byte) Header {
	return Header{
		Length: binary.NativeEndian.Uint32(b[0:4]),
		Type:   binary.NativeEndian.Uint16(b[4:6]),
		Flags:  binary.NativeEndian.Uint16(b[6:8]),
		Seq:    binary.NativeEndian.Uint32(b[8:12]),
		Pid:    binary.NativeEndian.Uint32(b[12:16]),
	}
}

// put writes h into the first HeaderLen bytes of b.
func (h Header) put(b []byte) {
	binary.NativeEndian.PutUint32(b[0:4], h.Length)
	binary.NativeEndian.PutUint16(b[4:6], h.Type)
	binary.NativeEndian.PutUint16(b[6:8], h.Flags)
	binary.NativeEndian.PutUint32(b[8:12], h.Seq)
	binary.NativeEndian.PutUint32(b[12:16], h.Pid)
}

// String prints the header with kernel names, for example
// "RTM_NEWROUTE flags=REQUEST|ACK seq=3 pid=0 len=52".
func (h Header) String() string {
	return fmt.Sprintf("%s flags=%s seq=%d pid=%d len=%d",
		MessageTypeString(h.Type), FlagsString(h.Type, h.Flags), h.Seq, h.Pid, h.Length)
}

// align rounds n up to the netlink alignment of 4 bytes (NLMSG_ALIGN,
// NLA_ALIGN).
func align(n int) int {
	return (n + 3) &^ 3
}
