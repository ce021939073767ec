package netlink

import "testing"

// BenchmarkDecodeLink decodes a veth as a link dump sends it (the kernel
// capture of Linux 6.18 on a little-endian host).
func BenchmarkDecodeLink(b *testing.B) {
	data := lkBenchPayload()
	m := &Message{Header: Header{Type: RTM_NEWLINK}, Data: data}
	b.Run("DecodeLink", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			if _, err := DecodeLink(m); err != nil {
				b.Fatal(err)
			}
		}
	})
	// The same without IFLA_AF_SPEC, whose 812 bytes are most of what a
	// link keeps.
	ae := NewAttributeEncoder(append([]byte(nil), data[:ifinfomsgLen]...))
	ad := NewAttributeDecoder(data[ifinfomsgLen:])
	for ad.Next() {
		if ad.Type() != IFLA_AF_SPEC {
			ae.Attr(ad.TypeFlags(), ad.Bytes())
		}
	}
	noAF := &Message{Header: Header{Type: RTM_NEWLINK}, Data: ae.Bytes()}
	b.Run("DecodeLink-without-AF_SPEC", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(noAF.Data)))
		for b.Loop() {
			if _, err := DecodeLink(noAF); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("UnmarshalBinary-reused", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(data)))
		var l Link
		for b.Loop() {
			if err := l.UnmarshalBinary(data); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("arena", func(b *testing.B) {
		// As ListLinks decodes: the bytes come from shared blocks.
		b.ReportAllocs()
		b.SetBytes(int64(len(data)))
		var arena linkArena
		for b.Loop() {
			var l Link
			if err := l.unmarshal(data, &arena); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkEncodeLink encodes link requests into a reused buffer.
func BenchmarkEncodeLink(b *testing.B) {
	for _, bc := range []struct {
		name string
		l    Link
	}{
		{"set-up", Link{Index: 3, Flags: IFF_UP, Change: IFF_UP}},
		{"bridge", Link{Name: "br0", Kind: "bridge", MTU: 1500}},
		{"veth-peer", Link{Name: "veth0", Kind: "veth", Peer: &Link{Name: "veth1", HardwareAddr: lkMAC("02:00:00:00:00:02")}}},
	} {
		l := bc.l
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			buf := make([]byte, 0, 512)
			for b.Loop() {
				var err error
				if buf, err = l.AppendBinary(buf[:0]); err != nil {
					b.Fatal(err)
				}
			}
			b.SetBytes(int64(len(buf)))
		})
	}
}

// BenchmarkLinkString prints a veth as ip link's first line.
func BenchmarkLinkString(b *testing.B) {
	var l Link
	if err := l.UnmarshalBinary(lkBenchPayload()); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		_ = l.String()
	}
}
