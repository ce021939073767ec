package netlink

import (
	"bytes"
	"reflect"
	"testing"
)

// lkFuzzSeeds returns link payloads: the kernel captures, encoded links,
// and payloads of single attributes of every type and several sizes,
// plain and nested.
func lkFuzzSeeds() [][]byte {
	var seeds [][]byte
	if lkLittleEndian() {
		for _, c := range lkCaptures {
			seeds = append(seeds, lkCapture(c.hex))
		}
	}
	seeds = append(seeds, lkBenchPayload())
	for _, l := range []Link{
		{Name: "br0", Kind: "bridge", MTU: 1500, HardwareAddr: lkMAC("02:00:00:00:00:01")},
		{Name: "v0", Kind: "veth", Peer: &Link{Name: "v1", MTU: 1400}},
		{Index: 3, Flags: IFF_UP, Change: IFF_UP, Alias: "a", Group: 1, Master: 2, HasLinkNetNSID: true, LinkNetNSID: 4,
			SlaveKind: "bond", InfoSlaveData: []byte{5, 0, 1, 0, 1, 0, 0, 0}, Map: LinkIfMap{IRQ: 3},
			Raw: []Attribute{{Type: IFLA_PROTINFO | NLA_F_NESTED, Data: []byte{4, 0, 1, 0}}}},
	} {
		b, err := l.MarshalBinary()
		if err != nil {
			panic(err)
		}
		seeds = append(seeds, b)
	}
	hdr := lkHdr(0, ARPHRD_ETHER, 2, IFF_UP, 0)
	for t := uint16(0); t <= IFLA_TAILROOM+1; t++ {
		for _, n := range []int{0, 1, 2, 4, 6, 8, 28, 32, 92, 96, 184, 200} {
			seeds = append(seeds, lkPayload(hdr, func(ae *AttributeEncoder) {
				ae.Attr(t, bytes.Repeat([]byte{byte(n)}, n))
			}))
		}
		for _, nested := range []uint16{IFLA_LINKINFO, IFLA_XDP, IFLA_PROP_LIST} {
			seeds = append(seeds, lkPayload(hdr, func(ae *AttributeEncoder) {
				ae.Nested(nested, func(ae *AttributeEncoder) { ae.Attr(t&7, []byte("veth\x00")) })
			}))
		}
	}
	seeds = append(seeds, nil, make([]byte, 15), make([]byte, 16))
	return seeds
}

// FuzzDecodeLink checks that decoding any payload returns an error (and
// a zero link) or a link that prints, does not alias the payload, decodes
// the same again, and, when Validate accepts it, encodes to a payload
// that decodes to the fields a request carries.
func FuzzDecodeLink(f *testing.F) {
	for _, s := range lkFuzzSeeds() {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		in := bytes.Clone(b)
		var l Link
		err := l.UnmarshalBinary(in)
		if err != nil {
			if !reflect.DeepEqual(l, Link{}) {
				t.Fatalf("link left after error %v: %#v", err, l)
			}
			return
		}
		_ = l.String()
		_ = l.Flags.String()
		_ = l.Type.String()
		for i := range in {
			in[i] ^= 0xff
		}
		var again Link
		if err := again.UnmarshalBinary(b); err != nil || !reflect.DeepEqual(again, l) {
			t.Fatalf("link aliases its input: after changing the input it is %#v, decoding again gives %#v, %v", l, again, err)
		}
		if l.Validate() != nil {
			return
		}
		enc, err := l.MarshalBinary()
		if err != nil {
			t.Fatalf("Validate accepts %#v but MarshalBinary fails: %v", l, err)
		}
		var back Link
		if err := back.UnmarshalBinary(enc); err != nil {
			t.Fatalf("decoding the encoding of %#v: %v", l, err)
		}
		if want := lkSettable(l); !reflect.DeepEqual(back, want) {
			t.Fatalf("round trip:\n got %#v\nwant %#v", back, want)
		}
	})
}
