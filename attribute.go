package netlink

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"net/netip"
)

// Attribute type flags (NLA_F_NESTED, NLA_F_NET_BYTEORDER) and the mask
// that removes them (NLA_TYPE_MASK).
const (
	NLA_F_NESTED        = 0x8000
	NLA_F_NET_BYTEORDER = 0x4000
	NLA_TYPE_MASK       = ^uint16(NLA_F_NESTED | NLA_F_NET_BYTEORDER)
)

// attrHeaderLen is the size of struct nlattr (NLA_HDRLEN).
const attrHeaderLen = 4

// Attribute is one netlink attribute (struct nlattr and its payload): a
// type-length-value triple.
type Attribute struct {
	// Type is the attribute type, including the NLA_F_NESTED and
	// NLA_F_NET_BYTEORDER flags if the sender set them.
	Type uint16
	// Data is the payload, without header or padding.
	Data []byte
}

// AttributeDecoder iterates over the attributes of a buffer without
// allocating. Call Next until it returns false, read the current
// attribute with Type and the typed getters, then check Err:
//
//	ad := netlink.NewAttributeDecoder(b)
//	for ad.Next() {
//		switch ad.Type() {
//		case netlink.RTA_OIF:
//			oif = ad.Uint32()
//		}
//	}
//	if err := ad.Err(); err != nil { ... }
//
// A getter applied to a payload of the wrong size returns the zero value
// and records an error wrapping ErrMalformed, which stops the iteration.
type AttributeDecoder struct {
	b    []byte
	typ  uint16
	data []byte
	err  error
}

// NewAttributeDecoder returns a decoder over the attributes in b.
func NewAttributeDecoder(b []byte) AttributeDecoder {
	return AttributeDecoder{b: b}
}

// Next advances to the next attribute. It returns false at the end of the
// buffer or after an error.
func (ad *AttributeDecoder) Next() bool {
	if ad.err != nil || len(ad.b) == 0 {
		return false
	}
	if len(ad.b) < attrHeaderLen {
		ad.err = fmt.Errorf("%w: %d trailing bytes, shorter than an attribute header", ErrMalformed, len(ad.b))
		return false
	}
	n := int(binary.NativeEndian.Uint16(ad.b[0:2]))
	if n < attrHeaderLen || n > len(ad.b) {
		ad.err = fmt.Errorf("%w: attribute length %d outside %d..%d", ErrMalformed, n, attrHeaderLen, len(ad.b))
		return false
	}
	ad.typ = binary.NativeEndian.Uint16(ad.b[2:4])
	ad.data = ad.b[attrHeaderLen:n:n]
	next := align(n)
	if next > len(ad.b) {
		next = len(ad.b)
	}
	ad.b = ad.b[next:]
	return true
}

// Err returns the first error met while decoding, or nil.
func (ad *AttributeDecoder) Err() error { return ad.err }

// Type returns the current attribute's type without the NLA_F_NESTED and
// NLA_F_NET_BYTEORDER flags.
func (ad *AttributeDecoder) Type() uint16 { return ad.typ & NLA_TYPE_MASK }

// TypeFlags returns the current attribute's type with its flags.
func (ad *AttributeDecoder) TypeFlags() uint16 { return ad.typ }

// Len returns the length of the current attribute's payload.
func (ad *AttributeDecoder) Len() int { return len(ad.data) }

// Bytes returns the current attribute's payload. It aliases the decoded
// buffer: copy it to keep it beyond the buffer's life.
func (ad *AttributeDecoder) Bytes() []byte { return ad.data }

// Attribute returns the current attribute with a copy of its payload.
func (ad *AttributeDecoder) Attribute() Attribute {
	return Attribute{Type: ad.typ, Data: bytes.Clone(ad.data)}
}

// fail records a size error for the current attribute.
func (ad *AttributeDecoder) fail(what string) {
	if ad.err == nil {
		ad.err = fmt.Errorf("%w: attribute type %d: %d-byte payload is not %s", ErrMalformed, ad.Type(), len(ad.data), what)
	}
}

// Uint8 returns the payload as a uint8 (NLA_U8).
func (ad *AttributeDecoder) Uint8() uint8 {
	if len(ad.data) != 1 {
		ad.fail("a u8")
		return 0
	}
	return ad.data[0]
}

// Uint16 returns the payload as a host-order uint16 (NLA_U16).
func (ad *AttributeDecoder) Uint16() uint16 {
	if len(ad.data) != 2 {
		ad.fail("a u16")
		return 0
	}
	return binary.NativeEndian.Uint16(ad.data)
}

// Uint32 returns the payload as a host-order uint32 (NLA_U32).
func (ad *AttributeDecoder) Uint32() uint32 {
	if len(ad.data) != 4 {
		ad.fail("a u32")
		return 0
	}
	return binary.NativeEndian.Uint32(ad.data)
}

// Int32 returns the payload as a host-order int32 (NLA_S32).
func (ad *AttributeDecoder) Int32() int32 { return int32(ad.Uint32()) }

// Uint64 returns the payload as a host-order uint64 (NLA_U64). A 4-byte
// payload is accepted too, as the kernel's variable-width NLA_UINT
// allows.
func (ad *AttributeDecoder) Uint64() uint64 {
	switch len(ad.data) {
	case 8:
		return binary.NativeEndian.Uint64(ad.data)
	case 4:
		return uint64(binary.NativeEndian.Uint32(ad.data))
	}
	ad.fail("a u64")
	return 0
}

// BigEndianUint16 returns the payload as a network-order uint16 (NLA_BE16).
func (ad *AttributeDecoder) BigEndianUint16() uint16 {
	if len(ad.data) != 2 {
		ad.fail("a be16")
		return 0
	}
	return binary.BigEndian.Uint16(ad.data)
}

// String returns the payload as a string without its terminating NUL
// (NLA_NUL_STRING, NLA_STRING).
func (ad *AttributeDecoder) String() string {
	d := ad.data
	if i := bytes.IndexByte(d, 0); i >= 0 {
		d = d[:i]
	}
	return string(d)
}

// Addr returns the payload as an IPv4 (4 bytes) or IPv6 (16 bytes)
// address.
func (ad *AttributeDecoder) Addr() netip.Addr {
	a, ok := addrFromSlice(ad.data)
	if !ok {
		ad.fail("an IPv4 or IPv6 address")
	}
	return a
}

// Nested returns a decoder over the payload of the current attribute,
// which holds attributes itself (NLA_NESTED).
func (ad *AttributeDecoder) Nested() AttributeDecoder {
	return AttributeDecoder{b: ad.data}
}

// addrFromSlice converts a 4- or 16-byte slice into an address.
func addrFromSlice(b []byte) (netip.Addr, bool) {
	switch len(b) {
	case 4:
		return netip.AddrFrom4([4]byte(b)), true
	case 16:
		return netip.AddrFrom16([16]byte(b)), true
	}
	return netip.Addr{}, false
}

// ParseAttributes returns every attribute in b, each with a copy of its
// payload.
func ParseAttributes(b []byte) ([]Attribute, error) {
	var attrs []Attribute
	ad := NewAttributeDecoder(b)
	for ad.Next() {
		attrs = append(attrs, ad.Attribute())
	}
	return attrs, ad.Err()
}

// AttributeEncoder appends attributes to a buffer. The zero value is
// ready to use; Bytes returns what was written.
type AttributeEncoder struct {
	b   []byte
	err error
}

// NewAttributeEncoder returns an encoder that appends to b, which lets a
// caller build attributes after a fixed header without copying.
func NewAttributeEncoder(b []byte) *AttributeEncoder {
	return &AttributeEncoder{b: b}
}

// Bytes returns the buffer with every attribute written so far.
func (ae *AttributeEncoder) Bytes() []byte { return ae.b }

// Err returns the first error met while encoding: an attribute whose
// payload does not fit the 16-bit length field.
func (ae *AttributeEncoder) Err() error { return ae.err }

// Attr appends an attribute of type typ with payload data.
func (ae *AttributeEncoder) Attr(typ uint16, data []byte) {
	start := ae.begin(typ)
	ae.b = append(ae.b, data...)
	ae.end(start)
}

// begin writes an attribute header with a length to be fixed by end and
// returns its offset.
func (ae *AttributeEncoder) begin(typ uint16) int {
	for len(ae.b)%4 != 0 { // attributes start on a 4-byte boundary
		ae.b = append(ae.b, 0)
	}
	start := len(ae.b)
	ae.b = binary.NativeEndian.AppendUint16(ae.b, 0)
	ae.b = binary.NativeEndian.AppendUint16(ae.b, typ)
	return start
}

// end fixes the length of the attribute begun at start and pads it.
func (ae *AttributeEncoder) end(start int) {
	n := len(ae.b) - start
	if n > 0xffff {
		if ae.err == nil {
			ae.err = fmt.Errorf("%w: attribute type %d is %d bytes long, more than 65535", ErrMalformed, binary.NativeEndian.Uint16(ae.b[start+2:]), n)
		}
		n = 0xffff
	}
	binary.NativeEndian.PutUint16(ae.b[start:], uint16(n))
	for len(ae.b)%4 != 0 {
		ae.b = append(ae.b, 0)
	}
}

// Uint8 appends a u8 attribute (NLA_U8).
func (ae *AttributeEncoder) Uint8(typ uint16, v uint8) { ae.Attr(typ, []byte{v}) }

// Uint16 appends a host-order u16 attribute (NLA_U16).
func (ae *AttributeEncoder) Uint16(typ uint16, v uint16) {
	start := ae.begin(typ)
	ae.b = binary.NativeEndian.AppendUint16(ae.b, v)
	ae.end(start)
}

// Uint32 appends a host-order u32 attribute (NLA_U32).
func (ae *AttributeEncoder) Uint32(typ uint16, v uint32) {
	start := ae.begin(typ)
	ae.b = binary.NativeEndian.AppendUint32(ae.b, v)
	ae.end(start)
}

// Uint64 appends a host-order u64 attribute (NLA_U64).
func (ae *AttributeEncoder) Uint64(typ uint16, v uint64) {
	start := ae.begin(typ)
	ae.b = binary.NativeEndian.AppendUint64(ae.b, v)
	ae.end(start)
}

// BigEndianUint16 appends a network-order u16 attribute (NLA_BE16).
func (ae *AttributeEncoder) BigEndianUint16(typ uint16, v uint16) {
	start := ae.begin(typ)
	ae.b = binary.BigEndian.AppendUint16(ae.b, v)
	ae.end(start)
}

// String appends a NUL-terminated string attribute (NLA_NUL_STRING).
func (ae *AttributeEncoder) String(typ uint16, s string) {
	start := ae.begin(typ)
	ae.b = append(ae.b, s...)
	ae.b = append(ae.b, 0)
	ae.end(start)
}

// Addr appends an address attribute: 4 bytes for IPv4, 16 for IPv6.
func (ae *AttributeEncoder) Addr(typ uint16, a netip.Addr) {
	switch {
	case a.Is4():
		b := a.As4()
		ae.Attr(typ, b[:])
	case a.Is6():
		b := a.As16()
		ae.Attr(typ, b[:])
	default:
		if ae.err == nil {
			ae.err = fmt.Errorf("%w: attribute type %d: invalid address", ErrInvalidOptions, typ)
		}
	}
}

// Flag appends an attribute with no payload (NLA_FLAG).
func (ae *AttributeEncoder) Flag(typ uint16) { ae.Attr(typ, nil) }

// Nested appends an attribute of type typ|NLA_F_NESTED whose payload is
// what fn encodes.
func (ae *AttributeEncoder) Nested(typ uint16, fn func(*AttributeEncoder)) {
	start := ae.begin(typ | NLA_F_NESTED)
	fn(ae)
	ae.end(start)
}
