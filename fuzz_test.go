package netlink

import (
	"bytes"
	"encoding/binary"
	"errors"
	"testing"

	"golang.org/x/sys/unix"
)

// wireFuzzSeeds are realistic datagrams and corner cases for the
// message decoders.
func wireFuzzSeeds() [][]byte {
	route := wireRouteMsg()
	return [][]byte{
		nil,
		route,
		wireErrorMsg(),
		wireCat(route, wireErrorMsg()), // two concatenated messages
		wireCat(
			wireMsg(RTM_NEWROUTE, NLM_F_MULTI, 5, 4242, wireRouteData()),
			wireMsg(RTM_NEWROUTE, NLM_F_MULTI, 5, 4242, wireRouteData()),
			wireMsg(NLMSG_DONE, NLM_F_MULTI, 5, 4242, wireI32(0)),
		),
		wireCat(wireHeader(16, NLMSG_NOOP, 0, 0, 0), wireMsgNoPad(RTM_NEWLINK, 0, 1, 0, []byte{1, 2, 3, 4, 5})),
		wireMsg(NLMSG_ERROR, NLM_F_CAPPED, 9, 0, wireCat(wireI32(0), wireHeader(36, RTM_NEWROUTE, NLM_F_REQUEST|NLM_F_ACK, 9, 1))),
		wireHeader(0, RTM_NEWROUTE, 0, 0, 0),
		wireHeader(17, RTM_NEWROUTE, 0, 0, 0),
		wireHeader(0xffffffff, RTM_NEWROUTE, 0, 0, 0),
		route[:15],
		wireCat(route, route[:20]),
	}
}

func FuzzDecodeMessge(f *testing.F) {
	for _, s := range wireFuzzSeeds() {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		in := bytes.Clone(b)
		m, err := DecodeMessge(b)
		if !bytes.Equal(in, b) {
			t.Fatalf("DecodeMessge modified its input")
		}
		m2, err2 := DecodeMessage(b)
		if (err == nil) != (err2 == nil) {
			t.Fatalf("DecodeMessge error %v, DecodeMessage error %v", err, err2)
		}
		if err != nil {
			if m != nil {
				t.Fatalf("message %+v returned with error %v", m, err)
			}
			if !errors.Is(err, ErrMalformed) {
				t.Fatalf("error %v does not wrap ErrMalformed", err)
			}
			if len(b) >= 16 {
				if l := int(wireLength(b)); l >= 16 && l <= len(b) {
					t.Fatalf("rejected a message of valid length %d in %d bytes: %v", l, len(b), err)
				}
			}
			return
		}
		if m == nil {
			t.Fatal("nil message without error")
		}
		if m.Length < 16 || uint64(m.Length) > uint64(len(b)) {
			t.Fatalf("Length %d outside 16..%d", m.Length, len(b))
		}
		if len(m.Data) != int(m.Length)-16 {
			t.Fatalf("len(Data) = %d, want %d", len(m.Data), m.Length-16)
		}
		if !bytes.Equal(m.Data, b[16:m.Length]) {
			t.Fatalf("Data = % x, want % x", m.Data, b[16:m.Length])
		}
		if m.Header != m2.Header || !bytes.Equal(m.Data, m2.Data) {
			t.Fatalf("DecodeMessge = %+v, DecodeMessage = %+v", m, m2)
		}
		// Data is a copy.
		if len(m.Data) > 0 {
			m.Data[0]++
			if m.Data[0] == b[16] {
				t.Fatalf("Data aliases the input")
			}
		}
		_ = m.String()
	})
}

// wireLength returns the nlmsg_len field of b.
func wireLength(b []byte) uint32 { return binary.NativeEndian.Uint32(b[:4]) }

func FuzzDecodeMessages(f *testing.F) {
	for _, s := range wireFuzzSeeds() {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		in := bytes.Clone(b)
		msgs, err := DecodeMessages(b)
		if !bytes.Equal(in, b) {
			t.Fatalf("DecodeMessages modified its input")
		}
		if err != nil && !errors.Is(err, ErrMalformed) {
			t.Fatalf("error %v does not wrap ErrMalformed", err)
		}
		// The messages returned, with or without an error, are well
		// formed and account for no more than the input.
		sum := 0
		var out []byte
		for i := range msgs {
			m := &msgs[i]
			if m.Type == NLMSG_NOOP {
				t.Fatalf("message %d is an NLMSG_NOOP", i)
			}
			if m.Length < 16 || len(m.Data) != int(m.Length)-16 {
				t.Fatalf("message %d: Length %d with %d bytes of data", i, m.Length, len(m.Data))
			}
			if cap(m.Data) != len(m.Data) {
				t.Fatalf("message %d: cap(Data) %d != len %d", i, cap(m.Data), len(m.Data))
			}
			sum += (int(m.Length) + 3) &^ 3
			mb, err := m.MarshalBinary()
			if err != nil {
				t.Fatalf("message %d %+v does not marshal: %v", i, m.Header, err)
			}
			out = append(out, mb...)
		}
		if sum > len(b)+3 {
			t.Fatalf("aligned lengths sum to %d, input is %d bytes", sum, len(b))
		}
		again, err := DecodeMessages(out)
		if err != nil {
			t.Fatalf("re-decoding the marshalled messages: %v", err)
		}
		if len(again) != len(msgs) {
			t.Fatalf("re-decoded %d messages, want %d", len(again), len(msgs))
		}
		for i := range msgs {
			if again[i].Header != msgs[i].Header || !bytes.Equal(again[i].Data, msgs[i].Data) {
				t.Fatalf("message %d: re-decoded %+v, want %+v", i, again[i], msgs[i])
			}
		}
		// The first message agrees with DecodeMessge when it is not a
		// NOOP.
		if len(msgs) > 0 && len(b) >= 16 {
			if first, err := DecodeMessge(b); err == nil && first.Type != NLMSG_NOOP {
				if first.Header != msgs[0].Header || !bytes.Equal(first.Data, msgs[0].Data) {
					t.Fatalf("DecodeMessge = %+v, DecodeMessages[0] = %+v", first, msgs[0])
				}
			}
		}
		for i := range msgs {
			_ = msgs[i].String()
		}
	})
}

func FuzzErrorPayload(f *testing.F) {
	req := wireRouteRequest()
	f.Add(uint16(NLMSG_ERROR), uint16(NLM_F_ACK_TLVS), wireErrorMsg()[16:])
	f.Add(uint16(NLMSG_ERROR), uint16(NLM_F_CAPPED|NLM_F_ACK_TLVS), wireCat(
		wireI32(-int32(unix.EINVAL)), req[:16],
		wireAttr(NLMSGERR_ATTR_MSG, []byte("Invalid prefix for given prefix length\x00")),
		wireAttr(NLMSGERR_ATTR_OFFS, wireU32(28)),
	))
	f.Add(uint16(NLMSG_ERROR), uint16(NLM_F_CAPPED), wireCat(wireI32(0), req[:16]))
	f.Add(uint16(NLMSG_ERROR), uint16(0), wireCat(wireI32(-int32(unix.EEXIST)), req))
	f.Add(uint16(NLMSG_ERROR), uint16(0), []byte{1, 2})
	f.Add(uint16(NLMSG_DONE), uint16(NLM_F_MULTI), wireI32(0))
	f.Add(uint16(NLMSG_DONE), uint16(NLM_F_MULTI|NLM_F_ACK_TLVS), wireCat(
		wireI32(-int32(unix.EINVAL)),
		wireAttr(NLMSGERR_ATTR_MSG, []byte("Invalid header for route dump request\x00")),
	))
	f.Add(uint16(NLMSG_ERROR), uint16(NLM_F_ACK_TLVS), wireCat(
		wireI32(-int32(unix.EINVAL)), wireHeader(0xfffffff8, RTM_NEWROUTE, 0, 1, 1)))
	f.Fuzz(func(t *testing.T, typ, flags uint16, data []byte) {
		h := Header{Length: uint32(16 + len(data)), Type: typ, Flags: flags}
		in := bytes.Clone(data)
		err := decodeErrorPayload(h, data)
		if !bytes.Equal(in, data) {
			t.Fatalf("decodeErrorPayload modified its input")
		}
		if err != nil {
			_ = err.Error()
			var ke *Error
			if errors.As(err, &ke) {
				if ke.Errno == 0 {
					t.Fatalf("*Error with Errno 0: %v", err)
				}
				if !errors.Is(err, ke.Errno) {
					t.Fatalf("errors.Is(%v, %v) = false", err, ke.Errno)
				}
			} else if !errors.Is(err, ErrMalformed) {
				t.Fatalf("error %v (%T) is neither *Error nor ErrMalformed", err, err)
			}
		}
		if typ == NLMSG_ERROR && len(data) < 4 && !errors.Is(err, ErrMalformed) {
			t.Fatalf("%d-byte NLMSG_ERROR payload: %v, want ErrMalformed", len(data), err)
		}
		m := Message{Header: h, Data: data}
		_ = m.String()
	})
}

// FuzzAttributes checks the attribute decoder against arbitrary bytes:
// no panic, every getter safe, and what ParseAttributes returns re-encodes
// to bytes that parse the same.
func FuzzAttributes(f *testing.F) {
	f.Add(wireRouteData()[12:])
	f.Add(wireErrorMsg()[16+4+44:])
	f.Add(wireAttr(8|NLA_F_NESTED, wireCat(wireAttr(2, wireU32(1400)), wireAttr(3, []byte{1, 2}))))
	f.Add([]byte{5, 0, 1, 0, 7})
	f.Add([]byte{0xff, 0xff, 1, 0})
	f.Fuzz(func(t *testing.T, b []byte) {
		in := bytes.Clone(b)
		ad := NewAttributeDecoder(b)
		consumed := 0
		for ad.Next() {
			consumed += (4 + ad.Len() + 3) &^ 3
			_ = ad.Type()
			_ = ad.TypeFlags()
			_ = ad.String()
			_ = ad.Bytes()
			nd := ad.Nested()
			for nd.Next() {
				_ = nd.Uint8()
			}
			// Each getter may fail, ending the iteration; try them in
			// an order chosen by the data.
			switch ad.Len() {
			case 1:
				_ = ad.Uint8()
			case 2:
				_ = ad.Uint16()
				_ = ad.BigEndianUint16()
			case 4:
				_ = ad.Uint32()
				_ = ad.Int32()
				_ = ad.Uint64()
				_ = ad.Addr()
			case 8:
				_ = ad.Uint64()
			case 16:
				_ = ad.Addr()
			default:
				_ = ad.Attribute()
			}
			if ad.Err() != nil {
				t.Fatalf("getter of the right size failed: %v", ad.Err())
			}
		}
		if consumed > len(b)+3 {
			t.Fatalf("consumed %d of %d bytes", consumed, len(b))
		}
		if ad.Err() != nil && !errors.Is(ad.Err(), ErrMalformed) {
			t.Fatalf("error %v does not wrap ErrMalformed", ad.Err())
		}
		if !bytes.Equal(in, b) {
			t.Fatalf("decoding modified the input")
		}

		attrs, err := ParseAttributes(b)
		if (err == nil) != (ad.Err() == nil) {
			t.Fatalf("ParseAttributes error %v, decoder error %v", err, ad.Err())
		}
		var ae AttributeEncoder
		for _, a := range attrs {
			ae.Attr(a.Type, a.Data)
		}
		if ae.Err() != nil {
			t.Fatalf("re-encoding: %v", ae.Err())
		}
		again, err := ParseAttributes(ae.Bytes())
		if err != nil || len(again) != len(attrs) {
			t.Fatalf("re-parsed %d attributes (%v), want %d", len(again), err, len(attrs))
		}
		for i := range attrs {
			if again[i].Type != attrs[i].Type || !bytes.Equal(again[i].Data, attrs[i].Data) {
				t.Fatalf("attribute %d: %+v, want %+v", i, again[i], attrs[i])
			}
		}
	})
}
