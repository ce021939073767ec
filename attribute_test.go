package netlink

import (
	"bytes"
	"encoding/binary"
	"errors"
	"math"
	"net/netip"
	"strings"
	"testing"
)

func TestAttributeDecoderGetters(t *testing.T) {
	v4 := netip.MustParseAddr("192.0.2.1")
	v6 := netip.MustParseAddr("2001:db8::1")
	mapped := netip.MustParseAddr("::ffff:192.0.2.1")

	tests := []struct {
		name string
		data []byte
		get  func(*AttributeDecoder) any
		want any
	}{
		{"Uint8", []byte{0xab}, func(ad *AttributeDecoder) any { return ad.Uint8() }, uint8(0xab)},
		{"Uint16", wireU16(0x1234), func(ad *AttributeDecoder) any { return ad.Uint16() }, uint16(0x1234)},
		{"Uint32", wireU32(0x01020304), func(ad *AttributeDecoder) any { return ad.Uint32() }, uint32(0x01020304)},
		{"Uint32 max", wireU32(math.MaxUint32), func(ad *AttributeDecoder) any { return ad.Uint32() }, uint32(math.MaxUint32)},
		{"Int32 negative", wireI32(-5), func(ad *AttributeDecoder) any { return ad.Int32() }, int32(-5)},
		{"Int32 min", wireI32(math.MinInt32), func(ad *AttributeDecoder) any { return ad.Int32() }, int32(math.MinInt32)},
		{"Uint64", wireU64(0x0102030405060708), func(ad *AttributeDecoder) any { return ad.Uint64() }, uint64(0x0102030405060708)},
		{"Uint64 from 4 bytes", wireU32(0xfedcba98), func(ad *AttributeDecoder) any { return ad.Uint64() }, uint64(0xfedcba98)},
		{"BigEndianUint16", []byte{0x12, 0x34}, func(ad *AttributeDecoder) any { return ad.BigEndianUint16() }, uint16(0x1234)},
		{"String with NUL", []byte("eth0\x00"), func(ad *AttributeDecoder) any { return ad.String() }, "eth0"},
		{"String without NUL", []byte("eth0"), func(ad *AttributeDecoder) any { return ad.String() }, "eth0"},
		{"String stops at first NUL", []byte("ab\x00cd\x00"), func(ad *AttributeDecoder) any { return ad.String() }, "ab"},
		{"String empty", nil, func(ad *AttributeDecoder) any { return ad.String() }, ""},
		{"String only NUL", []byte{0}, func(ad *AttributeDecoder) any { return ad.String() }, ""},
		{"Addr IPv4", v4.AsSlice(), func(ad *AttributeDecoder) any { return ad.Addr() }, v4},
		{"Addr IPv6", v6.AsSlice(), func(ad *AttributeDecoder) any { return ad.Addr() }, v6},
		{"Addr IPv4-mapped IPv6", mapped.AsSlice(), func(ad *AttributeDecoder) any { return ad.Addr() }, mapped},
		{"Bytes", []byte{1, 2, 3, 4, 5}, func(ad *AttributeDecoder) any { return string(ad.Bytes()) }, "\x01\x02\x03\x04\x05"},
		{"Len", []byte{1, 2, 3, 4, 5}, func(ad *AttributeDecoder) any { return ad.Len() }, 5},
		{"Len empty", nil, func(ad *AttributeDecoder) any { return ad.Len() }, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// The attribute under test sits between two others, so that
			// a wrong length or padding shows in its neighbours.
			b := wireCat(
				wireAttr(1, wireU32(11)),
				wireAttr(2, tt.data),
				wireAttr(3, wireU32(33)),
			)
			ad := NewAttributeDecoder(b)
			if !ad.Next() || ad.Type() != 1 || ad.Uint32() != 11 {
				t.Fatalf("first attribute wrong: type %d, err %v", ad.Type(), ad.Err())
			}
			if !ad.Next() {
				t.Fatalf("Next() = false, err %v", ad.Err())
			}
			if ad.Type() != 2 {
				t.Errorf("Type() = %d, want 2", ad.Type())
			}
			if got := tt.get(&ad); got != tt.want {
				t.Errorf("got %v (%T), want %v (%T)", got, got, tt.want, tt.want)
			}
			if err := ad.Err(); err != nil {
				t.Fatalf("Err() = %v", err)
			}
			if !ad.Next() || ad.Type() != 3 || ad.Uint32() != 33 {
				t.Fatalf("third attribute wrong: type %d, err %v", ad.Type(), ad.Err())
			}
			if ad.Next() {
				t.Fatalf("Next() = true after the last attribute")
			}
			if err := ad.Err(); err != nil {
				t.Fatalf("Err() = %v", err)
			}
		})
	}
}

func TestAttributeDecoderWrongSize(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		get  func(*AttributeDecoder) any
		zero any
	}{
		{"Uint8 empty", nil, func(ad *AttributeDecoder) any { return ad.Uint8() }, uint8(0)},
		{"Uint8 2 bytes", []byte{1, 2}, func(ad *AttributeDecoder) any { return ad.Uint8() }, uint8(0)},
		{"Uint16 1 byte", []byte{1}, func(ad *AttributeDecoder) any { return ad.Uint16() }, uint16(0)},
		{"Uint16 4 bytes", wireU32(7), func(ad *AttributeDecoder) any { return ad.Uint16() }, uint16(0)},
		{"Uint32 2 bytes", wireU16(7), func(ad *AttributeDecoder) any { return ad.Uint32() }, uint32(0)},
		{"Uint32 8 bytes", wireU64(7), func(ad *AttributeDecoder) any { return ad.Uint32() }, uint32(0)},
		{"Int32 3 bytes", []byte{1, 2, 3}, func(ad *AttributeDecoder) any { return ad.Int32() }, int32(0)},
		{"Uint64 2 bytes", wireU16(7), func(ad *AttributeDecoder) any { return ad.Uint64() }, uint64(0)},
		{"Uint64 6 bytes", wireFill(6, 1), func(ad *AttributeDecoder) any { return ad.Uint64() }, uint64(0)},
		{"Uint64 16 bytes", wireFill(16, 1), func(ad *AttributeDecoder) any { return ad.Uint64() }, uint64(0)},
		{"BigEndianUint16 4 bytes", wireU32(7), func(ad *AttributeDecoder) any { return ad.BigEndianUint16() }, uint16(0)},
		{"Addr empty", nil, func(ad *AttributeDecoder) any { return ad.Addr() }, netip.Addr{}},
		{"Addr 5 bytes", wireFill(5, 1), func(ad *AttributeDecoder) any { return ad.Addr() }, netip.Addr{}},
		{"Addr 6 bytes (MAC)", wireFill(6, 1), func(ad *AttributeDecoder) any { return ad.Addr() }, netip.Addr{}},
		{"Addr 8 bytes", wireFill(8, 1), func(ad *AttributeDecoder) any { return ad.Addr() }, netip.Addr{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := wireCat(wireAttr(5, tt.data), wireAttr(6, wireU32(66)), wireAttr(7, wireU32(77)))
			ad := NewAttributeDecoder(b)
			if !ad.Next() {
				t.Fatalf("Next() = false, err %v", ad.Err())
			}
			if got := tt.get(&ad); got != tt.zero {
				t.Errorf("got %v, want the zero value %v", got, tt.zero)
			}
			err := ad.Err()
			if !errors.Is(err, ErrMalformed) {
				t.Fatalf("Err() = %v, want one wrapping ErrMalformed", err)
			}
			if ad.Next() {
				t.Errorf("Next() = true after a size error (type %d)", ad.Type())
			}
			if ad.Next() {
				t.Errorf("Next() = true twice after a size error")
			}
			// The first error stays.
			_ = ad.Uint8()
			_ = ad.Uint16()
			if ad.Err() != err {
				t.Errorf("Err() changed from %v to %v", err, ad.Err())
			}
		})
	}
}

func TestAttributeDecoderMalformed(t *testing.T) {
	// hdr is an attribute header with an arbitrary length.
	hdr := func(n, typ uint16) []byte { return wireCat(wireU16(n), wireU16(typ)) }
	good := wireAttr(1, wireU32(1))

	tests := []struct {
		name    string
		in      []byte
		wantN   int // attributes returned before the end
		wantErr bool
	}{
		{name: "nil", in: nil},
		{name: "empty", in: []byte{}},
		{name: "one", in: good, wantN: 1},
		{name: "empty payload", in: hdr(4, 9), wantN: 1},
		{name: "1 byte", in: []byte{8}, wantErr: true},
		{name: "3 bytes", in: []byte{8, 0, 1}, wantErr: true},
		{name: "truncated header after a good one", in: wireCat(good, []byte{8, 0}), wantN: 1, wantErr: true},
		{name: "length 0", in: wireCat(hdr(0, 1), wireU32(1)), wantErr: true},
		{name: "length 0 after a good one", in: wireCat(good, hdr(0, 1), good), wantN: 1, wantErr: true},
		{name: "length 3", in: wireCat(hdr(3, 1), wireU32(1)), wantErr: true},
		{name: "length beyond buffer", in: wireCat(hdr(9, 1), wireU32(1)), wantErr: true},
		{name: "length far beyond buffer", in: wireCat(good, hdr(0xffff, 1), wireU32(1)), wantN: 1, wantErr: true},
		{name: "last one unpadded", in: wireCat(good, hdr(5, 2), []byte{7}), wantN: 2},
		{name: "last one partly padded", in: wireCat(good, hdr(5, 2), []byte{7, 0}), wantN: 2},
		{name: "last one padded", in: wireCat(good, hdr(5, 2), []byte{7, 0, 0, 0}), wantN: 2},
		{name: "garbage after padding", in: wireCat(good, hdr(5, 2), []byte{7, 0, 0, 0, 1}), wantN: 2, wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ad := NewAttributeDecoder(tt.in)
			n := 0
			for ad.Next() {
				n++
				if n > len(tt.in) {
					t.Fatalf("Next() does not end")
				}
			}
			if n != tt.wantN {
				t.Errorf("got %d attributes, want %d", n, tt.wantN)
			}
			err := ad.Err()
			if tt.wantErr {
				if !errors.Is(err, ErrMalformed) {
					t.Errorf("Err() = %v, want one wrapping ErrMalformed", err)
				}
			} else if err != nil {
				t.Errorf("Err() = %v", err)
			}
			if ad.Next() {
				t.Errorf("Next() = true after the end")
			}
		})
	}
}

func TestAttributeDecoderPadding(t *testing.T) {
	// Payloads of every length modulo 4.
	var in []byte
	var want [][]byte
	for n := 0; n <= 9; n++ {
		p := wireFill(n, byte(n*16))
		want = append(want, p)
		in = append(in, wireAttr(uint16(100+n), p)...)
	}
	ad := NewAttributeDecoder(in)
	i := 0
	for ad.Next() {
		if i >= len(want) {
			t.Fatalf("more attributes than written")
		}
		if ad.Type() != uint16(100+i) {
			t.Errorf("attribute %d: Type() = %d, want %d", i, ad.Type(), 100+i)
		}
		if !bytes.Equal(ad.Bytes(), want[i]) {
			t.Errorf("attribute %d: Bytes() = % x, want % x", i, ad.Bytes(), want[i])
		}
		if cap(ad.Bytes()) != len(ad.Bytes()) {
			t.Errorf("attribute %d: cap(Bytes()) = %d, len %d", i, cap(ad.Bytes()), len(ad.Bytes()))
		}
		i++
	}
	if err := ad.Err(); err != nil {
		t.Fatal(err)
	}
	if i != len(want) {
		t.Fatalf("decoded %d attributes, want %d", i, len(want))
	}
}

func TestAttributeDecoderNested(t *testing.T) {
	const (
		typeMetrics = 8  // RTA_METRICS
		typeMTU     = 2  // RTAX_MTU
		typeWindow  = 3  // RTAX_WINDOW
		typeInner   = 20 // a nested attribute inside the nest
	)
	inner := wireAttr(typeInner|NLA_F_NESTED, wireAttr(1, []byte("x\x00")))
	nest := wireCat(wireAttr(typeMTU, wireU32(1400)), inner, wireAttr(typeWindow|NLA_F_NET_BYTEORDER, []byte{0x01, 0x02}))
	in := wireCat(
		wireAttr(wireRTA_OIF, wireU32(2)),
		wireAttr(typeMetrics|NLA_F_NESTED, nest),
		wireAttr(wireRTA_TABLE, wireU32(254)),
	)

	ad := NewAttributeDecoder(in)
	var sawNest, sawTable bool
	for ad.Next() {
		switch ad.Type() {
		case wireRTA_OIF:
			if ad.TypeFlags() != wireRTA_OIF {
				t.Errorf("OIF TypeFlags() = %#x", ad.TypeFlags())
			}
		case typeMetrics:
			sawNest = true
			if ad.TypeFlags() != typeMetrics|NLA_F_NESTED {
				t.Errorf("TypeFlags() = %#x, want %#x", ad.TypeFlags(), typeMetrics|NLA_F_NESTED)
			}
			if got := ad.Attribute().Type; got != typeMetrics|NLA_F_NESTED {
				t.Errorf("Attribute().Type = %#x, want the flag kept", got)
			}
			nd := ad.Nested()
			var mtu uint32
			var window uint16
			var name string
			for nd.Next() {
				switch nd.Type() {
				case typeMTU:
					mtu = nd.Uint32()
				case typeWindow:
					if nd.TypeFlags() != typeWindow|NLA_F_NET_BYTEORDER {
						t.Errorf("window TypeFlags() = %#x", nd.TypeFlags())
					}
					window = nd.BigEndianUint16()
				case typeInner:
					id := nd.Nested()
					for id.Next() {
						name = id.String()
					}
					if err := id.Err(); err != nil {
						t.Errorf("inner nest: %v", err)
					}
				default:
					t.Errorf("unexpected nested type %#x (flags %#x)", nd.Type(), nd.TypeFlags())
				}
			}
			if err := nd.Err(); err != nil {
				t.Fatalf("nested: %v", err)
			}
			if mtu != 1400 || window != 0x0102 || name != "x" {
				t.Errorf("nested values mtu=%d window=%#x name=%q", mtu, window, name)
			}
		case wireRTA_TABLE:
			sawTable = true
			if ad.Uint32() != 254 {
				t.Errorf("table = %d", ad.Uint32())
			}
		default:
			t.Errorf("unexpected type %#x", ad.TypeFlags())
		}
	}
	if err := ad.Err(); err != nil {
		t.Fatal(err)
	}
	if !sawNest || !sawTable {
		t.Fatalf("nest seen %v, table seen %v", sawNest, sawTable)
	}
}

// TestAttributeDecoderNestedError checks that a malformed nest is reported
// by the nested decoder without breaking the outer iteration.
func TestAttributeDecoderNestedError(t *testing.T) {
	in := wireCat(
		wireAttr(1|NLA_F_NESTED, wireCat(wireAttr(1, wireU32(1)), []byte{0xff, 0x00, 0x01, 0x00})),
		wireAttr(2, wireU32(2)),
	)
	ad := NewAttributeDecoder(in)
	if !ad.Next() {
		t.Fatal(ad.Err())
	}
	nd := ad.Nested()
	n := 0
	for nd.Next() {
		n++
	}
	if n != 1 || !errors.Is(nd.Err(), ErrMalformed) {
		t.Errorf("nested: %d attributes, err %v; want 1 and ErrMalformed", n, nd.Err())
	}
	if !ad.Next() || ad.Type() != 2 || ad.Uint32() != 2 {
		t.Errorf("outer decoder broken after the nested error: type %d err %v", ad.Type(), ad.Err())
	}
}

func TestAttributeDecoderTypeFlags(t *testing.T) {
	for _, typ := range []uint16{0, 1, 0x3fff, NLA_F_NESTED | 5, NLA_F_NET_BYTEORDER | 5, NLA_F_NESTED | NLA_F_NET_BYTEORDER | 0x3fff} {
		ad := NewAttributeDecoder(wireAttr(typ, nil))
		if !ad.Next() {
			t.Fatalf("type %#x: %v", typ, ad.Err())
		}
		if got, want := ad.Type(), typ&0x3fff; got != want {
			t.Errorf("type %#x: Type() = %#x, want %#x", typ, got, want)
		}
		if got := ad.TypeFlags(); got != typ {
			t.Errorf("type %#x: TypeFlags() = %#x", typ, got)
		}
	}
}

func TestAttributeDecoderAttributeCopies(t *testing.T) {
	in := wireCat(wireAttr(1|NLA_F_NESTED, wireFill(6, 1)), wireAttr(2, wireFill(3, 9)))
	ad := NewAttributeDecoder(in)
	if !ad.Next() {
		t.Fatal(ad.Err())
	}
	a := ad.Attribute()
	for i := range in {
		in[i] = 0xee
	}
	if a.Type != 1|NLA_F_NESTED {
		t.Errorf("Type = %#x, want %#x", a.Type, 1|NLA_F_NESTED)
	}
	if !bytes.Equal(a.Data, wireFill(6, 1)) {
		t.Errorf("Attribute().Data changed with the buffer: % x", a.Data)
	}
}

func TestParseAttributes(t *testing.T) {
	tests := []struct {
		name    string
		in      []byte
		want    []Attribute
		wantErr bool
	}{
		{name: "nil", in: nil},
		{
			name: "route attributes",
			in:   wireRouteData()[12:],
			want: []Attribute{
				{Type: wireRTA_TABLE, Data: wireU32(254)},
				{Type: wireRTA_DST, Data: []byte{10, 0, 0, 0}},
				{Type: wireRTA_PREFSRC, Data: []byte{10, 0, 0, 5}},
				{Type: wireRTA_OIF, Data: wireU32(2)},
			},
		},
		{
			name: "flags kept, padding dropped",
			in:   wireCat(wireAttr(3|NLA_F_NESTED, wireAttr(1, []byte{1})), wireAttr(4, []byte{1, 2, 3}), wireAttr(5, nil)),
			want: []Attribute{
				{Type: 3 | NLA_F_NESTED, Data: wireAttr(1, []byte{1})},
				{Type: 4, Data: []byte{1, 2, 3}},
				{Type: 5},
			},
		},
		{
			name:    "error after two",
			in:      wireCat(wireAttr(1, []byte{1}), wireAttr(2, []byte{2}), []byte{200, 0, 3, 0}),
			want:    []Attribute{{Type: 1, Data: []byte{1}}, {Type: 2, Data: []byte{2}}},
			wantErr: true,
		},
		{
			name:    "truncated",
			in:      []byte{8, 0},
			wantErr: true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := bytes.Clone(tt.in)
			attrs, err := ParseAttributes(in)
			if tt.wantErr != (err != nil) {
				t.Fatalf("error = %v, want error %v", err, tt.wantErr)
			}
			if err != nil && !errors.Is(err, ErrMalformed) {
				t.Errorf("error %v does not wrap ErrMalformed", err)
			}
			if len(attrs) != len(tt.want) {
				t.Fatalf("got %d attributes %+v, want %d", len(attrs), attrs, len(tt.want))
			}
			for i := range in {
				in[i] = 0xee
			}
			for i, a := range attrs {
				if a.Type != tt.want[i].Type || !bytes.Equal(a.Data, tt.want[i].Data) {
					t.Errorf("attribute %d = %+v, want %+v", i, a, tt.want[i])
				}
			}
			// Appending to one attribute's data leaves the next alone.
			if len(attrs) >= 2 {
				next := bytes.Clone(attrs[1].Data)
				_ = append(attrs[0].Data, 0xaa, 0xaa, 0xaa, 0xaa, 0xaa, 0xaa, 0xaa, 0xaa)
				if !bytes.Equal(attrs[1].Data, next) {
					t.Errorf("appending to attribute 0 changed attribute 1")
				}
			}
		})
	}
}

func TestAttributeEncoderBytes(t *testing.T) {
	v4 := netip.MustParseAddr("10.0.0.1")
	v6 := netip.MustParseAddr("fe80::1")
	tests := []struct {
		name   string
		encode func(*AttributeEncoder)
		want   []byte
	}{
		{"Uint8", func(ae *AttributeEncoder) { ae.Uint8(1, 0xab) }, wireAttr(1, []byte{0xab})},
		{"Uint16", func(ae *AttributeEncoder) { ae.Uint16(2, 0x1234) }, wireAttr(2, wireU16(0x1234))},
		{"Uint32", func(ae *AttributeEncoder) { ae.Uint32(3, 0x01020304) }, wireAttr(3, wireU32(0x01020304))},
		{"Uint64", func(ae *AttributeEncoder) { ae.Uint64(4, 0x0102030405060708) }, wireAttr(4, wireU64(0x0102030405060708))},
		{"BigEndianUint16", func(ae *AttributeEncoder) { ae.BigEndianUint16(5, 0x1234) }, wireAttr(5, []byte{0x12, 0x34})},
		{"String", func(ae *AttributeEncoder) { ae.String(6, "eth0") }, wireAttr(6, []byte("eth0\x00"))},
		{"String empty", func(ae *AttributeEncoder) { ae.String(6, "") }, wireAttr(6, []byte{0})},
		{"Addr IPv4", func(ae *AttributeEncoder) { ae.Addr(7, v4) }, wireAttr(7, []byte{10, 0, 0, 1})},
		{"Addr IPv6", func(ae *AttributeEncoder) { ae.Addr(7, v6) }, wireAttr(7, v6.AsSlice())},
		{"Addr IPv6 zone dropped", func(ae *AttributeEncoder) { ae.Addr(7, v6.WithZone("eth0")) }, wireAttr(7, v6.AsSlice())},
		{"Flag", func(ae *AttributeEncoder) { ae.Flag(8) }, wireAttr(8, nil)},
		{"Attr", func(ae *AttributeEncoder) { ae.Attr(9, []byte{1, 2, 3, 4, 5}) }, wireAttr(9, []byte{1, 2, 3, 4, 5})},
		{"Attr nil", func(ae *AttributeEncoder) { ae.Attr(9, nil) }, wireAttr(9, nil)},
		{
			"Nested",
			func(ae *AttributeEncoder) {
				ae.Nested(10, func(ae *AttributeEncoder) {
					ae.Uint32(2, 1400)
					ae.Uint8(3, 1)
				})
			},
			wireAttr(10|NLA_F_NESTED, wireCat(wireAttr(2, wireU32(1400)), wireAttr(3, []byte{1}))),
		},
		{
			"Nested empty",
			func(ae *AttributeEncoder) { ae.Nested(11, func(*AttributeEncoder) {}) },
			wireAttr(11|NLA_F_NESTED, nil),
		},
		{
			"Nested twice",
			func(ae *AttributeEncoder) {
				ae.Nested(12, func(ae *AttributeEncoder) {
					ae.Nested(13, func(ae *AttributeEncoder) { ae.String(1, "ab") })
					ae.Uint16(2, 7)
				})
			},
			wireAttr(12|NLA_F_NESTED, wireCat(
				wireAttr(13|NLA_F_NESTED, wireAttr(1, []byte("ab\x00"))),
				wireAttr(2, wireU16(7)),
			)),
		},
		{
			"sequence",
			func(ae *AttributeEncoder) {
				ae.Uint8(1, 1)
				ae.String(2, "lo")
				ae.Uint32(3, 3)
			},
			wireCat(wireAttr(1, []byte{1}), wireAttr(2, []byte("lo\x00")), wireAttr(3, wireU32(3))),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ae AttributeEncoder // the zero value is ready
			tt.encode(&ae)
			if err := ae.Err(); err != nil {
				t.Fatalf("Err() = %v", err)
			}
			if got := ae.Bytes(); !bytes.Equal(got, tt.want) {
				t.Errorf("Bytes() =\n% x\nwant\n% x", got, tt.want)
			}

			// The same after a fixed header, as when building a message.
			prefix := wireRtmsg(2, 24, 254, 4, 0, 1)
			pe := NewAttributeEncoder(bytes.Clone(prefix))
			tt.encode(pe)
			if err := pe.Err(); err != nil {
				t.Fatalf("with prefix: Err() = %v", err)
			}
			if got, want := pe.Bytes(), wireCat(prefix, tt.want); !bytes.Equal(got, want) {
				t.Errorf("with prefix: Bytes() =\n% x\nwant\n% x", got, want)
			}
		})
	}
}

func TestAttributeEncoderRoundTrip(t *testing.T) {
	v4 := netip.MustParseAddr("198.51.100.7")
	v6 := netip.MustParseAddr("2001:db8::42")

	var ae AttributeEncoder
	ae.Uint8(1, 0xfe)
	ae.Uint16(2, 0xbeef)
	ae.Uint32(3, 0xdeadbeef)
	ae.Uint64(4, math.MaxUint64-1)
	ae.BigEndianUint16(5, 8080)
	ae.String(6, "veth-long-name")
	ae.Addr(7, v4)
	ae.Addr(8, v6)
	ae.Flag(9)
	ae.Attr(10, []byte{9, 8, 7})
	ae.Uint32(11, uint32(0xffffffff)) // read back as Int32
	ae.Nested(12, func(ae *AttributeEncoder) {
		ae.Uint32(1, 100)
		ae.Nested(2, func(ae *AttributeEncoder) { ae.Addr(1, v6) })
		ae.String(3, "x")
	})
	if err := ae.Err(); err != nil {
		t.Fatal(err)
	}
	if len(ae.Bytes())%4 != 0 {
		t.Errorf("length %d not aligned", len(ae.Bytes()))
	}

	ad := NewAttributeDecoder(ae.Bytes())
	seen := map[uint16]bool{}
	for ad.Next() {
		seen[ad.Type()] = true
		var got, want any
		switch ad.Type() {
		case 1:
			got, want = ad.Uint8(), uint8(0xfe)
		case 2:
			got, want = ad.Uint16(), uint16(0xbeef)
		case 3:
			got, want = ad.Uint32(), uint32(0xdeadbeef)
		case 4:
			got, want = ad.Uint64(), uint64(math.MaxUint64-1)
		case 5:
			got, want = ad.BigEndianUint16(), uint16(8080)
		case 6:
			got, want = ad.String(), "veth-long-name"
		case 7:
			got, want = ad.Addr(), v4
		case 8:
			got, want = ad.Addr(), v6
		case 9:
			got, want = ad.Len(), 0
		case 10:
			got, want = string(ad.Bytes()), "\x09\x08\x07"
		case 11:
			got, want = ad.Int32(), int32(-1)
		case 12:
			got, want = ad.TypeFlags(), uint16(12|NLA_F_NESTED)
			nd := ad.Nested()
			var n uint32
			var a netip.Addr
			var s string
			for nd.Next() {
				switch nd.Type() {
				case 1:
					n = nd.Uint32()
				case 2:
					id := nd.Nested()
					for id.Next() {
						a = id.Addr()
					}
					if id.Err() != nil {
						t.Error(id.Err())
					}
				case 3:
					s = nd.String()
				}
			}
			if nd.Err() != nil || n != 100 || a != v6 || s != "x" {
				t.Errorf("nested: n=%d a=%v s=%q err=%v", n, a, s, nd.Err())
			}
		default:
			t.Errorf("unexpected type %d", ad.Type())
		}
		if got != want {
			t.Errorf("type %d: got %v, want %v", ad.Type(), got, want)
		}
	}
	if err := ad.Err(); err != nil {
		t.Fatal(err)
	}
	if len(seen) != 12 {
		t.Errorf("decoded %d distinct attributes, want 12", len(seen))
	}

	// ParseAttributes sees the same attributes.
	attrs, err := ParseAttributes(ae.Bytes())
	if err != nil || len(attrs) != 12 {
		t.Fatalf("ParseAttributes: %d attributes, %v", len(attrs), err)
	}
	var re AttributeEncoder
	for _, a := range attrs {
		re.Attr(a.Type, a.Data)
	}
	if !bytes.Equal(re.Bytes(), ae.Bytes()) {
		t.Errorf("re-encoding the parsed attributes gives\n% x\nwant\n% x", re.Bytes(), ae.Bytes())
	}
}

func TestAttributeEncoderInvalidAddr(t *testing.T) {
	ae := NewAttributeEncoder(nil)
	ae.Uint8(1, 1)
	before := bytes.Clone(ae.Bytes())
	ae.Addr(2, netip.Addr{})
	err := ae.Err()
	if err == nil {
		t.Fatalf("Addr(invalid) recorded no error; Bytes() = % x", ae.Bytes())
	}
	if !errors.Is(err, ErrInvalidOptions) && !errors.Is(err, ErrMalformed) {
		t.Errorf("Err() = %v, want one wrapping ErrInvalidOptions or ErrMalformed", err)
	}
	if !bytes.Equal(ae.Bytes(), before) {
		t.Errorf("Addr(invalid) wrote bytes: % x", ae.Bytes())
	}
	// Later calls keep the first error.
	ae.Attr(3, make([]byte, 70000))
	if ae.Err() != err {
		t.Errorf("Err() changed from %v to %v", err, ae.Err())
	}
}

func TestAttributeEncoderTooLong(t *testing.T) {
	tests := []struct {
		name    string
		encode  func(*AttributeEncoder)
		wantErr bool
	}{
		{"Attr 65531 bytes fits", func(ae *AttributeEncoder) { ae.Attr(1, make([]byte, 65531)) }, false},
		{"Attr 65532 bytes", func(ae *AttributeEncoder) { ae.Attr(1, make([]byte, 65532)) }, true},
		{"Attr 100000 bytes", func(ae *AttributeEncoder) { ae.Attr(1, make([]byte, 100000)) }, true},
		{"String 65530 bytes fits", func(ae *AttributeEncoder) { ae.String(1, strings.Repeat("a", 65530)) }, false},
		{"String 65531 bytes", func(ae *AttributeEncoder) { ae.String(1, strings.Repeat("a", 65531)) }, true},
		{
			"Nested over 65535",
			func(ae *AttributeEncoder) {
				ae.Nested(1, func(ae *AttributeEncoder) {
					for range 5 {
						ae.Attr(2, make([]byte, 20000))
					}
				})
			},
			true,
		},
		{
			"Nested error inside",
			func(ae *AttributeEncoder) {
				ae.Nested(1, func(ae *AttributeEncoder) { ae.Attr(2, make([]byte, 70000)) })
			},
			true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ae AttributeEncoder
			tt.encode(&ae)
			err := ae.Err()
			if !tt.wantErr {
				if err != nil {
					t.Fatalf("Err() = %v", err)
				}
				ad := NewAttributeDecoder(ae.Bytes())
				if !ad.Next() || ad.Err() != nil {
					t.Fatalf("cannot decode the largest attribute: %v", ad.Err())
				}
				if got := binary.NativeEndian.Uint16(ae.Bytes()); got != 0xffff {
					t.Errorf("length field = %d, want 65535", got)
				}
				return
			}
			if !errors.Is(err, ErrMalformed) {
				t.Fatalf("Err() = %v, want one wrapping ErrMalformed", err)
			}
		})
	}
}

// TestAttributeEncoderUnalignedPrefix encodes attributes after a fixed
// header whose size is not a multiple of 4, such as the 1-byte struct
// rtgenmsg. The kernel reads attributes from NLMSG_ALIGN(header size)
// (nlmsg_attrdata), and each attribute's padding counts from its own
// start.
func TestAttributeEncoderUnalignedPrefix(t *testing.T) {
	for _, prefix := range [][]byte{{2}, {2, 0}, {2, 0, 0}, wireFill(5, 1)} {
		ae := NewAttributeEncoder(bytes.Clone(prefix))
		ae.Attr(1, []byte{1})
		ae.Attr(2, []byte{2, 2})
		ae.Uint32(3, 3)
		b := ae.Bytes()
		if !bytes.Equal(b[:len(prefix)], prefix) {
			t.Fatalf("prefix % x overwritten: % x", prefix, b)
		}
		start := (len(prefix) + 3) &^ 3
		attrs, err := ParseAttributes(b[start:])
		if err != nil || len(attrs) != 3 || attrs[0].Type != 1 || attrs[1].Type != 2 || attrs[2].Type != 3 {
			t.Errorf("prefix of %d bytes: encoded % x; attributes at offset %d parse as %+v, %v",
				len(prefix), b, start, attrs, err)
		}
	}
}
