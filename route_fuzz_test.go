package netlink

import (
	"bytes"
	"encoding/binary"
	"encoding/hex"
	"reflect"
	"testing"
)

// rtFuzzSeeds returns route payloads: the kernel captures, the encoded
// round-trip routes, and payloads of single attributes of every type.
func rtFuzzSeeds() [][]byte {
	var seeds [][]byte
	if rtLittleEndian() {
		for _, c := range rtKernelCaptures {
			b, err := hex.DecodeString(c.hex)
			if err != nil {
				panic(err)
			}
			seeds = append(seeds, b)
		}
	}
	for _, r := range rtRoundTripRoutes() {
		b, err := r.MarshalBinary()
		if err != nil {
			panic(err)
		}
		seeds = append(seeds, b)
	}
	for _, family := range []uint8{afInet, afInet6, RTNL_FAMILY_IPMR, 28} {
		for t := uint16(0); t <= RTA_FLOWLABEL+1; t++ {
			for _, n := range []int{0, 1, 2, 4, 8, 16, 18, 32} {
				seeds = append(seeds, rtPayload(rtHdr(family, 8, 8, 0, 0, 0, 0, 0, 0), func(ae *AttributeEncoder) {
					ae.Attr(t, bytes.Repeat([]byte{byte(n)}, n))
				}))
			}
		}
	}
	seeds = append(seeds, nil, make([]byte, 11), rtNhBad)
	return seeds
}

// FuzzDecodeRoute checks that decoding any payload returns an error or a
// route that prints, does not alias the payload, and, when Validate
// accepts it, encodes to a payload that decodes to the same route.
func FuzzDecodeRoute(f *testing.F) {
	for _, s := range rtFuzzSeeds() {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		in := bytes.Clone(b)
		var r Route
		err := r.UnmarshalBinary(in)
		if err != nil {
			if !reflect.DeepEqual(r, Route{}) {
				t.Fatalf("route left after error %v: %#v", err, r)
			}
			return
		}
		_ = r.String()
		for i := range in {
			in[i] ^= 0xff
		}
		var again Route
		if err := again.UnmarshalBinary(b); err != nil || !reflect.DeepEqual(again, r) {
			t.Fatalf("route aliases its input: after changing the input it is %#v, decoding again gives %#v, %v", r, again, err)
		}
		if r.Validate() != nil {
			return
		}
		enc, err := r.MarshalBinary()
		if err != nil {
			t.Fatalf("Validate accepts %#v but MarshalBinary fails: %v", r, err)
		}
		var back Route
		if err := back.UnmarshalBinary(enc); err != nil {
			t.Fatalf("decoding the encoding of %#v: %v", r, err)
		}
		if !reflect.DeepEqual(back, r) {
			t.Fatalf("round trip changed the route:\n got %#v\nwant %#v", back, r)
		}
	})
}

// FuzzAttributeDecoder checks that the attribute iterator never panics,
// never reads beyond its buffer, consumes exactly the buffer when it
// reports no error, agrees with ParseAttributes, and that what it reads
// re-encodes to attributes that read the same.
func FuzzAttributeDecoder(f *testing.F) {
	for _, s := range rtFuzzSeeds() {
		if len(s) >= rtmsgLen {
			f.Add(s[rtmsgLen:])
		}
	}
	f.Add([]byte{3, 0, 1, 0})
	f.Add([]byte{5, 0, 1, 0, 9})
	f.Add([]byte{4, 0, 1, 0, 0})
	f.Add([]byte{8, 0, 1, 0x80, 4, 0, 2, 0})
	f.Fuzz(func(t *testing.T, b []byte) {
		var got []Attribute
		consumed := 0
		ad := NewAttributeDecoder(b)
		for ad.Next() {
			n := ad.Len()
			if consumed+attrHeaderLen+n > len(b) {
				t.Fatalf("attribute %d: %d bytes at offset %d run past the %d-byte buffer", len(got), n, consumed, len(b))
			}
			if l := int(binary.NativeEndian.Uint16(b[consumed:])); l != attrHeaderLen+n {
				t.Fatalf("attribute %d: Len %d but nla_len %d", len(got), n, l)
			}
			if !bytes.Equal(ad.Bytes(), b[consumed+attrHeaderLen:consumed+attrHeaderLen+n]) {
				t.Fatalf("attribute %d: Bytes differ from the buffer", len(got))
			}
			if ad.Type() != ad.TypeFlags()&NLA_TYPE_MASK {
				t.Fatalf("attribute %d: Type %#x, TypeFlags %#x", len(got), ad.Type(), ad.TypeFlags())
			}
			got = append(got, ad.Attribute())
			consumed = min(align(consumed+attrHeaderLen+n), len(b))
		}
		if ad.Next() {
			t.Fatal("Next returned true after returning false")
		}
		if ad.Err() == nil && consumed != len(b) {
			t.Fatalf("no error but %d of %d bytes consumed", consumed, len(b))
		}
		if ad.Err() != nil && consumed == len(b) {
			t.Fatalf("error %v after consuming the whole buffer", ad.Err())
		}

		parsed, err := ParseAttributes(b)
		if (err == nil) != (ad.Err() == nil) || len(parsed) != len(got) {
			t.Fatalf("ParseAttributes: %d attributes, %v; the decoder read %d, %v", len(parsed), err, len(got), ad.Err())
		}
		for i := range parsed {
			if parsed[i].Type != got[i].Type || !bytes.Equal(parsed[i].Data, got[i].Data) {
				t.Fatalf("attribute %d: ParseAttributes %+v, decoder %+v", i, parsed[i], got[i])
			}
		}

		// Every getter, on every attribute, and on nested payloads.
		getters := NewAttributeDecoder(b)
		for getters.Next() {
			_ = getters.Uint8()
			_ = getters.Uint16()
			_ = getters.Uint32()
			_ = getters.Int32()
			_ = getters.Uint64()
			_ = getters.BigEndianUint16()
			_ = getters.String()
			_ = getters.Addr()
			nested := getters.Nested()
			for nested.Next() {
				_ = nested.Bytes()
			}
		}

		// What was read re-encodes to attributes that read the same.
		var ae AttributeEncoder
		for _, a := range got {
			ae.Attr(a.Type, a.Data)
		}
		if ae.Err() != nil {
			t.Fatalf("re-encoding: %v", ae.Err())
		}
		again, err := ParseAttributes(ae.Bytes())
		if err != nil || len(again) != len(got) {
			t.Fatalf("re-encoded attributes parse as %d, %v; want %d", len(again), err, len(got))
		}
		for i := range again {
			if again[i].Type != got[i].Type || !bytes.Equal(again[i].Data, got[i].Data) {
				t.Fatalf("re-encoded attribute %d: %+v, want %+v", i, again[i], got[i])
			}
		}
	})
}
