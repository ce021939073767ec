package netlink

import (
	"bytes"
	"encoding/binary"
	"errors"
	"math"
	"strings"
	"testing"

	"golang.org/x/sys/unix"
)

// The helpers below build wire bytes by hand with binary.NativeEndian, so
// that the tests do not depend on the code under test to produce their
// inputs. Their names start with "wire" to stay clear of the helpers of
// other test files of the package.

// wireHeader returns the 16 bytes of a struct nlmsghdr.
func wireHeader(length uint32, typ, flags uint16, seq, pid uint32) []byte {
	b := make([]byte, 16)
	binary.NativeEndian.PutUint32(b[0:4], length)
	binary.NativeEndian.PutUint16(b[4:6], typ)
	binary.NativeEndian.PutUint16(b[6:8], flags)
	binary.NativeEndian.PutUint32(b[8:12], seq)
	binary.NativeEndian.PutUint32(b[12:16], pid)
	return b
}

// wireMsg returns a whole message (header with the right length, data and
// padding to 4 bytes).
func wireMsg(typ, flags uint16, seq, pid uint32, data []byte) []byte {
	b := wireHeader(uint32(16+len(data)), typ, flags, seq, pid)
	b = append(b, data...)
	return wirePad(b)
}

// wireMsgNoPad is wireMsg without the trailing padding.
func wireMsgNoPad(typ, flags uint16, seq, pid uint32, data []byte) []byte {
	b := wireHeader(uint32(16+len(data)), typ, flags, seq, pid)
	return append(b, data...)
}

// wirePad pads b with zeros to a multiple of 4 bytes.
func wirePad(b []byte) []byte {
	for len(b)%4 != 0 {
		b = append(b, 0)
	}
	return b
}

// wireAttr returns one attribute (struct nlattr, payload and padding).
func wireAttr(typ uint16, data []byte) []byte {
	b := make([]byte, 4, 4+len(data)+3)
	binary.NativeEndian.PutUint16(b[0:2], uint16(4+len(data)))
	binary.NativeEndian.PutUint16(b[2:4], typ)
	b = append(b, data...)
	return wirePad(b)
}

// wireU32 returns v in host byte order.
func wireU32(v uint32) []byte { return binary.NativeEndian.AppendUint32(nil, v) }

// wireI32 returns v in host byte order.
func wireI32(v int32) []byte { return wireU32(uint32(v)) }

// wireU16 returns v in host byte order.
func wireU16(v uint16) []byte { return binary.NativeEndian.AppendUint16(nil, v) }

// wireU64 returns v in host byte order.
func wireU64(v uint64) []byte { return binary.NativeEndian.AppendUint64(nil, v) }

// wireCat concatenates byte slices into a new one.
func wireCat(parts ...[]byte) []byte {
	var b []byte
	for _, p := range parts {
		b = append(b, p...)
	}
	return b
}

// wireFill returns n bytes counting up from start.
func wireFill(n int, start byte) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = start + byte(i)
	}
	return b
}

// RTNETLINK numbers used to build realistic payloads (values from
// include/uapi/linux/rtnetlink.h), spelled here so that these tests do not
// depend on the package defining them.
const (
	wireRTA_DST     = 1
	wireRTA_OIF     = 4
	wireRTA_GATEWAY = 5
	wireRTA_PREFSRC = 7
	wireRTA_TABLE   = 15
)

// wireRtmsg returns a struct rtmsg: family, dst_len, src_len, tos, table,
// protocol, scope, type, flags.
func wireRtmsg(family, dstLen, table, protocol, scope, typ uint8) []byte {
	return wireCat([]byte{family, dstLen, 0, 0, table, protocol, scope, typ}, wireU32(0))
}

// wireRouteData is the payload of the RTM_NEWROUTE the kernel sends for
// "10.0.0.0/24 dev eth0 proto kernel scope link src 10.0.0.5": 44 bytes.
func wireRouteData() []byte {
	return wireCat(
		wireRtmsg(unix.AF_INET, 24, unix.RT_TABLE_MAIN, unix.RTPROT_KERNEL, unix.RT_SCOPE_LINK, unix.RTN_UNICAST),
		wireAttr(wireRTA_TABLE, wireU32(unix.RT_TABLE_MAIN)),
		wireAttr(wireRTA_DST, []byte{10, 0, 0, 0}),
		wireAttr(wireRTA_PREFSRC, []byte{10, 0, 0, 5}),
		wireAttr(wireRTA_OIF, wireU32(2)),
	)
}

// wireRouteMsg is a whole RTM_NEWROUTE notification (60 bytes).
func wireRouteMsg() []byte {
	return wireMsg(RTM_NEWROUTE, 0, 0, 0, wireRouteData())
}

// wireRouteRequest is an "ip route add 10.0.0.0/24 via 10.0.0.1" request
// (RTM_NEWROUTE with REQUEST|ACK|EXCL|CREATE, seq 7, port 1234).
func wireRouteRequest() []byte {
	return wireMsg(RTM_NEWROUTE, NLM_F_REQUEST|NLM_F_ACK|NLM_F_EXCL|NLM_F_CREATE, 7, 1234, wireCat(
		wireRtmsg(unix.AF_INET, 24, unix.RT_TABLE_MAIN, unix.RTPROT_BOOT, unix.RT_SCOPE_UNIVERSE, unix.RTN_UNICAST),
		wireAttr(wireRTA_DST, []byte{10, 0, 0, 0}),
		wireAttr(wireRTA_GATEWAY, []byte{10, 0, 0, 1}),
	))
}

// wireErrorMsg is the NLMSG_ERROR the kernel answers wireRouteRequest
// with when extended acks are on and NETLINK_CAP_ACK is off: the code,
// the whole request, then the NLMSGERR_ATTR_* attributes.
func wireErrorMsg() []byte {
	return wireMsg(NLMSG_ERROR, NLM_F_ACK_TLVS, 7, 0, wireCat(
		wireI32(-int32(unix.EINVAL)),
		wireRouteRequest(),
		wireAttr(NLMSGERR_ATTR_MSG, []byte("Invalid prefix for given prefix length\x00")),
		wireAttr(NLMSGERR_ATTR_OFFS, wireU32(28)),
	))
}

// wireDecodeFuncs are the two spellings of the single-message decoder, which
// must behave identically.
var wireDecodeFuncs = []struct {
	name string
	fn   func([]byte) (*Message, error)
}{
	{"DecodeMessge", DecodeMessge},
	{"DecodeMessage", DecodeMessage},
}

func TestDecodeMessge(t *testing.T) {
	// seq and pid with four distinct bytes catch a swapped byte order or
	// a field read from the wrong offset.
	const seq, pid = 0x01020304, 0x0a0b0c0d
	data5 := []byte{1, 2, 3, 4, 5}

	tests := []struct {
		name     string
		in       []byte
		want     Header
		wantData []byte
		wantErr  bool
	}{
		{name: "nil", in: nil, wantErr: true},
		{name: "empty", in: []byte{}, wantErr: true},
		{name: "one byte", in: []byte{16}, wantErr: true},
		{name: "15 bytes", in: wireHeader(16, RTM_NEWROUTE, 0, 1, 0)[:15], wantErr: true},
		{name: "length 0", in: wireHeader(0, RTM_NEWROUTE, 0, 1, 0), wantErr: true},
		{name: "length 4", in: wireCat(wireHeader(4, RTM_NEWROUTE, 0, 1, 0), make([]byte, 8)), wantErr: true},
		{name: "length 15", in: wireCat(wireHeader(15, RTM_NEWROUTE, 0, 1, 0), make([]byte, 8)), wantErr: true},
		{name: "length one beyond buffer", in: wireHeader(17, RTM_NEWROUTE, 0, 1, 0), wantErr: true},
		{name: "length beyond buffer", in: wireCat(wireHeader(100, RTM_NEWROUTE, 0, 1, 0), make([]byte, 80)), wantErr: true},
		{name: "length max uint32", in: wireCat(wireHeader(math.MaxUint32, RTM_NEWROUTE, 0, 1, 0), make([]byte, 64)), wantErr: true},
		{name: "length max int32+1", in: wireCat(wireHeader(1<<31, RTM_NEWROUTE, 0, 1, 0), make([]byte, 64)), wantErr: true},
		{
			name: "header only",
			in:   wireHeader(16, NLMSG_DONE, NLM_F_MULTI, seq, pid),
			want: Header{Length: 16, Type: NLMSG_DONE, Flags: NLM_F_MULTI, Seq: seq, Pid: pid},
		},
		{
			name: "all fields in host byte order",
			in:   wireHeader(16, 0x1234, 0x5678, seq, pid),
			want: Header{Length: 16, Type: 0x1234, Flags: 0x5678, Seq: seq, Pid: pid},
		},
		{
			name: "max field values",
			in:   wireHeader(16, math.MaxUint16, math.MaxUint16, math.MaxUint32, math.MaxUint32),
			want: Header{Length: 16, Type: math.MaxUint16, Flags: math.MaxUint16, Seq: math.MaxUint32, Pid: math.MaxUint32},
		},
		{
			name:     "aligned payload",
			in:       wireMsg(RTM_NEWLINK, NLM_F_MULTI, seq, pid, wireFill(8, 1)),
			want:     Header{Length: 24, Type: RTM_NEWLINK, Flags: NLM_F_MULTI, Seq: seq, Pid: pid},
			wantData: wireFill(8, 1),
		},
		{
			name:     "unaligned payload with padding",
			in:       wireMsg(RTM_NEWLINK, 0, seq, pid, data5),
			want:     Header{Length: 21, Type: RTM_NEWLINK, Seq: seq, Pid: pid},
			wantData: data5,
		},
		{
			name:     "unaligned payload without padding",
			in:       wireMsgNoPad(RTM_NEWLINK, 0, seq, pid, data5),
			want:     Header{Length: 21, Type: RTM_NEWLINK, Seq: seq, Pid: pid},
			wantData: data5,
		},
		{
			name:     "non-zero padding bytes ignored",
			in:       wireCat(wireMsgNoPad(RTM_NEWLINK, 0, seq, pid, data5), []byte{0xff, 0xff, 0xff}),
			want:     Header{Length: 21, Type: RTM_NEWLINK, Seq: seq, Pid: pid},
			wantData: data5,
		},
		{
			name:     "trailing bytes ignored",
			in:       wireCat(wireMsg(RTM_NEWADDR, 0, seq, pid, data5), []byte{9, 9, 9, 9, 9, 9, 9}),
			want:     Header{Length: 21, Type: RTM_NEWADDR, Seq: seq, Pid: pid},
			wantData: data5,
		},
		{
			name:     "second message ignored",
			in:       wireCat(wireMsg(RTM_NEWADDR, 0, seq, pid, data5), wireMsg(RTM_DELADDR, 0, 9, 9, wireFill(12, 50))),
			want:     Header{Length: 21, Type: RTM_NEWADDR, Seq: seq, Pid: pid},
			wantData: data5,
		},
		{
			name: "NLMSG_NOOP is decoded, not skipped",
			in:   wireHeader(16, NLMSG_NOOP, 0, 1, 0),
			want: Header{Length: 16, Type: NLMSG_NOOP, Seq: 1},
		},
		{
			name:     "route notification",
			in:       wireRouteMsg(),
			want:     Header{Length: 60, Type: RTM_NEWROUTE},
			wantData: wireRouteData(),
		},
	}
	for _, tt := range tests {
		for _, d := range wireDecodeFuncs {
			t.Run(tt.name+"/"+d.name, func(t *testing.T) {
				in := bytes.Clone(tt.in)
				m, err := d.fn(in)
				if !bytes.Equal(in, tt.in) {
					t.Errorf("%s modified its input", d.name)
				}
				if tt.wantErr {
					if err == nil {
						t.Fatalf("%s(% x) = %+v, nil; want an error", d.name, tt.in, m)
					}
					if !errors.Is(err, ErrMalformed) {
						t.Errorf("%s error %q does not wrap ErrMalformed", d.name, err)
					}
					if m != nil {
						t.Errorf("%s returned message %+v with error %q", d.name, m, err)
					}
					return
				}
				if err != nil {
					t.Fatalf("%s(% x): %v", d.name, tt.in, err)
				}
				if m.Header != tt.want {
					t.Errorf("header = %+v, want %+v", m.Header, tt.want)
				}
				if got, want := len(m.Data), int(m.Length)-16; got != want {
					t.Errorf("len(Data) = %d, want Length-16 = %d", got, want)
				}
				if !bytes.Equal(m.Data, tt.wantData) {
					t.Errorf("Data = % x, want % x", m.Data, tt.wantData)
				}
			})
		}
	}
}

// TestDecodeMessgeSpellingsAgree checks that both names give the same
// results, on valid and invalid inputs.
func TestDecodeMessgeSpellingsAgree(t *testing.T) {
	inputs := [][]byte{
		nil,
		wireHeader(15, 1, 0, 0, 0),
		wireRouteMsg(),
		wireErrorMsg(),
		wireCat(wireRouteMsg(), wireRouteMsg()),
	}
	for _, in := range inputs {
		m1, err1 := DecodeMessge(in)
		m2, err2 := DecodeMessage(in)
		if (err1 == nil) != (err2 == nil) {
			t.Errorf("% x: DecodeMessge error %v, DecodeMessage error %v", in, err1, err2)
			continue
		}
		if err1 != nil {
			if err1.Error() != err2.Error() {
				t.Errorf("% x: errors differ: %q and %q", in, err1, err2)
			}
			continue
		}
		if m1.Header != m2.Header || !bytes.Equal(m1.Data, m2.Data) {
			t.Errorf("% x: DecodeMessge = %+v, DecodeMessage = %+v", in, m1, m2)
		}
	}
}

func TestDecodeMessgeDataIsCopy(t *testing.T) {
	for _, d := range wireDecodeFuncs {
		t.Run(d.name, func(t *testing.T) {
			in := wireCat(wireRouteMsg(), wireRouteMsg())
			m, err := d.fn(in)
			if err != nil {
				t.Fatal(err)
			}
			want := bytes.Clone(m.Data)

			// Overwrite the input, as a reader reusing its buffer does.
			for i := range in {
				in[i] = 0xee
			}
			if !bytes.Equal(m.Data, want) {
				t.Fatalf("Data changed with the input buffer: % x", m.Data)
			}

			// Writing Data must not write into the input either.
			in2 := wireRouteMsg()
			orig := bytes.Clone(in2)
			m2, err := d.fn(in2)
			if err != nil {
				t.Fatal(err)
			}
			for i := range m2.Data {
				m2.Data[i] = 0xdd
			}
			_ = append(m2.Data, 1, 2, 3, 4)
			if !bytes.Equal(in2, orig) {
				t.Fatalf("writing Data changed the input: % x", in2)
			}
		})
	}
}

// wireWantMsg is a decoded message expected by a table.
type wireWantMsg struct {
	h    Header
	data []byte
}

func TestDecodeMessages(t *testing.T) {
	a := wireFill(5, 1)  // needs 3 bytes of padding
	b := wireFill(8, 20) // aligned
	c := wireFill(7, 40) // needs 1 byte of padding
	d := wireFill(2, 60) // needs 2 bytes of padding

	hdr := func(n int, typ, flags uint16, seq uint32) Header {
		return Header{Length: uint32(16 + n), Type: typ, Flags: flags, Seq: seq}
	}

	tests := []struct {
		name    string
		in      []byte
		want    []wireWantMsg
		wantErr bool
	}{
		{name: "nil", in: nil},
		{name: "empty", in: []byte{}},
		{
			name: "one",
			in:   wireRouteMsg(),
			want: []wireWantMsg{{Header{Length: 60, Type: RTM_NEWROUTE}, wireRouteData()}},
		},
		{
			name: "one without padding",
			in:   wireMsgNoPad(RTM_NEWLINK, 0, 1, 0, a),
			want: []wireWantMsg{{hdr(5, RTM_NEWLINK, 0, 1), a}},
		},
		{
			name: "several aligned",
			in: wireCat(
				wireMsg(RTM_NEWROUTE, NLM_F_MULTI, 1, 0, b),
				wireMsg(RTM_NEWROUTE, NLM_F_MULTI, 1, 0, b),
				wireMsg(NLMSG_DONE, NLM_F_MULTI, 1, 0, wireI32(0)),
			),
			want: []wireWantMsg{
				{hdr(8, RTM_NEWROUTE, NLM_F_MULTI, 1), b},
				{hdr(8, RTM_NEWROUTE, NLM_F_MULTI, 1), b},
				{hdr(4, NLMSG_DONE, NLM_F_MULTI, 1), wireI32(0)},
			},
		},
		{
			name: "several padded",
			in: wireCat(
				wireMsg(RTM_NEWLINK, 0, 1, 0, a),
				wireMsg(RTM_NEWADDR, 0, 2, 0, c),
				wireMsg(RTM_NEWNEIGH, 0, 3, 0, d),
			),
			want: []wireWantMsg{
				{hdr(5, RTM_NEWLINK, 0, 1), a},
				{hdr(7, RTM_NEWADDR, 0, 2), c},
				{hdr(2, RTM_NEWNEIGH, 0, 3), d},
			},
		},
		{
			name: "final padding missing",
			in: wireCat(
				wireMsg(RTM_NEWLINK, 0, 1, 0, a),
				wireMsgNoPad(RTM_NEWADDR, 0, 2, 0, c),
			),
			want: []wireWantMsg{
				{hdr(5, RTM_NEWLINK, 0, 1), a},
				{hdr(7, RTM_NEWADDR, 0, 2), c},
			},
		},
		{
			name: "final padding partly missing",
			in: wireCat(
				wireMsg(RTM_NEWLINK, 0, 1, 0, b),
				wireMsgNoPad(RTM_NEWADDR, 0, 2, 0, a), []byte{0},
			),
			want: []wireWantMsg{
				{hdr(8, RTM_NEWLINK, 0, 1), b},
				{hdr(5, RTM_NEWADDR, 0, 2), a},
			},
		},
		{
			name: "empty payloads",
			in: wireCat(
				wireHeader(16, RTM_NEWLINK, 0, 1, 0),
				wireHeader(16, RTM_DELLINK, 0, 2, 0),
			),
			want: []wireWantMsg{
				{hdr(0, RTM_NEWLINK, 0, 1), nil},
				{hdr(0, RTM_DELLINK, 0, 2), nil},
			},
		},
		{
			name: "NLMSG_NOOP skipped",
			in: wireCat(
				wireHeader(16, NLMSG_NOOP, 0, 0, 0),
				wireMsg(RTM_NEWLINK, 0, 1, 0, a),
				wireMsg(NLMSG_NOOP, 0, 0, 0, c),
				wireMsg(RTM_NEWADDR, 0, 2, 0, b),
				wireHeader(16, NLMSG_NOOP, 0, 0, 0),
			),
			want: []wireWantMsg{
				{hdr(5, RTM_NEWLINK, 0, 1), a},
				{hdr(8, RTM_NEWADDR, 0, 2), b},
			},
		},
		{
			name: "only NLMSG_NOOP",
			in:   wireCat(wireHeader(16, NLMSG_NOOP, 0, 0, 0), wireHeader(16, NLMSG_NOOP, 0, 0, 0)),
		},
		{
			name:    "short first header",
			in:      wireHeader(16, RTM_NEWLINK, 0, 1, 0)[:10],
			wantErr: true,
		},
		{
			name: "length beyond buffer in the middle",
			in: wireCat(
				wireMsg(RTM_NEWLINK, 0, 1, 0, a),
				wireMsg(RTM_NEWADDR, 0, 2, 0, b),
				wireHeader(200, RTM_NEWROUTE, 0, 3, 0),
				wireMsg(RTM_NEWNEIGH, 0, 4, 0, d),
			),
			want: []wireWantMsg{
				{hdr(5, RTM_NEWLINK, 0, 1), a},
				{hdr(8, RTM_NEWADDR, 0, 2), b},
			},
			wantErr: true,
		},
		{
			name: "length below header in the middle",
			in: wireCat(
				wireMsg(RTM_NEWLINK, 0, 1, 0, a),
				wireHeader(8, RTM_NEWROUTE, 0, 3, 0),
				wireMsg(RTM_NEWNEIGH, 0, 4, 0, d),
			),
			want:    []wireWantMsg{{hdr(5, RTM_NEWLINK, 0, 1), a}},
			wantErr: true,
		},
		{
			name: "length zero in the middle",
			in: wireCat(
				wireMsg(RTM_NEWLINK, 0, 1, 0, a),
				wireHeader(0, 0, 0, 0, 0),
				wireMsg(RTM_NEWNEIGH, 0, 4, 0, d),
			),
			want:    []wireWantMsg{{hdr(5, RTM_NEWLINK, 0, 1), a}},
			wantErr: true,
		},
		{
			name: "truncated trailing header",
			in: wireCat(
				wireMsg(RTM_NEWLINK, 0, 1, 0, a),
				wireMsg(RTM_NEWADDR, 0, 2, 0, b),
				wireHeader(16, RTM_NEWROUTE, 0, 3, 0)[:12],
			),
			want: []wireWantMsg{
				{hdr(5, RTM_NEWLINK, 0, 1), a},
				{hdr(8, RTM_NEWADDR, 0, 2), b},
			},
			wantErr: true,
		},
		{
			name: "truncated last message",
			in: wireCat(
				wireMsg(RTM_NEWLINK, 0, 1, 0, a),
				wireMsg(RTM_NEWADDR, 0, 2, 0, b)[:20],
			),
			want:    []wireWantMsg{{hdr(5, RTM_NEWLINK, 0, 1), a}},
			wantErr: true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := bytes.Clone(tt.in)
			msgs, err := DecodeMessages(in)
			if !bytes.Equal(in, tt.in) {
				t.Errorf("DecodeMessages modified its input")
			}
			if tt.wantErr {
				if !errors.Is(err, ErrMalformed) {
					t.Errorf("error = %v, want one wrapping ErrMalformed", err)
				}
			} else if err != nil {
				t.Errorf("unexpected error: %v", err)
			}
			if len(msgs) != len(tt.want) {
				t.Fatalf("got %d messages %+v, want %d", len(msgs), msgs, len(tt.want))
			}
			for i, m := range msgs {
				if m.Header != tt.want[i].h {
					t.Errorf("message %d header = %+v, want %+v", i, m.Header, tt.want[i].h)
				}
				if !bytes.Equal(m.Data, tt.want[i].data) {
					t.Errorf("message %d Data = % x, want % x", i, m.Data, tt.want[i].data)
				}
				if m.Type == NLMSG_NOOP {
					t.Errorf("message %d is an NLMSG_NOOP", i)
				}
			}
		})
	}
}

// TestDecodeMessagesOwnData checks that the Data of every message is
// neither an alias of the input nor of the next message's bytes.
func TestDecodeMessagesOwnData(t *testing.T) {
	a, b, c := wireFill(5, 1), wireFill(8, 20), wireFill(4, 40)
	in := wireCat(
		wireMsg(RTM_NEWLINK, 0, 1, 0, a),
		wireMsg(RTM_NEWADDR, 0, 2, 0, b),
		wireMsg(RTM_NEWROUTE, 0, 3, 0, c),
	)
	msgs, err := DecodeMessages(in)
	if err != nil {
		t.Fatal(err)
	}
	if len(msgs) != 3 {
		t.Fatalf("got %d messages, want 3", len(msgs))
	}
	for i, m := range msgs {
		if cap(m.Data) != len(m.Data) {
			t.Errorf("message %d: cap(Data) = %d, len(Data) = %d; appending would overwrite what follows", i, cap(m.Data), len(m.Data))
		}
	}

	// The input buffer is reused by the caller.
	for i := range in {
		in[i] = 0xee
	}
	want := [][]byte{a, b, c}
	for i, m := range msgs {
		if !bytes.Equal(m.Data, want[i]) {
			t.Fatalf("message %d Data changed with the input: % x", i, m.Data)
		}
	}

	// Appending to one message's Data must not touch its neighbours.
	msgs[0].Data = append(msgs[0].Data, 0xaa, 0xaa, 0xaa, 0xaa, 0xaa, 0xaa, 0xaa, 0xaa, 0xaa, 0xaa, 0xaa, 0xaa, 0xaa, 0xaa, 0xaa, 0xaa, 0xaa, 0xaa, 0xaa, 0xaa)
	msgs[1].Data = append(msgs[1].Data, 0xbb, 0xbb, 0xbb, 0xbb, 0xbb, 0xbb, 0xbb, 0xbb, 0xbb, 0xbb, 0xbb, 0xbb, 0xbb, 0xbb, 0xbb, 0xbb, 0xbb, 0xbb, 0xbb, 0xbb)
	if !bytes.Equal(msgs[1].Data[:len(b)], b) {
		t.Errorf("appending to message 0 changed message 1: % x", msgs[1].Data)
	}
	if !bytes.Equal(msgs[2].Data, c) {
		t.Errorf("appending to message 1 changed message 2: % x", msgs[2].Data)
	}
}

func TestMarshalBinary(t *testing.T) {
	tests := []struct {
		name    string
		m       Message
		want    []byte
		wantErr bool
	}{
		{
			name: "length computed, no payload",
			m:    Message{Header: Header{Type: NLMSG_DONE, Flags: NLM_F_MULTI, Seq: 0x01020304, Pid: 0x0a0b0c0d}},
			want: wireHeader(16, NLMSG_DONE, NLM_F_MULTI, 0x01020304, 0x0a0b0c0d),
		},
		{
			name: "length given, no payload",
			m:    Message{Header: Header{Length: 16, Type: NLMSG_DONE}},
			want: wireHeader(16, NLMSG_DONE, 0, 0, 0),
		},
		{
			name: "length computed, aligned",
			m:    Message{Header: Header{Type: RTM_NEWROUTE, Seq: 3}, Data: wireRouteData()},
			want: wireMsg(RTM_NEWROUTE, 0, 3, 0, wireRouteData()),
		},
		{
			name: "length given, aligned",
			m:    Message{Header: Header{Length: 60, Type: RTM_NEWROUTE}, Data: wireRouteData()},
			want: wireRouteMsg(),
		},
		{name: "1 byte, 3 of padding", m: Message{Header: Header{Type: 100}, Data: []byte{1}}, want: wireMsg(100, 0, 0, 0, []byte{1})},
		{name: "2 bytes, 2 of padding", m: Message{Header: Header{Type: 100}, Data: []byte{1, 2}}, want: wireMsg(100, 0, 0, 0, []byte{1, 2})},
		{name: "3 bytes, 1 of padding", m: Message{Header: Header{Type: 100}, Data: []byte{1, 2, 3}}, want: wireMsg(100, 0, 0, 0, []byte{1, 2, 3})},
		{name: "5 bytes, length given", m: Message{Header: Header{Length: 21, Type: 100}, Data: wireFill(5, 1)}, want: wireMsg(100, 0, 0, 0, wireFill(5, 1))},
		{name: "length too small", m: Message{Header: Header{Length: 20, Type: 100}, Data: wireFill(5, 1)}, wantErr: true},
		{name: "length too large", m: Message{Header: Header{Length: 24, Type: 100}, Data: wireFill(5, 1)}, wantErr: true},
		{name: "length below header", m: Message{Header: Header{Length: 4, Type: 100}}, wantErr: true},
		{name: "length without data", m: Message{Header: Header{Length: 60, Type: RTM_NEWROUTE}}, wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := tt.m
			got, err := m.MarshalBinary()
			if tt.wantErr {
				if !errors.Is(err, ErrMalformed) {
					t.Fatalf("MarshalBinary() = % x, %v; want an error wrapping ErrMalformed", got, err)
				}
				return
			}
			if err != nil {
				t.Fatalf("MarshalBinary(): %v", err)
			}
			if !bytes.Equal(got, tt.want) {
				t.Errorf("MarshalBinary() =\n% x\nwant\n% x", got, tt.want)
			}
			if len(got)%4 != 0 {
				t.Errorf("length %d is not a multiple of 4", len(got))
			}
			if !bytes.Equal(m.Data, tt.m.Data) {
				t.Errorf("MarshalBinary modified Data")
			}
		})
	}
}

func TestMarshalBinaryRoundTrip(t *testing.T) {
	in := []Message{
		{Header: Header{Type: RTM_NEWROUTE, Flags: NLM_F_MULTI, Seq: 1, Pid: 77}, Data: wireRouteData()},
		{Header: Header{Type: RTM_NEWLINK, Flags: NLM_F_MULTI, Seq: 1, Pid: 77}, Data: wireFill(5, 1)},
		{Header: Header{Type: RTM_NEWADDR, Flags: NLM_F_MULTI, Seq: 1, Pid: 77}, Data: wireFill(6, 1)},
		{Header: Header{Type: RTM_NEWNEIGH, Flags: NLM_F_MULTI, Seq: 1, Pid: 77}, Data: wireFill(7, 1)},
		{Header: Header{Type: 0xffff, Flags: 0xffff, Seq: math.MaxUint32, Pid: math.MaxUint32}},
		{Header: Header{Type: NLMSG_DONE, Flags: NLM_F_MULTI, Seq: 1, Pid: 77}, Data: wireI32(0)},
	}
	var buf []byte
	for i := range in {
		b, err := in[i].MarshalBinary()
		if err != nil {
			t.Fatalf("message %d: %v", i, err)
		}
		buf = append(buf, b...)
	}
	out, err := DecodeMessages(buf)
	if err != nil {
		t.Fatal(err)
	}
	if len(out) != len(in) {
		t.Fatalf("decoded %d messages, want %d", len(out), len(in))
	}
	for i := range in {
		want := in[i].Header
		want.Length = uint32(16 + len(in[i].Data))
		if out[i].Header != want {
			t.Errorf("message %d header = %+v, want %+v", i, out[i].Header, want)
		}
		if !bytes.Equal(out[i].Data, in[i].Data) {
			t.Errorf("message %d Data = % x, want % x", i, out[i].Data, in[i].Data)
		}
		// Decoded messages marshal back to the same bytes.
		b, err := out[i].MarshalBinary()
		if err != nil {
			t.Fatalf("re-marshal message %d: %v", i, err)
		}
		b2, _ := in[i].MarshalBinary()
		if !bytes.Equal(b, b2) {
			t.Errorf("message %d re-marshals to % x, want % x", i, b, b2)
		}
	}
}

func TestWireHeaderString(t *testing.T) {
	tests := []struct {
		name    string
		h       Header
		want    []string // substrings that must appear
		wantAny [][]string
		wantNot []string // substrings that must not appear
	}{
		{
			name: "new route request",
			h:    Header{Length: 52, Type: RTM_NEWROUTE, Flags: NLM_F_REQUEST | NLM_F_ACK, Seq: 3},
			want: []string{"RTM_NEWROUTE", "REQUEST", "ACK", "seq=3", "52"},
		},
		{
			name:    "new route create excl",
			h:       Header{Length: 60, Type: RTM_NEWROUTE, Flags: NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE | NLM_F_EXCL, Seq: 9, Pid: 1234},
			want:    []string{"RTM_NEWROUTE", "REQUEST", "ACK", "CREATE", "EXCL", "seq=9", "1234"},
			wantNot: []string{"MATCH", "ATOMIC", "ROOT", "DUMP"},
		},
		{
			name:    "new link replace",
			h:       Header{Type: RTM_NEWLINK, Flags: NLM_F_REQUEST | NLM_F_REPLACE},
			want:    []string{"RTM_NEWLINK", "REQUEST", "REPLACE"},
			wantNot: []string{"ROOT", "NONREC", "CAPPED"},
		},
		{
			name:    "route dump",
			h:       Header{Type: RTM_GETROUTE, Flags: NLM_F_REQUEST | NLM_F_DUMP, Seq: 1},
			want:    []string{"RTM_GETROUTE", "REQUEST"},
			wantAny: [][]string{{"DUMP"}, {"ROOT", "MATCH"}},
			wantNot: []string{"REPLACE", "EXCL", "NONREC", "BULK"},
		},
		{
			name:    "delete non-recursive",
			h:       Header{Type: RTM_DELROUTE, Flags: NLM_F_REQUEST | NLM_F_NONREC},
			want:    []string{"RTM_DELROUTE", "REQUEST", "NONREC"},
			wantNot: []string{"ROOT", "REPLACE"},
		},
		{
			name: "multipart notification",
			h:    Header{Length: 60, Type: RTM_NEWADDR, Flags: NLM_F_MULTI, Seq: 42},
			want: []string{"RTM_NEWADDR", "MULTI", "seq=42", "60"},
		},
		{
			name:    "extended error",
			h:       Header{Type: NLMSG_ERROR, Flags: NLM_F_CAPPED | NLM_F_ACK_TLVS, Seq: 5},
			want:    []string{"NLMSG_ERROR", "CAPPED", "ACK_TLVS", "seq=5"},
			wantNot: []string{"ROOT", "REPLACE", "NONREC"},
		},
		{
			name: "done",
			h:    Header{Type: NLMSG_DONE, Flags: NLM_F_MULTI, Seq: 2},
			want: []string{"NLMSG_DONE", "MULTI", "seq=2"},
		},
		{
			name: "overrun",
			h:    Header{Type: NLMSG_OVERRUN},
			want: []string{"NLMSG_OVERRUN"},
		},
		{
			name: "unknown type",
			h:    Header{Type: 0x1234},
			want: []string{"0x1234"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := tt.h.String()
			for _, w := range tt.want {
				if !strings.Contains(s, w) {
					t.Errorf("%+v.String() = %q, missing %q", tt.h, s, w)
				}
			}
			if len(tt.wantAny) > 0 {
				ok := false
				for _, set := range tt.wantAny {
					all := true
					for _, w := range set {
						all = all && strings.Contains(s, w)
					}
					ok = ok || all
				}
				if !ok {
					t.Errorf("%+v.String() = %q, want one of %q", tt.h, s, tt.wantAny)
				}
			}
			for _, w := range tt.wantNot {
				if strings.Contains(s, w) {
					t.Errorf("%+v.String() = %q, should not contain %q", tt.h, s, w)
				}
			}
			// The embedded header's String is the message's.
			m := Message{Header: tt.h}
			if ms := m.String(); !strings.Contains(ms, s) {
				t.Errorf("Message.String() = %q does not contain Header.String() %q", ms, s)
			}
		})
	}
}

func TestWireMessageString(t *testing.T) {
	errMsg := func(flags uint16, data []byte) *Message {
		return &Message{Header: Header{Length: uint32(16 + len(data)), Type: NLMSG_ERROR, Flags: flags, Seq: 7}, Data: data}
	}
	tests := []struct {
		name    string
		m       *Message
		want    []string
		wantNot []string
	}{
		{name: "nil", m: nil},
		{
			name: "route",
			m:    &Message{Header: Header{Length: 60, Type: RTM_NEWROUTE, Flags: NLM_F_MULTI, Seq: 3}, Data: wireRouteData()},
			want: []string{"RTM_NEWROUTE", "MULTI", "seq=3", "44"},
		},
		{
			name:    "ack",
			m:       errMsg(NLM_F_CAPPED, wireCat(wireI32(0), wireHeader(36, RTM_NEWROUTE, NLM_F_REQUEST|NLM_F_ACK, 7, 1234))),
			want:    []string{"NLMSG_ERROR", "ack"},
			wantNot: []string{"file exists"},
		},
		{
			name: "EEXIST",
			m:    errMsg(NLM_F_CAPPED, wireCat(wireI32(-int32(unix.EEXIST)), wireHeader(36, RTM_NEWROUTE, NLM_F_REQUEST|NLM_F_ACK, 7, 1234))),
			want: []string{"NLMSG_ERROR", unix.EEXIST.Error()},
		},
		{
			name: "extended ack",
			m: func() *Message {
				m, err := DecodeMessge(wireErrorMsg())
				if err != nil {
					t.Fatal(err)
				}
				return m
			}(),
			want: []string{"NLMSG_ERROR", "ACK_TLVS", unix.EINVAL.Error(), "Invalid prefix for given prefix length"},
		},
		{
			name: "truncated error",
			m:    errMsg(0, []byte{1, 2}),
			want: []string{"NLMSG_ERROR"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := tt.m.String()
			if s == "" {
				t.Errorf("String() is empty")
			}
			for _, w := range tt.want {
				if !strings.Contains(s, w) {
					t.Errorf("String() = %q, missing %q", s, w)
				}
			}
			for _, w := range tt.wantNot {
				if strings.Contains(s, w) {
					t.Errorf("String() = %q, should not contain %q", s, w)
				}
			}
		})
	}
}

// wireErrResult describes the expected outcome of decodeErrorPayload.
type wireErrResult struct {
	ok        bool       // nil error: an acknowledgement
	malformed bool       // an error wrapping ErrMalformed
	errno     unix.Errno // otherwise an *Error with these fields
	msg       string
	offset    uint32
	request   Header
}

func TestDecodeErrorPayload(t *testing.T) {
	const capped, tlvs = NLM_F_CAPPED, NLM_F_ACK_TLVS
	req := wireRouteRequest() // 44 bytes
	reqHdr := Header{Length: 44, Type: RTM_NEWROUTE, Flags: NLM_F_REQUEST | NLM_F_ACK | NLM_F_EXCL | NLM_F_CREATE, Seq: 7, Pid: 1234}
	// A request of unaligned length (21 bytes), padded to 24 on the wire.
	oddReq := wireMsg(RTM_NEWLINK, NLM_F_REQUEST|NLM_F_ACK, 8, 99, []byte{1, 2, 3, 4, 5})
	oddHdr := Header{Length: 21, Type: RTM_NEWLINK, Flags: NLM_F_REQUEST | NLM_F_ACK, Seq: 8, Pid: 99}
	code := func(e unix.Errno) []byte { return wireI32(-int32(e)) }
	msgAttr := func(s string) []byte { return wireAttr(NLMSGERR_ATTR_MSG, append([]byte(s), 0)) }
	offsAttr := func(o uint32) []byte { return wireAttr(NLMSGERR_ATTR_OFFS, wireU32(o)) }

	tests := []struct {
		name  string
		typ   uint16
		flags uint16
		data  []byte
		want  wireErrResult
	}{
		// Acknowledgements.
		{name: "ack capped", typ: NLMSG_ERROR, flags: capped, data: wireCat(wireI32(0), req[:16]), want: wireErrResult{ok: true}},
		{name: "ack full request", typ: NLMSG_ERROR, data: wireCat(wireI32(0), req), want: wireErrResult{ok: true}},
		{name: "ack code only", typ: NLMSG_ERROR, data: wireI32(0), want: wireErrResult{ok: true}},
		{name: "ack with warning TLV", typ: NLMSG_ERROR, flags: capped | tlvs, data: wireCat(wireI32(0), req[:16], msgAttr("warning")), want: wireErrResult{ok: true}},

		// Errors without extended ack.
		{
			name: "EEXIST full request", typ: NLMSG_ERROR, data: wireCat(code(unix.EEXIST), req),
			want: wireErrResult{errno: unix.EEXIST, request: reqHdr},
		},
		{
			name: "EEXIST capped", typ: NLMSG_ERROR, flags: capped, data: wireCat(code(unix.EEXIST), req[:16]),
			want: wireErrResult{errno: unix.EEXIST, request: reqHdr},
		},
		{
			name: "ENOENT capped", typ: NLMSG_ERROR, flags: capped, data: wireCat(code(unix.ENOENT), req[:16]),
			want: wireErrResult{errno: unix.ENOENT, request: reqHdr},
		},
		{
			name: "EPERM code only", typ: NLMSG_ERROR, data: code(unix.EPERM),
			want: wireErrResult{errno: unix.EPERM},
		},
		{
			name: "positive code", typ: NLMSG_ERROR, flags: capped, data: wireCat(wireI32(int32(unix.EBUSY)), req[:16]),
			want: wireErrResult{errno: unix.EBUSY, request: reqHdr},
		},

		// Extended acks.
		{
			name: "ext ack capped", typ: NLMSG_ERROR, flags: capped | tlvs,
			data: wireCat(code(unix.EINVAL), req[:16], msgAttr("Invalid prefix for given prefix length"), offsAttr(28)),
			want: wireErrResult{errno: unix.EINVAL, msg: "Invalid prefix for given prefix length", offset: 28, request: reqHdr},
		},
		{
			name: "ext ack full request", typ: NLMSG_ERROR, flags: tlvs,
			data: wireCat(code(unix.EINVAL), req, msgAttr("Invalid prefix for given prefix length"), offsAttr(28)),
			want: wireErrResult{errno: unix.EINVAL, msg: "Invalid prefix for given prefix length", offset: 28, request: reqHdr},
		},
		{
			name: "ext ack full unaligned request", typ: NLMSG_ERROR, flags: tlvs,
			data: wireCat(code(unix.EOPNOTSUPP), oddReq, msgAttr("Unknown device type"), offsAttr(16)),
			want: wireErrResult{errno: unix.EOPNOTSUPP, msg: "Unknown device type", offset: 16, request: oddHdr},
		},
		{
			name: "ext ack offset before message", typ: NLMSG_ERROR, flags: capped | tlvs,
			data: wireCat(code(unix.ERANGE), req[:16], offsAttr(32), msgAttr("out of range")),
			want: wireErrResult{errno: unix.ERANGE, msg: "out of range", offset: 32, request: reqHdr},
		},
		{
			name: "ext ack message only", typ: NLMSG_ERROR, flags: capped | tlvs,
			data: wireCat(code(unix.ENODEV), req[:16], msgAttr("Device not found")),
			want: wireErrResult{errno: unix.ENODEV, msg: "Device not found", request: reqHdr},
		},
		{
			name: "ext ack message without NUL", typ: NLMSG_ERROR, flags: capped | tlvs,
			data: wireCat(code(unix.ENODEV), req[:16], wireAttr(NLMSGERR_ATTR_MSG, []byte("no nul"))),
			want: wireErrResult{errno: unix.ENODEV, msg: "no nul", request: reqHdr},
		},
		{
			name: "ext ack other attributes ignored", typ: NLMSG_ERROR, flags: capped | tlvs,
			data: wireCat(code(unix.EINVAL), req[:16],
				wireAttr(NLMSGERR_ATTR_COOKIE, wireFill(8, 1)),
				msgAttr("bad"),
				wireAttr(NLMSGERR_ATTR_MISS_TYPE, wireU32(3)),
				offsAttr(20)),
			want: wireErrResult{errno: unix.EINVAL, msg: "bad", offset: 20, request: reqHdr},
		},
		{
			name: "TLVs ignored without NLM_F_ACK_TLVS", typ: NLMSG_ERROR, flags: capped,
			data: wireCat(code(unix.EINVAL), req[:16], msgAttr("ignored"), offsAttr(28)),
			want: wireErrResult{errno: unix.EINVAL, request: reqHdr},
		},
		{
			// The errno is what matters; broken extended-ack attributes
			// must not hide it.
			name: "ext ack truncated attribute", typ: NLMSG_ERROR, flags: capped | tlvs,
			data: wireCat(code(unix.EINVAL), req[:16], msgAttr("text")[:6]),
			want: wireErrResult{errno: unix.EINVAL, request: reqHdr},
		},
		{
			name: "ext ack echoed request longer than payload", typ: NLMSG_ERROR, flags: tlvs,
			data: wireCat(code(unix.EINVAL), req[:30]),
			want: wireErrResult{errno: unix.EINVAL, request: reqHdr},
		},
		{
			name: "echoed header truncated", typ: NLMSG_ERROR,
			data: wireCat(code(unix.EEXIST), req[:10]),
			want: wireErrResult{errno: unix.EEXIST},
		},

		// NLMSG_DONE.
		{name: "done without code", typ: NLMSG_DONE, flags: NLM_F_MULTI, want: wireErrResult{ok: true}},
		{name: "done code 0", typ: NLMSG_DONE, flags: NLM_F_MULTI, data: wireI32(0), want: wireErrResult{ok: true}},
		{name: "done short", typ: NLMSG_DONE, flags: NLM_F_MULTI, data: []byte{0, 0}, want: wireErrResult{ok: true}},
		{
			name: "done with error", typ: NLMSG_DONE, flags: NLM_F_MULTI, data: code(unix.EMSGSIZE),
			want: wireErrResult{errno: unix.EMSGSIZE},
		},
		{
			// netlink_dump_done puts the extended ack attributes right
			// after the code, with no echoed request.
			name: "done with error and ext ack", typ: NLMSG_DONE, flags: NLM_F_MULTI | tlvs,
			data: wireCat(code(unix.EINVAL), msgAttr("Invalid data after header in route dump request")),
			want: wireErrResult{errno: unix.EINVAL, msg: "Invalid data after header in route dump request"},
		},

		// Truncated payloads.
		{name: "error empty", typ: NLMSG_ERROR, want: wireErrResult{malformed: true}},
		{name: "error 1 byte", typ: NLMSG_ERROR, data: []byte{0xef}, want: wireErrResult{malformed: true}},
		{name: "error 3 bytes", typ: NLMSG_ERROR, data: code(unix.EEXIST)[:3], want: wireErrResult{malformed: true}},
		{name: "error 3 bytes with flags", typ: NLMSG_ERROR, flags: capped | tlvs, data: []byte{0, 0, 0}, want: wireErrResult{malformed: true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := Header{Length: uint32(16 + len(tt.data)), Type: tt.typ, Flags: tt.flags, Seq: 7}
			data := bytes.Clone(tt.data)
			err := decodeErrorPayload(h, data)
			if !bytes.Equal(data, tt.data) {
				t.Errorf("decodeErrorPayload modified its input")
			}
			wireCheckErr(t, err, tt.want)
		})
	}
}

// wireCheckErr compares an error from decodeErrorPayload with want.
func wireCheckErr(t *testing.T, err error, want wireErrResult) {
	t.Helper()
	switch {
	case want.ok:
		if err != nil {
			t.Fatalf("error = %v, want nil (an acknowledgement)", err)
		}
		return
	case want.malformed:
		if !errors.Is(err, ErrMalformed) {
			t.Fatalf("error = %v, want one wrapping ErrMalformed", err)
		}
		var ke *Error
		if errors.As(err, &ke) {
			t.Errorf("malformed payload gave a kernel error %+v", ke)
		}
		return
	}
	if err == nil {
		t.Fatalf("error = nil, want errno %v", want.errno)
	}
	if !errors.Is(err, want.errno) {
		t.Errorf("errors.Is(%v, %v) = false", err, want.errno)
	}
	if errors.Is(err, ErrMalformed) {
		t.Errorf("kernel error %v wraps ErrMalformed", err)
	}
	var errno unix.Errno
	if !errors.As(err, &errno) || errno != want.errno {
		t.Errorf("errors.As(Errno) = %v, want %v", errno, want.errno)
	}
	var ke *Error
	if !errors.As(err, &ke) {
		t.Fatalf("error %v (%T) is not an *Error", err, err)
	}
	if ke.Errno != want.errno {
		t.Errorf("Errno = %v, want %v", ke.Errno, want.errno)
	}
	if ke.Message != want.msg {
		t.Errorf("Message = %q, want %q", ke.Message, want.msg)
	}
	if ke.Offset != want.offset {
		t.Errorf("Offset = %d, want %d", ke.Offset, want.offset)
	}
	if ke.Request != want.request {
		t.Errorf("Request = %+v, want %+v", ke.Request, want.request)
	}
	s := err.Error()
	if !strings.Contains(s, want.errno.Error()) {
		t.Errorf("Error() = %q, missing the errno text %q", s, want.errno.Error())
	}
	if want.msg != "" && !strings.Contains(s, want.msg) {
		t.Errorf("Error() = %q, missing the extended ack text %q", s, want.msg)
	}
}

// TestDecodeErrorPayloadFromWire decodes a whole NLMSG_ERROR datagram as
// a reader does, then its payload.
func TestDecodeErrorPayloadFromWire(t *testing.T) {
	in := wireCat(wireRouteMsg(), wireErrorMsg())
	msgs, err := DecodeMessages(in)
	if err != nil {
		t.Fatal(err)
	}
	if len(msgs) != 2 || msgs[1].Type != NLMSG_ERROR {
		t.Fatalf("decoded %+v, want a route and an NLMSG_ERROR", msgs)
	}
	err = decodeErrorPayload(msgs[1].Header, msgs[1].Data)
	wireCheckErr(t, err, wireErrResult{
		errno:  unix.EINVAL,
		msg:    "Invalid prefix for given prefix length",
		offset: 28,
		request: Header{Length: 44, Type: RTM_NEWROUTE,
			Flags: NLM_F_REQUEST | NLM_F_ACK | NLM_F_EXCL | NLM_F_CREATE, Seq: 7, Pid: 1234},
	})
	if errors.Is(err, unix.EEXIST) {
		t.Errorf("errors.Is(%v, EEXIST) = true", err)
	}
}

// TestDecodeErrorPayloadOddCodes checks codes no kernel sends: they must
// still give an error, never a panic.
func TestDecodeErrorPayloadOddCodes(t *testing.T) {
	for _, c := range []int32{math.MinInt32, math.MaxInt32, -1, 1, -4095, -70000} {
		for _, flags := range []uint16{0, NLM_F_CAPPED, NLM_F_ACK_TLVS, NLM_F_CAPPED | NLM_F_ACK_TLVS} {
			for _, typ := range []uint16{NLMSG_ERROR, NLMSG_DONE} {
				err := decodeErrorPayload(Header{Type: typ, Flags: flags}, wireI32(c))
				if err == nil {
					t.Errorf("code %d type %d flags %#x: nil error", c, typ, flags)
					continue
				}
				var ke *Error
				if !errors.As(err, &ke) {
					t.Errorf("code %d: %T, want *Error", c, err)
					continue
				}
				if ke.Errno == 0 {
					t.Errorf("code %d: Errno 0", c)
				}
				_ = err.Error()
			}
		}
	}
}

// TestDecodeErrorPayloadHugeEchoedLength feeds echoed request lengths
// that are negative when converted to int on 32-bit platforms.
func TestDecodeErrorPayloadHugeEchoedLength(t *testing.T) {
	for _, l := range []uint32{math.MaxUint32, math.MaxUint32 - 7, 1 << 31, 0x80000004, 0, 3, 15} {
		data := wireCat(wireI32(-int32(unix.EINVAL)), wireHeader(l, RTM_NEWROUTE, 0, 1, 2), wireAttr(NLMSGERR_ATTR_MSG, []byte("x\x00")))
		for _, flags := range []uint16{0, NLM_F_ACK_TLVS} {
			err := decodeErrorPayload(Header{Type: NLMSG_ERROR, Flags: flags}, data)
			if !errors.Is(err, unix.EINVAL) {
				t.Errorf("echoed length %#x flags %#x: error %v, want EINVAL", l, flags, err)
			}
		}
	}
}
